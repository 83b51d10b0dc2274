import type { FieldIssue, Office } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { BackLink } from "../../components/back-link";
import { Alert, Badge, Button, buttonClasses, Card, CardContent, CardHeader, CardTitle, EmptyState, ErrorState, Field, Input, Skeleton, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorCodeOf, errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC, type RouterOutputs } from "../../lib/trpc";
import { useCan } from "../shell/session-context";
import { DeskPicker, PaymentsNav, useDesk, useFormatMoney } from "./desk";
import { draftOf, productInputFrom, type ProductDraft, type ProductField } from "./product-model";
import { parseAmountMinor } from "./sale-model";
import { useFormatRate } from "./sale-lines";

type Product = RouterOutputs["products"]["list"][number];
type Issues = Partial<Record<ProductField, FieldIssue>>;

/** What the desk sells, per office: name, price, VAT/IVA rate, active (managers). */
export function ProductsPage() {
  const { t } = useI18n();
  const canManage = useCan("products.manage");
  const canSetUp = useCan("payments.approve");
  const desk = useDesk();
  return (
    <div className="space-y-4">
      <title>{`${t("products.title")} · ${t("app.name")}`}</title>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <BackLink to="/settings" label={t("products.back")} />
        <PaymentsNav />
      </div>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-slate-900">{t("products.title")}</h1>
        <p className="text-sm text-slate-700">{t("products.intro")}</p>
      </div>
      {!canManage ? (
        <Card>
          <EmptyState title={t("errors.FORBIDDEN")}>{t("products.noPermission")}</EmptyState>
        </Card>
      ) : !desk.ready ? (
        <Skeleton className="h-32 w-full" />
      ) : desk.office ? (
        <>
          <DeskPicker desk={desk} />
          {canSetUp ? <PaymentSettingsCard key={`settings-${desk.office.id}`} office={desk.office} /> : null}
          <Catalog key={desk.office.id} office={desk.office} />
        </>
      ) : null}
    </div>
  );
}

/** Whether the office's prices include tax, and above what amount a refund or void needs a manager. */
function PaymentSettingsCard({ office }: { office: Office }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const settings = useQuery(trpc.payments.settings.queryOptions({ officeId: office.id }));
  return (
    <Card aria-labelledby="payment-settings-title">
      <CardHeader>
        <CardTitle id="payment-settings-title">{t("paymentSettings.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {settings.isError ? (
          <ErrorState title={t("paymentSettings.loadError")} message={errorMessage(t, settings.error)} onRetry={() => void settings.refetch()} />
        ) : !settings.data ? (
          <Skeleton className="h-16 w-full" />
        ) : (
          <PaymentSettingsForm settings={settings.data} />
        )}
      </CardContent>
    </Card>
  );
}

function PaymentSettingsForm({ settings }: { settings: RouterOutputs["payments"]["settings"] }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [pricesIncludeTax, setPricesIncludeTax] = useState(settings.pricesIncludeTax);
  const [threshold, setThreshold] = useState(draftOf({ name: "", unitPriceMinor: settings.refundApprovalThresholdMinor, taxRateBasisPoints: 0 }, settings.currency).price);
  const [thresholdIssue, setThresholdIssue] = useState<FieldIssue | null>(null);
  const save = useMutation(
    trpc.payments.updateSettings.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.payments.settings.queryKey({ officeId: saved.officeId }), saved);
        toast(t("paymentSettings.saved"), "success");
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const refundApprovalThresholdMinor = parseAmountMinor(threshold, settings.currency);
    if (refundApprovalThresholdMinor === null) {
      setThresholdIssue({ path: ["refundApprovalThresholdMinor"], key: "validation.amount_invalid" });
      return;
    }
    setThresholdIssue(null);
    save.mutate({ officeId: settings.officeId, pricesIncludeTax, refundApprovalThresholdMinor });
  };
  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-4">
      {save.isError ? <Alert tone="error" className="w-full">{errorMessage(t, save.error)}</Alert> : null}
      <label className="flex items-center gap-2 text-sm text-slate-800 sm:mt-8">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={pricesIncludeTax} onChange={(event) => setPricesIncludeTax(event.target.checked)} />
        {t("paymentSettings.pricesIncludeTax")}
      </label>
      <Field label={t("paymentSettings.threshold", { currency: settings.currency })} hint={t("paymentSettings.thresholdHint")} className="w-72" error={t.issue(thresholdIssue)}>
        {(control) => <Input {...control} inputMode="decimal" autoComplete="off" value={threshold} onChange={(event) => setThreshold(event.target.value)} />}
      </Field>
      <Button type="submit" className="sm:mt-7" loading={save.isPending}>
        {t("common.save")}
      </Button>
    </form>
  );
}

function issuesFromServer(error: unknown): Issues {
  const issues: Issues = {};
  for (const issue of fieldIssuesOf(error)) {
    const field = issue.path[0] === "unitPriceMinor" ? "price" : issue.path[0] === "taxRateBasisPoints" ? "taxRate" : issue.path[0] === "name" ? "name" : null;
    if (field) issues[field] ??= issue;
  }
  if (errorCodeOf(error) === "PRODUCT_NAME_TAKEN") issues.name = { path: ["name"], key: "errors.PRODUCT_NAME_TAKEN" };
  return issues;
}

