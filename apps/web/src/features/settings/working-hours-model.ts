import { toFieldIssues, weeklyHoursSchema, WEEKDAY_KEYS, type FieldIssue, type HoursInterval, type WeekdayKey, type WeeklyHoursInput } from "@frontoffice/domain";

/** The editor's week: every day present, each with its intervals as typed. */
export type WeekHours = Record<WeekdayKey, HoursInterval[]>;

/** Monday 1 January 2024, so index i is WEEKDAY_KEYS[i]. */
const A_MONDAY = Date.UTC(2024, 0, 1);

export function emptyWeek(): WeekHours {
  return Object.fromEntries(WEEKDAY_KEYS.map((day) => [day, []])) as unknown as WeekHours;
}

/** A stored schedule as the editor's week (a day left out is closed). */
export function toWeek(hours: Partial<WeeklyHoursInput> | undefined): WeekHours {
  const week = emptyWeek();
  for (const day of WEEKDAY_KEYS) week[day] = (hours?.[day] ?? []).map((interval) => ({ start: interval.start, end: interval.end }));
  return week;
}

interface WeekInfo {
  firstDay?: number;
}
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** The first day of the week in a locale (1 Monday … 7 Sunday), from Intl; Monday where unknown. */
export function firstDayOf(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as LocaleWithWeek;
    const firstDay = (info.getWeekInfo?.() ?? info.weekInfo)?.firstDay;
    return firstDay && firstDay >= 1 && firstDay <= 7 ? firstDay : 1;
  } catch {
    return 1;
  }
}

/** The weekdays in the order the locale's calendars show them. */
export function weekOrder(locale: string): WeekdayKey[] {
  const start = firstDayOf(locale) - 1;
  return WEEKDAY_KEYS.map((_, index) => WEEKDAY_KEYS[(start + index) % 7]!);
}

/** A weekday's name in the locale ("lunes", "Monday", "lunedì"). */
export function dayName(locale: string, day: WeekdayKey, width: "long" | "short" = "long"): string {
  const index = WEEKDAY_KEYS.indexOf(day);
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: "UTC" }).format(new Date(A_MONDAY + index * 86_400_000));
}

const WEEKDAYS: readonly WeekdayKey[] = ["tuesday", "wednesday", "thursday", "friday"];

/** Monday's hours copied to Tuesday…Friday (the weekend is left as it is). */
export function copyMondayToWeekdays(week: WeekHours): WeekHours {
  const next = { ...week };
  for (const day of WEEKDAYS) next[day] = week.monday.map((interval) => ({ ...interval }));
  return next;
}

export function clearDay(week: WeekHours, day: WeekdayKey): WeekHours {
  return { ...week, [day]: [] };
}

const toMinutes = (time: string) => (/^\d\d:\d\d$/.test(time) ? Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) : Number.NaN);
const toTime = (total: number) => `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;

/** One more interval for a day: 09:00–14:00 on an empty day, else an hour after the last one ends. */
export function addInterval(week: WeekHours, day: WeekdayKey): WeekHours {
  const last = week[day].at(-1);
  let interval: HoursInterval = { start: "09:00", end: "14:00" };
  const lastEnd = last ? toMinutes(last.end) : Number.NaN;
  if (Number.isFinite(lastEnd)) {
    const start = Math.min(lastEnd + 60, 23 * 60);
    interval = { start: toTime(start), end: toTime(Math.min(start + 4 * 60, 24 * 60)) };
  }
  return { ...week, [day]: [...week[day], interval] };
}

export function removeInterval(week: WeekHours, day: WeekdayKey, index: number): WeekHours {
  return { ...week, [day]: week[day].filter((_, position) => position !== index) };
}

export function updateInterval(week: WeekHours, day: WeekdayKey, index: number, change: Partial<HoursInterval>): WeekHours {
  return { ...week, [day]: week[day].map((interval, position) => (position === index ? { ...interval, ...change } : interval)) };
}

/** Problems by place: `monday.1.end`, `monday.1` (the interval), `monday` (the day). */
export type HoursErrors = Record<string, FieldIssue>;

/** Where each issue goes in the editor, from the paths zod and the server give (`["monday", 1, "end"]`). */
export function placeHoursIssues(issues: readonly FieldIssue[]): HoursErrors {
  const errors: HoursErrors = {};
  for (const issue of issues) {
    const path = issue.path[0] === "weeklyHours" ? issue.path.slice(1) : issue.path;
    if (!WEEKDAY_KEYS.includes(path[0] as WeekdayKey)) continue;
    const place = path.slice(0, 3).join(".");
    errors[place] ??= issue;
  }
  return errors;
}

/** Checks the week with the schema the server uses: overlaps, an end before its start, bad times. */
export function hoursErrors(week: WeekHours): HoursErrors {
  const parsed = weeklyHoursSchema.safeParse(week);
  return parsed.success ? {} : placeHoursIssues(toFieldIssues(parsed.error.issues));
}

/** The issues of one interval (its own, its start's, its end's), first the interval's. */
export function intervalIssue(errors: HoursErrors, day: WeekdayKey, index: number): { start?: FieldIssue; end?: FieldIssue; interval?: FieldIssue } {
  const result: { start?: FieldIssue; end?: FieldIssue; interval?: FieldIssue } = {};
  const start = errors[`${day}.${index}.start`];
  const end = errors[`${day}.${index}.end`];
  const interval = errors[`${day}.${index}`];
  if (start) result.start = start;
  if (end) result.end = end;
  if (interval) result.interval = interval;
  return result;
}
