/**
 * iCalendar (RFC 5545) files: export events as a VCALENDAR (calendar feeds, attachments) and
 * import the VEVENTs of a file someone uploads, with limits and typed errors.
 */
import { SchedulingError } from "./errors.js";
import { DEFAULT_RECURRENCE_LIMIT, expandSeries, localDateTimeOf, type RecurrenceOptions, ruleParts } from "./recurrence.js";
import { checkInteger, type Clock, DAY_MS, daysFromCivil, daysInMonth, formatInstant, type IsoInstant, nowMs, parseInstant, type TimeRange, type TimeZoneId } from "./time.js";
import { isValidTimeZone, Zone } from "./zone.js";

export type EventStatus = "TENTATIVE" | "CONFIRMED" | "CANCELLED";
const STATUSES = new Set<string>(["TENTATIVE", "CONFIRMED", "CANCELLED"]);

/** An event to export. */
export interface CalendarEvent {
  /** Globally unique and stable across exports (`appointment-42@example.org`). */
  readonly uid: string;
  readonly start: IsoInstant;
  readonly end: IsoInstant;
  readonly summary?: string;
  readonly description?: string;
  readonly location?: string;
  /** Write the times as local times of this zone (`DTSTART;TZID=…`, with a VTIMEZONE); UTC when absent. */
  readonly timeZone?: TimeZoneId;
  /** An RRULE value, `FREQ=WEEKLY;COUNT=10`. */
  readonly rrule?: string;
  readonly exdates?: readonly IsoInstant[];
  readonly status?: EventStatus;
  readonly sequence?: number;
}

export interface ToICalendarOptions {
  /** For DTSTAMP. */
  readonly clock: Clock;
  /** PRODID; `-//Frontoffice//Scheduling//EN` when absent. */
  readonly productId?: string;
  /** The calendar's display name (X-WR-CALNAME). */
  readonly name?: string;
}

/** Escapes TEXT (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** Undoes `escapeText`. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_match, character: string) => (character === "n" || character === "N" ? "\n" : character));
}

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  let octets = 0;
  let folded = "";
  let limit = 75;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0) as number);
    if (octets + size > limit) {
      folded += "\r\n ";
      octets = 1;
      limit = 75;
    }
    folded += character;
    octets += size;
  }
  return folded;
}

/** `20250331T070000Z`. */
function utcStamp(epochMs: number): string {
  return formatInstant(Math.floor(epochMs / 1000) * 1000).replace(/[-:]/g, "").replace(/\.\d+/, "");
}

/** `20250331T090000` in a zone. */
function localStamp(epochMs: number, zone: Zone): string {
  return utcStamp(epochMs + zone.offsetAt(epochMs)).slice(0, 15);
}

/** True when this instant's wall-clock time also names another instant of the zone. */
function isRepeatedLocalTime(epochMs: number, zone: Zone): boolean {
  const local = epochMs + zone.offsetAt(epochMs);
  for (const probe of [epochMs - 3 * HOUR_MS, epochMs + 3 * HOUR_MS]) {
    const offset = zone.offsetAt(probe);
    const other = local - offset;
    if (other !== epochMs && zone.offsetAt(other) === offset) return true;
  }
  return false;
}

const HOUR_MS = 3_600_000;

function offsetText(offsetMs: number): string {
  const sign = offsetMs < 0 ? "-" : "+";
  const minutes = Math.abs(offsetMs) / 60_000;
  const text = `${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}${String(minutes % 60).padStart(2, "0")}`;
  return offsetMs % 60_000 === 0 ? text : `${text}${String(Math.floor((Math.abs(offsetMs) / 1000) % 60)).padStart(2, "0")}`;
}

