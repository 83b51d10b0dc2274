import { useQuery } from "@tanstack/react-query";
import { Button, EmptyState, ErrorState, Skeleton } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { VISITORS_POLL_MS, useDeskOffice } from "./visitors-page";
import { VISITORS_PRINT_CSS } from "./print";

/** Everyone on site now, printable for an emergency roll call. */
export function OnSitePage() {
  const { t, formatDateTime } = useI18n();
  const trpc = useTRPC();
  const [officeId] = useDeskOffice();
  const onSite = useQuery({ ...trpc.visitors.onSite.queryOptions({ officeId: officeId ?? "" }), enabled: officeId !== undefined, refetchInterval: VISITORS_POLL_MS });

  return (
    <section aria-labelledby="on-site-title" className="space-y-4">
      <style>{VISITORS_PRINT_CSS}</style>
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex-1">
          <h1 id="on-site-title" className="text-2xl font-semibold text-slate-900">
            {t("visitors.onSite.title")}
          </h1>
          {onSite.data ? (
            <p className="text-sm text-slate-600">{t("visitors.onSite.asOf", { office: onSite.data.officeName, when: formatDateTime(onSite.data.at) })}</p>
          ) : null}
        </div>
        <Button data-print="hide" onClick={() => window.print()}>
          {t("visitors.onSite.print")}
        </Button>
      </div>
      {onSite.isPending ? (
        <Skeleton className="h-32" />
      ) : onSite.isError ? (
        <ErrorState title={t("visitors.loadError")} message={errorMessage(t, onSite.error)} onRetry={() => void onSite.refetch()} retrying={onSite.isFetching} />
      ) : onSite.data.visits.length === 0 ? (
        <EmptyState title={t("visitors.onSite.empty")} />
      ) : (
        <>
          <table className="w-full text-left text-sm" aria-labelledby="on-site-title">
            <thead className="text-xs text-slate-600 uppercase">
              <tr>
                <th className="py-2 pr-3">{t("visitors.column.visitor")}</th>
                <th className="py-2 pr-3">{t("visitors.field.company")}</th>
                <th className="py-2 pr-3">{t("visitors.column.host")}</th>
                <th className="py-2 pr-3">{t("visitors.column.since")}</th>
                <th className="py-2 pr-3">{t("visitors.column.badge")}</th>
                <th className="py-2">{t("visitors.onSite.present")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {onSite.data.visits.map((visit) => (
                <tr key={visit.id} data-testid="on-site-row">
                  <td className="py-2 pr-3 font-medium">{visit.visitorName}</td>
                  <td className="py-2 pr-3">{visit.company ?? "—"}</td>
                  <td className="py-2 pr-3">{visit.hostName}</td>
                  <td className="py-2 pr-3">{visit.checkedInAt ? formatDateTime(visit.checkedInAt) : "—"}</td>
                  <td className="py-2 pr-3 font-mono">{visit.badgeCode}</td>
                  <td className="py-2">
                    <span aria-hidden="true" className="inline-block h-4 w-4 border border-slate-500" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-sm text-slate-700">{t("visitors.onSite.count", { count: onSite.data.visits.length })}</p>
        </>
      )}
    </section>
  );
}
