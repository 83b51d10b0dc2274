import { PRESENCE_STATUSES, type PresenceStatus } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge, Card, CardContent, CardHeader, CardTitle, Skeleton, useToast } from "../../components/ui";
import { useI18n, type MessageKey } from "../../i18n";
import { cn } from "../../lib/cn";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

export const PRESENCE_TONE: Record<PresenceStatus, "success" | "warning" | "info" | "neutral"> = {
  available: "success",
  busy: "warning",
  on_break: "info",
  off_shift: "neutral",
};

/** Polled: presence changes are not part of the calls' live stream. */
const PRESENCE_POLL_MS = 15_000;

/** My presence (what routing reads) and the team's, for the office on the console. */
export function PresenceCard({ officeId, canHandle }: { officeId: string; canHandle: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const me = useQuery({ ...trpc.calls.presence.me.queryOptions(), enabled: canHandle });
  const team = useQuery({ ...trpc.calls.presence.list.queryOptions({ officeId }), refetchInterval: PRESENCE_POLL_MS });
  const set = useMutation(
    trpc.calls.presence.set.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.calls.presence.pathKey() }),
      onError: (error) => toast(errorMessage(t, error), "error"),
    }),
  );
  const mine = set.isPending ? set.variables.status : me.data?.status;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("desk.presence.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {canHandle ? (
          <div role="group" aria-label={t("desk.presence.mine")} className="grid grid-cols-2 gap-2">
            {PRESENCE_STATUSES.map((status) => (
              <button
                key={status}
                type="button"
                aria-pressed={mine === status}
                disabled={me.isPending}
                onClick={() => set.mutate({ status })}
                className={cn(
                  "rounded-md px-3 py-2 text-sm font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-brand-600",
                  mine === status ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50",
                )}
              >
                {t(`desk.presence.${status}` as MessageKey)}
              </button>
            ))}
          </div>
        ) : null}
        <div>
          <h3 className="mb-2 text-sm font-medium text-slate-900">{t("desk.presence.team")}</h3>
          {team.isPending ? (
            <Skeleton className="h-16" />
          ) : team.isError ? (
            <p className="text-sm text-red-700">{errorMessage(t, team.error)}</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="team-presence">
              {team.data.map((person) => (
                <li key={person.staffId} className="flex items-center justify-between gap-2">
                  <span className="truncate">
                    {person.displayName}
                    {person.extension ? <span className="ml-1 text-xs text-slate-500">{person.extension}</span> : null}
                  </span>
                  <Badge tone={PRESENCE_TONE[person.status]}>{t(`desk.presence.${person.status}` as MessageKey)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
