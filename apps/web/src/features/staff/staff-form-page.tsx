import type { StaffDetails } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ComponentProps } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { Alert, buttonClasses, Card, EmptyState, ErrorState, PageSpinner, useToast } from "../../components/ui";
import { useI18n, type Translator } from "../../i18n";
import { errorCodeOf, errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import type { SubmitOutcome } from "../clients/client-form";
import { useCan, useSession } from "../shell/session-context";
import { useOffices } from "../shell/use-offices";
import { mayChange } from "./roles";
import { StaffForm } from "./staff-form";
import { emptyStaffForm, staffToForm, toStaffCreateInput, toStaffUpdateInput, type StaffFormValues } from "./staff-form-model";

function outcomeOf(error: unknown, t: Translator): SubmitOutcome {
  if (errorCodeOf(error) === "VALIDATION_FAILED") {
    const issues = fieldIssuesOf(error);
    return { ok: false, issues, message: issues.length ? undefined : t("errors.VALIDATION_FAILED") };
  }
  if (errorCodeOf(error) === "EMAIL_TAKEN") return { ok: false, issues: [{ path: ["email"], key: "errors.EMAIL_TAKEN" }] };
  return { ok: false, message: `${t("staffForm.saveFailed")} ${errorMessage(t, error)}` };
}

function NoPermission() {
  const { t } = useI18n();
  return (
    <Card>
      <EmptyState title={t("errors.FORBIDDEN")} action={<Link to="/staff" className={buttonClasses("secondary")}>{t("staff.back")}</Link>}>
        {t("staff.readOnly")}
      </EmptyState>
    </Card>
  );
}

/** The page around the staff form: its title, and the offices and roles of whoever fills it in. */
function StaffFormScreen({ title, ...form }: { title: string } & Omit<ComponentProps<typeof StaffForm>, "offices" | "actorRoles">) {
  const { t } = useI18n();
  const session = useSession();
  const offices = useOffices();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <title>{`${title} · ${t("app.name")}`}</title>
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      <StaffForm {...form} offices={offices} actorRoles={session.staff.roles} />
    </div>
  );
}

function useRefreshStaff() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (staff: StaffDetails) => {
    queryClient.setQueryData(trpc.staff.get.queryKey({ id: staff.id }), staff);
    void queryClient.invalidateQueries({ queryKey: trpc.staff.list.pathKey() });
    // Someone editing themselves changes their own session (roles, language).
    void queryClient.invalidateQueries({ queryKey: trpc.session.me.queryKey() });
  };
}

export function NewStaffPage() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { toast } = useToast();
  const offices = useOffices();
  const canManage = useCan("staff.manage");
  const refresh = useRefreshStaff();
  const [initial] = useState(() => emptyStaffForm(offices.length === 1 ? offices[0] : undefined, locale));
  const create = useMutation(trpc.staff.create.mutationOptions());

  if (!canManage) return <NoPermission />;

  const submit = async (values: StaffFormValues): Promise<SubmitOutcome> => {
    try {
      const staff = await create.mutateAsync(toStaffCreateInput(values));
      refresh(staff);
      toast(t("staffForm.created", { name: staff.displayName }));
      await navigate("/staff");
      return { ok: true };
    } catch (error) {
      return outcomeOf(error, t);
    }
  };

  return (
    <StaffFormScreen
      title={t("staffForm.newTitle")}
      mode="create"
      initial={initial}
      submitLabel={t("staffForm.create")}
      submittingLabel={t("staffForm.creating")}
      onSubmit={submit}
    />
  );
}

export function EditStaffPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const trpc = useTRPC();
  const canManage = useCan("staff.manage");
  const staff = useQuery({ ...trpc.staff.get.queryOptions({ id }), refetchOnWindowFocus: false, enabled: canManage });

  if (!canManage) return <NoPermission />;
  if (staff.isPending) return <PageSpinner label={t("app.loading")} />;
  if (staff.isError) {
    const notFound = ["NOT_FOUND", "VALIDATION_FAILED"].includes(errorCodeOf(staff.error));
    return (
      <Card>
        {notFound ? (
          <EmptyState title={t("staffForm.notFound.title")} action={<Link to="/staff" className={buttonClasses("secondary")}>{t("staff.back")}</Link>}>
            {t("staffForm.notFound.body")}
          </EmptyState>
        ) : (
          <ErrorState title={t("staffForm.loadError")} message={errorMessage(t, staff.error)} onRetry={() => void staff.refetch()} retrying={staff.isFetching} />
        )}
      </Card>
    );
  }
  return <EditStaff staff={staff.data} />;
}

function EditStaff({ staff }: { staff: StaffDetails }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { toast } = useToast();
  const session = useSession();
  const refresh = useRefreshStaff();
  const [initial] = useState(() => staffToForm(staff));
  const update = useMutation(trpc.staff.update.mutationOptions());
  const locked = !mayChange(session.staff.roles, staff);

  const submit = async (values: StaffFormValues): Promise<SubmitOutcome> => {
    try {
      const saved = await update.mutateAsync(toStaffUpdateInput(staff.id, values));
      refresh(saved);
      toast(t("staffForm.saved", { name: saved.displayName }));
      await navigate("/staff");
      return { ok: true };
    } catch (error) {
      return outcomeOf(error, t);
    }
  };

  const banner = locked ? (
    <Alert tone="info">{t("staffForm.ownerLocked", { name: staff.displayName })}</Alert>
  ) : staff.active ? null : (
    <Alert tone="warning">{t("staffForm.inactive", { name: staff.displayName })}</Alert>
  );

  return (
    <StaffFormScreen
      title={t("staffForm.editTitle", { name: staff.displayName })}
      mode="update"
      initial={initial}
      submitLabel={t("common.save")}
      submittingLabel={t("common.saving")}
      banner={banner}
      locked={locked}
      onSubmit={submit}
    />
  );
}
