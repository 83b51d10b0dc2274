import { PAYMENT_METHODS, paymentDetailsInputSchema, type PaymentDetailsInput, type PaymentMethod } from "@frontoffice/domain";
import { DECLINE_ERROR_CODES, SANDBOX_TEST_CARDS, type DeclineCode } from "@frontoffice/payments";
import { useRef, useState, type FormEvent } from "react";
import { Button, Field, Input } from "../../components/ui";
import { useI18n, type MessageKey } from "../../i18n";
import { cn } from "../../lib/cn";
import { useFormatMoney } from "./desk";
import { changeDue, checkCardFields, parseAmountMinor, type CardFieldErrors } from "./sale-model";

type Errors = Partial<Record<"tendered" | "checkNumber" | "approvalCode" | "last4", MessageKey>> & CardFieldErrors;

const METHOD_KEYS: Record<PaymentMethod, MessageKey> = {
  cash: "payments.method.cash",
  card: "payments.method.card",
  terminal: "payments.method.terminal",
  check: "payments.method.check",
};

/**
 * How the customer pays. Cash counts the change; the card form (the sandbox processor) is checked
 * here first with the domain's schema and the payment rules' card checks. Its number and security
 * code are never kept in React state: they are read from the inputs at submit, sent once, and the
 * inputs are emptied as soon as the request settles.
 */
