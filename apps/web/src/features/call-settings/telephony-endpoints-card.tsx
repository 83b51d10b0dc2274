import { TELEPHONY_PROVIDERS, type FieldIssue, type TelephonyProvider } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Badge, Button, Card, CardContent, CardHeader, CardTitle, ConfirmDialog, EmptyState, ErrorState, Field, Input, Select, Skeleton, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC, type RouterOutputs } from "../../lib/trpc";

type Endpoint = RouterOutputs["telephony"]["endpoints"]["list"][number];
type Created = RouterOutputs["telephony"]["endpoints"]["create"];

/** A value with a button that copies it. */
function CopyValue({ label, value }: { label: string; value: string }) {
  const { t } = useI18n();
  const { toast } = useToast();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      toast(t("callSettings.telephony.copied", { what: label }), "success");
    } catch {
      toast(t("callSettings.telephony.copyFailed"), "error");
    }
  };
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium text-slate-700">{label}</p>
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 truncate rounded bg-slate-100 px-2 py-1 text-xs text-slate-900" title={value}>
          {value}
        </code>
        <Button variant="secondary" size="sm" aria-label={t("callSettings.telephony.copy", { what: label })} onClick={() => void copy()}>
          {t("callSettings.telephony.copyShort")}
        </Button>
      </div>
    </div>
  );
}

