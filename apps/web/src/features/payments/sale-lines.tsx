import type { Totals } from "@frontoffice/payments";
import { Button, Input } from "../../components/ui";
import { useI18n } from "../../i18n";
import { useFormatMoney } from "./desk";
import { lineProblems, type CartLine } from "./sale-model";

/** A rate in basis points as a percentage for the interface language: 2100 → "21 %". */
export function useFormatRate(): (basisPoints: number) => string {
  const { locale } = useI18n();
  const format = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  return (basisPoints) => format.format(basisPoints / 10_000);
}

/**
 * The lines of the sale with their quantity and discount, each line's amount, and the totals with
 * the tax per rate, all from `@frontoffice/payments` (what the server will charge).
 */
export function SaleLines({
  lines,
  totals,
  currency,
  pricesIncludeTax,
  locked,
  onChange,
  onRemove,
}: {
  lines: readonly CartLine[];
  totals: Totals | null;
  currency: string;
  pricesIncludeTax: boolean;
  /** Once charged, the sale cannot change. */
  locked: boolean;
  onChange: (index: number, line: CartLine) => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useI18n();
  const formatMoney = useFormatMoney();
  const formatRate = useFormatRate();
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs font-semibold tracking-wide text-slate-700 uppercase">
            <tr>
              <th scope="col" className="py-2 pr-3">{t("payments.line.item")}</th>
              <th scope="col" className="py-2 pr-3">{t("payments.line.quantity")}</th>
              <th scope="col" className="py-2 pr-3">{t("payments.line.discount")}</th>
              <th scope="col" className="py-2 pr-3">{t("payments.line.tax")}</th>
              <th scope="col" className="py-2 pr-3 text-right">{t("payments.line.amount")}</th>
              <th scope="col" className="py-2"><span className="sr-only">{t("common.remove")}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {lines.map((line, index) => {
              const problems = lineProblems(line, currency);
              const problem = (field: "quantity" | "discount") => problems.find((candidate) => candidate.field === field);
              const quantityProblem = problem("quantity");
              const discountProblem = problem("discount");
              const editable = !locked && !line.fromAppointment;
              return (
                <tr key={`${line.product.id}-${index}`} data-testid="sale-line">
                  <th scope="row" className="py-2 pr-3 font-medium text-slate-900">
                    {line.product.name}
                    <span className="block text-xs font-normal text-slate-600">
                      {line.fromAppointment ? t("payments.line.fromAppointment") : t("payments.line.unitPrice", { price: formatMoney(line.product.unitPriceMinor, currency) })}
                    </span>
                  </th>
                  <td className="py-2 pr-3 align-top">
                    <Input
                      aria-label={t("payments.line.quantityOf", { item: line.product.name })}
                      inputMode="decimal"
                      className="w-20"
                      value={line.quantity}
                      disabled={!editable}
                      aria-invalid={quantityProblem ? true : undefined}
                      onChange={(event) => onChange(index, { ...line, quantity: event.target.value })}
                    />
                    {quantityProblem ? <p className="mt-1 text-xs font-medium text-red-700">{t(quantityProblem.key)}</p> : null}
                  </td>
                  <td className="py-2 pr-3 align-top">
                    <Input
                      aria-label={t("payments.line.discountOf", { item: line.product.name })}
                      inputMode="decimal"
                      className="w-24"
                      placeholder="0"
                      value={line.discount}
                      disabled={!editable}
                      aria-invalid={discountProblem ? true : undefined}
                      onChange={(event) => onChange(index, { ...line, discount: event.target.value })}
                    />
                    {discountProblem ? <p className="mt-1 text-xs font-medium text-red-700">{t(discountProblem.key)}</p> : null}
                  </td>
                  <td className="py-2 pr-3 text-slate-700">{formatRate(line.product.taxRateBasisPoints)}</td>
                  <td className="py-2 pr-3 text-right text-slate-900 tabular-nums">{totals?.lines[index] ? formatMoney(totals.lines[index].amount.amount, currency) : "—"}</td>
                  <td className="py-2 text-right">
                    {editable ? (
                      <Button variant="ghost" size="sm" onClick={() => onRemove(index)} aria-label={t("payments.line.removeItem", { item: line.product.name })}>
                        {t("common.remove")}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {totals ? (
        <dl className="ml-auto max-w-sm space-y-1 text-sm" aria-label={t("payments.totals")}>
          <div className="flex justify-between gap-4 text-slate-700">
            <dt>{t("payments.totals.net")}</dt>
            <dd className="tabular-nums">{formatMoney(totals.net.amount, currency)}</dd>
          </div>
          {totals.taxes.map((row) => (
            <div key={row.rateBasisPoints} className="flex justify-between gap-4 text-slate-700">
              <dt>{t("payments.totals.taxAt", { rate: formatRate(row.rateBasisPoints), base: formatMoney(row.base.amount, currency) })}</dt>
              <dd className="tabular-nums">{formatMoney(row.tax.amount, currency)}</dd>
            </div>
          ))}
          <div className="flex justify-between gap-4 border-t border-slate-200 pt-1 text-base font-semibold text-slate-900">
            <dt>{t("payments.totals.total")}</dt>
            <dd className="tabular-nums" data-testid="sale-total">
              {formatMoney(totals.total.amount, currency)}
            </dd>
          </div>
          <p className="text-xs text-slate-600">{pricesIncludeTax ? t("payments.totals.taxIncluded") : t("payments.totals.taxExcluded")}</p>
        </dl>
      ) : null}
    </div>
  );
}