export function PaymentMethodForm({
  amountMinor,
  currency,
  today,
  busy,
  submitLabel,
  onSubmit,
}: {
  amountMinor: number;
  currency: string;
  /** The office's date, to judge the card's expiry. */
  today: string;
  busy: boolean;
  submitLabel: string;
  onSubmit: (details: PaymentDetailsInput) => Promise<void>;
}) {
  const { t } = useI18n();
  const formatMoney = useFormatMoney();
  const [method, setMethod] = useState<PaymentMethod>("card");
  const [tendered, setTendered] = useState("");
  const [checkNumber, setCheckNumber] = useState("");
  const [approvalCode, setApprovalCode] = useState("");
  const [last4, setLast4] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const cardNumber = useRef<HTMLInputElement>(null);
  const cardCvc = useRef<HTMLInputElement>(null);
  const expMonth = useRef<HTMLInputElement>(null);
  const expYear = useRef<HTMLInputElement>(null);

  const tenderedMinor = parseAmountMinor(tendered, currency);
  const change = changeDue(tenderedMinor, amountMinor);

  const clearCard = () => {
    if (cardNumber.current) cardNumber.current.value = "";
    if (cardCvc.current) cardCvc.current.value = "";
  };

  const details = (): { ok: true; details: PaymentDetailsInput } | { ok: false; errors: Errors } => {
    if (method === "cash") {
      if (tendered.trim() === "") return { ok: true, details: { method: "cash" } };
      if (tenderedMinor === null || tenderedMinor === 0) return { ok: false, errors: { tendered: "validation.amount_invalid" } };
      if (tenderedMinor < amountMinor) return { ok: false, errors: { tendered: "errors.CASH_TENDERED_INSUFFICIENT" } };
      return { ok: true, details: { method: "cash", tenderedMinor } };
    }
    if (method === "check") {
      const parsed = paymentDetailsInputSchema.safeParse({ method, checkNumber });
      return parsed.success ? { ok: true, details: parsed.data } : { ok: false, errors: { checkNumber: "payments.checkNumber.invalid" } };
    }
    if (method === "terminal") {
      const parsed = paymentDetailsInputSchema.safeParse({ method, approvalCode, last4 });
      if (parsed.success) return { ok: true, details: parsed.data };
      const wrong = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      return {
        ok: false,
        errors: { ...(wrong.has("approvalCode") ? { approvalCode: "payments.approvalCode.invalid" } : {}), ...(wrong.has("last4") ? { last4: "payments.last4.invalid" } : {}) },
      };
    }
    const checked = checkCardFields(
      { number: cardNumber.current?.value ?? "", expMonth: expMonth.current?.value ?? "", expYear: expYear.current?.value ?? "", cvc: cardCvc.current?.value ?? "" },
      today,
    );
    return checked.ok ? { ok: true, details: { method: "card", card: checked.card, capture: true } } : { ok: false, errors: checked.errors };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const result = details();
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    try {
      await onSubmit(result.details);
    } catch {
      // The caller shows what went wrong; the card is emptied either way.
    } finally {
      clearCard();
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4" aria-label={t("payments.method.label")}>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("payments.method.label")}</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {PAYMENT_METHODS.map((option) => (
            <label
              key={option}
              className={cn(
                "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-slate-300",
                method === option ? "bg-brand-50 font-medium text-brand-900 ring-brand-600" : "bg-white text-slate-800 hover:bg-slate-50",
              )}
            >
              <input
                type="radio"
                name="method"
                value={option}
                checked={method === option}
                onChange={() => {
                  setMethod(option);
                  setErrors({});
                }}
                className="h-4 w-4"
              />
              {t(METHOD_KEYS[option])}
            </label>
          ))}
        </div>
      </fieldset>

      {method === "cash" ? (
        <div className="flex flex-wrap items-end gap-4">
          <Field label={t("payments.tendered")} optional className="w-48" error={errors.tendered ? t(errors.tendered) : null}>
            {(control) => <Input {...control} inputMode="decimal" autoComplete="off" value={tendered} onChange={(event) => setTendered(event.target.value)} />}
          </Field>
          {change !== null ? (
            <p className="pb-2 text-sm text-slate-800" data-testid="change-due">
              {t("payments.changeDue", { amount: formatMoney(change, currency) })}
            </p>
          ) : null}
        </div>
      ) : null}

      {method === "check" ? (
        <Field label={t("payments.checkNumber")} className="w-64" error={errors.checkNumber ? t(errors.checkNumber) : null}>
          {(control) => <Input {...control} autoComplete="off" value={checkNumber} onChange={(event) => setCheckNumber(event.target.value)} />}
        </Field>
      ) : null}

      {method === "terminal" ? (
        <div className="flex flex-wrap gap-4">
          <Field label={t("payments.approvalCode")} className="w-48" error={errors.approvalCode ? t(errors.approvalCode) : null}>
            {(control) => <Input {...control} autoComplete="off" value={approvalCode} onChange={(event) => setApprovalCode(event.target.value)} />}
          </Field>
          <Field label={t("payments.last4")} className="w-32" error={errors.last4 ? t(errors.last4) : null}>
            {(control) => <Input {...control} inputMode="numeric" maxLength={4} autoComplete="off" value={last4} onChange={(event) => setLast4(event.target.value)} />}
          </Field>
        </div>
      ) : null}

      {method === "card" ? (
        <div className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
          <p className="text-xs text-slate-600">{t("payments.card.sandbox")}</p>
          <Field label={t("payments.card.number")} className="max-w-xs" error={errors.number ? t(errors.number) : null}>
            {(control) => <Input {...control} ref={cardNumber} inputMode="numeric" autoComplete="off" data-private="card" />}
          </Field>
          <div className="flex flex-wrap gap-3">
            <Field label={t("payments.card.expMonth")} className="w-28" error={errors.expiry ? t(errors.expiry) : null}>
              {(control) => <Input {...control} ref={expMonth} inputMode="numeric" maxLength={2} autoComplete="off" placeholder="MM" />}
            </Field>
            <Field label={t("payments.card.expYear")} className="w-28">
              {(control) => <Input {...control} ref={expYear} inputMode="numeric" maxLength={4} autoComplete="off" placeholder="YY" aria-invalid={errors.expiry ? true : undefined} />}
            </Field>
            <Field label={t("payments.card.cvc")} className="w-28" error={errors.cvc ? t(errors.cvc) : null}>
              {(control) => <Input {...control} ref={cardCvc} type="password" inputMode="numeric" maxLength={4} autoComplete="off" data-private="card" />}
            </Field>
          </div>
          <details className="text-xs text-slate-700">
            <summary className="cursor-pointer">{t("payments.card.testCards")}</summary>
            <ul className="mt-2 space-y-1">
              {SANDBOX_TEST_CARDS.map((card) => (
                <li key={card.number}>
                  <span className="font-mono">{card.number.replace(/(\d{4})(?=\d)/g, "$1 ")}</span>{" "}
                  · {card.outcome === "approved" ? t("payments.card.approves") : t(`errors.${DECLINE_ERROR_CODES[card.outcome as DeclineCode]}`)}
                </li>
              ))}
            </ul>
          </details>
        </div>
      ) : null}

      <Button type="submit" loading={busy}>
        {submitLabel}
      </Button>
    </form>
  );
}
