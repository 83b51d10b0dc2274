import { REFUND_REASONS, refundInputSchema, type RefundReason } from "@frontoffice/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { Alert, Badge, Button, Card, CardContent, CardHeader, CardTitle, Field, Input, Select, Textarea, useToast } from "../../components/ui";
import { useI18n, type MessageKey } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC, useTRPCClient, type RouterOutputs } from "../../lib/trpc";
import { useCan } from "../shell/session-context";
import { useFormatMoney, useRefreshMoney } from "./desk";
import { useMoneyAction } from "./attempt";
import { newIdempotencyKey, parseAmountMinor } from "./sale-model";

type Refund = RouterOutputs["payments"]["refunds"][number];
type Payment = RouterOutputs["payments"]["get"];

const STATUS_TONES = { pending_approval: "warning", completed: "success", rejected: "neutral" } as const;

/** What can still be given back of a payment: captured minus refunded minus refunds waiting for approval. */
export function refundableMinor(payment: Pick<Payment, "amountMinor" | "refundedMinor" | "status" | "refunds">): number {
  if (payment.status !== "captured" && payment.status !== "partially_refunded") return 0;
  const pending = payment.refunds.filter((refund) => refund.status === "pending_approval").reduce((sum, refund) => sum + refund.amountMinor, 0);
  return Math.max(payment.amountMinor - payment.refundedMinor - pending, 0);
}

/** Gives back all or part of a payment, to its own method, with a reason (and a manager's approval above the office's threshold). */
export function RefundForm({ payment, desk }: { payment: Payment; desk: string }) {
  const { t } = useI18n();
  const api = useTRPCClient();
  const { toast } = useToast();
  const formatMoney = useFormatMoney();
  const refresh = useRefreshMoney();
  const left = refundableMinor(payment);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState<RefundReason | "">("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Partial<Record<"amount" | "reason" | "note", MessageKey>>>({});
  const [pending, setPending] = useState<Refund | null>(null);
  const refund = useMoneyAction(
    (idempotencyKey) =>
      api.payments.refund.mutate({ idempotencyKey, paymentId: payment.id, desk, amountMinor: parseAmountMinor(amount, payment.currency) ?? 0, reason: reason as RefundReason, note }),
    async (result) => {
      setAmount("");
      setNote("");
      setReason("");
      if (result.refund.status === "pending_approval") setPending(result.refund);
      else toast(t("refund.done", { amount: formatMoney(result.refund.amountMinor, result.refund.currency), number: result.refund.receipt?.number ?? "" }), "success");
      await refresh();
    },
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (refund.busy) return;
    const amountMinor = parseAmountMinor(amount, payment.currency);
    const next: typeof errors = {};
    if (amountMinor === null || amountMinor === 0) next.amount = "validation.amount_invalid";
    else if (amountMinor > left) next.amount = "errors.REFUND_EXCEEDS_CAPTURED";
    if (!reason) next.reason = "validation.refund_reason_invalid";
    if (!refundInputSchema.shape.note.safeParse(note).success) next.note = "refund.note.invalid";
    setErrors(next);
    if (Object.keys(next).length === 0) void refund.start();
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-labelledby="refund-title">
      <h3 id="refund-title" className="text-sm font-semibold text-slate-900">
        {t("refund.title")}
      </h3>
      <p className="text-sm text-slate-700">{t("refund.left", { amount: formatMoney(left, payment.currency) })}</p>
      {pending ? <Alert tone="warning">{t("refund.pendingApproval", { amount: formatMoney(pending.amountMinor, pending.currency) })}</Alert> : null}
      {refund.error ? <Alert tone="error">{refund.error}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        <Field label={t("refund.amount")} className="w-40" error={errors.amount ? t(errors.amount) : null}>
          {(control) => <Input {...control} inputMode="decimal" autoComplete="off" value={amount} onChange={(event) => setAmount(event.target.value)} />}
        </Field>
        <Field label={t("refund.reason")} className="w-64" error={errors.reason ? t(errors.reason) : null}>
          {(control) => (
            <Select {...control} value={reason} onChange={(event) => setReason(event.target.value as RefundReason | "")}>
              <option value="">{t("refund.reason.choose")}</option>
              {REFUND_REASONS.map((option) => (
                <option key={option} value={option}>
                  {t(`refund.reason.${option}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field label={t("refund.note")} optional error={errors.note ? t(errors.note) : null}>
        {(control) => <Textarea {...control} value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <Button type="submit" variant="danger" loading={refund.busy} disabled={left === 0}>
        {t("refund.submit")}
      </Button>
    </form>
  );
}

/** The refunds of a payment with their status and correction receipts. */
export function RefundList({ refunds }: { refunds: readonly Refund[] }) {
  const { t, formatDateTime } = useI18n();
  const formatMoney = useFormatMoney();
  if (refunds.length === 0) return null;
  return (
    <ul className="divide-y divide-slate-100 text-sm" aria-label={t("refund.list")}>
      {refunds.map((refund) => (
        <li key={refund.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span>
            <span className="font-medium tabular-nums">{formatMoney(refund.amountMinor, refund.currency)}</span> · {t(`refund.reason.${refund.reason}`)}
            {refund.note ? <span className="block text-slate-600">{refund.note}</span> : null}
            <span className="block text-xs text-slate-600">{formatDateTime(refund.createdAt)}</span>
          </span>
          <span className="flex items-center gap-2">
            {refund.receipt ? (
              <Link to={`/payments/receipts/${refund.receipt.id}`} className="font-mono text-brand-700 hover:underline">
                {refund.receipt.number}
              </Link>
            ) : null}
            <Badge tone={STATUS_TONES[refund.status]}>{t(`refund.status.${refund.status}`)}</Badge>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Refunds waiting for a manager: approve (the money goes back) or reject. */
export function PendingRefunds() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const formatMoney = useFormatMoney();
  const refresh = useRefreshMoney();
  const canApprove = useCan("payments.approve");
  const pending = useQuery(trpc.payments.refunds.queryOptions({ status: "pending_approval", limit: 50 }));
  const decide = useMutation(
    trpc.payments.decideRefund.mutationOptions({
      onSuccess: async (result) => {
        toast(t(result.refund.status === "completed" ? "refund.approved" : "refund.rejected", { amount: formatMoney(result.refund.amountMinor, result.refund.currency) }), "success");
        await refresh();
      },
    }),
  );
  if (!canApprove || !pending.data?.length) return null;
  return (
    <Card aria-labelledby="pending-refunds-title">
      <CardHeader>
        <CardTitle id="pending-refunds-title">{t("refund.pendingTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-2">
        {decide.isError ? <Alert tone="error">{errorMessage(t, decide.error)}</Alert> : null}
        <ul className="divide-y divide-slate-100 text-sm">
          {pending.data.map((refund) => (
            <li key={refund.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium tabular-nums">{formatMoney(refund.amountMinor, refund.currency)}</span> · {t(`refund.reason.${refund.reason}`)}
                {refund.note ? <span className="block text-slate-600">{refund.note}</span> : null}
              </span>
              <span className="flex gap-2">
                {/* A decision is one attempt: its key is made when the button is pressed. */}
                <Button size="sm" loading={decide.isPending && decide.variables.refundId === refund.id && decide.variables.approve} onClick={() => decide.mutate({ idempotencyKey: newIdempotencyKey(), refundId: refund.id, approve: true })}>
                  {t("refund.approve")}
                </Button>
                <Button size="sm" variant="secondary" disabled={decide.isPending} onClick={() => decide.mutate({ idempotencyKey: newIdempotencyKey(), refundId: refund.id, approve: false })}>
                  {t("refund.reject")}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
