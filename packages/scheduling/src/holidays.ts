/**
 * A convenience, not an authority: the public holidays that close offices across Spain (plus
 * the Community of Madrid) and Italy, computed for a year. Not included: holidays a region moves
 * to Monday when one falls on a Sunday, choices a region makes year by year, and municipal
 * holidays (San Isidro in Madrid, a town's patron saint in Italy). Offices add those themselves.
 */
import { SchedulingError } from "./errors.js";
import { checkInteger, daysFromCivil, formatDayNumber, type IsoDate } from "./time.js";

export const HOLIDAY_REGIONS = ["ES", "ES-MD", "IT"] as const;
/** `ES`: Spain's national holidays; `ES-MD`: those plus the Community of Madrid's; `IT`: Italy's national holidays. */
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

export interface PublicHoliday {
  readonly date: IsoDate;
  /** A stable key for translations, `easter_monday`. */
  readonly key: string;
  /** Its name in the region's language. */
  readonly name: string;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm), as month and day. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

type Rule = readonly [key: string, name: string, date: (year: number, easter: number) => number];

const fixed = (month: number, day: number) => (year: number) => daysFromCivil(year, month, day);
const fromEaster = (days: number) => (_year: number, easter: number) => easter + days;

const SPAIN: readonly Rule[] = [
  ["new_year", "Año Nuevo", fixed(1, 1)],
  ["epiphany", "Epifanía del Señor", fixed(1, 6)],
  ["good_friday", "Viernes Santo", fromEaster(-2)],
  ["labour_day", "Fiesta del Trabajo", fixed(5, 1)],
  ["assumption", "Asunción de la Virgen", fixed(8, 15)],
  ["national_day", "Fiesta Nacional de España", fixed(10, 12)],
  ["all_saints", "Todos los Santos", fixed(11, 1)],
  ["constitution_day", "Día de la Constitución Española", fixed(12, 6)],
  ["immaculate_conception", "Inmaculada Concepción", fixed(12, 8)],
  ["christmas", "Natividad del Señor", fixed(12, 25)],
];

const MADRID: readonly Rule[] = [
  ["maundy_thursday", "Jueves Santo", fromEaster(-3)],
  ["madrid_day", "Fiesta de la Comunidad de Madrid", fixed(5, 2)],
];

const ITALY: readonly Rule[] = [
  ["new_year", "Capodanno", fixed(1, 1)],
  ["epiphany", "Epifania", fixed(1, 6)],
  ["easter", "Pasqua", fromEaster(0)],
  ["easter_monday", "Lunedì dell'Angelo", fromEaster(1)],
  ["liberation_day", "Festa della Liberazione", fixed(4, 25)],
  ["labour_day", "Festa del Lavoro", fixed(5, 1)],
  ["republic_day", "Festa della Repubblica", fixed(6, 2)],
  ["assumption", "Ferragosto", fixed(8, 15)],
  ["all_saints", "Ognissanti", fixed(11, 1)],
  ["immaculate_conception", "Immacolata Concezione", fixed(12, 8)],
  ["christmas", "Natale", fixed(12, 25)],
  ["st_stephen", "Santo Stefano", fixed(12, 26)],
];

/** San Francesco d'Assisi (4 October) is a national holiday again from 2026 (law passed in October 2025). */
const ITALY_FROM_2026: readonly Rule[] = [["st_francis", "San Francesco d'Assisi", fixed(10, 4)]];

/**
 * The public holidays of `region` in `year`, sorted by date. Pass their dates as a calendar's
 * `holidays`: `publicHolidays("ES-MD", 2025).map((holiday) => holiday.date)`.
 */
export function publicHolidays(region: HolidayRegion, year: number): PublicHoliday[] {
  checkInteger(year, "year", 1583, 9999);
  let rules: readonly Rule[];
  if (region === "ES") rules = SPAIN;
  else if (region === "ES-MD") rules = [...SPAIN, ...MADRID];
  else if (region === "IT") rules = year >= 2026 ? [...ITALY, ...ITALY_FROM_2026] : ITALY;
  else throw new SchedulingError("INVALID_OPTION", `Unknown holiday region: ${String(region)}`, { option: "region", value: region });
  const { month, day } = easterSunday(year);
  const easter = daysFromCivil(year, month, day);
  return rules
    .map(([key, name, date]) => ({ day: date(year, easter), key, name }))
    .sort((a, b) => a.day - b.day)
    .map(({ day: dayNumber, key, name }) => ({ date: formatDayNumber(dayNumber), key, name }));
}
