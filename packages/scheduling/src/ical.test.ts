import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { type CalendarEvent, escapeText, eventOccurrences, fixedClock, foldLine, parseICalendar, SchedulingError, toICalendar, unescapeText } from "./index.js";

const clock = fixedClock("2025-06-01T12:00:00Z");
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof SchedulingError) return error.code;
    throw error;
  }
  return undefined;
};
const octets = (line: string) => new TextEncoder().encode(line).length;
const wrap = (...lines: string[]) => ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...lines, "END:VCALENDAR"].join("\r\n");

describe("toICalendar", () => {
  const event: CalendarEvent = { uid: "appt-1@frontoffice.test", start: "2025-06-02T08:00:00Z", end: "2025-06-02T08:30:00Z", summary: "Limpieza, revisión; y radiografía", description: "Línea 1\nLínea 2 \\ fin" };

  it("writes UTC events with the required properties and escaped text", () => {
    const ics = toICalendar([event], { clock, name: "Dra. García" });
    expect(ics.split("\r\n")).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Frontoffice//Scheduling//EN",
      "CALSCALE:GREGORIAN",
      "X-WR-CALNAME:Dra. García",
      "BEGIN:VEVENT",
      "UID:appt-1@frontoffice.test",
      "DTSTAMP:20250601T120000Z",
      "DTSTART:20250602T080000Z",
      "DTEND:20250602T083000Z",
      "SUMMARY:Limpieza\\, revisión\\; y radiografía",
      "DESCRIPTION:Línea 1\\nLínea 2 \\\\ fin",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ]);
  });

  it("writes TZID'd local times, a VTIMEZONE covering the series, RRULE and EXDATE", () => {
    const ics = toICalendar([{ ...event, timeZone: "Europe/Madrid", start: "2025-03-17T08:00:00Z", end: "2025-03-17T08:30:00Z", rrule: "FREQ=WEEKLY;COUNT=3", exdates: ["2025-03-24T08:00:00Z"], status: "CONFIRMED", sequence: 2 }], { clock });
    const lines = ics.split("\r\n");
    expect(lines).toContain("DTSTART;TZID=Europe/Madrid:20250317T090000");
    expect(lines).toContain("DTEND;TZID=Europe/Madrid:20250317T093000");
    expect(lines).toContain("RRULE:FREQ=WEEKLY;COUNT=3");
    expect(lines).toContain("EXDATE;TZID=Europe/Madrid:20250324T090000");
    expect(lines).toContain("STATUS:CONFIRMED");
    expect(lines).toContain("SEQUENCE:2");
    const vtimezone = lines.slice(lines.indexOf("BEGIN:VTIMEZONE"), lines.indexOf("END:VTIMEZONE") + 1);
    expect(vtimezone).toEqual(["BEGIN:VTIMEZONE", "TZID:Europe/Madrid", "BEGIN:STANDARD", "DTSTART:20250316T090000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0100", "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:20250330T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT", "END:VTIMEZONE"]);
  });

  it("folds lines at 75 octets without splitting a character", () => {
    const ics = toICalendar([{ ...event, description: "ñ".repeat(100) + "€😀".repeat(20) }], { clock });
    for (const line of ics.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(parseICalendar(ics).events[0]?.description).toBe("ñ".repeat(100) + "€😀".repeat(20));
  });

  it("refuses events without a UID and RRULEs that could inject lines", () => {
    expect(code(() => toICalendar([{ ...event, uid: " " }], { clock }))).toBe("INVALID_OPTION");
    expect(code(() => toICalendar([{ ...event, rrule: "FREQ=DAILY;COUNT=2\r\nATTACH:http://x" }], { clock }))).toBe("RECURRENCE_INVALID");
    expect(code(() => toICalendar([{ ...event, status: "MAYBE" as "CONFIRMED" }], { clock }))).toBe("INVALID_OPTION");
    expect(code(() => toICalendar([{ ...event, sequence: 1.5 }], { clock }))).toBe("INVALID_OPTION");
    expect(toICalendar([], { clock, productId: "-//X//EN\r\nATTACH:http://x" })).toContain("PRODID:-//X//EN\\nATTACH:http://x");
  });

  it("round-trips any text, zone and time", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.constantFrom(undefined, "Europe/Madrid", "Europe/Rome", "America/New_York", "Pacific/Auckland"),
        fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }),
        fc.integer({ min: 0, max: 86_400 }),
        (text, timeZone, startSeconds, lengthSeconds) => {
          const start = new Date(startSeconds * 1000).toISOString().replace(".000", "");
          const end = new Date((startSeconds + lengthSeconds) * 1000).toISOString().replace(".000", "");
          const written: CalendarEvent = { uid: `u-${startSeconds}`, start, end, summary: text, ...(timeZone ? { timeZone } : {}) };
          const ics = toICalendar([written], { clock });
          for (const line of ics.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
          const [read] = parseICalendar(ics).events;
          // Times in an hour the clocks repeat are written in UTC (see the next test).
          const repeated = timeZone !== undefined && [start, end].some((instant) => inRepeatedHour(instant, timeZone));
          expect(read).toMatchObject({ uid: written.uid, start, end, summary: text.replace(/\r\n|\r/g, "\n"), timeZone: repeated ? "UTC" : (timeZone ?? "UTC") });
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Independent of the code under test: Temporal's own disambiguation of the wall-clock time. */
function inRepeatedHour(instant: string, timeZone: string): boolean {
  const wall = Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDateTime();
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: "earlier" }).epochMilliseconds;
  const later = wall.toZonedDateTime(timeZone, { disambiguation: "later" }).epochMilliseconds;
  return earlier !== later;
}

