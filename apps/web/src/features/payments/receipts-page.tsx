import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { Badge, Card, EmptyState, ErrorState, Field, Input, Skeleton } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useDebounced } from "../../lib/use-debounced";
import { useCan, useSession } from "../shell/session-context";
import { PaymentsHeader, useFormatMoney } from "./desk";
import { PendingRefunds } from "./refunds";

/** Issued receipts (sales and corrections), searched by number, customer's name and dates. */
export function ReceiptsPage() {
  const { t, formatDateTime } = useI18n();
  const trpc = useTRPC();
  const { staff } = useSession();
  const formatMoney = useFormatMoney();
  const canApprove = useCan("payments.approve");
  const [number, setNumber] = useState("");
  const [customer, setCustomer] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const numberQuery = useDebounced(number.trim(), 250);
  // A client's name as the clients' search finds it, or a walk-in's as printed.
  const customerQuery = useDebounced(customer.trim(), 250);
  const input = {
    ...(numberQuery ? { number: numberQuery } : {}),
    ...(customerQuery ? { customer: customerQuery } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    limit: 100,
  };
  const receipts = useQuery({ ...trpc.receipts.list.queryOptions(input), placeholderData: keepPreviousData });

  return (
    <div className="space-y-4">
      <title>{`${t("receipts.title")} · ${t("app.name")}`}</title>
      <PaymentsHeader />
      {canApprove ? <PendingRefunds /> : null}
      <Card className="p-4">
        <div className="flex flex-wrap gap-3">
          <Field label={t("receipts.filter.number")} className="w-56">
            {(control) => <Input {...control} type="search" autoComplete="off" placeholder="2026-F-000123" value={number} onChange={(event) => setNumber(event.target.value)} />}
          </Field>
          <Field label={t("receipts.filter.client")} className="w-64">
            {(control) => <Input {...control} type="search" autoComplete="off" value={customer} onChange={(event) => setCustomer(event.target.value)} />}
          </Field>
          <Field label={t("receipts.filter.from")} className="w-44">
            {(control) => <Input {...control} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />}
          </Field>
          <Field label={t("receipts.filter.to")} className="w-44">
            {(control) => <Input {...control} type="date" value={to} onChange={(event) => setTo(event.target.value)} />}
          </Field>
        </div>
      </Card>
      <Card aria-labelledby="receipts-title">
        <h2 id="receipts-title" className="sr-only">
          {t("receipts.title")}
        </h2>
        {receipts.isError ? (
          <ErrorState title={t("receipts.loadError")} message={errorMessage(t, receipts.error)} onRetry={() => void receipts.refetch()} retrying={receipts.isFetching} />
        ) : !receipts.data ? (
          <div className="p-4">
            <Skeleton className="h-40 w-full" />
          </div>
        ) : receipts.data.length === 0 ? (
          <EmptyState title={t("receipts.empty")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-700 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-2">{t("receipts.number")}</th>
                  <th scope="col" className="px-4 py-2">{t("receipts.kind")}</th>
                  <th scope="col" className="px-4 py-2">{t("receipts.customer")}</th>
                  <th scope="col" className="px-4 py-2">{t("receipts.issuedAt")}</th>
                  <th scope="col" className="px-4 py-2 text-right">{t("receipts.total")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {receipts.data.map((receipt) => (
                  <tr key={receipt.id} className="hover:bg-slate-50">
                    <th scope="row" className="px-4 py-2 font-mono font-medium">
                      <Link to={`/payments/receipts/${receipt.id}`} className="text-brand-700 hover:underline">
                        {receipt.number}
                      </Link>
                    </th>
                    <td className="px-4 py-2">
                      <Badge tone={receipt.kind === "sale" ? "info" : "warning"}>{t(receipt.kind === "sale" ? "receipts.kind.sale" : "receipts.kind.correction")}</Badge>
                    </td>
                    <td className="px-4 py-2 text-slate-900">{receipt.customerName ?? "—"}</td>
                    <td className="px-4 py-2 text-slate-700">{formatDateTime(receipt.issuedAt, staff.timeZone)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{formatMoney(receipt.totalMinor, receipt.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