function Catalog({ office }: { office: Office }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const products = useQuery(trpc.products.list.queryOptions({ officeId: office.id, includeInactive: true }));
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      <Card aria-labelledby="product-add-title">
        <CardHeader>
          <CardTitle id="product-add-title">{t("products.add")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ProductForm office={office} />
        </CardContent>
      </Card>
      <Card aria-labelledby="product-list-title">
        <CardHeader>
          <CardTitle id="product-list-title">{t("products.list", { office: office.name })}</CardTitle>
        </CardHeader>
        {products.isError ? (
          <ErrorState title={t("products.loadError")} message={errorMessage(t, products.error)} onRetry={() => void products.refetch()} />
        ) : !products.data ? (
          <CardContent>
            <Skeleton className="h-32 w-full" />
          </CardContent>
        ) : products.data.length === 0 ? (
          <EmptyState title={t("products.empty")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {products.data.map((product) => (
              <li key={product.id} className="px-4 py-3 sm:px-6">
                {editing === product.id ? <ProductForm office={office} product={product} onDone={() => setEditing(null)} /> : <ProductRow product={product} onEdit={() => setEditing(product.id)} />}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function ProductRow({ product, onEdit }: { product: Product; onEdit: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formatMoney = useFormatMoney();
  const formatRate = useFormatRate();
  const toggle = useMutation(trpc.products.update.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.products.list.pathKey() }) }));
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div>
        <p className="flex items-center gap-2 font-medium text-slate-900">
          {product.name}
          {!product.active ? <Badge tone="neutral">{t("products.inactive")}</Badge> : null}
        </p>
        <p className="text-sm text-slate-600">
          {formatMoney(product.unitPriceMinor, product.currency)} · {t("products.taxRateValue", { rate: formatRate(product.taxRateBasisPoints) })}
        </p>
        {toggle.isError ? <p className="text-sm text-red-700">{errorMessage(t, toggle.error)}</p> : null}
      </div>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" onClick={onEdit} aria-label={t("products.editItem", { name: product.name })}>
          {t("common.edit")}
        </Button>
        <Button variant="ghost" size="sm" loading={toggle.isPending} onClick={() => toggle.mutate({ id: product.id, active: !product.active })}>
          {product.active ? t("products.deactivate") : t("products.activate")}
        </Button>
      </div>
    </div>
  );
}

/** Adds a product, or edits one (`product`). */
function ProductForm({ office, product, onDone }: { office: Office; product?: Product; onDone?: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const empty: ProductDraft = { name: "", price: "", taxRate: "" };
  const [draft, setDraft] = useState<ProductDraft>(product ? draftOf(product, product.currency) : empty);
  const [issues, setIssues] = useState<Issues>({});
  const [failure, setFailure] = useState<string | null>(null);
  const onSaved = async (saved: Product) => {
    await queryClient.invalidateQueries({ queryKey: trpc.products.list.pathKey() });
    toast(t("products.saved", { name: saved.name }), "success");
  };
  const create = useMutation(trpc.products.create.mutationOptions({ onSuccess: onSaved }));
  const update = useMutation(trpc.products.update.mutationOptions({ onSuccess: onSaved }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = productInputFrom(draft, office.id, product?.currency ?? office.currency);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues({});
    try {
      if (product) {
        const { name, unitPriceMinor, taxRateBasisPoints } = checked.input;
        await update.mutateAsync({ id: product.id, name, unitPriceMinor, taxRateBasisPoints });
        onDone?.();
      } else {
        await create.mutateAsync(checked.input);
        setDraft(empty);
      }
    } catch (error) {
      const fromServer = issuesFromServer(error);
      if (Object.keys(fromServer).length > 0) setIssues(fromServer);
      else setFailure(errorMessage(t, error));
    }
  };

  const set = (field: keyof ProductDraft) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [field]: event.target.value }));
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-3">
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <div className="flex flex-wrap items-start gap-3">
        <Field label={t("products.name")} className="min-w-56 flex-1" error={t.issue(issues.name)}>
          {(control) => <Input {...control} autoComplete="off" maxLength={120} value={draft.name} onChange={set("name")} />}
        </Field>
        <Field label={t("products.price", { currency: product?.currency ?? office.currency })} className="w-40" error={t.issue(issues.price)}>
          {(control) => <Input {...control} inputMode="decimal" autoComplete="off" value={draft.price} onChange={set("price")} />}
        </Field>
        <Field label={t("products.taxRate")} className="w-32" error={t.issue(issues.taxRate)}>
          {(control) => <Input {...control} inputMode="decimal" autoComplete="off" value={draft.taxRate} onChange={set("taxRate")} />}
        </Field>
        <div className="flex gap-2 sm:mt-7">
          <Button type="submit" loading={create.isPending || update.isPending}>
            {product ? t("common.save") : t("products.addSubmit")}
          </Button>
          {onDone ? (
            <Button variant="secondary" onClick={onDone}>
              {t("common.cancel")}
            </Button>
          ) : null}
        </div>
      </div>
    </form>
  );
}

/** The way to the catalog from settings, for those who keep it. */
export function ProductsSettingsCard() {
  const { t } = useI18n();
  const canManage = useCan("products.manage");
  if (!canManage) return null;
  return (
    <Card aria-labelledby="products-settings-title">
      <CardHeader>
        <CardTitle id="products-settings-title">{t("products.title")}</CardTitle>
        <Link to="/settings/products" className={buttonClasses("secondary", "sm")}>
          {t("products.open")}
        </Link>
      </CardHeader>
      <CardContent>
        <p className="text-sm text-slate-700">{t("products.intro")}</p>
      </CardContent>
    </Card>
  );
}
