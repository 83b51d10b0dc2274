import { describe, expect, it } from "vitest";
import { easterSunday, publicHolidays } from "./index.js";

describe("easterSunday", () => {
  it.each([
    [2000, 4, 23],
    [2019, 4, 21],
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
    [2285, 3, 22],
  ])("%i → %i/%i", (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });
});

describe("publicHolidays", () => {
  it("Spain, national", () => {
    expect(publicHolidays("ES", 2025).map((holiday) => holiday.date)).toEqual(["2025-01-01", "2025-01-06", "2025-04-18", "2025-05-01", "2025-08-15", "2025-10-12", "2025-11-01", "2025-12-06", "2025-12-08", "2025-12-25"]);
  });

  it("Community of Madrid adds Maundy Thursday and 2 May", () => {
    const madrid = publicHolidays("ES-MD", 2026);
    expect(madrid).toHaveLength(12);
    expect(madrid.filter((holiday) => ["maundy_thursday", "good_friday", "madrid_day"].includes(holiday.key))).toEqual([
      { date: "2026-04-02", key: "maundy_thursday", name: "Jueves Santo" },
      { date: "2026-04-03", key: "good_friday", name: "Viernes Santo" },
      { date: "2026-05-02", key: "madrid_day", name: "Fiesta de la Comunidad de Madrid" },
    ]);
  });

  it("Italy, with Easter Monday computed and San Francesco from 2026", () => {
    const italy2025 = publicHolidays("IT", 2025);
    expect(italy2025.find((holiday) => holiday.key === "easter_monday")?.date).toBe("2025-04-21");
    expect(italy2025.some((holiday) => holiday.key === "st_francis")).toBe(false);
    const italy2027 = publicHolidays("IT", 2027);
    expect(italy2027.find((holiday) => holiday.key === "easter_monday")).toEqual({ date: "2027-03-29", key: "easter_monday", name: "Lunedì dell'Angelo" });
    expect(italy2027.find((holiday) => holiday.key === "st_francis")?.date).toBe("2027-10-04");
    expect(italy2027.map((holiday) => holiday.date)).toEqual([...italy2027.map((holiday) => holiday.date)].sort());
  });

  it("refuses unknown regions and years outside the Gregorian calendar", () => {
    expect(() => publicHolidays("FR" as "ES", 2025)).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
    expect(() => publicHolidays("IT", 1200)).toThrow(expect.objectContaining({ code: "INVALID_OPTION" }));
  });
});
