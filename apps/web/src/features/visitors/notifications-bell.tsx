import { formatPhone, type StaffNotification } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "../../components/ui";
import { useI18n } from "../../i18n";
import { useTRPC } from "../../lib/trpc";

/** Polled until live updates exist. */
const NOTIFICATIONS_POLL_MS = 15_000;

/** The signed-in staff member's notifications (a visitor arrived…) in the shell's header. */
export function NotificationsBell() {
  const { t, formatDateTime } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notifications = useQuery({ ...trpc.notifications.list.queryOptions({}), refetchInterval: NOTIFICATIONS_POLL_MS });
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }) }));
  const items = notifications.data ?? [];
  const unread = items.filter((item) => item.readAt === null).length;

  return (
    <DropdownMenu onOpenChange={(open) => (!open && unread > 0 ? markRead.mutate({}) : undefined)}>
      <DropdownMenuTrigger
        aria-label={unread > 0 ? t("notifications.unread", { count: unread }) : t("notifications.title")}
        className="relative rounded-md p-2 text-brand-100 hover:bg-white/10 hover:text-white focus-visible:outline-2 focus-visible:outline-white"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9Zm4.3 13a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span aria-hidden="true" data-testid="notifications-count" className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-bold text-white">
            {unread}
          </span>
        ) : null}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80">
        <DropdownMenuLabel>{t("notifications.title")}</DropdownMenuLabel>
        {items.length === 0 ? <p className="px-2 py-3 text-sm text-slate-600">{t("notifications.none")}</p> : null}
        {items.slice(0, 10).map((item) => {
          if (item.kind === "call_message") return <CallMessageItem key={item.id} item={item} />;
          const who = item.payload.company ? `${item.payload.visitorName ?? "—"} (${item.payload.company})` : (item.payload.visitorName ?? "—");
          return (
            <DropdownMenuItem key={item.id} className="flex flex-col items-start gap-0.5" data-testid="notification">
              <span className={item.readAt === null ? "font-semibold" : undefined}>
                {item.kind === "visitor_arrived" ? t("notifications.visitorArrived", { name: who }) : t("notifications.visitorStillOnSite", { name: who })}
              </span>
              <span className="text-xs text-slate-600">{formatDateTime(item.createdAt)}</span>
            </DropdownMenuItem>
          );
        })}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** A message taken for me at the desk: who called, linking to my messages. */
function CallMessageItem({ item }: { item: StaffNotification }) {
  const { t, formatDateTime } = useI18n();
  // The payload of a `call_message` notification (written by the calls module).
  const { payload } = item;
  const caller = payload.callerName ?? (payload.callerNumber ? formatPhone(payload.callerNumber) : t("desk.caller.withheld"));
  return (
    <DropdownMenuItem asChild className="flex flex-col items-start gap-0.5" data-testid="notification">
      <Link to="/desk/messages">
        <span className={item.readAt === null ? "font-semibold" : undefined}>{t("notifications.callMessage", { caller })}</span>
        <span className="text-xs text-slate-600">{formatDateTime(item.createdAt)}</span>
      </Link>
    </DropdownMenuItem>
  );
}
