import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useNavigate } from "react-router";
import { authClient } from "../../lib/auth-client";
import { markSignedIn, type SignInReason, type SignInState } from "../../lib/session-events";

/**
 * Ends the session (or, with `everywhere`, every session of this user), forgets every cached
 * answer so the next person at this desk sees nothing of it, and returns to sign-in. Resolves
 * false, staying put, when the server could not be told.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (reason: SignInReason, { everywhere = false }: { everywhere?: boolean } = {}): Promise<boolean> => {
      let ok: boolean;
      if (everywhere) {
        const revoked = await authClient.revokeSessions().catch(() => null);
        ok = Boolean(revoked && !revoked.error);
        // The current session is gone with the others; this clears the cookie.
        if (ok) await authClient.signOut().catch(() => null);
      } else {
        const signedOut = await authClient.signOut().catch(() => null);
        ok = Boolean(signedOut && !signedOut.error);
      }
      if (!ok) return false;
      markSignedIn(false);
      await queryClient.cancelQueries();
      queryClient.clear();
      const state: SignInState = { reason };
      await navigate("/sign-in", { replace: true, state });
      return true;
    },
    [navigate, queryClient],
  );
}
