import { SLOT_STEP_CHOICES, officeBookingPolicySchema, toFieldIssues, type FieldIssue, type OfficeBookingPolicy } from "@frontoffice/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button, Card, CardContent, CardHeader, CardTitle, Field, Input, Select, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorCodeOf, errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useRefreshOrganization } from "./settings-access";

type PolicyField = keyof OfficeBookingPolicy;
const POLICY_FIELDS: readonly PolicyField[] = ["bookingWindowDays", "minimumNoticeMinutes", "slotStepMinutes"];

interface PolicyValues {
  bookingWindowDays: string;
  minimumNoticeMinutes: string;
  /** "" is automatic. */
  slotStepMinutes: string;
}

function toValues(policy: OfficeBookingPolicy): PolicyValues {
  return {
    bookingWindowDays: String(policy.bookingWindowDays),
    minimumNoticeMinutes: String(policy.minimumNoticeMinutes),
    slotStepMinutes: policy.slotStepMinutes === null ? "" : String(policy.slotStepMinutes),
  };
}

/** The typed numbers as the schema takes them; a blank or non-number field stays a string so the schema names it. */
function toPolicy(values: PolicyValues): Record<PolicyField, unknown> {
  const number = (text: string) => (text.trim() === "" || Number.isNaN(Number(text)) ? text : Number(text));
  return {
    bookingWindowDays: number(values.bookingWindowDays),
    minimumNoticeMinutes: number(values.minimumNoticeMinutes),
    slotStepMinutes: values.slotStepMinutes === "" ? null : Number(values.slotStepMinutes),
  };
}

/** The services a refused step does not fit (`data.details.misfitServices`), as "name (45 min)". */
function misfitServicesOf(error: unknown): string[] {
  const services = (error as { data?: { details?: { misfitServices?: unknown } } } | null)?.data?.details?.misfitServices;
  if (!Array.isArray(services)) return [];
  return services.map((service: { name?: unknown; durationMinutes?: unknown }) => `${String(service?.name ?? "")} (${String(service?.durationMinutes ?? "?")} min)`);
}

/** Field issues (from the schema or the server, whose paths start with `policy`) by field. */
export function policyIssues(issues: readonly Pick<FieldIssue, "path" | "key" | "params">[]): Partial<Record<PolicyField, Pick<FieldIssue, "key" | "params">>> {
  const byField: Partial<Record<PolicyField, Pick<FieldIssue, "key" | "params">>> = {};
  for (const issue of issues) {
    const field = issue.path.find((part): part is PolicyField => POLICY_FIELDS.includes(part as PolicyField));
    if (field && !byField[field]) byField[field] = { key: issue.key, params: issue.params };
  }
  return byField;
}

/**
 * An office's booking rules. Checked with the server's schema first; the server's field issues go
 * beside the fields, and a step some services do not fit names those services. `onSave` throws
 * what the API threw; what was typed stays.
 */
export function BookingRulesForm({ officeName, initial, onSave }: { officeName: string; initial: OfficeBookingPolicy; onSave: (policy: OfficeBookingPolicy) => Promise<void> }) {
  const { t } = useI18n();
  const [values, setValues] = useState(() => toValues(initial));
  const [issues, setIssues] = useState<ReturnType<typeof policyIssues>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: PolicyField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setIssues((current) => ({ ...current, [field]: undefined }));
    setFormError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const input = toPolicy(values);
    const parsed = officeBookingPolicySchema.safeParse(input);
    if (!parsed.success) {
      setIssues(policyIssues(toFieldIssues(parsed.error.issues, input)));
      return;
    }
    setIssues({});
    setFormError(null);
    setBusy(true);
    try {
      await onSave(parsed.data);
    } catch (error) {
      const code = errorCodeOf(error);
      const misfits = misfitServicesOf(error);
      if (code === "VALIDATION_FAILED" && fieldIssuesOf(error).length) setIssues(policyIssues(fieldIssuesOf(error)));
      else if (code === "DURATION_NOT_MULTIPLE_OF_STEP" && misfits.length) setIssues({ slotStepMinutes: { key: "settings.bookingRules.misfits", params: { services: misfits.join(", ") } } });
      else setFormError(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("settings.bookingRules.title")} className="space-y-4">
      <p className="text-sm text-slate-600">{t("settings.bookingRules.intro", { office: officeName })}</p>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("settings.bookingRules.window")} hint={t("settings.bookingRules.windowHint")} error={t.issue(issues.bookingWindowDays)}>
          {(control) => <Input {...control} type="number" inputMode="numeric" min={1} max={730} value={values.bookingWindowDays} onChange={(event) => set("bookingWindowDays", event.target.value)} />}
        </Field>
        <Field label={t("settings.bookingRules.notice")} hint={t("settings.bookingRules.noticeHint")} error={t.issue(issues.minimumNoticeMinutes)}>
          {(control) => <Input {...control} type="number" inputMode="numeric" min={0} max={10_080} value={values.minimumNoticeMinutes} onChange={(event) => set("minimumNoticeMinutes", event.target.value)} />}
        </Field>
        <Field label={t("settings.bookingRules.step")} error={t.issue(issues.slotStepMinutes)}>
          {(control) => (
            <Select {...control} value={values.slotStepMinutes} onChange={(event) => set("slotStepMinutes", event.target.value)}>
              <option value="">{t("settings.bookingRules.stepAutomatic")}</option>
              {[...new Set([...SLOT_STEP_CHOICES, ...(initial.slotStepMinutes ? [initial.slotStepMinutes] : [])])]
                .sort((a, b) => a - b)
                .map((minutes) => (
                  <option key={minutes} value={String(minutes)}>
                    {t("settings.bookingRules.stepMinutes", { count: minutes })}
                  </option>
                ))}
            </Select>
          )}
        </Field>
      </div>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="flex justify-end">
        <Button type="submit" loading={busy}>
          {t("settings.bookingRules.save")}
        </Button>
      </div>
    </form>
  );
}

/** The "Booking rules" card of an office's settings page. */
export function BookingRulesCard({ office }: { office: { id: string; name: string; bookingPolicy: OfficeBookingPolicy } }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const refresh = useRefreshOrganization();
  const update = useMutation(trpc.offices.updateBookingPolicy.mutationOptions());
  const save = async (policy: OfficeBookingPolicy) => {
    await update.mutateAsync({ id: office.id, policy });
    await refresh();
    toast(t("settings.bookingRules.saved", { name: office.name }));
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("settings.bookingRules.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <BookingRulesForm officeName={office.name} initial={office.bookingPolicy} onSave={save} />
      </CardContent>
    </Card>
  );
}
