import { useMemo } from "react";
import { useI18n } from "../../i18n";

export interface ScheduleFormat {
  /** An instant's local time in the office's zone: "09:30" / "9:30 AM". */
  time: (instant: number | string) => string;
  /** Minutes since midnight as a wall-clock time (hour labels). */
  wallTime: (minutes: number) => string;
  /** "Mon 9" for a week column. */
  dayShort: (date: string) => string;
  /** "Monday, 9 June 2025". */
  dayLong: (date: string) => string;
  /** "9 Jun" */
  dayMedium: (date: string) => string;
  /** "Monday, 9 June 2025, 09:30" for an instant, in the office's zone. */
  when: (instant: number | string) => string;
  /** "09:30–10:00". */
  range: (start: number | string, end: number | string) => string;
}

const asDate = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);
const asInstant = (value: number | string) => new Date(typeof value === "number" ? value : Date.parse(value));

/** Dates and times through Intl, in the interface language and the office's time zone. */
export function formatsFor(locale: string, timeZone: string): ScheduleFormat {
  const time = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone });
  const wall = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" });
  const short = new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", timeZone: "UTC" });
  const long = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" });
  const whenFormat = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone });
  const medium = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  return {
    time: (value) => time.format(asInstant(value)),
    wallTime: (minutes) => wall.format(new Date(Date.UTC(1970, 0, 1, 0, minutes))),
    dayShort: (date) => short.format(asDate(date)),
    dayLong: (date) => long.format(asDate(date)),
    dayMedium: (date) => medium.format(asDate(date)),
    when: (value) => whenFormat.format(asInstant(value)),
    range: (start, end) => time.formatRange(asInstant(start), asInstant(end)),
  };
}

export function useScheduleFormat(timeZone: string): ScheduleFormat {
  const { locale } = useI18n();
  return useMemo(() => formatsFor(locale, timeZone), [locale, timeZone]);
}