describe("an event in the repeated hour of a clock change", () => {
  it("keeps its instant: the second 02:00 of Auckland's April change is written in UTC", () => {
    // 2021-04-04 03:00 NZDT became 02:00 NZST: 02:00-02:59 happened twice.
    const second = { uid: "late", start: "2021-04-03T14:00:00Z", end: "2021-04-03T14:30:00Z", timeZone: "Pacific/Auckland" };
    const ics = toICalendar([second], { clock });
    expect(ics).toContain("DTSTART:20210403T140000Z");
    expect(parseICalendar(ics).events[0]).toMatchObject({ start: second.start, end: second.end });
    const ordinary = { ...second, uid: "noon", start: "2021-04-03T23:00:00Z", end: "2021-04-03T23:30:00Z" };
    expect(toICalendar([ordinary], { clock })).toContain("DTSTART;TZID=Pacific/Auckland:20210404T110000");
  });
});

describe("escaping and folding", () => {
  it("escapes and unescapes TEXT", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    expect(unescapeText("a\\,b\\;c\\\\d\\ne\\Nf")).toBe("a,b;c\\d\ne\nf");
  });

  it("folds with CRLF and a space", () => {
    expect(foldLine("x".repeat(80))).toBe(`${"x".repeat(75)}\r\n ${"x".repeat(5)}`);
    expect(foldLine("short")).toBe("short");
  });
});

