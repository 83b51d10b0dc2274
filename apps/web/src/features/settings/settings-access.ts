import type { Permission } from "@frontoffice/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../shell/session-context";

/** Settings open for anyone who may manage the organization or its offices. */
export function canOpenSettings(permissions: readonly Permission[]): boolean {
  return permissions.includes("offices.manage") || permissions.includes("organization.manage");
}

/** Whether the signed-in staff member may open settings (the shell's navigation asks). */
export function useCanOpenSettings(): boolean {
  return canOpenSettings(useSession().permissions);
}

/**
 * After a change to the organization, its offices or departments: refetch the office list (the
 * client form's office choice) and the session (the organization's name, the offices filter).
 */
export function useRefreshOrganization(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.offices.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.session.me.queryKey() }),
    ]);
  }, [queryClient, trpc]);
}
