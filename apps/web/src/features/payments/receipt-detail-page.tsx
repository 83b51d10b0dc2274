import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { BackLink } from "../../components/back-link";
import { Alert, Badge, Button, Card, CardContent, CardHeader, CardTitle, EmptyState, ErrorState, PageSpinner, Skeleton } from "../../components/ui";
import { useI18n, type MessageKey } from "../../i18n";
import { errorCodeOf, errorMessage } from "../../lib/errors";
import { useTRPC, useTRPCClient, type RouterOutputs } from "../../lib/trpc";
import { useCan } from "../shell/session-context";
import { PaymentsNav, useDesk, useFormatMoney, useRefreshMoney } from "./desk";
import { ReceiptDocument } from "./receipt-document";
import { RefundForm, RefundList } from "./refunds";
import { useMoneyAction } from "./attempt";

type Payment = RouterOutputs["payments"]["get"];

export const PAYMENT_STATUS_TONES = {
  pending: "neutral",
  authorized: "info",
  captured: "success",
  partially_refunded: "warning",
  refunded: "warning",
  voided: "neutral",
  failed: "danger",
} as const;

export const METHOD_LABELS: Record<Payment["method"], MessageKey> = {
  cash: "payments.method.cash",
  card: "payments.method.card",
  terminal: "payments.method.terminal",
  check: "payments.method.check",
};

/** One receipt: the document to reprint, and for a sale its payment with refunds. */
export function ReceiptDetailPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const trpc = useTRPC();
  const receipt = useQuery(trpc.receipts.get.queryOptions({ id }, { staleTime: Number.POSITIVE_INFINITY }));

  if (receipt.isPending) return <PageSpinner label={t("app.loading")} />;
  if (receipt.isError) {
    const notFound = ["NOT_FOUND", "VALIDATION_FAILED"].includes(errorCodeOf(receipt.error));
    return (
      <div className="space-y-4">
        <BackLink to="/payments/receipts" label={t("receipts.back")} />
        <Card>
          {notFound ? <EmptyState title={t("receipt.notFound")} /> : <ErrorState title={t("receipt.loadError")} message={errorMessage(t, receipt.error)} onRetry={() => void receipt.refetch()} />}
        </Card>
      </div>
    );
  }
  const data = receipt.data;
  return (
    <div className="space-y-4">
      <title>{`${data.number} · ${t("app.name")}`}</title>
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <BackLink to="/payments/receipts" label={t("receipts.back")} />
        <PaymentsNav />
      </div>
      <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold text-slate-900 print:hidden">
        <span className="font-mono">{data.number}</span>
        <Badge tone={data.kind === "sale" ? "info" : "warning"}>{t(data.kind === "sale" ? "receipts.kind.sale" : "receipts.kind.correction")}</Badge>
      </h1>
      <div className="grid gap-4 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <ReceiptDocument receiptId={data.id} canEmail={data.clientId !== null} />
        </div>
        <div className="space-y-4 lg:col-span-2 print:hidden">
          {data.correctsReceiptId ? (
            <Link to={`/payments/receipts/${data.correctsReceiptId}`} className="text-sm text-brand-700 hover:underline">
              {t("receipt.corrects")}
            </Link>
          ) : null}
          {data.kind === "sale" && data.paymentId ? <PaymentPanel paymentId={data.paymentId} /> : null}
        </div>
      </div>
    </div>
  );
}

function PaymentPanel({ paymentId }: { paymentId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const payment = useQuery(trpc.payments.get.queryOptions({ id: paymentId }));
  const canRefund = useCan("payments.refund");
  const desk = useDesk();
  if (payment.isPending) return <Skeleton className="h-40 w-full" />;
  if (payment.isError) return <ErrorState title={t("payment.loadError")} message={errorMessage(t, payment.error)} onRetry={() => void payment.refetch()} />;
  const data = payment.data;
  return (
    <Card aria-labelledby="payment-title">
      <CardHeader>
        <CardTitle id="payment-title">{t("payment.title")}</CardTitle>
        <Badge tone={PAYMENT_STATUS_TONES[data.status]} data-testid="payment-status">
          {t(`payment.status.${data.status}`)}
        </Badge>
      </CardHeader>
      <CardContent className="space-y-4">
        <PaymentFacts payment={data} />
        <RefundList refunds={data.refunds} />
        {canRefund && data.status === "authorized" ? <VoidButton payment={data} /> : null}
        {canRefund && (data.status === "captured" || data.status === "partially_refunded") ? <RefundForm payment={data} desk={desk.desk} /> : null}
      </CardContent>
    </Card>
  );
}

export function PaymentFacts({ payment }: { payment: Pick<Payment, "method" | "amountMinor" | "refundedMinor" | "currency" | "card" | "reference" | "desk" | "businessDate"> }) {
  const { t, formatDate } = useI18n();
  const formatMoney = useFormatMoney();
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm">
      <Fact label={t("payment.amount")}>{formatMoney(payment.amountMinor, payment.currency)}</Fact>
      <Fact label={t("payment.refunded")}>{formatMoney(payment.refundedMinor, payment.currency)}</Fact>
      <Fact label={t("payment.method")}>
        {t(METHOD_LABELS[payment.method])}
        {payment.card ? ` · ${payment.card.brand ?? ""} •••• ${payment.card.last4}` : payment.reference ? ` · ${payment.reference}` : ""}
      </Fact>
      <Fact label={t("payment.desk")}>
        {payment.desk} · {formatDate(payment.businessDate)}
      </Fact>
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}

/** Voids an authorization before capture (above the threshold a manager's). */
export function VoidButton({ payment }: { payment: Pick<Payment, "id"> }) {
  const { t } = useI18n();
  const api = useTRPCClient();
  const refreshMoney = useRefreshMoney();
  const voiding = useMoneyAction((idempotencyKey) => api.payments.void.mutate({ idempotencyKey, paymentId: payment.id }), refreshMoney);
  return (
    <div className="space-y-2">
      {voiding.error ? <Alert tone="error">{voiding.error}</Alert> : null}
      <Button variant="danger" size="sm" loading={voiding.busy} onClick={() => void voiding.start()}>
        {t("payment.void")}
      </Button>
    </div>
  );
}