/** A VTIMEZONE with one observance per offset change in `[from, to]` (and the offset in force at `from`). */
function vtimezone(zone: Zone, from: number, to: number): string[] {
  const transitions = zone.transitionsBetween(from, to);
  const offsets = [zone.offsetAt(from), ...transitions.map((at) => zone.offsetAt(at))];
  const standard = Math.min(...offsets);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone.id}`];
  const observance = (at: number, offsetFrom: number, offsetTo: number) => {
    const kind = offsetTo > standard ? "DAYLIGHT" : "STANDARD";
    lines.push(`BEGIN:${kind}`, `DTSTART:${utcStamp(at + offsetFrom).slice(0, 15)}`, `TZOFFSETFROM:${offsetText(offsetFrom)}`, `TZOFFSETTO:${offsetText(offsetTo)}`, `END:${kind}`);
  };
  observance(from, offsets[0] as number, offsets[0] as number);
  transitions.forEach((at, index) => observance(at, offsets[index] as number, offsets[index + 1] as number));
  lines.push("END:VTIMEZONE");
  return lines;
}

/** When the last occurrence of a series ends (a year after its start when that cannot be told). */
function seriesEnd(event: CalendarEvent, start: number, end: number): number {
  try {
    const occurrences = eventOccurrences(event);
    return parseInstant((occurrences[occurrences.length - 1] as TimeRange).end);
  } catch {
    return Math.max(end, start + 366 * DAY_MS);
  }
}

/**
 * A VCALENDAR with one VEVENT per event: UID, DTSTAMP (from the clock), DTSTART/DTEND in UTC or
 * with the event's TZID (and a VTIMEZONE for each zone used), SUMMARY, DESCRIPTION, LOCATION,
 * STATUS, SEQUENCE, RRULE and EXDATE; text escaped, lines folded at 75 octets, CRLF endings.
 */
export function toICalendar(events: readonly CalendarEvent[], options: ToICalendarOptions): string {
  const stamp = utcStamp(nowMs(options.clock));
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${escapeText(options.productId ?? "-//Frontoffice//Scheduling//EN")}`, "CALSCALE:GREGORIAN"];
  if (options.name !== undefined) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);

  const spans = new Map<TimeZoneId, [number, number]>();
  const bodies: string[][] = [];
  for (const event of events) {
    if (typeof event.uid !== "string" || event.uid.trim() === "") throw new SchedulingError("INVALID_OPTION", "An event has no UID", { option: "uid" });
    const start = parseInstant(event.start);
    const end = parseInstant(event.end);
    if (end < start) throw new SchedulingError("INVALID_RANGE", `Event ${event.uid} ends before it starts`, { uid: event.uid });
    const body = ["BEGIN:VEVENT", `UID:${escapeText(event.uid)}`, `DTSTAMP:${stamp}`];
    let zone = event.timeZone === undefined ? undefined : new Zone(event.timeZone, start, end);
    // A TZID'd time in an hour the clocks repeat (autumn) reads back as its first occurrence
    // (RFC 5545, 3.3.5): a one-off event there is written in UTC so it keeps its instant.
    if (zone && event.rrule === undefined && (isRepeatedLocalTime(start, zone) || isRepeatedLocalTime(end, zone))) zone = undefined;
    if (zone) {
      const last = event.rrule ? seriesEnd(event, start, end) : end;
      const span = spans.get(zone.id);
      spans.set(zone.id, [Math.min(span?.[0] ?? start, start), Math.max(span?.[1] ?? last, last)]);
      body.push(`DTSTART;TZID=${zone.id}:${localStamp(start, zone)}`, `DTEND;TZID=${zone.id}:${localStamp(end, zone)}`);
    } else {
      body.push(`DTSTART:${utcStamp(start)}`, `DTEND:${utcStamp(end)}`);
    }
    if (event.summary !== undefined) body.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.description !== undefined) body.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location !== undefined) body.push(`LOCATION:${escapeText(event.location)}`);
    if (event.status !== undefined) {
      if (!STATUSES.has(event.status)) throw new SchedulingError("INVALID_OPTION", `Not an event status: ${String(event.status)}`, { option: "status", value: event.status });
      body.push(`STATUS:${event.status}`);
    }
    if (event.sequence !== undefined) body.push(`SEQUENCE:${checkInteger(event.sequence, "sequence", 0)}`);
    if (event.rrule !== undefined) {
      const parts = ruleParts(event.rrule);
      body.push(`RRULE:${[...parts].map(([name, value]) => `${name}=${value}`).join(";")}`);
    }
    if (event.exdates && event.exdates.length > 0) {
      const values = event.exdates.map(parseInstant);
      body.push(zone ? `EXDATE;TZID=${zone.id}:${values.map((value) => localStamp(value, zone)).join(",")}` : `EXDATE:${values.map(utcStamp).join(",")}`);
    }
    body.push("END:VEVENT");
    bodies.push(body);
  }
  for (const [id, [from, to]] of spans) {
    lines.push(...vtimezone(new Zone(id, from, to), from - DAY_MS, to));
  }
  for (const body of bodies) lines.push(...body);
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/** An event read from a file. */
export interface ParsedEvent {
  readonly uid: string;
  readonly start: IsoInstant;
  readonly end: IsoInstant;
  /** DTSTART was a date (VALUE=DATE): the event fills whole local days. */
  readonly allDay: boolean;
  /** DTSTART's TZID (or the default zone for floating times and dates). */
  readonly timeZone: TimeZoneId;
  readonly summary?: string;
  readonly description?: string;
  readonly location?: string;
  readonly status?: string;
  readonly rrule?: string;
  readonly exdates: readonly IsoInstant[];
  /** For an exception to a series: the occurrence it replaces. */
  readonly recurrenceId?: IsoInstant;
}

