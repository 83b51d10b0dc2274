import { formatPhone, type CallStatus, type CallView } from "@frontoffice/domain";
import { Badge } from "../../components/ui";
import { useI18n, type MessageKey, type Translator } from "../../i18n";

const STATUS_TONE: Record<CallStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  ringing: "danger",
  queued: "warning",
  connected: "success",
  on_hold: "info",
  transferring: "warning",
  ended: "neutral",
};

export function CallStatusBadge({ status }: { status: CallStatus }) {
  const { t } = useI18n();
  return (
    <Badge tone={STATUS_TONE[status]} data-call-status={status}>
      {t(`desk.status.${status}` as MessageKey)}
    </Badge>
  );
}

/** Who is calling, as the receptionist should read it: the client, the name given, the number, or "withheld". */
export function callerLabel(t: Translator, call: Pick<CallView, "client" | "callerName" | "callerNumber">): string {
  if (call.client) return call.client.displayName;
  if (call.callerName) return call.callerName;
  return call.callerNumber ? formatPhone(call.callerNumber) : t("desk.caller.withheld");
}

/** Who the call is for: the person offered it, else the department, else the extension dialled. */
export function callTargetLabel(t: Translator, call: Pick<CallView, "staff" | "department" | "extension">): string {
  if (call.staff && call.department) return `${call.staff.displayName} · ${call.department.name}`;
  if (call.staff) return call.staff.displayName;
  if (call.department) return call.department.name;
  return call.extension ? t("desk.line.extension", { extension: call.extension }) : t("desk.line.noTarget");
}

export function CallerBadges({ call }: { call: Pick<CallView, "vip" | "client" | "language"> }) {
  const { t } = useI18n();
  return (
    <>
      {call.vip ? <Badge tone="warning">{t("desk.caller.vip")}</Badge> : null}
      {call.client && !call.vip ? <Badge tone="info">{t("desk.caller.known")}</Badge> : null}
      {call.language ? (
        <Badge title={t("desk.caller.language")}>{call.language.toUpperCase()}</Badge>
      ) : null}
    </>
  );
}
