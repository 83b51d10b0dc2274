import type { AnswerHit, CallView, Office } from "@frontoffice/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useMemo, useState, type ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "../../components/ui";
import { useI18n, type MessageKey } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { AnswerSearchPanel } from "../answers/answer-search-panel";
import { explainStep, RoutingExplanation } from "../call-settings/routing-explanation";
import type { RoutingNames } from "../call-settings/rule-model";
import { useCan, useSession } from "../shell/session-context";
import { useOffices } from "../shell/use-offices";
import { useDeskOffice } from "../visitors/visitors-page";
import { useCallActions, type DeskDialog } from "./call-actions";
import type { DeskPerson } from "./call-dialogs";
import { CallLinesView, DecisionSummary } from "./call-lines";
import { CallPanel } from "./call-panel";
import { DeskHeader } from "./desk-header";
import { consoleLines, moveSelection, nextSelection } from "./live-state";
import { PresenceCard } from "./presence-card";
import { deskActionFor, DESK_SHORTCUTS } from "./shortcuts";
import { SimulatorPanel } from "./simulator-panel";
import { useLiveCalls, useNow } from "./use-live-calls";
import { VisitorsPanel } from "./visitors-panel";

/** Lines an office's console shows until its routing setup has loaded (the database's default). */
const DEFAULT_CALL_LINES = 4;
const NO_RULES: readonly { id: string; name: string }[] = [];

/**
 * How a call's routing decision reads: on a line, its action and the step that decided it; in
 * the call panel, every step (the call settings' translated explanation).
 */
function useExplainCall(office: Office | undefined, people: readonly DeskPerson[], rules: readonly { id: string; name: string }[]) {
  const { t, formatDateTime, formatList } = useI18n();
  const names = useMemo<RoutingNames>(
    () => ({
      departments: Object.fromEntries((office?.departments ?? []).map((department) => [department.id, department.name])),
      staff: Object.fromEntries(people.map((person) => [person.id, person.displayName])),
      rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.name])),
    }),
    [office, people, rules],
  );
  const line = (call: CallView): ReactNode => {
    const last = call.decision?.explanation.at(-1);
    if (!call.decision) return null;
    return (
      <>
        <DecisionSummary action={call.decision.action} />
        {last ? <span className="block">{explainStep(t, last, names, { dateTime: (iso) => formatDateTime(iso, office?.timeZone), list: formatList })}</span> : null}
      </>
    );
  };
  const full = (call: CallView): ReactNode =>
    call.decision ? (
      <>
        <DecisionSummary action={call.decision.action} />
        <RoutingExplanation steps={call.decision.explanation} names={names} timeZone={office?.timeZone} className="mt-1 text-xs" />
      </>
    ) : null;
  return { line, full };
}

/** The office's people a call or a message can go to, with their presence. */
function usePeople(officeId: string | undefined): DeskPerson[] {
  const trpc = useTRPC();
  const team = useQuery({ ...trpc.calls.presence.list.queryOptions({ officeId: officeId ?? "" }), enabled: officeId !== undefined, staleTime: 15_000 });
  return useMemo(() => (team.data ?? []).map((person) => ({ id: person.staffId, displayName: person.displayName, status: person.status })), [team.data]);
}

/**
 * The reception console: the office's lines live, the selected call with the caller's record and
 * the actions (by mouse or keyboard), my presence and the team's, answers and visitors beside.
 */