export interface ParseICalendarOptions {
  /** Refuse a larger file (in UTF-8 bytes); 1,000,000 when absent. */
  readonly maxBytes?: number;
  /** Refuse a file with more VEVENTs; 5,000 when absent. */
  readonly maxEvents?: number;
  /** The zone of floating times and all-day dates; UTC when absent. */
  readonly defaultTimeZone?: TimeZoneId;
}

export interface ParsedCalendar {
  readonly name?: string;
  readonly productId?: string;
  readonly events: readonly ParsedEvent[];
}

interface ContentLine {
  readonly name: string;
  readonly params: ReadonlyMap<string, string>;
  readonly value: string;
  readonly line: number;
}

function malformed(message: string, line?: number): SchedulingError {
  return new SchedulingError("ICS_MALFORMED", line === undefined ? message : `Line ${line}: ${message}`, line === undefined ? {} : { line });
}

function byteLength(text: string, stopAbove: number): number {
  let bytes = 0;
  for (let index = 0; index < text.length && bytes <= stopAbove; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** Parses `NAME;PARAM=a,"b:c":value`. */
function contentLine(text: string, line: number): ContentLine {
  const nameMatch = /^[A-Za-z0-9-]+/.exec(text);
  if (!nameMatch) throw malformed(`not a content line: ${text.slice(0, 40)}`, line);
  const name = nameMatch[0].toUpperCase();
  const params = new Map<string, string>();
  let index = name.length;
  while (text[index] === ";") {
    const paramMatch = /^[A-Za-z0-9-]+=/.exec(text.slice(index + 1));
    if (!paramMatch) throw malformed(`bad parameter in ${name}`, line);
    const paramName = paramMatch[0].slice(0, -1).toUpperCase();
    index += 1 + paramMatch[0].length;
    const values: string[] = [];
    for (;;) {
      if (text[index] === '"') {
        const close = text.indexOf('"', index + 1);
        if (close < 0) throw malformed(`unclosed quote in ${name}`, line);
        values.push(text.slice(index + 1, close));
        index = close + 1;
      } else {
        const valueMatch = /^[^";:,]*/.exec(text.slice(index)) as RegExpExecArray;
        values.push(valueMatch[0]);
        index += valueMatch[0].length;
      }
      if (text[index] !== ",") break;
      index++;
    }
    params.set(paramName, values.join(","));
  }
  if (text[index] !== ":") throw malformed(`${name} has no value`, line);
  return { name, params, value: text.slice(index + 1), line };
}

const DATE_TIME_VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;

interface TimeValue {
  readonly instant: number;
  readonly allDay: boolean;
  readonly timeZone: TimeZoneId;
}

/** Resolves `TZID` values: IANA names, also behind a vendor prefix (`/mozilla.org/20070129_1/Europe/Madrid`). */
function timeZoneOf(tzid: string, line: number): TimeZoneId {
  if (isValidTimeZone(tzid)) return tzid;
  const segments = tzid.split("/").filter(Boolean);
  for (let take = Math.min(3, segments.length); take >= 1; take--) {
    const candidate = segments.slice(-take).join("/");
    if (candidate.includes("/") && isValidTimeZone(candidate)) return candidate;
  }
  throw new SchedulingError("UNKNOWN_TIME_ZONE", `Line ${line}: unknown TZID ${tzid}`, { timeZone: tzid, line });
}

function timeValue(value: string, params: ReadonlyMap<string, string>, line: number, defaultZone: TimeZoneId, zones: Map<string, Zone>): TimeValue {
  const match = DATE_TIME_VALUE.exec(value.trim());
  if (!match) throw malformed(`not a date or date-time: ${value}`, line);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw malformed(`not a date: ${value}`, line);
  const dayNumber = daysFromCivil(year, month, day);
  const tzid = params.get("TZID");
  const timeZone = tzid === undefined ? defaultZone : timeZoneOf(tzid, line);
  const zoneFor = (id: TimeZoneId) => {
    let zone = zones.get(id);
    if (!zone) {
      zone = new Zone(id, dayNumber * DAY_MS, dayNumber * DAY_MS);
      zones.set(id, zone);
    }
    return zone;
  };
  if (match[4] === undefined) {
    if (params.has("VALUE") && params.get("VALUE")?.toUpperCase() !== "DATE") throw malformed(`a date where a date-time was expected: ${value}`, line);
    return { instant: zoneFor(timeZone).toInstant(dayNumber, 0), allDay: true, timeZone };
  }
  const hours = Number(match[4]);
  const minutes = Number(match[5]);
  const seconds = Number(match[6]);
  if (hours > 23 || minutes > 59 || seconds > 60) throw malformed(`not a time: ${value}`, line);
  const secondsMs = Math.min(seconds, 59) * 1000;
  if (match[7] === "Z") return { instant: dayNumber * DAY_MS + hours * 3_600_000 + minutes * 60_000 + secondsMs, allDay: false, timeZone: tzid === undefined ? "UTC" : timeZone };
  return { instant: zoneFor(timeZone).toInstant(dayNumber, hours * 60 + minutes) + secondsMs, allDay: false, timeZone };
}

const DURATION_VALUE = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

function durationEnd(start: TimeValue, value: string, line: number, zones: Map<string, Zone>): number {
  const match = DURATION_VALUE.exec(value.trim());
  if (!match || value.trim() === "P" || /T$/.test(value.trim())) throw malformed(`not a duration: ${value}`, line);
  if (match[1] === "-") throw malformed(`negative duration: ${value}`, line);
  const days = Number(match[2] ?? 0) * 7 + Number(match[3] ?? 0);
  const exact = Number(match[4] ?? 0) * 3_600_000 + Number(match[5] ?? 0) * 60_000 + Number(match[6] ?? 0) * 1000;
  // Days are nominal: the same local time that many days later.
  const zone = zones.get(start.timeZone) ?? new Zone(start.timeZone, start.instant, start.instant);
  const local = start.instant + zone.offsetAt(start.instant);
  const dayNumber = Math.floor(local / DAY_MS);
  const minutes = Math.floor((local - dayNumber * DAY_MS) / 60_000);
  const rest = local - dayNumber * DAY_MS - minutes * 60_000;
  const shifted = days === 0 ? start.instant : zone.toInstant(dayNumber + days, minutes) + rest;
  return shifted + exact;
}

/**
 * Reads the VEVENTs of an iCalendar file: unfolds lines, reads UTC, TZID'd, floating and date
 * values, DTEND or DURATION, RRULE, EXDATE and RECURRENCE-ID, and unescapes text. Throws
 * `ICS_TOO_LARGE` over the size or event limit, `ICS_MALFORMED` (with the line) for anything
 * it cannot read, `UNKNOWN_TIME_ZONE` for a TZID that is not an IANA zone.
 */
export function parseICalendar(text: string, options: ParseICalendarOptions = {}): ParsedCalendar {
  if (typeof text !== "string") throw malformed("not text");
  const maxBytes = options.maxBytes ?? 1_000_000;
  const maxEvents = options.maxEvents ?? 5000;
  const defaultZone = options.defaultTimeZone ?? "UTC";
  if (!isValidTimeZone(defaultZone)) throw new SchedulingError("UNKNOWN_TIME_ZONE", `Unknown time zone: ${defaultZone}`, { timeZone: defaultZone });
  if (text.length > maxBytes || byteLength(text, maxBytes) > maxBytes) {
    throw new SchedulingError("ICS_TOO_LARGE", `The file is larger than ${maxBytes} bytes`, { limit: maxBytes, unit: "bytes" });
  }

  const physical = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const lines: { text: string; line: number }[] = [];
  physical.forEach((raw, index) => {
    if ((raw.startsWith(" ") || raw.startsWith("\t")) && lines.length > 0) {
      const last = lines[lines.length - 1] as { text: string; line: number };
      last.text += raw.slice(1);
    } else if (raw.trim() !== "") {
      lines.push({ text: raw, line: index + 1 });
    }
  });

  const zones = new Map<string, Zone>();
  const stack: string[] = [];
  const events: ParsedEvent[] = [];
  let seenCalendar = false;
  let name: string | undefined;
  let productId: string | undefined;
  let event: ContentLine[] | undefined;

  for (const { text: lineText, line } of lines) {
    const content = contentLine(lineText, line);
    if (content.name === "BEGIN") {
      const component = content.value.trim().toUpperCase();
      if (stack.length === 0 && component !== "VCALENDAR") throw malformed(`expected BEGIN:VCALENDAR, found BEGIN:${component}`, line);
      if (component === "VCALENDAR") {
        if (stack.length > 0) throw malformed("VCALENDAR inside a component", line);
        seenCalendar = true;
      }
      if (component === "VEVENT") {
        if (stack.length !== 1) throw malformed("VEVENT outside VCALENDAR", line);
        if (events.length >= maxEvents) throw new SchedulingError("ICS_TOO_LARGE", `The file has more than ${maxEvents} events`, { limit: maxEvents, unit: "events" });
        event = [];
      }
      stack.push(component);
      continue;
    }
    if (content.name === "END") {
      const component = content.value.trim().toUpperCase();
      if (stack[stack.length - 1] !== component) throw malformed(`END:${component} does not close ${stack[stack.length - 1] ?? "anything"}`, line);
      stack.pop();
      if (component === "VEVENT" && event) {
        events.push(readEvent(event, line, defaultZone, zones));
        event = undefined;
      }
      continue;
    }
    if (stack.length === 0) throw malformed(`${content.name} outside VCALENDAR`, line);
    if (stack.length === 1) {
      if (content.name === "X-WR-CALNAME") name = unescapeText(content.value);
      if (content.name === "PRODID") productId = content.value;
    } else if (stack.length === 2 && stack[1] === "VEVENT" && event) {
      event.push(content);
    }
  }
  if (stack.length > 0) throw malformed(`BEGIN:${stack[stack.length - 1]} is never closed`);
  if (!seenCalendar) throw malformed("no VCALENDAR");
  return { ...(name === undefined ? {} : { name }), ...(productId === undefined ? {} : { productId }), events };
}

function readEvent(properties: ContentLine[], endLine: number, defaultZone: TimeZoneId, zones: Map<string, Zone>): ParsedEvent {
  const first = (name: string) => properties.find((property) => property.name === name);
  const uid = first("UID");
  if (!uid || uid.value.trim() === "") throw malformed("VEVENT without UID", endLine);
  const dtstart = first("DTSTART");
  if (!dtstart) throw malformed("VEVENT without DTSTART", endLine);
  const start = timeValue(dtstart.value, dtstart.params, dtstart.line, defaultZone, zones);
  const dtend = first("DTEND");
  const duration = first("DURATION");
  if (dtend && duration) throw malformed("VEVENT with both DTEND and DURATION", duration.line);
  let end: number;
  if (dtend) end = timeValue(dtend.value, dtend.params, dtend.line, start.timeZone === "UTC" ? defaultZone : start.timeZone, zones).instant;
  else if (duration) end = durationEnd(start, duration.value, duration.line, zones);
  else end = start.allDay ? durationEnd(start, "P1D", dtstart.line, zones) : start.instant;
  if (end < start.instant) throw malformed("VEVENT ends before it starts", (dtend ?? dtstart).line);

  const rrule = first("RRULE");
  if (rrule) {
    try {
      ruleParts(rrule.value);
    } catch (error) {
      throw malformed(`bad RRULE: ${error instanceof Error ? error.message : String(error)}`, rrule.line);
    }
  }
  const exdates: IsoInstant[] = [];
  for (const property of properties) {
    if (property.name !== "EXDATE") continue;
    for (const value of property.value.split(",")) {
      if (value.trim() !== "") exdates.push(formatInstant(timeValue(value, property.params, property.line, start.timeZone, zones).instant));
    }
  }
  const recurrence = first("RECURRENCE-ID");
  const text = (name: string) => {
    const property = first(name);
    return property === undefined ? {} : { [name.toLowerCase()]: unescapeText(property.value) };
  };
  const status = first("STATUS");
  return {
    uid: unescapeText(uid.value),
    start: formatInstant(start.instant),
    end: formatInstant(end),
    allDay: start.allDay,
    timeZone: start.timeZone,
    ...text("SUMMARY"),
    ...text("DESCRIPTION"),
    ...text("LOCATION"),
    ...(status ? { status: status.value.trim().toUpperCase() } : {}),
    ...(rrule ? { rrule: rrule.value.trim() } : {}),
    exdates,
    ...(recurrence ? { recurrenceId: formatInstant(timeValue(recurrence.value, recurrence.params, recurrence.line, start.timeZone, zones).instant) } : {}),
  };
}

/**
 * The occurrences of an event (one, or its series expanded in its time zone, EXDATEs removed),
 * with the limits of `expandRecurrence`.
 */
export function eventOccurrences(event: ParsedEvent | CalendarEvent, options: RecurrenceOptions = {}): TimeRange[] {
  const start = parseInstant(event.start);
  const end = parseInstant(event.end);
  if (!event.rrule) return [{ start: formatInstant(start), end: formatInstant(end) }];
  const timeZone = event.timeZone ?? "UTC";
  return expandSeries(
    {
      start: localDateTimeOf(start, timeZone),
      timeZone,
      rrule: event.rrule,
      exdates: (event.exdates ?? []).map((exdate) => localDateTimeOf(parseInstant(exdate), timeZone)),
    },
    end - start,
    { limit: options.limit ?? DEFAULT_RECURRENCE_LIMIT },
  );
}
