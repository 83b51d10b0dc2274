import { visitWalkInSchema, toFieldIssues, type Visit, type VisitStatus } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { Badge, Button, buttonClasses, Card, CardContent, CardHeader, CardTitle, EmptyState, ErrorState, Field, Input, Select, Skeleton, useToast } from "../../components/ui";
import { useI18n, type MessageKey } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useCan } from "../shell/session-context";
import { useOffices } from "../shell/use-offices";
import { KiosksCard } from "./kiosks-card";
import { PreRegisterCard } from "./pre-register-card";
import { VisitorSettingsCard } from "./visitor-settings-card";
import { VisitorFields, useFormIssues, visitorFieldsOf } from "./visitor-form";

/** The desk refreshes its lists this often until live updates exist. */
export const VISITORS_POLL_MS = 15_000;

const STATUS_TONE: Record<VisitStatus, "neutral" | "info" | "success" | "warning" | "danger"> = {
  expected: "info",
  checked_in: "success",
  checked_out: "neutral",
  cancelled: "warning",
  no_show: "danger",
};

export function VisitStatusBadge({ status }: { status: VisitStatus }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONE[status]}>{t(`visitors.status.${status}` as MessageKey)}</Badge>;
}

const DESK_OFFICE_KEY = "frontoffice.deskOffice";

