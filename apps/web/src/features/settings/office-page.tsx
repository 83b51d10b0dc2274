import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { BackLink } from "../../components/back-link";
import { FormErrorSummary, useFocusFirstProblem } from "../../components/form-error-summary";
import { Button, buttonClasses, Card, CardContent, EmptyState, ErrorState, PageSpinner, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorCodeOf, errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC, type RouterOutputs } from "../../lib/trpc";
import { useCan, useSession } from "../shell/session-context";
import { BookingRulesCard } from "./booking-rules-card";
import { DepartmentsCard } from "./departments-card";
import { OfficeFields } from "./office-fields";
import {
  clearField,
  hasErrors,
  initialOfficeValues,
  mapOfficeIssues,
  officeFormErrors,
  officeToForm,
  toOfficeDetails,
  toOfficeInput,
  type FormErrors,
  type OfficeField,
  type OfficeFormValues,
} from "./office-form-model";
import { SettingsForbidden } from "./settings-page";
import { useRefreshOrganization } from "./settings-access";

type Office = RouterOutputs["offices"]["list"][number];
type Mode = "create" | "update";

const NO_ERRORS: FormErrors<OfficeField> = { fields: {}, general: [] };

function BackToSettings() {
  const { t } = useI18n();
  return <BackLink to="/settings" label={t("settings.back")} />;
}

/**
 * An office's form: checked with the server's own schema before sending, then the server's
 * answer put beside the fields. `onSubmit` throws what the API threw.
 */
function OfficeForm({
  mode,
  initial,
  submitLabel,
  submittingLabel,
  onSubmit,
}: {
  mode: Mode;
  initial: OfficeFormValues;
  submitLabel: string;
  submittingLabel: string;
  onSubmit: (values: OfficeFormValues) => Promise<void>;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState(NO_ERRORS);
  const [formError, setFormError] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstProblem(formRef, attempt);

  const set = <K extends OfficeField>(key: K, value: OfficeFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => clearField(current, key));
  };

  const fail = (next: FormErrors<OfficeField>, message: ReactNode = null) => {
    setErrors(next);
    setFormError(message);
    setAttempt((count) => count + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = officeFormErrors(values, mode);
    if (hasErrors(found)) return fail(found);
    setErrors(NO_ERRORS);
    setFormError(null);
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (error) {
      const issues = fieldIssuesOf(error);
      if (errorCodeOf(error) === "VALIDATION_FAILED" && issues.length) fail(mapOfficeIssues(issues, mode));
      else fail(NO_ERRORS, `${t("settings.office.saveFailed")} ${errorMessage(t, error)}`);
    } finally {
      setBusy(false);
    }
  };

  const count = Object.keys(errors.fields).length + errors.general.length;
  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
      <FormErrorSummary count={count} formError={formError} general={errors.general} />
      <Card>
        <CardContent className="space-y-8 py-6">
          <OfficeFields legend={t("settings.office.details")} values={values} errors={errors.fields} onChange={set} kindLocked={mode === "update"} />
        </CardContent>
      </Card>
      <div className="flex justify-end gap-2">
        <Link to="/settings" className={buttonClasses("secondary")}>
          {t("common.cancel")}
        </Link>
        <Button type="submit" loading={busy}>
          {busy ? submittingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}

export function NewOfficePage() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { toast } = useToast();
  const canManage = useCan("offices.manage");
  const refresh = useRefreshOrganization();
  const create = useMutation(trpc.offices.create.mutationOptions());
  const [initial] = useState(() =>
    initialOfficeValues(locale, typeof navigator === "undefined" ? [] : navigator.languages ?? [], Intl.DateTimeFormat().resolvedOptions().timeZone),
  );

  if (!canManage) return <SettingsForbidden />;

  const submit = async (values: OfficeFormValues) => {
    const office = await create.mutateAsync(toOfficeInput(values));
    await refresh();
    toast(t("settings.office.created", { name: office.name }));
    await navigate(`/settings/offices/${office.id}`);
  };

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <title>{`${t("settings.office.newTitle")} · ${t("app.name")}`}</title>
      <BackToSettings />
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-slate-900">{t("settings.office.newTitle")}</h1>
        <p className="text-sm text-slate-700">{t("settings.office.newIntro")}</p>
      </div>
      <OfficeForm mode="create" initial={initial} submitLabel={t("settings.office.create")} submittingLabel={t("settings.office.creating")} onSubmit={submit} />
    </div>
  );
}

export function EditOfficePage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const trpc = useTRPC();
  const { offices: sessionOffices } = useSession();
  const canManage = useCan("offices.manage");
  const offices = useQuery({ ...trpc.offices.list.queryOptions(), placeholderData: sessionOffices });

  if (!canManage) return <SettingsForbidden />;
  if (offices.isPending) return <PageSpinner label={t("app.loading")} />;
  if (offices.isError && !offices.data) {
    return (
      <Card>
        <ErrorState title={t("settings.offices.error")} message={errorMessage(t, offices.error)} onRetry={() => void offices.refetch()} retrying={offices.isFetching} />
      </Card>
    );
  }
  const office = offices.data.find((candidate) => candidate.id === id);
  if (!office) {
    return (
      <div className="mx-auto max-w-4xl space-y-4">
        <BackToSettings />
        <Card>
          <EmptyState title={t("settings.office.notFound.title")}>{t("settings.office.notFound.body")}</EmptyState>
        </Card>
      </div>
    );
  }
  return <EditOffice office={office} />;
}

function EditOffice({ office }: { office: Office }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const refresh = useRefreshOrganization();
  const update = useMutation(trpc.offices.update.mutationOptions());
  // The form starts from the office as loaded; a later refetch does not overwrite what is typed.
  const [initial] = useState(() => officeToForm(office));

  const submit = async (values: OfficeFormValues) => {
    const saved = await update.mutateAsync({ id: office.id, office: toOfficeDetails(values) });
    await refresh();
    toast(t("settings.office.saved", { name: saved.name }));
  };

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <title>{`${office.name} · ${t("app.name")}`}</title>
      <BackToSettings />
      <h1 className="text-2xl font-semibold text-slate-900">{office.name}</h1>
      <OfficeForm mode="update" initial={initial} submitLabel={t("common.save")} submittingLabel={t("common.saving")} onSubmit={submit} />
      <DepartmentsCard office={office} />
      <BookingRulesCard office={office} />
    </div>
  );
}
