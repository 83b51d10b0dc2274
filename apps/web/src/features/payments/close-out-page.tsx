import { PAYMENT_METHODS, closeOutCountInputSchema, type Office } from "@frontoffice/domain";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Badge, Button, Card, CardContent, CardHeader, CardTitle, EmptyState, ErrorState, Field, Input, Skeleton, Textarea, useToast } from "../../components/ui";
import { useI18n, type MessageKey } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC, useTRPCClient, type RouterOutputs } from "../../lib/trpc";
import { useCan } from "../shell/session-context";
import { DeskPicker, PaymentsHeader, officeToday, useDesk, useFormatMoney, useRefreshMoney } from "./desk";
import { METHOD_LABELS } from "./receipt-detail-page";
import { useMoneyAction } from "./attempt";
import { parseAmountMinor } from "./sale-model";

type CloseOut = RouterOutputs["closeOuts"]["day"];

const STATUS_TONES = { open: "info", counted: "warning", signed_off: "success" } as const;

/** The discrepancy between counted and expected cash, with its sign: short (negative) or over. */
export function discrepancyKey(discrepancyMinor: number): MessageKey {
  return discrepancyMinor < 0 ? "closeOut.short" : discrepancyMinor > 0 ? "closeOut.over" : "closeOut.balanced";
}

/** A desk's day: expected takings by method, counted cash, discrepancy, a manager's sign-off, then locked. */
export function CloseOutPage() {
  const { t } = useI18n();
  const desk = useDesk();
  return (
    <div className="space-y-4">
      <title>{`${t("closeOut.title")} · ${t("app.name")}`}</title>
      <PaymentsHeader />
      {!desk.ready ? <Skeleton className="h-48 w-full" /> : desk.office ? <DeskDay key={desk.office.id} office={desk.office} desk={desk} /> : <EmptyState title={t("payments.noOffice")} />}
    </div>
  );
}

function DeskDay({ office, desk }: { office: Office; desk: ReturnType<typeof useDesk> }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [date, setDate] = useState(() => officeToday(office));
  const deskName = desk.desk.trim();
  const day = useQuery({ ...trpc.closeOuts.day.queryOptions({ officeId: office.id, desk: deskName, businessDate: date }), enabled: deskName.length > 0 && date.length === 10 });
  return (
    <div className="space-y-4">
      <Card>
        <CardContent className="flex flex-wrap gap-3">
          <DeskPicker desk={desk} />
          <Field label={t("closeOut.date")} className="w-44">
            {(control) => <Input {...control} type="date" value={date} onChange={(event) => setDate(event.target.value)} />}
          </Field>
        </CardContent>
      </Card>
      {day.isError ? (
        <ErrorState title={t("closeOut.loadError")} message={errorMessage(t, day.error)} onRetry={() => void day.refetch()} retrying={day.isFetching} />
      ) : !day.data ? (
        <Skeleton className="h-48 w-full" />
      ) : (
        <DayView day={day.data} />
      )}
    </div>
  );
}

