/**
 * Local dates and wall-clock times in an IANA time zone (the office's, never the browser's), with
 * nothing but `Intl`: the calendar needs a handful of conversions, not a Temporal polyfill in the
 * bundle. Dates are `YYYY-MM-DD`, instants epoch milliseconds. Local times that a spring-forward
 * skips resolve forward (02:30 → 03:30) and repeated ones to the earlier instant, as Temporal's
 * "compatible" disambiguation does (and as `@frontoffice/scheduling` reads working hours).
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export type IsoDate = string;

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partFormats.set(timeZone, format);
  }
  return format;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, timeZone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 1970,
    month: values.month ?? 1,
    day: values.day ?? 1,
    hour: (values.hour ?? 0) % 24,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** The zone's UTC offset at an instant, in milliseconds (Madrid in summer: 7_200_000). */
export function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

function parseDate(date: IsoDate): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The UTC midnight of a date, used only for calendar arithmetic. */
function utcMidnight(date: IsoDate): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMidnight(ms: number): IsoDate {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMidnight(utcMidnight(date) + days * DAY_MS);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const weekday = new Date(utcMidnight(date)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The local date of an instant in a zone. */
export function localDate(instant: number, timeZone: string): IsoDate {
  const wall = wallClock(instant, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** Minutes since local midnight of an instant's wall-clock time (0 … 1439). */
export function localMinutes(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  return wall.hour * 60 + wall.minute;
}

/** The instant of a local wall time: a date plus minutes since midnight (1440 = next midnight). */
export function zonedInstant(date: IsoDate, minutes: number, timeZone: string): number {
  const local = utcMidnight(date) + minutes * MINUTE_MS;
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  const earlier = Math.max(before, after);
  const later = Math.min(before, after);
  if (offsetAt(local - earlier, timeZone) === earlier) return local - earlier;
  if (offsetAt(local - later, timeZone) === later) return local - later;
  // A gap: the time does not exist; read it with the offset before, which moves it forward.
  return local - before;
}

/** The instants a local day spans: `[start, end)`, 23 or 25 hours long on a DST change. */
export function dayRange(date: IsoDate, timeZone: string): { start: number; end: number } {
  return { start: zonedInstant(date, 0, timeZone), end: zonedInstant(addDays(date, 1), 0, timeZone) };
}

/** Today's date in a zone. */
export function todayIn(timeZone: string, now: number): IsoDate {
  return localDate(now, timeZone);
}

/** Countries whose weeks start on Sunday (CLDR), for runtimes without `Intl.Locale#getWeekInfo`. */
const SUNDAY_FIRST = new Set([
  "AG", "AS", "BD", "BR", "BS", "BT", "BW", "BZ", "CA", "CN", "CO", "DM", "DO", "ET", "GT", "GU", "HK", "HN", "ID", "IL", "IN",
  "JM", "JP", "KE", "KH", "KR", "LA", "MH", "MM", "MO", "MT", "MX", "MZ", "NI", "NP", "PA", "PE", "PH", "PK", "PR", "PT", "PY",
  "SA", "SG", "SV", "TH", "TT", "TW", "UM", "US", "VE", "VI", "WS", "YE", "ZA", "ZW",
]);

/**
 * The first day of the week (ISO: 1 = Monday, 7 = Sunday) for an interface language used in a
 * country: English in the United States starts on Sunday, in Ireland or Spain on Monday; Spanish
 * and Italian offices start on Monday.
 */
export function weekStartFor(language: string, country: string | null | undefined): number {
  const region = country?.trim().toUpperCase();
  const tag = region && /^[A-Z]{2}$/.test(region) ? `${language}-${region}` : language;
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const info = typeof locale.getWeekInfo === "function" ? locale.getWeekInfo() : locale.weekInfo;
    if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay;
  } catch {
    // An unusual tag: use the table below.
  }
  if (region) return SUNDAY_FIRST.has(region) ? 7 : 1;
  return language === "en" ? 7 : 1;
}

/** The first date of the week holding `date`. */
export function startOfWeek(date: IsoDate, weekStart: number): IsoDate {
  const back = (isoWeekday(date) - weekStart + 7) % 7;
  return addDays(date, -back);
}

/** The seven dates of the week holding `date`. */
export function weekDates(date: IsoDate, weekStart: number): IsoDate[] {
  const first = startOfWeek(date, weekStart);
  return Array.from({ length: 7 }, (_, index) => addDays(first, index));
}

export function isIsoDate(value: string | null | undefined): value is IsoDate {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return fromUtcMidnight(utcMidnight(value)) === value;
}
