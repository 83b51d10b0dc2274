/** How an entry repeats, as the form offers it; each choice becomes a bounded RFC 5545 RRULE. */
export const REPEATS = ["none", "daily", "weekdays", "weekly", "monthly"] as const;
export type Repeat = (typeof REPEATS)[number];

const RULES: Record<Exclude<Repeat, "none">, string> = {
  daily: "FREQ=DAILY",
  weekdays: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
  weekly: "FREQ=WEEKLY",
  monthly: "FREQ=MONTHLY",
};

/** The RRULE for a repeat choice and a number of occurrences (the server refuses an unbounded rule). */
export function repeatRule(repeat: Repeat, times: number): string | undefined {
  if (repeat === "none") return undefined;
  return `${RULES[repeat]};COUNT=${Math.max(1, Math.trunc(times))}`;
}

/** `"09:30"` → 570 minutes after midnight; undefined for anything else. */
export function minutesOf(time: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}