function DayView({ day }: { day: CloseOut }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const formatMoney = useFormatMoney();
  const canCount = useCan("payments.take");
  const canSignOff = useCan("payments.approve");
  const expectedTotal = PAYMENT_METHODS.reduce((sum, method) => sum + (day.expected[method] ?? 0), 0);
  return (
    <Card aria-labelledby="close-out-title">
      <CardHeader>
        <CardTitle id="close-out-title">{t("closeOut.dayTitle", { desk: day.desk, date: formatDate(day.businessDate) })}</CardTitle>
        <Badge tone={STATUS_TONES[day.status]} data-testid="close-out-status">
          {t(`closeOut.status.${day.status}`)}
        </Badge>
      </CardHeader>
      <CardContent className="grid gap-6 lg:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{t("closeOut.expected")}</h3>
          <dl className="mt-2 space-y-1 text-sm">
            {PAYMENT_METHODS.map((method) => (
              <div key={method} className="flex justify-between gap-4">
                <dt className="text-slate-700">{t(METHOD_LABELS[method])}</dt>
                <dd className="tabular-nums" data-testid={`expected-${method}`}>
                  {formatMoney(day.expected[method] ?? 0, day.currency)}
                </dd>
              </div>
            ))}
            <div className="flex justify-between gap-4 border-t border-slate-200 pt-1 font-semibold">
              <dt>{t("closeOut.expectedTotal")}</dt>
              <dd className="tabular-nums">{formatMoney(expectedTotal, day.currency)}</dd>
            </div>
          </dl>
        </div>
        <div className="space-y-3">
          {day.countedCashMinor !== null && day.discrepancyMinor !== null ? (
            <dl className="space-y-1 text-sm">
              <div className="flex justify-between gap-4">
                <dt className="text-slate-700">{t("closeOut.counted")}</dt>
                <dd className="tabular-nums">{formatMoney(day.countedCashMinor, day.currency)}</dd>
              </div>
              <div className="flex justify-between gap-4 font-semibold">
                <dt>{t("closeOut.discrepancy")}</dt>
                <dd className={day.discrepancyMinor === 0 ? "tabular-nums" : "text-red-700 tabular-nums"} data-testid="close-out-discrepancy">
                  {formatMoney(day.discrepancyMinor, day.currency)} · {t(discrepancyKey(day.discrepancyMinor))}
                </dd>
              </div>
              {day.note ? <p className="text-slate-700">{day.note}</p> : null}
            </dl>
          ) : null}
          {day.status === "signed_off" ? (
            <Alert tone="success" title={t("closeOut.locked")}>
              {day.signedOffAt ? t("closeOut.signedOffAt", { when: formatDateTime(day.signedOffAt) }) : null}
            </Alert>
          ) : (
            <>
              {canCount ? <CountForm day={day} /> : null}
              {day.status === "counted" && day.id ? canSignOff ? <SignOff id={day.id} /> : <Alert tone="info">{t("closeOut.waitingForManager")}</Alert> : null}
            </>
          )}
        </div>
      </CardContent>
    </Card>
  );
}

function CountForm({ day }: { day: CloseOut }) {
  const { t } = useI18n();
  const api = useTRPCClient();
  const refresh = useRefreshMoney();
  const [counted, setCounted] = useState("");
  const [note, setNote] = useState(day.note);
  const [fieldError, setFieldError] = useState<MessageKey | null>(null);
  const count = useMoneyAction(
    (idempotencyKey) => api.closeOuts.count.mutate({ idempotencyKey, officeId: day.officeId, desk: day.desk, businessDate: day.businessDate, countedCashMinor: parseAmountMinor(counted, day.currency) ?? 0, note }),
    async () => {
      setCounted("");
      await refresh();
    },
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (count.busy) return;
    const countedCashMinor = parseAmountMinor(counted, day.currency);
    setFieldError(countedCashMinor === null || counted.trim() === "" ? "validation.amount_invalid" : null);
    if (countedCashMinor === null || counted.trim() === "") return;
    if (!closeOutCountInputSchema.shape.note.safeParse(note).success) {
      count.setError(t("closeOut.note.invalid"));
      return;
    }
    void count.start();
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-labelledby="count-title">
      <h3 id="count-title" className="text-sm font-semibold text-slate-900">
        {day.status === "counted" ? t("closeOut.recount") : t("closeOut.count")}
      </h3>
      {count.error ? <Alert tone="error">{count.error}</Alert> : null}
      <Field label={t("closeOut.countedCash")} className="w-48" error={fieldError ? t(fieldError) : null}>
        {(control) => <Input {...control} inputMode="decimal" autoComplete="off" value={counted} onChange={(event) => setCounted(event.target.value)} />}
      </Field>
      <Field label={t("closeOut.note")} optional>
        {(control) => <Textarea {...control} value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <Button type="submit" loading={count.busy}>
        {t("closeOut.record")}
      </Button>
    </form>
  );
}

function SignOff({ id }: { id: string }) {
  const { t } = useI18n();
  const api = useTRPCClient();
  const { toast } = useToast();
  const refresh = useRefreshMoney();
  const signOff = useMoneyAction(
    (idempotencyKey) => api.closeOuts.signOff.mutate({ idempotencyKey, id }),
    async () => {
      toast(t("closeOut.signedOff"), "success");
      await refresh();
    },
  );
  return (
    <div className="space-y-2 border-t border-slate-200 pt-3">
      {signOff.error ? <Alert tone="error">{signOff.error}</Alert> : null}
      <p className="text-sm text-slate-700">{t("closeOut.signOffHint")}</p>
      <Button loading={signOff.busy} onClick={() => void signOff.start()}>
        {t("closeOut.signOff")}
      </Button>
    </div>
  );
}
