import type { Office } from "@frontoffice/domain";
import { formatMoney, money } from "@frontoffice/payments";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { NavLink } from "react-router";
import { Field, Input, Select } from "../../components/ui";
import { useI18n } from "../../i18n";
import { cn } from "../../lib/cn";
import { useCan, useSession } from "../shell/session-context";
import { officeLabel } from "../clients/office-label";
import { pickOffice } from "../schedule/pick-office";
import { localDate } from "../schedule/zoned-time";
import { useTRPC } from "../../lib/trpc";

/** Money in minor units, formatted for the interface language (Intl, the currency's own decimals). */
export function useFormatMoney(): (amountMinor: number, currency: string) => string {
  const { locale } = useI18n();
  return useCallback((amountMinor, currency) => formatMoney(money(amountMinor, currency), locale), [locale]);
}

/** Today's date where the office is (its business day). */
export function officeToday(office: Pick<Office, "timeZone">): string {
  return localDate(Date.now(), office.timeZone);
}

const OFFICE_KEY = "frontoffice.payments.office";
const DESK_KEY = "frontoffice.payments.desk";
export const DEFAULT_DESK = "front";

function remembered(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function remember(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not fatal: the choice lasts for this page only.
  }
}

/**
 * The office and desk (till) this computer takes money at, remembered on this computer; at first
 * the first office the signed-in staff member works in. `ready` once that is known.
 */
export function useDesk(): { office: Office | undefined; offices: readonly Office[]; setOfficeId: (id: string) => void; desk: string; setDesk: (desk: string) => void; ready: boolean } {
  const trpc = useTRPC();
  const { offices, staff } = useSession();
  const canReadStaff = useCan("staff.read");
  const [officeId, setOfficeIdState] = useState(() => remembered(OFFICE_KEY) ?? "");
  const [desk, setDeskState] = useState(() => remembered(DESK_KEY) ?? DEFAULT_DESK);
  const chosen = offices.some((office) => office.id === officeId);
  const staffList = useQuery({ ...trpc.staff.list.queryOptions({}), enabled: canReadStaff && !chosen });
  const office = pickOffice(offices, officeId, staffList.data, staff.id);
  const setOfficeId = useCallback((id: string) => {
    setOfficeIdState(id);
    remember(OFFICE_KEY, id);
  }, []);
  const setDesk = useCallback((value: string) => {
    setDeskState(value);
    remember(DESK_KEY, value);
  }, []);
  return { office, offices, setOfficeId, desk, setDesk, ready: chosen || !canReadStaff || !staffList.isPending };
}

/** Office and desk pickers, side by side. */
export function DeskPicker({ desk: choice, disabled = false }: { desk: ReturnType<typeof useDesk>; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="flex flex-wrap gap-3">
      <Field label={t("payments.office")} className="w-64">
        {(control) => (
          <Select {...control} value={choice.office?.id ?? ""} disabled={disabled} onChange={(event) => choice.setOfficeId(event.target.value)}>
            {choice.offices.map((office) => (
              <option key={office.id} value={office.id}>
                {officeLabel(office)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("payments.desk")} className="w-40">
        {(control) => <Input {...control} value={choice.desk} disabled={disabled} maxLength={40} onChange={(event) => choice.setDesk(event.target.value)} />}
      </Field>
    </div>
  );
}

function tabClasses({ isActive }: { isActive: boolean }): string {
  return cn(
    "rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600",
    isActive ? "bg-brand-50 text-brand-900 ring-1 ring-brand-100" : "text-slate-700 hover:bg-slate-100",
  );
}

/** The money desk's sections. */
export function PaymentsNav() {
  const { t } = useI18n();
  const canTake = useCan("payments.take");
  const canManageProducts = useCan("products.manage");
  return (
    <nav aria-label={t("payments.sections")} className="flex flex-wrap gap-1 print:hidden">
      {canTake ? (
        <NavLink to="/payments" end className={tabClasses}>
          {t("payments.take.title")}
        </NavLink>
      ) : null}
      <NavLink to="/payments/receipts" className={tabClasses}>
        {t("receipts.title")}
      </NavLink>
      <NavLink to="/payments/close-out" className={tabClasses}>
        {t("closeOut.title")}
      </NavLink>
      {canManageProducts ? (
        <NavLink to="/settings/products" className={tabClasses}>
          {t("products.title")}
        </NavLink>
      ) : null}
    </nav>
  );
}

/** The money desk's title and sections, atop each of its pages. */
export function PaymentsHeader() {
  const { t } = useI18n();
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
      <h1 className="text-2xl font-semibold text-slate-900">{t("payments.title")}</h1>
      <PaymentsNav />
    </div>
  );
}

/** Refetches what moving money changes: charges, payments and refunds, balances, receipts, close-outs. */
export function useRefreshMoney(): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => Promise.all([trpc.charges.pathKey(), trpc.payments.pathKey(), trpc.receipts.list.pathKey(), trpc.closeOuts.day.pathKey()].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
    [queryClient, trpc],
  );
}
