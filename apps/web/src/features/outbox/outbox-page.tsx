import { OUTBOX_STATUSES, type Locale, type OutboxMessageSummary, type OutboxStatus } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { BackLink } from "../../components/back-link";
import { Alert, Badge, Button, Card, CardContent, CardHeader, CardTitle, EmptyState, ErrorState, Field, Select, Skeleton, useToast } from "../../components/ui";
import { INTERFACE_LOCALES, LOCALE_NAMES, useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useCan } from "../shell/session-context";
import { SettingsForbidden } from "../settings/settings-page";

const STATUS_TONES: Record<OutboxStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  pending: "neutral",
  sending: "info",
  sent: "success",
  failed: "warning",
  dead: "danger",
};

/** Messages to clients for managers: what went out, what is stuck (and sending it again), and a reminder preview. */
export function OutboxPage() {
  const { t } = useI18n();
  const canManage = useCan("services.manage");
  if (!canManage) return <SettingsForbidden />;
  return (
    <div className="space-y-6">
      <title>{`${t("outbox.title")} · ${t("app.name")}`}</title>
      <BackLink to="/settings" label={t("settings.back")} />
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-slate-900">{t("outbox.title")}</h1>
        <p className="text-sm text-slate-700">{t("outbox.intro")}</p>
      </div>
      <MessagesCard />
      <ReminderPreviewCard />
    </div>
  );
}

function MessagesCard() {
  const { t, formatDateTime } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [status, setStatus] = useState<OutboxStatus | "">("");
  const input = status ? { status } : {};
  const messages = useQuery(trpc.outbox.list.queryOptions(input));
  const retry = useMutation({
    ...trpc.outbox.retry.mutationOptions(),
    onSuccess: async () => {
      toast(t("outbox.retried"));
      await queryClient.invalidateQueries({ queryKey: trpc.outbox.list.queryKey() });
    },
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("outbox.title")}</CardTitle>
        <Field label={t("outbox.filter.status")} className="w-56">
          {(control) => (
            <Select {...control} value={status} onChange={(event) => setStatus(event.target.value as OutboxStatus | "")}>
              <option value="">{t("outbox.filter.all")}</option>
              {OUTBOX_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`outbox.status.${value}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </CardHeader>
      <CardContent className="space-y-3">
        {retry.isError ? <Alert tone="error">{errorMessage(t, retry.error)}</Alert> : null}
        {messages.isPending ? (
          <Skeleton className="h-32 w-full" />
        ) : messages.isError ? (
          <ErrorState title={t("outbox.loadError")} message={errorMessage(t, messages.error)} onRetry={() => void messages.refetch()} retrying={messages.isFetching} />
        ) : messages.data.length === 0 ? (
          <EmptyState title={t("outbox.empty")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-slate-600 uppercase">
                <tr>
                  <th className="py-2 pr-3">{t("outbox.column.created")}</th>
                  <th className="py-2 pr-3">{t("outbox.column.channel")}</th>
                  <th className="py-2 pr-3">{t("outbox.column.recipient")}</th>
                  <th className="py-2 pr-3">{t("outbox.column.subject")}</th>
                  <th className="py-2 pr-3">{t("outbox.column.status")}</th>
                  <th className="py-2 pr-3">{t("outbox.column.attempts")}</th>
                  <th className="py-2 pr-3">{t("outbox.column.error")}</th>
                  <th className="py-2">
                    <span className="sr-only">{t("outbox.column.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {messages.data.map((message: OutboxMessageSummary) => (
                  <tr key={message.id} data-outbox-message={message.id}>
                    <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(message.createdAt)}</td>
                    <td className="py-2 pr-3">{t(`outbox.channel.${message.channel}`)}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{message.recipient}</td>
                    <td className="py-2 pr-3">{message.subject ?? "—"}</td>
                    <td className="py-2 pr-3">
                      <Badge tone={STATUS_TONES[message.status]}>{t(`outbox.status.${message.status}`)}</Badge>
                    </td>
                    <td className="py-2 pr-3">{t("outbox.attempts", { attempts: message.attempts, max: message.maxAttempts })}</td>
                    <td className="max-w-64 py-2 pr-3 text-xs break-words text-slate-700">{message.lastError ?? ""}</td>
                    <td className="py-2 text-right">
                      {message.status === "dead" ? (
                        <Button
                          variant="secondary"
                          size="sm"
                          loading={retry.isPending && retry.variables?.id === message.id}
                          aria-label={t("outbox.retryLabel", { recipient: message.recipient })}
                          onClick={() => retry.mutate({ id: message.id })}
                        >
                          {t("outbox.retry")}
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function ReminderPreviewCard() {
  const { t, locale: interfaceLocale } = useI18n();
  const trpc = useTRPC();
  const offices = useQuery(trpc.offices.list.queryOptions());
  const [officeId, setOfficeId] = useState("");
  const [locale, setLocale] = useState<Locale>(interfaceLocale);
  const office = offices.data?.find((candidate) => candidate.id === officeId) ?? offices.data?.[0];
  const preview = useQuery({ ...trpc.outbox.previewReminder.queryOptions({ officeId: office?.id ?? "", locale }), enabled: !!office });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("outbox.preview.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-sm text-slate-600">{t("outbox.preview.intro")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("outbox.preview.office")}>
            {(control) => (
              <Select {...control} value={office?.id ?? ""} onChange={(event) => setOfficeId(event.target.value)}>
                {(offices.data ?? []).map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t("outbox.preview.language")}>
            {(control) => (
              <Select {...control} value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
                {INTERFACE_LOCALES.map((value) => (
                  <option key={value} value={value}>
                    {LOCALE_NAMES[value]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        {!office || preview.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : preview.isError ? (
          <ErrorState title={t("outbox.preview.error")} message={errorMessage(t, preview.error)} onRetry={() => void preview.refetch()} retrying={preview.isFetching} />
        ) : (
          <div className="grid gap-4 lg:grid-cols-2" lang={locale}>
            <section aria-label={t("outbox.preview.email")} className="space-y-2 rounded-md p-3 ring-1 ring-slate-200">
              <h3 className="text-sm font-semibold text-slate-900">{t("outbox.preview.email")}</h3>
              <p className="text-sm">
                <span className="text-slate-600">{t("outbox.preview.subject")}: </span>
                <span data-testid="reminder-subject">{preview.data.subject}</span>
              </p>
              <pre className="text-sm whitespace-pre-wrap text-slate-900">{preview.data.text}</pre>
            </section>
            <section aria-label={t("outbox.preview.sms")} className="space-y-2 rounded-md p-3 ring-1 ring-slate-200">
              <h3 className="text-sm font-semibold text-slate-900">{t("outbox.preview.sms")}</h3>
              <p className="text-sm whitespace-pre-wrap text-slate-900">{preview.data.sms}</p>
            </section>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
