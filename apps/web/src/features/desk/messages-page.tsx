import { formatPhone, type CallMessage } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { Badge, Button, Card, CardContent, EmptyState, ErrorState, Skeleton, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { cn } from "../../lib/cn";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useDeskOffice } from "../visitors/visitors-page";
import { DeskHeader } from "./desk-header";

/** Who left a message, as the person it is for reads it. */
export function messageCaller(message: Pick<CallMessage, "client" | "callerName" | "callerNumber">, withheld: string): string {
  const name = message.client?.displayName ?? message.callerName;
  const number = message.callerNumber ? formatPhone(message.callerNumber) : null;
  if (name && number) return `${name}, ${number}`;
  return name ?? number ?? withheld;
}

/** Messages taken for me at the desk, newest first; unread ones stand out and can be marked read. */
export function MessagesPage() {
  const { t, formatDateTime } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [officeId] = useDeskOffice();
  const messages = useQuery(trpc.calls.messages.mine.queryOptions({}));
  const markRead = useMutation(
    trpc.calls.messages.markRead.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.calls.messages.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
      },
      onError: (error) => toast(errorMessage(t, error), "error"),
    }),
  );
  return (
    <div className="space-y-6">
      <DeskHeader title={t("desk.messages.title")} officeId={officeId} />
      <Card>
        <CardContent className="pt-6">
          {messages.isPending ? (
            <Skeleton className="h-32" />
          ) : messages.isError ? (
            <ErrorState title={t("desk.messages.loadError")} message={errorMessage(t, messages.error)} onRetry={() => void messages.refetch()} retrying={messages.isFetching} />
          ) : messages.data.length === 0 ? (
            <EmptyState title={t("desk.messages.none")} />
          ) : (
            <ul className="divide-y divide-slate-200">
              {messages.data.map((message) => (
                <li key={message.id} className="space-y-1 py-3" data-testid="call-message" data-unread={message.readAt === null}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className={cn("text-slate-900", message.readAt === null && "font-semibold")}>{messageCaller(message, t("desk.caller.withheld"))}</span>
                    {message.urgent ? <Badge tone="danger">{t("desk.message.urgent")}</Badge> : null}
                    {message.callbackRequested ? <Badge tone="info">{t("desk.message.callbackRequested")}</Badge> : null}
                    {message.readAt === null ? <Badge tone="warning">{t("desk.messages.unread")}</Badge> : null}
                    <span className="flex-1" />
                    {message.readAt === null ? (
                      <Button size="sm" variant="secondary" loading={markRead.isPending && markRead.variables.ids?.includes(message.id)} onClick={() => markRead.mutate({ ids: [message.id] })}>
                        {t("desk.messages.markRead")}
                      </Button>
                    ) : null}
                  </div>
                  <p className="text-sm whitespace-pre-line text-slate-800">{message.body}</p>
                  <p className="text-xs text-slate-600">
                    {t("desk.messages.takenBy", { name: message.takenBy.displayName, time: formatDateTime(message.takenAt) })}
                    {message.client ? (
                      <>
                        {" · "}
                        <Link to={`/clients/${message.client.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                          {t("desk.messages.openClient")}
                        </Link>
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
