import type { AppRouter } from "@frontoffice/server/router";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { errorCodeOf, isAuthError, isRetryable } from "./errors";

export type { AppRouter };
/** What procedures return, as it arrives over JSON (dates as strings, undefined keys dropped). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * Same origin: `/trpc`, no transformer (dates travel as ISO strings), cookies included.
 * Subscriptions (the live console) run over server-sent events: a same-origin `EventSource`
 * sends the session cookie by itself and reconnects on its own; everything else is batched.
 */
export function createApiClient(url = "/trpc") {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url }),
        false: httpBatchLink({ url, fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }) }),
      }),
    ],
  });
}

export type AuthErrorCode = "UNAUTHENTICATED" | "SESSION_EXPIRED";

/**
 * The query client. Any query or mutation that fails because the session is missing or has
 * expired calls `onAuthError`, which sends the user back to sign-in with a message. Refusals
 * (validation, permission, not found) are not retried; network and server trouble is, twice.
 */
export function createQueryClient(onAuthError: (code: AuthErrorCode) => void) {
  const report = (error: unknown) => {
    if (isAuthError(error)) onAuthError(errorCodeOf(error) as AuthErrorCode);
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: report }),
    mutationCache: new MutationCache({ onError: report }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => isRetryable(error) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
