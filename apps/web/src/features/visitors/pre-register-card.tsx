import { visitPreRegisterSchema, toFieldIssues } from "@frontoffice/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, Card, CardContent, CardHeader, CardTitle, Field, Input, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { todayIn, zonedInstant } from "../schedule/zoned-time";
import { VisitorFields, useFormIssues, visitorFieldsOf } from "./visitor-form";

/** Staff expect a visitor: name, host and when (in the office's time); the visit gets its kiosk code. */
export function PreRegisterCard({ officeId, timeZone }: { officeId: string; timeZone: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const { setIssues, issueFor, showFailure } = useFormIssues();
  const [formKey, setFormKey] = useState(0);
  const preRegister = useMutation(
    trpc.visitors.preRegister.mutationOptions({
      onSuccess: (visit) => {
        toast(t("visitors.preRegister.done", { name: visit.visitorName, code: visit.badgeCode }));
        setIssues([]);
        setFormKey((key) => key + 1);
        void queryClient.invalidateQueries({ queryKey: trpc.visitors.pathKey() });
      },
      onError: showFailure,
    }),
  );
  const [today] = useState(() => todayIn(timeZone, Date.now()));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const date = String(data.get("date") ?? "");
    const [hours, minutes] = String(data.get("time") ?? "").split(":").map(Number);
    const at = date && hours !== undefined && minutes !== undefined && Number.isFinite(hours) && Number.isFinite(minutes) ? zonedInstant(date, hours * 60 + minutes, timeZone) : Number.NaN;
    const input = {
      officeId,
      ...visitorFieldsOf(data),
      email: String(data.get("email") ?? ""),
      expectedAt: Number.isFinite(at) ? new Date(at).toISOString() : "",
    };
    const parsed = visitPreRegisterSchema.safeParse(input);
    if (!parsed.success) return setIssues(toFieldIssues(parsed.error.issues, input));
    preRegister.mutate(input);
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("visitors.preRegister.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form key={formKey} noValidate onSubmit={submit} className="space-y-4" aria-label={t("visitors.preRegister.title")}>
          <VisitorFields issueFor={issueFor} />
          <Field label={t("visitors.field.email")} optional error={issueFor("email")}>
            {(control) => <Input {...control} name="email" type="email" autoComplete="off" />}
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field label={t("visitors.field.date")} error={issueFor("expectedAt")}>
              {(control) => <Input {...control} name="date" type="date" defaultValue={today} min={today} />}
            </Field>
            <Field label={t("visitors.field.time")}>{(control) => <Input {...control} name="time" type="time" defaultValue="10:00" />}</Field>
          </div>
          <Button type="submit" variant="secondary" loading={preRegister.isPending}>
            {t("visitors.preRegister.submit")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
