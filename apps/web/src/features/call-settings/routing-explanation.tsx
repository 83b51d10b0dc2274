import { useI18n, type MessageKey, type Translator } from "../../i18n";
import { cn } from "../../lib/cn";
import { languageName, nameOf, type RoutingNames } from "./rule-model";

/** One step of a routing decision's explanation, as `@frontoffice/routing` gives it. */
export interface ExplanationStepView {
  code: string;
  params: Readonly<Record<string, unknown>>;
}

const text = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
const number = (value: unknown): number => (typeof value === "number" ? value : 0);
const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

/**
 * A step as a sentence in the interface language: `routing.explain.<code>` with its parameters
 * made readable (ids become names, codes become words, instants dates in the office's zone).
 * An unknown code (a newer engine) reads as a generic step rather than a key.
 */
export function explainStep(
  t: Translator,
  step: ExplanationStepView,
  names: RoutingNames,
  format: { dateTime: (iso: string) => string; list: (items: readonly string[]) => string },
): string {
  const { params } = step;
  const department = (value: unknown) => (typeof value === "string" ? nameOf(t, names.departments, value) : t("routing.theOffice"));
  const staff = (value: unknown) => nameOf(t, names.staff, text(value));
  const known = (key: string): key is MessageKey => t.has(key);
  const optionalKey = (prefix: string, value: unknown) => {
    const key = `${prefix}.${text(value)}`;
    return known(key) ? t(key) : text(value);
  };
  const values: Record<string, string | number> = {
    rule: names.rules?.[text(params.ruleId)] ?? t("callSettings.unknownName"),
    hops: number(params.hops),
    limit: number(params.limit),
    extension: text(params.extension),
    target: params.staffId !== undefined ? staff(params.staffId) : department(params.departmentId),
    department: department(params.departmentId),
    priority: optionalKey("routing.priority", params.priority),
    reason: optionalKey("routing.closedReason", params.reason),
    opens: typeof params.opensAt === "string" ? format.dateTime(params.opensAt) : t("routing.opensUnknown"),
    waitedSeconds: number(params.waitedSeconds),
    timeoutSeconds: number(params.timeoutSeconds),
    from: department(params.from),
    to: department(params.to),
    skills: format.list(ids(params.skills)),
    count: number(params.count),
    language: languageName(t.locale, text(params.language)),
    strategy: optionalKey("callSettings.strategy", params.strategy),
    targets: format.list(ids(params.targets).map((id) => nameOf(t, names.staff, id))),
    position: number(params.position),
    ahead: number(params.ahead),
    staff: staff(params.staffId),
    status: optionalKey("callSettings.presence", params.status),
    whose: params.for === "staff" ? staff(params.id) : department(params.id),
  };
  const key = `routing.explain.${step.code}`;
  return known(key) ? t(key, values) : t("routing.explain.unknown", { code: step.code });
}

/**
 * Why a call went where it did: the routing decision's steps as translated sentences, in order.
 * Names of departments, staff and rules come from `names` (the office's routing setup).
 */
export function RoutingExplanation({
  steps,
  names,
  timeZone,
  className,
}: {
  steps: readonly ExplanationStepView[];
  names: RoutingNames;
  /** The office's time zone, for "opens at" times; the browser's when absent. */
  timeZone?: string;
  className?: string;
}) {
  const { t, formatDateTime, formatList } = useI18n();
  if (steps.length === 0) return null;
  const format = { dateTime: (iso: string) => formatDateTime(iso, timeZone), list: formatList };
  return (
    <ol aria-label={t("routing.explanation")} className={cn("list-decimal space-y-0.5 pl-5 text-sm text-slate-700", className)}>
      {steps.map((step, index) => (
        <li key={index}>{explainStep(t, step, names, format)}</li>
      ))}
    </ol>
  );
}
