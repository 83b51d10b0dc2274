import type { RoutingProblem } from "@frontoffice/domain";
import type { Translator } from "../../i18n";
import { errorCodeOf, errorMessage } from "../../lib/errors";
import { nameOf, type RoutingNames } from "./rule-model";

/** The routing problems a refused change came back with (`data.details.routingProblems`). */
export function routingProblemsOf(error: unknown): RoutingProblem[] {
  const problems = (error as { data?: { details?: { routingProblems?: unknown } } } | null)?.data?.details?.routingProblems;
  return Array.isArray(problems) ? problems.filter((problem): problem is RoutingProblem => typeof problem?.code === "string" && typeof problem?.details === "object") : [];
}

/**
 * A refused change in words: the error's translation, and for a circle of overflows the
 * departments it goes round ("Reception → Billing → Reception"), for a rule that could never
 * apply the rule that takes every call before it.
 */
export function routingRefusalMessage(t: Translator, error: unknown, names: RoutingNames): string {
  const message = errorMessage(t, error);
  const problem = routingProblemsOf(error).find((candidate) => candidate.code === errorCodeOf(error));
  if (!problem) return message;
  if (problem.code === "ROUTING_OVERFLOW_CYCLE" && Array.isArray(problem.details.cycle)) {
    const cycle = (problem.details.cycle as unknown[]).filter((id): id is string => typeof id === "string");
    const path = [...cycle, cycle[0] ?? ""].map((id) => nameOf(t, names.departments, id)).join(" → ");
    return `${message} ${t("callSettings.problem.cycle", { path })}`;
  }
  if (problem.code === "ROUTING_UNREACHABLE_RULE" && typeof problem.details.shadowedBy === "string") {
    return `${message} ${t("callSettings.problem.shadowedBy", { rule: nameOf(t, names.rules ?? {}, problem.details.shadowedBy) })}`;
  }
  return message;
}
