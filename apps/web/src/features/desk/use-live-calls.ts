import type { CallLiveEvent } from "@frontoffice/domain";
import { skipToken } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useReducer, useState } from "react";
import { useTRPC } from "../../lib/trpc";
import { applyLiveEvent, EMPTY_LIVE_CALLS, markStale, type LiveCallsState } from "./live-state";

/** connected: a snapshot arrived and updates flow; connecting: (re)connecting; offline: it failed and is retrying. */
export type LiveConnection = "connecting" | "connected" | "offline";

type Action = { kind: "event"; event: CallLiveEvent } | { kind: "stale" } | { kind: "reset" };

function reducer(state: LiveCallsState, action: Action): LiveCallsState {
  if (action.kind === "reset") return EMPTY_LIVE_CALLS;
  if (action.kind === "stale") return markStale(state);
  return applyLiveEvent(state, action.event, new Date().toISOString());
}

/**
 * The office's live calls from `calls.live` (server-sent events). The server sends a snapshot
 * first, on every (re)connection, then each changed call; the state merges them by version.
 */
export function useLiveCalls(officeId: string | undefined): { state: LiveCallsState; connection: LiveConnection } {
  const trpc = useTRPC();
  const [state, dispatch] = useReducer(reducer, EMPTY_LIVE_CALLS);
  const [lost, setLost] = useState(false);
  useEffect(() => {
    dispatch({ kind: "reset" });
  }, [officeId]);
  const subscription = useSubscription(
    trpc.calls.live.subscriptionOptions(
      officeId ? { officeId } : skipToken,
      {
        onData: (event) => {
          setLost(false);
          dispatch({ kind: "event", event });
        },
        onConnectionStateChange: (connection) => {
          if (connection.state === "connecting") {
            dispatch({ kind: "stale" });
            setLost(connection.error !== null);
          }
        },
        onError: () => setLost(true),
      },
    ),
  );
  const connection: LiveConnection = subscription.status === "error" || lost ? "offline" : state.ready && subscription.status === "pending" ? "connected" : "connecting";
  return { state, connection };
}

/** The current time, moving every second while the console is open (for the line timers). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
