import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { BackLink } from "../../components/back-link";
import { Card, EmptyState, ErrorState, Field, Select, Skeleton } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useCan, useSession } from "../shell/session-context";
import { DepartmentQueuesCard } from "./department-queues-card";
import { OfficeCallCard } from "./office-call-card";
import { RulesCard } from "./rules-card";
import { namesOf } from "./setup";
import { StaffPhonesCard } from "./staff-phones-card";
import { TelephonyEndpointsCard } from "./telephony-endpoints-card";

/** `/settings/calls`: how an office's calls are routed, and the phone systems that report them. */
export function CallSettingsPage() {
  const { t } = useI18n();
  const canConfigure = useCan("calls.configure");
  const { offices } = useSession();
  const [officeId, setOfficeId] = useState(offices[0]?.id ?? "");
  return (
    <div className="space-y-6">
      <title>{`${t("callSettings.title")} · ${t("app.name")}`}</title>
      <BackLink to="/settings" label={t("callSettings.back")} />
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold text-slate-900">{t("callSettings.title")}</h1>
        <p className="text-sm text-slate-700">{t("callSettings.intro")}</p>
      </div>
      {!canConfigure ? (
        <Card>
          <EmptyState title={t("errors.FORBIDDEN")}>{t("callSettings.noPermission")}</EmptyState>
        </Card>
      ) : (
        <>
          {offices.length > 1 ? (
            <Field label={t("callSettings.office")} className="max-w-sm">
              {(control) => (
                <Select {...control} value={officeId} onChange={(event) => setOfficeId(event.target.value)}>
                  {offices.map((office) => (
                    <option key={office.id} value={office.id}>
                      {office.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ) : null}
          {officeId ? <OfficeCallSettings key={officeId} officeId={officeId} /> : null}
        </>
      )}
    </div>
  );
}

function OfficeCallSettings({ officeId }: { officeId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const setup = useQuery(trpc.callRouting.setup.queryOptions({ officeId }));
  const names = useMemo(() => (setup.data ? namesOf(setup.data) : null), [setup.data]);
  if (setup.isError && !setup.data) {
    return <ErrorState title={t("callSettings.loadError")} message={errorMessage(t, setup.error)} onRetry={() => void setup.refetch()} retrying={setup.isFetching} />;
  }
  if (!setup.data || !names) return <Skeleton className="h-64 w-full" />;
  return (
    <>
      <OfficeCallCard setup={setup.data} />
      <DepartmentQueuesCard setup={setup.data} names={names} />
      <StaffPhonesCard setup={setup.data} />
      <RulesCard setup={setup.data} names={names} />
      <TelephonyEndpointsCard officeId={officeId} />
    </>
  );
}
