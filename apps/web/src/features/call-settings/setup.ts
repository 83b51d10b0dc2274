import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC, type RouterOutputs } from "../../lib/trpc";
import type { RoutingNames } from "./rule-model";

/** What the call settings page reads for one office (`callRouting.setup`). */
export type CallRoutingSetupView = RouterOutputs["callRouting"]["setup"];

/** The names routing refers to by id, from an office's setup. */
export function namesOf(setup: Pick<CallRoutingSetupView, "departments" | "staff" | "rules">): RoutingNames {
  return {
    departments: Object.fromEntries(setup.departments.map((department) => [department.id, department.name])),
    staff: Object.fromEntries(setup.staff.map((member) => [member.id, member.displayName])),
    rules: Object.fromEntries(setup.rules.map((rule) => [rule.id, rule.name])),
  };
}

/** After a saved change: the office's setup read again (rules, overflow choices, names). */
export function useRefreshSetup(officeId: string): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.callRouting.setup.queryKey({ officeId }) }), [queryClient, trpc, officeId]);
}
