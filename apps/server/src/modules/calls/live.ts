/**
 * The console's live feed: the office's live calls first, then every call as it changes (from any
 * server process: the hub listens to PostgreSQL's notifications). A changed call is loaded once
 * per notice per process, however many consoles on it are subscribed.
 */
import type { CallLiveEvent, CallView } from "@frontoffice/domain";
import type { Database } from "@frontoffice/db";
import type { Kysely } from "kysely";
import type { CallNotice } from "../../live/calls.js";
import type { LiveHub } from "../../live/hub.js";
import { listLiveCalls, loadCallView } from "./queries.js";

type Db = Kysely<Database>;

/** Calls remembered per database, at most (the oldest are forgotten first). */
const REMEMBERED = 2_000;

/** The last load of each call, by database: subscribers told of one notice share one load. */
const loaded = new WeakMap<Db, Map<string, { version: number; view: Promise<CallView | undefined> }>>();

/**
 * The call a notice is about, loaded once per notice in this process however many subscribers
 * ask (and whenever they ask): a load made for this version or a later one is shared.
 */
export function sharedCallLoad(db: Db, notice: CallNotice): Promise<CallView | undefined> {
  let calls = loaded.get(db);
  if (!calls) {
    calls = new Map();
    loaded.set(db, calls);
  }
  const key = `${notice.organizationId}/${notice.callId}`;
  const known = calls.get(key);
  if (known && known.version >= notice.version) return known.view;
  const view = loadCallView(db, notice.organizationId, notice.callId);
  // Forget a failed load, so the next notice tries again.
  view.catch(() => calls.get(key)?.view === view && calls.delete(key));
  calls.delete(key);
  calls.set(key, { version: notice.version, view });
  if (calls.size > REMEMBERED) calls.delete(calls.keys().next().value as string);
  return view;
}

/**
 * The events of one office's console (of the caller's organization: checked before) until `signal` aborts (or the hub stops). Subscribed before
 * the snapshot is read, so no change between the two is missed (a call may then come twice; the
 * client keeps the highest version).
 */
export async function* callFeed(deps: { db: Db; live: LiveHub }, organizationId: string, officeId: string, signal: AbortSignal | undefined): AsyncGenerator<CallLiveEvent> {
  const signals = deps.live.callSignals(organizationId, officeId, signal);
  yield { kind: "snapshot", calls: await listLiveCalls(deps.db, organizationId, officeId) };
  for await (const received of signals) {
    if (received.kind === "resync") {
      yield { kind: "snapshot", calls: await listLiveCalls(deps.db, organizationId, officeId) };
      continue;
    }
    // Every subscriber of this process wakes on the same notice and shares its load.
    const call = await sharedCallLoad(deps.db, received.notice);
    if (call) yield { kind: "call", call };
  }
}
