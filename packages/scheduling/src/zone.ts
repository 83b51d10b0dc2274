/**
 * Time zones for the core: the UTC offset transitions of a zone over a range, found once with
 * Temporal, then plain number lookups. Local wall times resolve like Temporal's "compatible"
 * disambiguation: a time skipped by a spring-forward gap moves forward by the gap (02:30 → 03:30),
 * a repeated time during a fall-back overlap takes the earlier instant.
 */
import { Temporal } from "temporal-polyfill";
import { SchedulingError } from "./errors.js";
import { DAY_MS, MINUTE_MS, type TimeZoneId } from "./time.js";

const known = new Map<string, boolean>();

/** Whether `timeZone` is an IANA time zone this runtime knows (`Europe/Madrid`, `UTC`). */
export function isValidTimeZone(timeZone: unknown): boolean {
  if (typeof timeZone !== "string" || timeZone === "") return false;
  let valid = known.get(timeZone);
  if (valid === undefined) {
    try {
      Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
      // Offsets such as "+01:00" are valid Temporal time zones but not IANA names.
      valid = !/^[+-]/.test(timeZone);
    } catch {
      valid = false;
    }
    if (known.size < 1000) known.set(timeZone, valid);
  }
  return valid;
}

/** Throws `UNKNOWN_TIME_ZONE` unless `timeZone` is an IANA time zone. */
export function assertTimeZone(timeZone: unknown): asserts timeZone is TimeZoneId {
  if (!isValidTimeZone(timeZone)) {
    throw new SchedulingError("UNKNOWN_TIME_ZONE", `Unknown time zone: ${String(timeZone)}`, { timeZone });
  }
}

/** The offsets of one zone; grows its covered range on demand. */
export class Zone {
  readonly id: TimeZoneId;
  /** Instants where the offset changes, ascending. */
  private transitions: number[] = [];
  /** offsets[i] applies before transitions[i]; the last one after the last transition. */
  private offsets: number[] = [];
  private from = 0;
  private to = 0;
  /** No transition after `from`: every later instant has the last offset. */
  private final = false;

  constructor(id: TimeZoneId, from: number, to: number) {
    assertTimeZone(id);
    this.id = id;
    this.cover(from, to);
  }

  /** Finds the transitions in `[from, to]` (with a day of margin). */
  private cover(from: number, to: number): void {
    from -= 2 * DAY_MS;
    to += 2 * DAY_MS;
    let zoned = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(this.id);
    const transitions: number[] = [];
    const offsets: number[] = [zoned.offsetNanoseconds / 1e6];
    this.final = false;
    for (;;) {
      const next = zoned.getTimeZoneTransition("next");
      if (!next) {
        this.final = true;
        break;
      }
      const at = next.epochMilliseconds;
      if (at > to) break;
      transitions.push(at);
      offsets.push(next.offsetNanoseconds / 1e6);
      zoned = next;
    }
    this.transitions = transitions;
    this.offsets = offsets;
    this.from = from;
    this.to = to;
  }

  private ensure(instant: number): void {
    if (instant < this.from || (instant > this.to && !this.final)) this.cover(Math.min(instant, this.from + 2 * DAY_MS), Math.max(instant, this.to - 2 * DAY_MS));
  }

  /** The UTC offset in milliseconds at an instant. */
  offsetAt(instant: number): number {
    this.ensure(instant);
    const transitions = this.transitions;
    let low = 0;
    let high = transitions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((transitions[middle] as number) <= instant) low = middle + 1;
      else high = middle;
    }
    return this.offsets[low] as number;
  }

  /** The first transition after `instant`, or +Infinity; looks no further than `limit`. */
  nextTransitionAfter(instant: number, limit: number): number {
    this.ensure(instant);
    this.ensure(limit);
    const transitions = this.transitions;
    let low = 0;
    let high = transitions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((transitions[middle] as number) <= instant) low = middle + 1;
      else high = middle;
    }
    return low < transitions.length ? (transitions[low] as number) : Number.POSITIVE_INFINITY;
  }

  /** Transitions strictly inside `(from, to)`. */
  transitionsBetween(from: number, to: number): number[] {
    this.ensure(from);
    this.ensure(to);
    return this.transitions.filter((at) => at > from && at < to);
  }

  /** The local day number of an instant. */
  localDay(instant: number): number {
    return Math.floor((instant + this.offsetAt(instant)) / DAY_MS);
  }

  /** The instant of a local wall time: day number plus minutes since midnight (1440 = next midnight). */
  toInstant(day: number, minutes: number): number {
    const local = day * DAY_MS + minutes * MINUTE_MS;
    const before = this.offsetAt(local - DAY_MS);
    const after = this.offsetAt(local + DAY_MS);
    const earlier = Math.max(before, after);
    const later = Math.min(before, after);
    // Overlap: both readings exist; "compatible" takes the earlier instant (the larger offset).
    if (this.offsetAt(local - earlier) === earlier) return local - earlier;
    if (this.offsetAt(local - later) === later) return local - later;
    // Gap: the time does not exist; move forward by the gap, i.e. read it with the offset before.
    return local - before;
  }
}

/**
 * Zones are kept between computations: what they hold (a zone's offsets) never changes, and
 * finding transitions with Temporal is the slow part. A zone grows to the ranges asked of it.
 */
const shared = new Map<TimeZoneId, Zone>();

/** The zones of one computation, over `[from, to]`. */
export class Zones {
  constructor(
    private readonly from: number,
    private readonly to: number,
  ) {}

  get(id: TimeZoneId): Zone {
    let zone = shared.get(id);
    if (!zone) {
      zone = new Zone(id, this.from, this.to);
      if (shared.size < 1000) shared.set(id, zone);
    }
    return zone;
  }
}
