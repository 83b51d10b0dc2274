import { formatPhone } from "@frontoffice/domain";
import { useQuery } from "@tanstack/react-query";
import { Card, CardContent, CardHeader, CardTitle, ErrorState, Skeleton } from "../../components/ui";
import { LOCALE_NAMES, isLocale, useI18n, type Translator } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC, type RouterOutputs } from "../../lib/trpc";

type AuditEntry = RouterOutputs["clients"]["history"][number];
import { useSession } from "../shell/session-context";
import { FIELD_LABELS } from "./labels";

const MAX_LISTED_FIELDS = 4;

/** A short, readable rendering of a recorded value (strings, phones, lists, small objects). */
export function summarizeValue(value: unknown, t: Translator): string {
  if (value === null || value === undefined || value === "") return t("common.empty");
  if (typeof value === "string") return /^\+\d{6,15}$/.test(value) ? formatPhone(value) : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length ? value.map((item) => summarizeValue(item, t)).join(", ") : t("common.empty");
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.number === "string") return summarizeValue(record.number, t);
    if (typeof record.address === "string") return record.address;
    if (typeof record.value === "string" && typeof record.type === "string") return record.value;
    if (typeof record.line1 === "string") return [record.line1, record.postalCode, record.city].filter(Boolean).join(", ");
    const parts = Object.entries(record)
      .filter(([, inner]) => inner !== undefined && inner !== null && inner !== "")
      .map(([key, inner]) => `${key}: ${summarizeValue(inner, t)}`);
    return parts.length ? parts.join("; ") : t("common.empty");
  }
  return String(value);
}

function fieldLabel(field: string, t: Translator): string {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}

export function describeEntry(entry: AuditEntry, t: Translator, formatList: (items: readonly string[]) => string): string {
  const actor = entry.actor?.displayName || t("history.someone");
  if (entry.action !== "update") return t(`history.${entry.action}`, { actor });
  const fields = Object.keys(entry.changes).filter((field) => field !== "version" && field !== "displayName");
  const shown = fields.slice(0, MAX_LISTED_FIELDS).map((field) => fieldLabel(field, t));
  const more = fields.length - shown.length;
  const list = formatList(more > 0 ? [...shown, t("history.more", { count: more })] : shown);
  return t("history.update", { actor, fields: list || t("field.details") });
}

/** Who changed what and when, newest first (needs `audit.read`). */
export function ClientHistory({ clientId }: { clientId: string }) {
  const { t, formatDateTime, formatList } = useI18n();
  const { staff, offices } = useSession();
  const trpc = useTRPC();
  const show = (field: string, value: unknown): string => {
    if (field === "officeId" && typeof value === "string") return offices.find((office) => office.id === value)?.name ?? value;
    if (field === "kind" && (value === "person" || value === "company")) return t(`clients.kind.${value}`);
    if (field === "preferredLocale" && isLocale(value)) return LOCALE_NAMES[value];
    if (field === "archivedAt" && typeof value === "string") return formatDateTime(value, staff.timeZone);
    return summarizeValue(value, t);
  };
  const history = useQuery(trpc.clients.history.queryOptions({ id: clientId }));

  return (
    <Card aria-labelledby="client-history-title">
      <CardHeader>
        <CardTitle id="client-history-title">{t("client.history")}</CardTitle>
      </CardHeader>
      <CardContent>
        {history.isPending ? (
          <div className="space-y-3" aria-hidden="true">
            <Skeleton className="h-4 w-3/4" />
            <Skeleton className="h-4 w-1/2" />
          </div>
        ) : history.isError ? (
          <ErrorState title={t("history.error")} message={errorMessage(t, history.error)} onRetry={() => void history.refetch()} retrying={history.isFetching} className="py-4" />
        ) : history.data.length === 0 ? (
          <p className="text-sm text-slate-600">{t("history.empty")}</p>
        ) : (
          <ol className="relative space-y-5 border-l border-slate-200 pl-5">
            {history.data.map((entry) => {
              const changes = Object.entries(entry.changes).filter(([field]) => field !== "version");
              return (
                <li key={entry.id} className="relative">
                  <span aria-hidden="true" className="absolute top-1.5 -left-[1.66rem] h-2.5 w-2.5 rounded-full bg-brand-600 ring-4 ring-white" />
                  <p className="text-sm text-slate-900">{describeEntry(entry, t, formatList)}</p>
                  <p className="text-xs text-slate-600">
                    <time dateTime={entry.at}>{formatDateTime(entry.at, staff.timeZone)}</time>
                  </p>
                  {entry.action === "update" && changes.length ? (
                    <details className="mt-1 text-sm">
                      <summary className="cursor-pointer rounded text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600">
                        {t("history.before")} / {t("history.after")}
                      </summary>
                      <dl className="mt-2 space-y-2">
                        {changes.map(([field, change]) => (
                          <div key={field} className="rounded-md bg-slate-50 p-2">
                            <dt className="font-medium text-slate-800">{fieldLabel(field, t)}</dt>
                            <dd className="mt-0.5 grid grid-cols-[auto_1fr] gap-x-2 text-slate-700">
                              <span className="text-slate-600">{t("history.before")}:</span>
                              <span className="break-words line-through decoration-slate-400">{show(field, change.from)}</span>
                              <span className="text-slate-600">{t("history.after")}:</span>
                              <span className="break-words">{show(field, change.to)}</span>
                            </dd>
                          </div>
                        ))}
                      </dl>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
