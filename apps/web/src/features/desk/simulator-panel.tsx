import { callSimulateSchema, toFieldIssues, type CallView, type Locale } from "@frontoffice/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, Card, CardContent, CardHeader, CardTitle, EmptyState, Field, Input, Select, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { LanguageOptions } from "../answers/language-options";
import { useCan } from "../shell/session-context";
import { useFormIssues } from "../visitors/visitor-form";
import { useDeskOffice } from "../visitors/visitors-page";
import { callerLabel, CallStatusBadge } from "./call-bits";
import { DeskHeader } from "./desk-header";
import { consoleLines } from "./live-state";
import { useLiveCalls } from "./use-live-calls";

/**
 * The call simulator (training, demos): rings a call into the office through the same path a
 * phone system's webhook takes, and hangs up as the caller.
 */
export function SimulatorPanel({ officeId, liveCalls }: { officeId: string; liveCalls: readonly CallView[] }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const { setIssues, issueFor, showFailure } = useFormIssues();
  const [language, setLanguage] = useState<Locale | "">("");
  const simulate = useMutation(
    trpc.calls.simulate.mutationOptions({
      onSuccess: (result, input) => {
        setIssues([]);
        toast(input.event === "ring" ? t("desk.simulator.rang", { line: result.call.line }) : t("desk.simulator.hungUp"));
      },
      onError: showFailure,
    }),
  );

  const ring = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const input = {
      event: "ring" as const,
      officeId,
      from: text("from"),
      ...(text("callerName") ? { callerName: text("callerName") } : {}),
      ...(text("extension") ? { extension: text("extension") } : {}),
      ...(text("ivrChoice") ? { ivrChoice: text("ivrChoice") } : {}),
      ...(language ? { language } : {}),
    };
    const parsed = callSimulateSchema.safeParse(input);
    if (!parsed.success) return setIssues(toFieldIssues(parsed.error.issues, input));
    simulate.mutate(input);
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("desk.simulator.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-sm text-slate-600">{t("desk.simulator.intro")}</p>
        <form noValidate onSubmit={ring} className="grid gap-3 sm:grid-cols-2" aria-label={t("desk.simulator.title")}>
          <Field label={t("desk.simulator.from")} hint={t("desk.simulator.fromHint")} error={issueFor("from")}>
            {(control) => <Input {...control} name="from" type="tel" autoComplete="off" />}
          </Field>
          <Field label={t("desk.simulator.callerName")} optional error={issueFor("callerName")}>
            {(control) => <Input {...control} name="callerName" autoComplete="off" />}
          </Field>
          <Field label={t("desk.simulator.extension")} optional error={issueFor("extension")}>
            {(control) => <Input {...control} name="extension" inputMode="numeric" autoComplete="off" />}
          </Field>
          <Field label={t("desk.simulator.ivrChoice")} optional error={issueFor("ivrChoice")}>
            {(control) => <Input {...control} name="ivrChoice" autoComplete="off" />}
          </Field>
          <Field label={t("desk.simulator.language")} optional>
            {(control) => (
              <Select {...control} value={language} onChange={(event) => setLanguage(event.target.value as Locale | "")}>
                <option value="">{t("desk.simulator.noLanguage")}</option>
                <LanguageOptions />
              </Select>
            )}
          </Field>
          <div className="flex items-end">
            <Button type="submit" loading={simulate.isPending && simulate.variables.event === "ring"}>
              {t("desk.simulator.ring")}
            </Button>
          </div>
        </form>
        {liveCalls.length > 0 ? (
          <div>
            <h3 className="mb-2 text-sm font-medium text-slate-900">{t("desk.simulator.hangUpTitle")}</h3>
            <ul className="divide-y divide-slate-100 text-sm">
              {liveCalls.map((call) => (
                <li key={call.id} className="flex items-center gap-2 py-1.5" data-testid="simulated-call">
                  <span className="w-6 font-mono text-slate-600">{call.line}</span>
                  <span className="flex-1 truncate">{callerLabel(t, call)}</span>
                  <CallStatusBadge status={call.status} />
                  <Button size="sm" variant="secondary" onClick={() => simulate.mutate({ event: "hang_up", callId: call.id })}>
                    {t("desk.simulator.hangUp")}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** `/desk/simulator`: the simulator on a page of its own (a trainer's screen beside the receptionist's console). */
export function SimulatorPage() {
  const { t } = useI18n();
  const [officeId, setOfficeId] = useDeskOffice();
  const canSimulate = useCan("calls.simulate");
  const { state, connection } = useLiveCalls(officeId);
  const liveCalls = consoleLines(state, 0).flatMap((row) => (row.call ? [row.call] : []));
  return (
    <div className="space-y-6">
      <DeskHeader title={t("desk.simulator.title")} officeId={officeId} onOfficeChange={setOfficeId} connection={connection} />
      {canSimulate && officeId ? <SimulatorPanel officeId={officeId} liveCalls={liveCalls} /> : <EmptyState title={t("errors.FORBIDDEN")} />}
    </div>
  );
}
