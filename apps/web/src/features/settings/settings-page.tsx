import { organizationUpdateSchema, toFieldIssues, type FieldIssue } from "@frontoffice/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { buttonClasses, Button, Card, CardContent, CardHeader, CardTitle, EmptyState, ErrorState, Field, Input, Skeleton, useToast } from "../../components/ui";
import { LOCALE_NAMES, useI18n } from "../../i18n";
import { errorCodeOf, errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { ProductsSettingsCard } from "../payments/products-page";
import { useCan, useSession } from "../shell/session-context";
import { canOpenSettings, useRefreshOrganization } from "./settings-access";
import { ServicesAndHoursCard } from "./services-panel";

/** Shown in place of a settings screen to someone who may not manage anything there. */
export function SettingsForbidden() {
  const { t } = useI18n();
  return (
    <Card>
      <EmptyState title={t("errors.FORBIDDEN")}>{t("settings.noPermission")}</EmptyState>
    </Card>
  );
}

/** The organization's name and its offices, for owners and managers. */
export function SettingsPage() {
  const { t } = useI18n();
  const { permissions } = useSession();
  if (!canOpenSettings(permissions)) return <SettingsForbidden />;
  return (
    <div className="space-y-6">
      <title>{`${t("settings.title")} · ${t("app.name")}`}</title>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-slate-900">{t("settings.title")}</h1>
        <p className="text-sm text-slate-700">{t("settings.intro")}</p>
      </div>
      <OrganizationCard />
      <OfficesCard />
      <ServicesAndHoursCard />
      <ProductsSettingsCard />
      <CallSettingsLinkCard />
      <OutboxLinkCard />
    </div>
  );
}

/** Where managers set up call routing and the phone systems (`calls.configure`). */
function CallSettingsLinkCard() {
  const { t } = useI18n();
  if (!useCan("calls.configure")) return null;
  return (
    <Card>
      <CardContent className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700">{t("callSettings.openHint")}</p>
        <Link to="/settings/calls" className={buttonClasses("secondary")}>
          {t("callSettings.open")}
        </Link>
      </CardContent>
    </Card>
  );
}

/** Where managers find the messages sent to clients (and the reminder preview). */
function OutboxLinkCard() {
  const { t } = useI18n();
  const canManage = useCan("services.manage");
  if (!canManage) return null;
  return (
    <Card>
      <CardContent className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700">{t("outbox.openHint")}</p>
        <Link to="/settings/outbox" className={buttonClasses("secondary")}>
          {t("outbox.open")}
        </Link>
      </CardContent>
    </Card>
  );
}

function OrganizationCard() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const { organization } = useSession();
  const canRename = useCan("organization.manage");
  const refresh = useRefreshOrganization();
  const [name, setName] = useState(organization.name);
  const [issue, setIssue] = useState<FieldIssue | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const update = useMutation(trpc.organization.update.mutationOptions());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = organizationUpdateSchema.safeParse({ name });
    if (!parsed.success) {
      setIssue(toFieldIssues(parsed.error.issues)[0] ?? null);
      return;
    }
    setIssue(null);
    try {
      const saved = await update.mutateAsync(parsed.data);
      setName(saved.name);
      await refresh();
      toast(t("settings.organization.saved", { name: saved.name }));
    } catch (error) {
      const [serverIssue] = fieldIssuesOf(error);
      if (errorCodeOf(error) === "VALIDATION_FAILED" && serverIssue) setIssue(serverIssue);
      else setFormError(errorMessage(t, error));
    }
  };

  return (
    <Card aria-labelledby="organization-title">
      <CardHeader>
        <CardTitle id="organization-title">{t("settings.organization.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {canRename ? (
          <form onSubmit={(event) => void submit(event)} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
            <Field className="flex-1" label={t("settings.organization.name")} error={t.issue(issue) ?? formError}>
              {(control) => <Input {...control} autoComplete="organization" value={name} onChange={(event) => setName(event.target.value)} />}
            </Field>
            <Button type="submit" className="sm:mt-7" loading={update.isPending}>
              {t("common.save")}
            </Button>
          </form>
        ) : (
          <dl className="space-y-1 text-sm">
            <dt className="font-medium text-slate-800">{t("settings.organization.name")}</dt>
            <dd className="text-slate-900">{organization.name}</dd>
            <dd className="text-slate-600">{t("settings.organization.readOnly")}</dd>
          </dl>
        )}
      </CardContent>
    </Card>
  );
}

function OfficesCard() {
  const { t, regionName } = useI18n();
  const trpc = useTRPC();
  const { offices: sessionOffices } = useSession();
  const canManage = useCan("offices.manage");
  const offices = useQuery({ ...trpc.offices.list.queryOptions(), placeholderData: sessionOffices });

  return (
    <Card aria-labelledby="offices-title">
      <CardHeader>
        <CardTitle id="offices-title">{t("settings.offices.title")}</CardTitle>
        {canManage ? (
          <Link to="/settings/offices/new" className={buttonClasses("primary", "sm")}>
            {t("settings.offices.add")}
          </Link>
        ) : null}
      </CardHeader>
      {offices.isError && !offices.data ? (
        <ErrorState title={t("settings.offices.error")} message={errorMessage(t, offices.error)} onRetry={() => void offices.refetch()} retrying={offices.isFetching} />
      ) : !offices.data ? (
        <CardContent>
          <Skeleton className="h-24 w-full" />
        </CardContent>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-700 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2 sm:px-6">{t("settings.offices.office")}</th>
                <th scope="col" className="px-4 py-2">{t("office.kind")}</th>
                <th scope="col" className="px-4 py-2">{t("address.city")}</th>
                <th scope="col" className="px-4 py-2">{t("office.locale")}</th>
                <th scope="col" className="px-4 py-2">{t("office.timeZone")}</th>
                <th scope="col" className="px-4 py-2">{t("office.currency")}</th>
                <th scope="col" className="px-4 py-2">{t("settings.departments.title")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {offices.data.map((office) => (
                <tr key={office.id} className="hover:bg-slate-50">
                  <th scope="row" className="px-4 py-3 font-medium sm:px-6">
                    {canManage ? (
                      <Link to={`/settings/offices/${office.id}`} className="text-brand-700 hover:underline">
                        {office.name}
                      </Link>
                    ) : (
                      office.name
                    )}
                  </th>
                  <td className="px-4 py-3 text-slate-700">{t(`officeKind.${office.kind}`)}</td>
                  <td className="px-4 py-3 text-slate-700">
                    {office.address.city}
                    <span className="block text-xs text-slate-500">{regionName(office.address.country)}</span>
                  </td>
                  <td className="px-4 py-3 text-slate-700">{LOCALE_NAMES[office.locale]}</td>
                  <td className="px-4 py-3 text-slate-700">{office.timeZone.replaceAll("_", " ")}</td>
                  <td className="px-4 py-3 text-slate-700">{office.currency}</td>
                  <td className="px-4 py-3 text-slate-700">{t("settings.offices.departmentCount", { count: office.departments.length })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
