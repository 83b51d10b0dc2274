import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Badge, Card, CardContent, CardHeader, CardTitle, ErrorState, Skeleton } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useCan, useSession } from "../shell/session-context";
import { CancelSaleButton } from "./cancel-sale";
import { useFormatMoney } from "./desk";
import { METHOD_LABELS, PAYMENT_STATUS_TONES } from "./receipt-detail-page";

/** A client's balance (from the ledger, per currency) and their payments, newest first. */
export function ClientPaymentsCard({ clientId }: { clientId: string }) {
  const { t, formatDateTime } = useI18n();
  const trpc = useTRPC();
  const { staff } = useSession();
  const formatMoney = useFormatMoney();
  const canTake = useCan("payments.take");
  const balance = useQuery(trpc.payments.balance.queryOptions({ clientId }));
  const payments = useQuery(trpc.payments.list.queryOptions({ clientId, limit: 20 }));
  const openCharges = useQuery(trpc.charges.list.queryOptions({ clientId, status: "open", limit: 20 }));
  const failed = balance.error ?? payments.error ?? openCharges.error;

  return (
    <Card aria-labelledby="client-payments-title">
      <CardHeader>
        <CardTitle id="client-payments-title">{t("clientPayments.title")}</CardTitle>
        {canTake ? (
          <Link to={`/payments?client=${clientId}`} className="text-sm font-medium text-brand-700 hover:underline">
            {t("payments.take.title")}
          </Link>
        ) : null}
      </CardHeader>
      {failed ? (
        <ErrorState title={t("clientPayments.loadError")} message={errorMessage(t, failed)} onRetry={() => void Promise.all([balance.refetch(), payments.refetch(), openCharges.refetch()])} />
      ) : !balance.data || !payments.data || !openCharges.data ? (
        <CardContent>
          <Skeleton className="h-24 w-full" />
        </CardContent>
      ) : (
        <CardContent className="space-y-4">
          <div data-testid="client-balance">
            <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">{t("clientPayments.balance")}</p>
            {balance.data.balances.filter((row) => row.balanceMinor !== 0).length === 0 ? (
              <p className="mt-1 text-sm text-slate-900">{t("clientPayments.settled")}</p>
            ) : (
              <ul className="mt-1 space-y-0.5 text-sm">
                {balance.data.balances
                  .filter((row) => row.balanceMinor !== 0)
                  .map((row) => (
                    <li key={row.currency} className={row.balanceMinor > 0 ? "font-semibold text-red-700" : "text-slate-900"}>
                      {row.balanceMinor > 0
                        ? t("clientPayments.owes", { amount: formatMoney(row.balanceMinor, row.currency) })
                        : t("clientPayments.credit", { amount: formatMoney(-row.balanceMinor, row.currency) })}
                    </li>
                  ))}
              </ul>
            )}
          </div>
          {openCharges.data.length > 0 ? (
            <ul className="divide-y divide-slate-100 rounded-md text-sm ring-1 ring-amber-200" aria-label={t("clientPayments.openCharges")}>
              {openCharges.data.map((charge) => (
                <li key={charge.id} className="flex flex-wrap items-center justify-between gap-2 bg-amber-50 px-3 py-2">
                  <span>
                    <span className="font-medium">{t("clientPayments.owedOn", { amount: formatMoney(charge.balanceMinor, charge.currency), items: charge.lines.map((line) => line.description).join(", ") })}</span>
                    <span className="block text-xs text-slate-600">{formatDateTime(charge.createdAt, staff.timeZone)}</span>
                  </span>
                  {canTake ? (
                    <span className="flex flex-wrap items-center gap-3">
                      <Link to={`/payments?charge=${charge.id}&office=${charge.officeId}`} className="font-medium text-brand-700 hover:underline">
                        {t("clientPayments.pay")}
                      </Link>
                      {/* Nothing paid or held on it yet: the sale can still be cancelled. */}
                      {charge.paidMinor === 0 ? <CancelSaleButton chargeId={charge.id} size="sm" /> : null}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          {payments.data.length === 0 ? (
            <p className="text-sm text-slate-600">{t("clientPayments.none")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" aria-label={t("clientPayments.history")}>
              {payments.data.map((payment) => (
                <li key={payment.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium tabular-nums">{formatMoney(payment.amountMinor, payment.currency)}</span> · {t(METHOD_LABELS[payment.method])}
                    <span className="block text-xs text-slate-600">{formatDateTime(payment.createdAt, staff.timeZone)}</span>
                  </span>
                  <span className="flex items-center gap-2">
                    {payment.receipt ? (
                      <Link to={`/payments/receipts/${payment.receipt.id}`} className="font-mono text-brand-700 hover:underline">
                        {payment.receipt.number}
                      </Link>
                    ) : null}
                    <Badge tone={PAYMENT_STATUS_TONES[payment.status]}>{t(`payment.status.${payment.status}`)}</Badge>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      )}
    </Card>
  );
}
