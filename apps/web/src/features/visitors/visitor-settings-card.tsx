import { visitorSettingsSchema, toFieldIssues } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Button, Card, CardContent, CardHeader, CardTitle, Field, Input, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useFormIssues } from "./visitor-form";

/** A manager's visitor settings for an office: retention of personal data, wait threshold, end of day. */
export function VisitorSettingsCard({ officeId }: { officeId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const { setIssues, issueFor, showFailure } = useFormIssues();
  const settings = useQuery(trpc.visitors.settings.queryOptions({ officeId }));
  const save = useMutation(
    trpc.visitors.updateSettings.mutationOptions({
      onSuccess: () => {
        toast(t("visitors.settings.saved"));
        setIssues([]);
        void queryClient.invalidateQueries({ queryKey: trpc.visitors.pathKey() });
      },
      onError: showFailure,
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { retentionDays: Number(data.get("retentionDays")), waitThresholdMinutes: Number(data.get("waitThresholdMinutes")), dayEndsAt: String(data.get("dayEndsAt") ?? "") };
    const parsed = visitorSettingsSchema.safeParse(input);
    if (!parsed.success) return setIssues(toFieldIssues(parsed.error.issues, input));
    save.mutate({ officeId, settings: parsed.data });
  };

  if (!settings.data) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("visitors.settings.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form key={`${officeId}-${settings.dataUpdatedAt}`} noValidate onSubmit={submit} className="space-y-4">
          <Field label={t("visitors.settings.retentionDays")} hint={t("visitors.settings.retentionHint")} error={issueFor("retentionDays")}>
            {(control) => <Input {...control} name="retentionDays" type="number" min={1} max={3650} defaultValue={settings.data.retentionDays} />}
          </Field>
          <Field label={t("visitors.settings.waitThreshold")} error={issueFor("waitThresholdMinutes")}>
            {(control) => <Input {...control} name="waitThresholdMinutes" type="number" min={1} max={1440} defaultValue={settings.data.waitThresholdMinutes} />}
          </Field>
          <Field label={t("visitors.settings.dayEndsAt")} hint={t("visitors.settings.dayEndsHint")} error={issueFor("dayEndsAt")}>
            {(control) => <Input {...control} name="dayEndsAt" type="time" defaultValue={settings.data.dayEndsAt} />}
          </Field>
          <Button type="submit" variant="secondary" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