export function DeskPage() {
  const { t } = useI18n();
  const session = useSession();
  const offices = useOffices();
  const [officeId, setOfficeId] = useDeskOffice();
  const office = offices.find((candidate) => candidate.id === officeId);
  const canHandle = useCan("calls.handle");
  const canSimulate = useCan("calls.simulate");
  const { state, connection } = useLiveCalls(officeId);
  const now = useNow();
  const trpc = useTRPC();
  // The office's lines and who works in which department (for "Accept" on a transfer to mine).
  const setup = useQuery({ ...trpc.callRouting.setup.queryOptions({ officeId: officeId ?? "" }), enabled: officeId !== undefined, staleTime: 60_000 });
  const lineCount = setup.data?.office.callLines ?? DEFAULT_CALL_LINES;
  const lines = useMemo(() => consoleLines(state, lineCount), [state, lineCount]);
  const [chosen, setChosen] = useState<string | null>(null);
  const selectedId = nextSelection(lines, chosen);
  const selected = selectedId ? (state.calls.get(selectedId) ?? null) : null;
  const [dialog, setDialog] = useState<DeskDialog | null>(null);
  const [openAnswer, setOpenAnswer] = useState<AnswerHit | null>(null);
  const people = usePeople(officeId);
  const actions = useCallActions();
  const explain = useExplainCall(office, people, setup.data?.rules ?? NO_RULES);
  const myStaffId = session.staff.id;
  const myDepartments = useMemo(() => setup.data?.staff.find((member) => member.id === myStaffId)?.departmentIds ?? [], [setup.data, myStaffId]);

  const perform = (action: Parameters<typeof actions.run>[0]) => {
    if (!canHandle) return;
    const next = actions.run(action, selected, { staffId: myStaffId, departmentIds: myDepartments });
    if (next) setDialog(next);
  };

  // The keyboard: one listener for the page's life, reading the current render's state.
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (dialog !== null) return;
    const action = deskActionFor(event);
    if (!action) return;
    event.preventDefault();
    if (action.kind === "select") {
      const row = lines.find((line) => line.line === action.line);
      if (row?.call) setChosen(row.call.id);
    } else if (action.kind === "move") {
      setChosen(moveSelection(lines, selectedId, action.step));
    } else {
      perform(action.kind);
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  const liveCalls = lines.flatMap((row) => (row.call ? [row.call] : []));
  return (
    <div className="space-y-6">
      <DeskHeader title={t("desk.title")} officeId={officeId} onOfficeChange={setOfficeId} connection={connection} />

      {officeId && office ? (
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
            <Card>
              <CardHeader>
                <CardTitle>{t("desk.lines.title")}</CardTitle>
              </CardHeader>
              <CardContent>
                <CallLinesView lines={lines} since={state.since} now={now} selectedId={selectedId} onSelect={setChosen} explain={explain.line} />
              </CardContent>
            </Card>
            <CallPanel
              call={selected}
              officeId={officeId}
              timeZone={office.timeZone}
              me={{ staffId: myStaffId, departmentIds: myDepartments }}
              now={now}
              departments={office.departments}
              people={people}
              dialog={dialog}
              onDialog={setDialog}
              onAction={perform}
              busy={actions.busy || !canHandle}
              explain={explain.full}
            />
            <ShortcutsCard />
            {canSimulate ? <SimulatorPanel officeId={officeId} liveCalls={liveCalls} /> : null}
          </div>
          <div className="space-y-6">
            <PresenceCard officeId={officeId} canHandle={canHandle} />
            <Card>
              <CardHeader>
                <CardTitle>{t("desk.answers.title")}</CardTitle>
              </CardHeader>
              <CardContent className="space-y-3">
                {/* Keyed by office: another office starts the search over, in its own language. */}
                <AnswerSearchPanel key={officeId} officeId={officeId} defaultLanguage={selected?.language ?? office.locale} onOpen={setOpenAnswer} compact />
                {openAnswer ? (
                  <article className="rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200" aria-label={openAnswer.answer.question}>
                    <h3 className="font-medium text-slate-900">{openAnswer.answer.question}</h3>
                    <p className="mt-1 whitespace-pre-line text-slate-700">{openAnswer.answer.body}</p>
                    <button type="button" className="mt-2 text-xs text-brand-700 underline" onClick={() => setOpenAnswer(null)}>
                      {t("common.close")}
                    </button>
                  </article>
                ) : null}
              </CardContent>
            </Card>
            <VisitorsPanel officeId={officeId} />
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** The keys, on screen. */
function ShortcutsCard() {
  const { t } = useI18n();
  const keys: [string, MessageKey][] = [
    ["1–9", "desk.shortcuts.line"],
    ["↑ ↓", "desk.shortcuts.move"],
    ...DESK_SHORTCUTS.map(({ key, action }): [string, MessageKey] => [key, `desk.shortcuts.${action}`]),
    ["/", "desk.shortcuts.search"],
  ];
  return (
    <section aria-labelledby="desk-shortcuts" className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <h2 id="desk-shortcuts" className="mb-2 text-sm font-medium text-slate-900">
        {t("desk.shortcuts.title")}
      </h2>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
        {keys.map(([key, label]) => (
          <div key={key} className="flex items-center gap-2">
            <dt>
              <kbd className="rounded bg-white px-1.5 py-0.5 font-mono text-xs ring-1 ring-slate-300">{key}</kbd>
            </dt>
            <dd className="text-slate-700">{t(label)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
