import type { ReactNode } from "react";
import { Badge, Button, ErrorState, Skeleton } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";

/**
 * A settings list (services, rooms) as a table: a retryable error, a placeholder while loading,
 * `empty` when there is nothing, else one row per item under `headers` plus the status and
 * actions columns that {@link StatusCells} fills.
 */
export function SettingsTable<Item extends { id: string }>({
  query,
  errorTitle,
  empty,
  headers,
  row,
}: {
  query: { data: readonly Item[] | undefined; isError: boolean; error: unknown; isFetching: boolean; refetch: () => unknown };
  errorTitle: string;
  empty: string;
  headers: readonly string[];
  row: (item: Item) => ReactNode;
}) {
  const { t } = useI18n();
  if (query.isError && !query.data) return <ErrorState title={errorTitle} message={errorMessage(t, query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  if (!query.data) return <Skeleton className="h-24 w-full" />;
  if (query.data.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-md ring-1 ring-slate-200">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-700 uppercase">
          <tr>
            {[...headers, t("settings.services.status")].map((header) => (
              <th key={header} scope="col" className="px-3 py-2">
                {header}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">{t("settings.services.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {query.data.map((item) => (
            <tr key={item.id}>{row(item)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The last two cells of a settings row that can be switched off (a service, a room): its status
 * badge, and its edit and deactivate/reactivate buttons, named for the row (`editLabel`, `toggleLabel`).
 */
export function StatusCells({
  active,
  editLabel,
  toggleLabel,
  onEdit,
  onToggle,
}: {
  active: boolean;
  editLabel: string;
  toggleLabel: string;
  onEdit: () => void;
  onToggle: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <td className="px-3 py-2">
        <Badge tone={active ? "success" : "neutral"}>{t(active ? "settings.services.active" : "settings.services.inactive")}</Badge>
      </td>
      <td className="px-3 py-2">
        <span className="flex justify-end gap-2">
          <Button variant="secondary" size="sm" aria-label={editLabel} onClick={onEdit}>
            {t("common.edit")}
          </Button>
          <Button variant="ghost" size="sm" aria-label={toggleLabel} onClick={onToggle}>
            {t(active ? "settings.services.deactivateShort" : "settings.services.reactivateShort")}
          </Button>
        </span>
      </td>
    </>
  );
}