/** The office this browser's desk last worked for; storage may be unavailable (private modes). */
function rememberedDeskOffice(): string | undefined {
  try {
    return window.localStorage.getItem(DESK_OFFICE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The office the desk works for: the address's `?office=`, else the one this browser's desk
 * last chose (a receptionist working in several offices sits at one of them), else the first.
 */
export function useDeskOffice(): [string | undefined, (id: string) => void] {
  const offices = useOffices();
  const [officeId, setOfficeId] = useState<string | undefined>(() => new URLSearchParams(window.location.search).get("office") ?? rememberedDeskOffice());
  const chosen = officeId && offices.some((office) => office.id === officeId) ? officeId : offices[0]?.id;
  const choose = (id: string) => {
    setOfficeId(id);
    try {
      window.localStorage.setItem(DESK_OFFICE_KEY, id);
    } catch {
      // Not remembered: the choice still holds on this page.
    }
  };
  return [chosen, choose];
}

/** Which office the page shows, when the staff member works in more than one. */
export function OfficePicker({ officeId, onChange }: { officeId: string | undefined; onChange: (id: string) => void }) {
  const { t } = useI18n();
  const offices = useOffices();
  if (offices.length < 2) return null;
  return (
    <Field label={t("visitors.office")} className="w-64">
      {(control) => (
        <Select {...control} value={officeId ?? ""} onChange={(event) => onChange(event.target.value)}>
          {offices.map((office) => (
            <option key={office.id} value={office.id}>
              {office.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** The reception's visitors page: today's visitors, check-in and out, walk-ins, the roll call and badges. */
export function VisitorsPage() {
  const { t, formatDate } = useI18n();
  const trpc = useTRPC();
  const offices = useOffices();
  const [officeId, setOfficeId] = useDeskOffice();
  const canManage = useCan("visitors.manage");
  const canManageKiosks = useCan("offices.manage");
  const office = offices.find((candidate) => candidate.id === officeId);
  const day = useQuery({ ...trpc.visitors.day.queryOptions({ officeId: officeId ?? "" }), enabled: officeId !== undefined, refetchInterval: VISITORS_POLL_MS });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex-1">
          <h1 className="text-2xl font-semibold text-slate-900">{t("visitors.title")}</h1>
          <p className="text-sm text-slate-600">{day.data ? t("visitors.dayOf", { date: formatDate(day.data.date, "long") }) : t("visitors.intro")}</p>
        </div>
        <OfficePicker officeId={officeId} onChange={setOfficeId} />
        {officeId ? (
          <Link to={`/visitors/waiting-room?office=${officeId}`} className={buttonClasses("secondary")}>
            {t("waitingRoom.open")}
          </Link>
        ) : null}
        {officeId ? (
          <Link to={`/visitors/on-site?office=${officeId}`} className={buttonClasses("secondary")}>
            {t("visitors.onSite.open")}
          </Link>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("visitors.today")}</CardTitle>
          </CardHeader>
          <CardContent>
            {day.isPending ? (
              <Skeleton className="h-32" />
            ) : day.isError ? (
              <ErrorState title={t("visitors.loadError")} message={errorMessage(t, day.error)} onRetry={() => void day.refetch()} retrying={day.isFetching} />
            ) : day.data.visits.length === 0 ? (
              <EmptyState title={t("visitors.none")} />
            ) : (
              <VisitTable visits={day.data.visits} canManage={canManage} />
            )}
          </CardContent>
        </Card>
        {canManage && officeId ? (
          <div className="space-y-6">
            <WalkInCard officeId={officeId} />
            {office ? <PreRegisterCard officeId={officeId} timeZone={office.timeZone} /> : null}
            {canManageKiosks ? <KiosksCard officeId={officeId} /> : null}
            {canManageKiosks ? <VisitorSettingsCard officeId={officeId} /> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function VisitTable({ visits, canManage }: { visits: Visit[]; canManage: boolean }) {
  const { t, formatDateTime } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.visitors.pathKey() });
  const onError = (error: unknown) => toast(errorMessage(t, error), "error");
  const checkIn = useMutation(trpc.visitors.checkIn.mutationOptions({ onSuccess: (visit) => { toast(t("visitors.checkedIn", { name: visit.visitorName })); void refresh(); }, onError }));
  const checkOut = useMutation(trpc.visitors.checkOut.mutationOptions({ onSuccess: (visit) => { toast(t("visitors.checkedOut", { name: visit.visitorName })); void refresh(); }, onError }));
  const cancel = useMutation(trpc.visitors.cancel.mutationOptions({ onSuccess: () => void refresh(), onError }));
  const time = (iso: string | null) => (iso ? formatDateTime(iso) : "—");

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-slate-600 uppercase">
          <tr>
            <th className="py-2 pr-3">{t("visitors.column.visitor")}</th>
            <th className="py-2 pr-3">{t("visitors.column.host")}</th>
            <th className="py-2 pr-3">{t("visitors.column.expected")}</th>
            <th className="py-2 pr-3">{t("visitors.column.status")}</th>
            <th className="py-2">
              <span className="sr-only">{t("visitors.column.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {visits.map((visit) => (
            <tr key={visit.id} data-testid="visit-row">
              <td className="py-2 pr-3">
                <div className="font-medium text-slate-900">{visit.visitorName}</div>
                {visit.company ? <div className="text-xs text-slate-600">{visit.company}</div> : null}
              </td>
              <td className="py-2 pr-3">{visit.hostName}</td>
              <td className="py-2 pr-3">{time(visit.expectedAt ?? visit.checkedInAt)}</td>
              <td className="py-2 pr-3">
                <VisitStatusBadge status={visit.status} />
              </td>
              <td className="py-2">
                <div className="flex flex-wrap justify-end gap-2">
                  {canManage && visit.status === "expected" ? (
                    <>
                      <Button size="sm" loading={checkIn.isPending && checkIn.variables !== undefined && "visitId" in checkIn.variables && checkIn.variables.visitId === visit.id} onClick={() => checkIn.mutate({ visitId: visit.id })}>
                        {t("visitors.checkIn")}
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => cancel.mutate({ id: visit.id })}>
                        {t("visitors.cancel")}
                      </Button>
                    </>
                  ) : null}
                  {canManage && visit.status === "checked_in" ? (
                    <Button size="sm" variant="secondary" loading={checkOut.isPending && checkOut.variables?.id === visit.id} onClick={() => checkOut.mutate({ id: visit.id })}>
                      {t("visitors.checkOut")}
                    </Button>
                  ) : null}
                  {visit.status === "checked_in" || visit.status === "expected" ? (
                    <Link to={`/visitors/${visit.id}/badge`} className={buttonClasses("link", "sm")}>
                      {t("visitors.badge.open")}
                    </Link>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WalkInCard({ officeId }: { officeId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const { setIssues, issueFor, showFailure } = useFormIssues();
  const [formKey, setFormKey] = useState(0);
  const checkIn = useMutation(
    trpc.visitors.checkIn.mutationOptions({
      onSuccess: (visit) => {
        toast(t("visitors.checkedIn", { name: visit.visitorName }));
        setIssues([]);
        setFormKey((key) => key + 1);
        void queryClient.invalidateQueries({ queryKey: trpc.visitors.pathKey() });
      },
      onError: showFailure,
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { officeId, ...visitorFieldsOf(data), purpose: String(data.get("purpose") ?? "") };
    const parsed = visitWalkInSchema.safeParse(input);
    if (!parsed.success) return setIssues(toFieldIssues(parsed.error.issues, input));
    checkIn.mutate({ walkIn: input });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("visitors.walkIn.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form key={formKey} noValidate onSubmit={submit} className="space-y-4" aria-label={t("visitors.walkIn.title")}>
          <VisitorFields issueFor={issueFor} />
          <Field label={t("visitors.field.purpose")} optional error={issueFor("purpose")}>
            {(control) => <Input {...control} name="purpose" autoComplete="off" />}
          </Field>
          <Button type="submit" loading={checkIn.isPending}>
            {t("visitors.walkIn.submit")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
