import { formatPhone, type CallerClient, type CallerIdentification, type CallerInteraction, type CallView } from "@frontoffice/domain";
import { skipToken, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Badge, Skeleton } from "../../components/ui";
import { LOCALE_NAMES, useI18n, type MessageKey } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

/** How many of the caller's last interactions the panel lists. */
const INTERACTIONS_SHOWN = 6;

/** The caller's record(s) and last interactions, from the number on the call. */
export function CallerRecord({ call, officeId }: { call: Pick<CallView, "callerNumber">; officeId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const identify = useQuery({ ...trpc.calls.identify.queryOptions(call.callerNumber ? { officeId, number: call.callerNumber } : skipToken), staleTime: 60_000 });
  if (!call.callerNumber) return null;
  if (identify.isPending) return <Skeleton className="h-24" />;
  if (identify.isError) return <p className="text-sm text-red-700">{errorMessage(t, identify.error)}</p>;
  return <CallerRecordView identification={identify.data} />;
}

export function CallerRecordView({ identification }: { identification: CallerIdentification }) {
  const { t } = useI18n();
  const { clients, interactions } = identification;
  return (
    <section aria-label={t("desk.caller.record")} className="space-y-3" data-testid="caller-record">
      {clients.length === 0 ? (
        <p className="text-sm text-slate-600">{t("desk.caller.unknown")}</p>
      ) : (
        <>
          {clients.length > 1 ? <p className="text-sm text-amber-800">{t("desk.caller.shared", { count: clients.length })}</p> : null}
          <ul className="grid gap-3 sm:grid-cols-2">
            {clients.map((client) => (
              <ClientCard key={client.id} client={client} />
            ))}
          </ul>
        </>
      )}
      {interactions.length > 0 ? (
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-900">{t("desk.caller.interactions")}</h3>
          <ul className="divide-y divide-slate-100 text-sm">
            {interactions.slice(0, INTERACTIONS_SHOWN).map((interaction) => (
              <InteractionRow key={`${interaction.kind}:${interaction.id}`} interaction={interaction} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function ClientCard({ client }: { client: CallerClient }) {
  const { t } = useI18n();
  return (
    <li className="space-y-1 rounded-md p-3 text-sm ring-1 ring-slate-200" data-testid="caller-client">
      <div className="flex flex-wrap items-center gap-2">
        <Link to={`/clients/${client.id}`} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
          {client.displayName}
        </Link>
        {client.vip ? <Badge tone="warning">{t("desk.caller.vip")}</Badge> : null}
        <Badge>{LOCALE_NAMES[client.preferredLocale]}</Badge>
      </div>
      {client.phones.length > 0 ? <p className="text-slate-700 tabular-nums">{client.phones.map((phone) => formatPhone(phone.number)).join(" · ")}</p> : null}
      {client.emails[0] ? <p className="truncate text-slate-700">{client.emails[0].address}</p> : null}
      {client.notes ? <p className="line-clamp-3 text-xs whitespace-pre-line text-slate-600">{client.notes}</p> : null}
    </li>
  );
}

function InteractionRow({ interaction }: { interaction: CallerInteraction }) {
  const { t, formatDateTime } = useI18n();
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 py-1">
      <span className="w-36 shrink-0 text-xs text-slate-600">{formatDateTime(interaction.at)}</span>
      <Badge>{t(`desk.interaction.${interaction.kind}` as MessageKey)}</Badge>
      <span className="min-w-0 flex-1 truncate text-slate-800">{interaction.summary}</span>
    </li>
  );
}
