/**
 * Interval algebra on flat arrays of integers: `[start0, end0, start1, end1, …]`, each pair a
 * half-open range `[start, end)` of epoch milliseconds. A "set" is sorted, with disjoint,
 * non-adjacent, non-empty pairs; every operation here takes sets and returns a set in one linear
 * pass (except `fromRanges`, which sorts).
 */
export type IntervalSet = number[];

/** Builds a set from unsorted, possibly overlapping pairs. */
export function fromPairs(pairs: number[]): IntervalSet {
  const count = pairs.length >> 1;
  if (count === 0) return [];
  const order = new Array<number>(count);
  for (let index = 0; index < count; index++) order[index] = index;
  let sorted = true;
  for (let index = 1; index < count; index++) {
    if ((pairs[2 * index] as number) < (pairs[2 * index - 2] as number)) {
      sorted = false;
      break;
    }
  }
  if (!sorted) order.sort((a, b) => (pairs[2 * a] as number) - (pairs[2 * b] as number));
  const result: IntervalSet = [];
  for (const index of order) {
    const start = pairs[2 * index] as number;
    const end = pairs[2 * index + 1] as number;
    if (end <= start) continue;
    const last = result.length - 1;
    if (last > 0 && start <= (result[last] as number)) {
      if (end > (result[last] as number)) result[last] = end;
    } else {
      result.push(start, end);
    }
  }
  return result;
}

/** `a ∪ b`. */
export function union(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const result: IntervalSet = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let start: number;
    let end: number;
    if (j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number))) {
      start = a[i] as number;
      end = a[i + 1] as number;
      i += 2;
    } else {
      start = b[j] as number;
      end = b[j + 1] as number;
      j += 2;
    }
    const last = result.length - 1;
    if (last > 0 && start <= (result[last] as number)) {
      if (end > (result[last] as number)) result[last] = end;
    } else {
      result.push(start, end);
    }
  }
  return result;
}

/** Union of many sets. */
export function unionAll(sets: IntervalSet[]): IntervalSet {
  let result: IntervalSet = [];
  for (const set of sets) result = union(result, set);
  return result;
}

/** `a ∩ b`. */
export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  const result: IntervalSet = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i] as number, b[j] as number);
    const aEnd = a[i + 1] as number;
    const bEnd = b[j + 1] as number;
    const end = Math.min(aEnd, bEnd);
    if (start < end) result.push(start, end);
    if (aEnd < bEnd) i += 2;
    else j += 2;
  }
  return result;
}

/** `a ∖ b`. */
export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (b.length === 0 || a.length === 0) return a;
  const result: IntervalSet = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let start = a[i] as number;
    const end = a[i + 1] as number;
    while (j < b.length && (b[j + 1] as number) <= start) j += 2;
    let k = j;
    while (k < b.length && (b[k] as number) < end) {
      const bStart = b[k] as number;
      const bEnd = b[k + 1] as number;
      if (bStart > start) result.push(start, bStart);
      if (bEnd > start) start = bEnd;
      if (start >= end) break;
      k += 2;
    }
    if (start < end) result.push(start, end);
  }
  return result;
}

/** Whether `[start, end)` lies inside one pair of the set. */
export function covers(set: IntervalSet, start: number, end: number): boolean {
  const index = pairAtOrBefore(set, start);
  return index >= 0 && (set[index + 1] as number) >= end;
}

/** Whether `[start, end)` overlaps any pair of the set. */
export function overlaps(set: IntervalSet, start: number, end: number): boolean {
  const index = pairAtOrBefore(set, start);
  if (index >= 0 && (set[index + 1] as number) > start) return true;
  const next = index + 2;
  return next < set.length && (set[next] as number) < end;
}

/** The index of the last pair starting at or before `instant` (−2 when none). */
export function pairAtOrBefore(set: IntervalSet, instant: number): number {
  let low = 0;
  let high = set.length >> 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((set[2 * middle] as number) <= instant) low = middle + 1;
    else high = middle;
  }
  return 2 * (low - 1);
}

/**
 * Where the load of weighted intervals exceeds `threshold`: `events` holds triples
 * `[start, end, weight]`. With threshold 0 and weights ≥ 1 this is their union.
 */
export function loadAbove(events: number[], threshold: number): IntervalSet {
  const count = events.length / 3;
  if (count === 0) return [];
  const points: number[] = new Array<number>(count * 2);
  const deltas: number[] = new Array<number>(count * 2);
  for (let index = 0; index < count; index++) {
    points[2 * index] = events[3 * index] as number;
    deltas[2 * index] = events[3 * index + 2] as number;
    points[2 * index + 1] = events[3 * index + 1] as number;
    deltas[2 * index + 1] = -(events[3 * index + 2] as number);
  }
  const order = new Array<number>(count * 2);
  for (let index = 0; index < order.length; index++) order[index] = index;
  // At equal instants, ends before starts: back-to-back bookings do not add up.
  order.sort((a, b) => (points[a] as number) - (points[b] as number) || (deltas[a] as number) - (deltas[b] as number));
  const pairs: number[] = [];
  let load = 0;
  let openedAt = 0;
  for (const index of order) {
    const before = load;
    load += deltas[index] as number;
    const at = points[index] as number;
    if (before <= threshold && load > threshold) openedAt = at;
    else if (before > threshold && load <= threshold && at > openedAt) pairs.push(openedAt, at);
  }
  return fromPairs(pairs);
}
