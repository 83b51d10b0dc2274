import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { Button, buttonClasses, Card, CardContent, CardHeader, CardTitle, Skeleton, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useCan } from "../shell/session-context";
import { VISITORS_POLL_MS, VisitStatusBadge } from "../visitors/visitors-page";

/** Today's expected and on-site visitors beside the calls, with one-click check-in and out; the visitors page does the rest. */
export function VisitorsPanel({ officeId }: { officeId: string }) {
  const { t, formatDateTime } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const canManage = useCan("visitors.manage");
  const day = useQuery({ ...trpc.visitors.day.queryOptions({ officeId }), refetchInterval: VISITORS_POLL_MS });
  const onSuccess = () => void queryClient.invalidateQueries({ queryKey: trpc.visitors.pathKey() });
  const onError = (error: unknown) => toast(errorMessage(t, error), "error");
  const checkIn = useMutation(trpc.visitors.checkIn.mutationOptions({ onSuccess, onError }));
  const checkOut = useMutation(trpc.visitors.checkOut.mutationOptions({ onSuccess, onError }));
  const visits = (day.data?.visits ?? []).filter((visit) => visit.status === "expected" || visit.status === "checked_in");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("desk.visitors.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {day.isPending ? (
          <Skeleton className="h-16" />
        ) : day.isError ? (
          <p className="text-sm text-red-700">{errorMessage(t, day.error)}</p>
        ) : visits.length === 0 ? (
          <p className="text-sm text-slate-600">{t("desk.visitors.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {visits.map((visit) => (
              <li key={visit.id} className="flex items-center gap-2 py-1.5" data-testid="desk-visit">
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium text-slate-900">{visit.visitorName}</span>
                  <span className="block truncate text-xs text-slate-600">
                    {visit.hostName} · {(visit.expectedAt ?? visit.checkedInAt ? formatDateTime((visit.expectedAt ?? visit.checkedInAt)!) : "—")}
                  </span>
                </span>
                <VisitStatusBadge status={visit.status} />
                {canManage && visit.status === "expected" ? (
                  <Button size="sm" variant="secondary" loading={checkIn.isPending && checkIn.variables !== undefined && "visitId" in checkIn.variables && checkIn.variables.visitId === visit.id} onClick={() => checkIn.mutate({ visitId: visit.id })}>
                    {t("visitors.checkIn")}
                  </Button>
                ) : null}
                {canManage && visit.status === "checked_in" ? (
                  <Button size="sm" variant="secondary" loading={checkOut.isPending && checkOut.variables?.id === visit.id} onClick={() => checkOut.mutate({ id: visit.id })}>
                    {t("visitors.checkOut")}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <Link to={`/visitors?office=${officeId}`} className={buttonClasses("link", "sm")}>
          {t("desk.visitors.open")}
        </Link>
      </CardContent>
    </Card>
  );
}