describe("parseICalendar", () => {
  it("reads UTC, TZID'd, floating and all-day events, DURATION, RRULE, EXDATE and RECURRENCE-ID", () => {
    const ics = wrap(
      "X-WR-CALNAME:Consulta",
      "BEGIN:VEVENT",
      "UID:1",
      "DTSTART:20250602T080000Z",
      "DTEND:20250602T083000Z",
      "SUMMARY:Primera\\, visita",
      "END:VEVENT",
      "BEGIN:VEVENT",
      'UID:2',
      'DTSTART;TZID="Europe/Madrid":20250317T090000',
      "DURATION:PT45M",
      "RRULE:FREQ=WEEKLY;COUNT=3",
      "EXDATE;TZID=Europe/Madrid:20250324T090000",
      "BEGIN:VALARM",
      "TRIGGER:-PT15M",
      "ACTION:DISPLAY",
      "END:VALARM",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:3",
      "DTSTART;VALUE=DATE:20250815",
      "SUMMARY:Ferragosto",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:4",
      "DTSTART:20250602T100000",
      "DTEND:20250602T110000",
      "RECURRENCE-ID;TZID=/mozilla.org/20070129_1/Europe/Madrid:20250602T090000",
      "END:VEVENT",
    );
    const calendar = parseICalendar(ics, { defaultTimeZone: "Europe/Rome" });
    expect(calendar.name).toBe("Consulta");
    expect(calendar.productId).toBe("-//test//EN");
    expect(calendar.events).toEqual([
      { uid: "1", start: "2025-06-02T08:00:00Z", end: "2025-06-02T08:30:00Z", allDay: false, timeZone: "UTC", summary: "Primera, visita", exdates: [] },
      { uid: "2", start: "2025-03-17T08:00:00Z", end: "2025-03-17T08:45:00Z", allDay: false, timeZone: "Europe/Madrid", rrule: "FREQ=WEEKLY;COUNT=3", exdates: ["2025-03-24T08:00:00Z"] },
      { uid: "3", start: "2025-08-14T22:00:00Z", end: "2025-08-15T22:00:00Z", allDay: true, timeZone: "Europe/Rome", summary: "Ferragosto", exdates: [] },
      { uid: "4", start: "2025-06-02T08:00:00Z", end: "2025-06-02T09:00:00Z", allDay: false, timeZone: "Europe/Rome", exdates: [], recurrenceId: "2025-06-02T07:00:00Z" },
    ]);
    expect(eventOccurrences(calendar.events[1] as (typeof calendar.events)[number]).map((occurrence) => occurrence.start)).toEqual(["2025-03-17T08:00:00Z", "2025-03-31T07:00:00Z"]);
  });

  it("unfolds lines (CRLF or LF, space or tab)", () => {
    const ics = ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:1", "DTSTART:20250602T080000Z", "SUMMARY:Una descripci", " ón larga", "\tque sigue", "END:VEVENT", "END:VCALENDAR", ""].join("\n");
    expect(parseICalendar(ics).events[0]?.summary).toBe("Una descripción largaque sigue");
  });

  it("DURATION in days is nominal: the same local time across a change", () => {
    const ics = wrap("BEGIN:VEVENT", "UID:1", "DTSTART;TZID=Europe/Madrid:20250329T090000", "DURATION:P1DT1H", "END:VEVENT");
    expect(parseICalendar(ics).events[0]?.end).toBe("2025-03-30T08:00:00Z");
  });

  it.each([
    ["no VCALENDAR", "BEGIN:VEVENT\r\nEND:VEVENT"],
    ["empty", ""],
    ["unclosed", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20250602T080000Z"],
    ["mismatched END", wrap("BEGIN:VEVENT", "UID:1", "DTSTART:20250602T080000Z", "END:VTODO")],
    ["no UID", wrap("BEGIN:VEVENT", "DTSTART:20250602T080000Z", "END:VEVENT")],
    ["no DTSTART", wrap("BEGIN:VEVENT", "UID:1", "END:VEVENT")],
    ["bad date", wrap("BEGIN:VEVENT", "UID:1", "DTSTART:20250230T080000Z", "END:VEVENT")],
    ["bad time", wrap("BEGIN:VEVENT", "UID:1", "DTSTART:2025-06-02 08:00", "END:VEVENT")],
    ["ends before it starts", wrap("BEGIN:VEVENT", "UID:1", "DTSTART:20250602T080000Z", "DTEND:20250602T070000Z", "END:VEVENT")],
    ["DTEND and DURATION", wrap("BEGIN:VEVENT", "UID:1", "DTSTART:20250602T080000Z", "DTEND:20250602T090000Z", "DURATION:PT1H", "END:VEVENT")],
    ["bad DURATION", wrap("BEGIN:VEVENT", "UID:1", "DTSTART:20250602T080000Z", "DURATION:1 hour", "END:VEVENT")],
    ["bad RRULE", wrap("BEGIN:VEVENT", "UID:1", "DTSTART:20250602T080000Z", "RRULE:FREQ=SOMETIMES", "END:VEVENT")],
    ["no colon", wrap("BEGIN:VEVENT", "UID:1", "DTSTART 20250602T080000Z", "END:VEVENT")],
    ["unclosed quote", wrap("BEGIN:VEVENT", "UID:1", 'DTSTART;TZID="Europe/Madrid:20250602T080000', "END:VEVENT")],
    ["not a content line", wrap("BEGIN:VEVENT", "UID:1", "DTSTART:20250602T080000Z", "::::", "END:VEVENT")],
  ])("ICS_MALFORMED: %s", (_name, ics) => {
    expect(code(() => parseICalendar(ics))).toBe("ICS_MALFORMED");
  });

  it("says which line is wrong", () => {
    try {
      parseICalendar(wrap("BEGIN:VEVENT", "UID:1", "DTSTART:20250631T080000Z", "END:VEVENT"));
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "ICS_MALFORMED", details: { line: 6 } });
    }
  });

  it("refuses an unknown TZID", () => {
    expect(code(() => parseICalendar(wrap("BEGIN:VEVENT", "UID:1", "DTSTART;TZID=Romance Standard Time:20250602T080000", "END:VEVENT")))).toBe("UNKNOWN_TIME_ZONE");
  });

  it("ICS_TOO_LARGE over 1 MB or 5,000 events, or the limits given", () => {
    const event = (index: number) => ["BEGIN:VEVENT", `UID:${index}`, "DTSTART:20250602T080000Z", "END:VEVENT"];
    const many = (count: number) => wrap(...Array.from({ length: count }, (_, index) => event(index)).flat());
    expect(parseICalendar(many(5000)).events).toHaveLength(5000);
    expect(code(() => parseICalendar(many(5001)))).toBe("ICS_TOO_LARGE");
    expect(code(() => parseICalendar(many(11), { maxEvents: 10 }))).toBe("ICS_TOO_LARGE");
    const big = wrap("BEGIN:VEVENT", "UID:1", "DTSTART:20250602T080000Z", `DESCRIPTION:${"é".repeat(500_000)}`, "END:VEVENT");
    expect(big.length).toBeLessThan(1_000_000);
    expect(code(() => parseICalendar(big))).toBe("ICS_TOO_LARGE");
    expect(code(() => parseICalendar(wrap(), { maxBytes: 10 }))).toBe("ICS_TOO_LARGE");
  });

  it("never throws anything but a SchedulingError on garbage", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom("BEGIN:VCALENDAR", "END:VCALENDAR", "BEGIN:VEVENT", "END:VEVENT", "UID:x", "DTSTART:20250602T080000Z", "DTSTART;TZID=Europe/Madrid:20250602T080000", "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=2", " folded"), fc.string())), (lines) => {
        try {
          parseICalendar(lines.join("\r\n"));
        } catch (error) {
          expect(error).toBeInstanceOf(SchedulingError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