/** The phone systems allowed to report this office's calls: their webhook URLs; the secret once. */
export function TelephonyEndpointsCard({ officeId }: { officeId: string }) {
  const { t, formatDateTime } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.telephony.endpoints.list.queryOptions({ officeId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.telephony.endpoints.list.queryKey({ officeId }) });
  const create = useMutation(trpc.telephony.endpoints.create.mutationOptions({ onSuccess: () => refresh() }));
  const revoke = useMutation(trpc.telephony.endpoints.revoke.mutationOptions({ onSuccess: () => refresh() }));
  const [created, setCreated] = useState<Created | null>(null);
  const [revoking, setRevoking] = useState<Endpoint | null>(null);
  const purposeLabel = (purpose: string) => t(`callSettings.telephony.webhook.${purpose === "voice" ? "voice" : purpose === "status" ? "status" : "events"}`);

  return (
    <Card aria-labelledby="call-telephony-title">
      <CardHeader>
        <CardTitle id="call-telephony-title">{t("callSettings.telephony.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-sm text-slate-700">{t("callSettings.telephony.intro")}</p>
        {created ? (
          <Alert tone="success">
            <div className="space-y-3" role="region" aria-label={t("callSettings.telephony.createdTitle", { label: created.label })}>
              <p className="font-medium">{t("callSettings.telephony.createdTitle", { label: created.label })}</p>
              <p className="text-sm">{t("callSettings.telephony.secretOnce")}</p>
              <CopyValue label={t("callSettings.telephony.secret")} value={created.secret} />
              {created.webhooks.map((webhook) => (
                <CopyValue key={webhook.purpose} label={purposeLabel(webhook.purpose)} value={webhook.url} />
              ))}
              <Button variant="secondary" size="sm" onClick={() => setCreated(null)}>
                {t("callSettings.telephony.done")}
              </Button>
            </div>
          </Alert>
        ) : (
          <EndpointForm
            busy={create.isPending}
            onSave={async (input) => {
              setCreated(await create.mutateAsync({ officeId, ...input }));
            }}
          />
        )}
        {endpoints.isError && !endpoints.data ? (
          <ErrorState title={t("callSettings.telephony.loadError")} message={errorMessage(t, endpoints.error)} onRetry={() => void endpoints.refetch()} />
        ) : !endpoints.data ? (
          <Skeleton className="h-16 w-full" />
        ) : endpoints.data.length === 0 ? (
          <EmptyState title={t("callSettings.telephony.empty")} />
        ) : (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {endpoints.data.map((endpoint) => (
              <li key={endpoint.id} className="space-y-2 p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="flex items-center gap-2 font-medium text-slate-900">
                    {endpoint.label}
                    <Badge tone="info">{t(`callSettings.telephony.provider.${endpoint.provider}`)}</Badge>
                    {endpoint.revokedAt ? <Badge tone="danger">{t("callSettings.telephony.revoked")}</Badge> : null}
                  </p>
                  {!endpoint.revokedAt ? (
                    <Button variant="ghost" size="sm" aria-label={t("callSettings.telephony.revokeItem", { label: endpoint.label })} onClick={() => setRevoking(endpoint)}>
                      {t("callSettings.telephony.revoke")}
                    </Button>
                  ) : null}
                </div>
                <p className="text-xs text-slate-600">
                  {endpoint.lastUsedAt ? t("callSettings.telephony.lastUsed", { when: formatDateTime(String(endpoint.lastUsedAt)) }) : t("callSettings.telephony.neverUsed")}
                </p>
                {!endpoint.revokedAt ? endpoint.webhooks.map((webhook) => <CopyValue key={webhook.purpose} label={purposeLabel(webhook.purpose)} value={webhook.url} />) : null}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => (!open ? setRevoking(null) : undefined)}
        title={t("callSettings.telephony.revokeTitle", { label: revoking?.label ?? "" })}
        description={t("callSettings.telephony.revokeBody")}
        confirmLabel={t("callSettings.telephony.revoke")}
        tone="danger"
        error={revoke.isError ? errorMessage(t, revoke.error) : undefined}
        onConfirm={async () => {
          if (revoking) await revoke.mutateAsync({ id: revoking.id });
        }}
      />
    </Card>
  );
}

function EndpointForm({ busy, onSave }: { busy: boolean; onSave: (input: { provider: TelephonyProvider; label: string; authToken?: string }) => Promise<void> }) {
  const { t } = useI18n();
  const [provider, setProvider] = useState<TelephonyProvider>("generic");
  const [label, setLabel] = useState("");
  const [authToken, setAuthToken] = useState("");
  const [issues, setIssues] = useState<Partial<Record<"label" | "authToken", FieldIssue>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (!label.trim()) {
      setIssues({ label: { path: ["label"], key: "validation.required" } });
      return;
    }
    setIssues({});
    try {
      await onSave({ provider, label: label.trim(), ...(provider === "twilio" && authToken.trim() ? { authToken: authToken.trim() } : {}) });
      setLabel("");
      setAuthToken("");
    } catch (error) {
      const placed: Partial<Record<"label" | "authToken", FieldIssue>> = {};
      for (const issue of fieldIssuesOf(error)) if (issue.path[0] === "label" || issue.path[0] === "authToken") placed[issue.path[0]] ??= issue;
      if (Object.keys(placed).length) setIssues(placed);
      else setFormError(errorMessage(t, error));
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("callSettings.telephony.add")} className="flex flex-wrap items-start gap-4">
      {formError ? <Alert tone="error" className="w-full">{formError}</Alert> : null}
      <Field label={t("callSettings.telephony.providerLabel")} className="w-48">
        {(control) => (
          <Select {...control} value={provider} onChange={(event) => setProvider(event.target.value as TelephonyProvider)}>
            {TELEPHONY_PROVIDERS.map((value) => (
              <option key={value} value={value}>
                {t(`callSettings.telephony.provider.${value}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("callSettings.telephony.label")} className="w-64" error={t.issue(issues.label)}>
        {(control) => <Input {...control} autoComplete="off" value={label} onChange={(event) => setLabel(event.target.value)} />}
      </Field>
      {provider === "twilio" ? (
        <Field label={t("callSettings.telephony.authToken")} hint={t("callSettings.telephony.authTokenHint")} optional className="w-72" error={t.issue(issues.authToken)}>
          {(control) => <Input {...control} type="password" autoComplete="off" value={authToken} onChange={(event) => setAuthToken(event.target.value)} />}
        </Field>
      ) : null}
      <Button type="submit" className="sm:mt-7" loading={busy}>
        {t("callSettings.telephony.add")}
      </Button>
    </form>
  );
}
