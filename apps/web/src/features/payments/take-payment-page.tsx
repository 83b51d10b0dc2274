import type { Office, PaymentDetailsInput } from "@frontoffice/domain";
import { money, toDecimalString } from "@frontoffice/payments";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Alert, Button, Card, CardContent, CardHeader, CardTitle, EmptyState, ErrorState, Field, Input, Select, Skeleton } from "../../components/ui";
import { useI18n, type MessageKey } from "../../i18n";
import { errorCodeOf, errorMessage } from "../../lib/errors";
import { useTRPC, useTRPCClient, type RouterOutputs } from "../../lib/trpc";
import { useDebounced } from "../../lib/use-debounced";
import { useCan } from "../shell/session-context";
import { DeskPicker, PaymentsHeader, officeToday, useDesk, useFormatMoney, useRefreshMoney } from "./desk";
import { PaymentMethodForm } from "./payment-method-form";
import { ReceiptDocument } from "./receipt-document";
import { SaleLines } from "./sale-lines";
import { useMoneyAttempt } from "./attempt";
import { CancelSaleButton } from "./cancel-sale";
import { chargeInputFor, outcomeUnknown, paymentAmount, paymentErrorKey, saleTotals, type CartLine, type CatalogProduct, type Customer } from "./sale-model";

type Charge = RouterOutputs["charges"]["get"];
type PaymentResult = RouterOutputs["payments"]["take"];

interface ChosenClient {
  id: string;
  name: string;
}

/** Take a payment at the desk: who pays, what for, how; then the receipt. */
export function TakePaymentPage() {
  const { t } = useI18n();
  const canTake = useCan("payments.take");
  const desk = useDesk();
  const [params, setParams] = useSearchParams();
  // Links from elsewhere: an appointment to charge, an open charge to pay, a client who pays.
  const link: SaleLink = { appointmentId: params.get("appointment") ?? undefined, chargeId: params.get("charge") ?? undefined, clientId: params.get("client") ?? undefined };
  const [saleKey, setSaleKey] = useState(0);
  const newSale = () => {
    setParams({}, { replace: true });
    setSaleKey((key) => key + 1);
  };
  // An appointment or a charge is paid at its own office.
  const officeParam = params.get("office");
  const { setOfficeId, offices } = desk;
  useEffect(() => {
    if (officeParam && offices.some((office) => office.id === officeParam)) setOfficeId(officeParam);
  }, [officeParam, offices, setOfficeId]);
  return (
    <div className="space-y-4">
      <title>{`${t("payments.take.title")} · ${t("app.name")}`}</title>
      <PaymentsHeader />
      {!canTake ? (
        <Card>
          <EmptyState title={t("errors.FORBIDDEN")}>{t("payments.take.noPermission")}</EmptyState>
        </Card>
      ) : !desk.ready ? (
        <Skeleton className="h-64 w-full" />
      ) : desk.office ? (
        <Sale key={`${desk.office.id}-${saleKey}`} office={desk.office} desk={desk} link={link} onNewSale={newSale} />
      ) : (
        <Card>
          <EmptyState title={t("payments.noOffice")} />
        </Card>
      )}
    </div>
  );
}

interface SaleLink {
  appointmentId: string | undefined;
  chargeId: string | undefined;
  clientId: string | undefined;
}

/** An open charge's lines, as the sale shows them (read-only: the charge is already made). */
function linesOfCharge(charge: Charge): CartLine[] {
  return charge.lines.map((line) => ({
    product: { id: line.productId ?? `line-${line.position}`, name: line.description, unitPriceMinor: line.unitPriceMinor, taxRateBasisPoints: line.taxRateBasisPoints },
    quantity: String(line.quantity),
    discount: line.discountMinor > 0 ? toDecimalString(money(line.discountMinor, charge.currency)) : "",
  }));
}

