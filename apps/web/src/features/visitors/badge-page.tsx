import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { Button, ErrorState, Skeleton } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { BADGE_PRINT_CSS, VISITORS_PRINT_CSS } from "./print";

/** A visitor's badge: name, host, date and code, ready to print. */
export function BadgePage() {
  const { t, formatDate } = useI18n();
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const badge = useQuery(trpc.visitors.badge.queryOptions({ id }));

  if (badge.isPending) return <Skeleton className="h-48 w-96" />;
  if (badge.isError) return <ErrorState title={t("visitors.loadError")} message={errorMessage(t, badge.error)} onRetry={() => void badge.refetch()} retrying={badge.isFetching} />;
  return (
    <div className="space-y-4">
      <style>{VISITORS_PRINT_CSS + BADGE_PRINT_CSS}</style>
      <Button data-print="hide" onClick={() => window.print()}>
        {t("visitors.badge.print")}
      </Button>
      <article data-print="badge" aria-label={t("visitors.badge.title")} className="w-96 rounded-lg border-2 border-slate-900 bg-white p-6 shadow-sm">
        <p className="text-xs font-semibold tracking-widest text-slate-600 uppercase">{t("visitors.badge.visitor")}</p>
        <p className="mt-1 text-3xl font-bold text-slate-900">{badge.data.visitorName}</p>
        {badge.data.company ? <p className="text-lg text-slate-700">{badge.data.company}</p> : null}
        <dl className="mt-4 grid grid-cols-2 gap-2 text-sm">
          <dt className="text-slate-600">{t("visitors.column.host")}</dt>
          <dd className="font-medium">{badge.data.hostName}</dd>
          <dt className="text-slate-600">{t("visitors.badge.date")}</dt>
          <dd className="font-medium">{formatDate(badge.data.date, "long")}</dd>
          <dt className="text-slate-600">{t("visitors.badge.code")}</dt>
          <dd className="font-mono text-2xl font-bold tracking-widest" data-testid="badge-code">
            {badge.data.code}
          </dd>
        </dl>
        <p className="mt-4 text-xs text-slate-600">{badge.data.officeName}</p>
      </article>
    </div>
  );
}