function Sale({ office, desk, link, onNewSale }: { office: Office; desk: ReturnType<typeof useDesk>; link: SaleLink; onNewSale: () => void }) {
  const { appointmentId } = link;
  const { t } = useI18n();
  const trpc = useTRPC();
  const api = useTRPCClient();
  const refreshMoney = useRefreshMoney();
  const formatMoney = useFormatMoney();
  const settings = useQuery(trpc.payments.settings.queryOptions({ officeId: office.id }));
  const products = useQuery(trpc.products.list.queryOptions({ officeId: office.id }));
  const appointment = useQuery({ ...trpc.appointments.get.queryOptions({ id: appointmentId ?? "" }), enabled: appointmentId !== undefined });
  const openCharge = useQuery({ ...trpc.charges.get.queryOptions({ id: link.chargeId ?? "" }), enabled: link.chargeId !== undefined });
  const payingClientId = link.clientId ?? openCharge.data?.clientId ?? undefined;
  const linkedClient = useQuery({ ...trpc.clients.get.queryOptions({ id: payingClientId ?? "" }), enabled: payingClientId !== undefined });

  const [customer, setCustomer] = useState<ChosenClient | null>(null);
  const [walkInName, setWalkInName] = useState("");
  const [lines, setLines] = useState<CartLine[]>([]);
  const [newCharge, setCharge] = useState<Charge | null>(null);
  const [result, setResult] = useState<PaymentResult | null>(null);
  const [failure, setFailure] = useState<{ key: MessageKey; declined: boolean; unknown: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [emailReceipt, setEmailReceipt] = useState(false);
  // As typed (null until then: what is owed; blank also pays everything owed).
  const [amountText, setAmountText] = useState<string | null>(null);
  // Two attempts, two keys: recording the sale (charges.create) and taking the money.
  const saleAttempt = useMoneyAttempt();
  const attempt = useMoneyAttempt();
  const submitting = useRef(false);

  // An appointment's charge: its client, and its service's product as the first line.
  const appointmentData = appointment.data?.officeId === office.id ? appointment.data : undefined;
  const appointmentProduct = appointmentData ? products.data?.find((candidate) => candidate.serviceId === appointmentData.serviceId) : undefined;
  const appointmentLines: CartLine[] = appointmentProduct ? [{ product: appointmentProduct, quantity: "1", discount: "", fromAppointment: true }] : [];
  const charge = newCharge ?? (openCharge.data?.officeId === office.id ? openCharge.data : null);
  const allLines = newCharge || !charge ? [...appointmentLines, ...lines] : linesOfCharge(charge);
  const payer =
    customer ??
    (appointmentData ? { id: appointmentData.clientId, name: appointmentData.clientName } : null) ??
    (linkedClient.data && linkedClient.data.id === payingClientId ? { id: linkedClient.data.id, name: linkedClient.data.displayName } : null);

  if (settings.isPending || products.isPending || (link.chargeId !== undefined && openCharge.isPending)) return <Skeleton className="h-64 w-full" />;
  if (settings.isError || products.isError) {
    const error = settings.error ?? products.error;
    return <ErrorState title={t("payments.loadError")} message={errorMessage(t, error)} onRetry={() => void Promise.all([settings.refetch(), products.refetch()])} />;
  }
  const currency = settings.data.currency;
  const pricesIncludeTax = charge?.pricesIncludeTax ?? settings.data.pricesIncludeTax;
  const totals = saleTotals(allLines, { currency, pricesIncludeTax });
  const appointmentUnpriced = appointmentData !== undefined && !appointmentProduct;
  const amountDue = charge ? charge.balanceMinor : (totals?.total.amount ?? 0);
  const amount = paymentAmount(amountText ?? "", amountDue, currency);
  const amountNow = amount.ok ? amount.amountMinor : amountDue;
  const locked = charge !== null;

  const pay = async (details: PaymentDetailsInput) => {
    if (submitting.current || !amount.ok) return;
    submitting.current = true;
    setBusy(true);
    setFailure(null);
    try {
      let current = charge;
      if (!current) {
        const sale: Customer = payer ? { clientId: payer.id } : { walkInName };
        const input = chargeInputFor({ idempotencyKey: saleAttempt.key(), officeId: office.id, customer: sale, appointmentId: appointmentProduct ? appointmentId : undefined, lines: allLines, currency });
        try {
          current = await api.charges.create.mutate(input);
          saleAttempt.settle();
        } catch (error) {
          saleAttempt.settle(error);
          throw error;
        }
        setCharge(current);
      }
      // Part of what is owed, or (left out) all of it.
      const part = amount.amountMinor < current.balanceMinor ? { amountMinor: amount.amountMinor } : {};
      const taken = await api.payments.take.mutate({ idempotencyKey: attempt.key(), chargeId: current.id, desk: desk.desk, emailReceipt: emailReceipt && payer !== null, ...part, details });
      attempt.settle();
      setResult(taken);
    } catch (error) {
      attempt.settle(error);
      setFailure({ key: paymentErrorKey(error), declined: errorCodeOf(error) === "PAYMENT_DECLINED", unknown: outcomeUnknown(error) });
    } finally {
      submitting.current = false;
      setBusy(false);
      void refreshMoney();
    }
  };

  // After a part payment: the same sale again, with what is left to pay.
  const payTheRest = async (chargeId: string) => {
    setCharge(await api.charges.get.query({ id: chargeId }));
    setAmountText(null);
    setFailure(null);
    setResult(null);
  };

  if (result) {
    return (
      <div className="grid gap-4 lg:grid-cols-5">
        <Card className="lg:col-span-2 print:hidden">
          <CardHeader>
            <CardTitle>{t("payments.result.approved")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <Alert tone="success" title={t("payments.result.paid", { amount: formatMoney(result.payment.amountMinor, result.payment.currency) })}>
              {result.receipt ? (
                <p>
                  {t("payments.result.receipt")} <span className="font-mono font-semibold" data-testid="receipt-number">{result.receipt.number}</span>
                </p>
              ) : null}
              {result.changeMinor ? <p>{t("payments.changeDue", { amount: formatMoney(result.changeMinor, result.payment.currency) })}</p> : null}
              {result.payment.card ? <p>{t("payments.result.card", { brand: result.payment.card.brand ?? "", last4: result.payment.card.last4 })}</p> : null}
            </Alert>
            {charge && charge.balanceMinor > result.payment.amountMinor ? (
              <Alert tone="warning">{t("payments.result.stillOwed", { amount: formatMoney(charge.balanceMinor - result.payment.amountMinor, charge.currency) })}</Alert>
            ) : null}
            <div className="flex flex-wrap gap-2">
              {charge && charge.balanceMinor > result.payment.amountMinor ? <Button onClick={() => void payTheRest(charge.id)}>{t("payments.payRest")}</Button> : null}
              <Button onClick={onNewSale}>{t("payments.newSale")}</Button>
              {result.receipt ? (
                <Link to={`/payments/receipts/${result.receipt.id}`} className="inline-flex h-10 items-center px-2 text-sm font-medium text-brand-700 hover:underline">
                  {t("payments.result.openReceipt")}
                </Link>
              ) : null}
            </div>
          </CardContent>
        </Card>
        <div className="lg:col-span-3">{result.receipt ? <ReceiptDocument receiptId={result.receipt.id} canEmail={result.payment.clientId !== null} /> : null}</div>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <Card>
        <CardContent className="space-y-4">
          <DeskPicker desk={desk} disabled={locked} />
          <CustomerPicker officeId={office.id} chosen={payer} onChoose={setCustomer} walkInName={walkInName} onWalkInName={setWalkInName} locked={locked} />
        </CardContent>
      </Card>

      <Card aria-labelledby="sale-title">
        <CardHeader>
          <CardTitle id="sale-title">{t("payments.sale")}</CardTitle>
          {!locked ? (
            <ProductAdder products={products.data} currency={currency} onAdd={(product) => setLines((current) => [...current, { product, quantity: "1", discount: "" }])} />
          ) : null}
        </CardHeader>
        <CardContent className="space-y-3">
          {appointmentUnpriced ? <Alert tone="warning">{t("errors.SERVICE_NOT_PRICED")}</Alert> : null}
          {allLines.length === 0 ? (
            <p className="text-sm text-slate-600">{t("payments.sale.empty")}</p>
          ) : (
            <SaleLines
              lines={allLines}
              totals={totals}
              currency={currency}
              pricesIncludeTax={pricesIncludeTax}
              locked={locked}
              onChange={(index, line) => setLines((current) => current.map((existing, position) => (position === index - appointmentLines.length ? line : existing)))}
              onRemove={(index) => setLines((current) => current.filter((_, position) => position !== index - appointmentLines.length))}
            />
          )}
          {charge && charge.status === "open" ? <Alert tone="info">{t("payments.sale.charged", { amount: formatMoney(charge.balanceMinor, charge.currency) })}</Alert> : null}
          {charge && charge.status === "open" && charge.paidMinor === 0 ? <CancelSaleButton chargeId={charge.id} onCancelled={setCharge} /> : null}
        </CardContent>
      </Card>

      {charge?.status === "cancelled" ? (
        <Alert tone="info">
          <span data-testid="sale-cancelled">{t("payments.cancelSale.done")}</span>
        </Alert>
      ) : charge && charge.balanceMinor === 0 ? (
        <Alert tone="success">{t("payments.sale.paid")}</Alert>
      ) : null}
      {(charge ? charge.balanceMinor > 0 : totals !== null) ? (
        <Card aria-labelledby="pay-title">
          <CardHeader>
            <CardTitle id="pay-title">{t("payments.pay", { amount: formatMoney(amountDue, currency) })}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            {failure ? (
              <Alert tone="error" title={failure.declined ? t("payments.result.declined") : undefined}>
                <span data-testid="payment-error">{t(failure.key)}</span>
                {failure.unknown ? <span className="block">{t("payments.result.retrySafe")}</span> : null}
              </Alert>
            ) : null}
            {payer ? (
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={emailReceipt} onChange={(event) => setEmailReceipt(event.target.checked)} />
                {t("payments.emailReceipt")}
              </label>
            ) : null}
            <Field
              label={t("payments.amount")}
              className="w-56"
              hint={t("payments.amount.hint", { amount: formatMoney(amountDue, currency) })}
              error={amount.ok ? null : t(amount.key)}
            >
              {(control) => (
                <Input
                  {...control}
                  inputMode="decimal"
                  autoComplete="off"
                  value={amountText ?? toDecimalString(money(amountDue, currency))}
                  placeholder={toDecimalString(money(amountDue, currency))}
                  onChange={(event) => setAmountText(event.target.value)}
                />
              )}
            </Field>
            <PaymentMethodForm amountMinor={amountNow} currency={currency} today={officeToday(office)} busy={busy} submitLabel={t("payments.submit", { amount: formatMoney(amountNow, currency) })} onSubmit={pay} />
          </CardContent>
        </Card>
      ) : null}
      {locked ? (
        <div>
          <Button variant="secondary" onClick={onNewSale}>
            {t("payments.newSale")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function ProductAdder({ products, currency, onAdd }: { products: readonly (CatalogProduct & { serviceId: string | null })[]; currency: string; onAdd: (product: CatalogProduct) => void }) {
  const { t } = useI18n();
  const formatMoney = useFormatMoney();
  const [productId, setProductId] = useState("");
  const product = products.find((candidate) => candidate.id === productId);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select aria-label={t("payments.product")} className="w-72" value={productId} onChange={(event) => setProductId(event.target.value)}>
        <option value="">{t("payments.product.choose")}</option>
        {products.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name} · {formatMoney(candidate.unitPriceMinor, currency)}
          </option>
        ))}
      </Select>
      <Button
        variant="secondary"
        disabled={!product}
        onClick={() => {
          if (!product) return;
          onAdd(product);
          setProductId("");
        }}
      >
        {t("payments.product.add")}
      </Button>
    </div>
  );
}

/** The client who pays (the clients' search), or a walk-in customer with an optional name. */
function CustomerPicker({
  officeId,
  chosen,
  onChoose,
  walkInName,
  onWalkInName,
  locked,
}: {
  officeId: string;
  chosen: ChosenClient | null;
  onChoose: (client: ChosenClient | null) => void;
  walkInName: string;
  onWalkInName: (name: string) => void;
  locked: boolean;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const query = useDebounced(text.trim(), 250);
  const search = useQuery({ ...trpc.clients.search.queryOptions({ query, officeId, limit: 8 }), enabled: query.length > 0 && !chosen });

  if (chosen) {
    return (
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="text-slate-700">{t("payments.customer")}</span>
        <span className="font-medium text-slate-900" data-testid="chosen-client">
          {chosen.name}
        </span>
        {!locked ? (
          <Button variant="ghost" size="sm" onClick={() => onChoose(null)}>
            {t("payments.customer.change")}
          </Button>
        ) : null}
      </div>
    );
  }
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className="space-y-1.5">
        <label htmlFor="payment-client-search" className="block text-sm font-medium text-slate-800">
          {t("payments.customer.search")}
        </label>
        <Input id="payment-client-search" type="search" autoComplete="off" disabled={locked} value={text} onChange={(event) => setText(event.target.value)} placeholder={t("clients.search.placeholder")} />
        {search.isError ? <p className="text-sm text-red-700">{errorMessage(t, search.error)}</p> : null}
        {search.data && query ? (
          search.data.items.length ? (
            <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label={t("clients.results")}>
              {search.data.items.map((client) => (
                <li key={client.id}>
                  <button type="button" className="w-full px-3 py-2 text-left text-sm hover:bg-slate-50 focus-visible:bg-brand-50" onClick={() => onChoose({ id: client.id, name: client.displayName })}>
                    <span className="font-medium text-slate-900">{client.displayName}</span>
                    {client.primaryEmail ? <span className="ml-2 text-slate-600">{client.primaryEmail}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("clients.empty.search", { query })}</p>
          )
        ) : null}
      </div>
      <div className="space-y-1.5">
        <label htmlFor="payment-walk-in" className="block text-sm font-medium text-slate-800">
          {t("payments.customer.walkIn")} <span className="font-normal text-slate-600">({t("common.optional")})</span>
        </label>
        <Input id="payment-walk-in" autoComplete="off" disabled={locked} value={walkInName} maxLength={200} onChange={(event) => onWalkInName(event.target.value)} />
        <p className="text-xs text-slate-600">{t("payments.customer.walkInHint")}</p>
      </div>
    </div>
  );
}
