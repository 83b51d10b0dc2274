import type { Answer, AnswerData, Locale, Office, UnansweredQuestion } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Badge, Button, Card, CardContent, CardHeader, CardTitle, Dialog, DialogContent, EmptyState, ErrorState, Field, Select, Skeleton, Textarea, useToast } from "../../components/ui";
import { LOCALE_NAMES, useI18n } from "../../i18n";
import { LanguageOptions } from "./language-options";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useCan, useSession } from "../shell/session-context";
import { useOffices } from "../shell/use-offices";
import { AnswerForm, draftOf, type AnswerDraft } from "./answer-form";
import { AnswerSearchPanel } from "./answer-search-panel";

/**
 * The knowledge base at the desk: search in the office's language, open and copy an answer, log
 * a question that had none; managers answer the logged questions and keep the entries.
 */
export function AnswersPage() {
  const { t } = useI18n();
  const offices = useOffices();
  const { staff } = useSession();
  const canManage = useCan("answers.manage");
  // The session does not carry the staff member's offices: start with one that speaks their language.
  const [officeId, setOfficeId] = useState((offices.find((candidate) => candidate.locale === staff.locale) ?? offices[0])?.id ?? "");
  const office = offices.find((candidate) => candidate.id === officeId) ?? offices[0];
  const [openId, setOpenId] = useState<string | null>(null);
  const [logging, setLogging] = useState<{ question: string; language: Locale } | null>(null);
  const language = office?.locale ?? "en";

  return (
    <div className="space-y-6">
      <title>{`${t("answers.title")} · ${t("app.name")}`}</title>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold text-slate-900">{t("answers.title")}</h1>
          <p className="text-sm text-slate-700">{t("answers.intro")}</p>
        </div>
        <div className="flex items-end gap-2">
          {offices.length > 1 ? (
            <Field label={t("answers.office")} className="w-64">
              {(control) => (
                <Select {...control} value={office?.id ?? ""} onChange={(event) => setOfficeId(event.target.value)}>
                  {offices.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ) : null}
          <Button variant="secondary" onClick={() => setLogging({ question: "", language })}>
            {t("answers.log.open")}
          </Button>
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardContent className="pt-6">
            <AnswerSearchPanel
              key={office?.id}
              officeId={office?.id}
              defaultLanguage={language}
              onOpen={(hit) => setOpenId(hit.answer.id)}
              onLogQuestion={(question, chosen) => setLogging({ question, language: chosen })}
            />
          </CardContent>
        </Card>
        {openId ? <AnswerCard answerId={openId} offices={offices} canManage={canManage} onClosed={() => setOpenId(null)} /> : null}
      </div>
      {canManage && office ? <UnansweredCard offices={offices} office={office} /> : null}
      {canManage && office ? <EntriesCard offices={offices} office={office} onOpen={setOpenId} /> : null}
      <Dialog open={logging !== null} onOpenChange={(open) => (open ? null : setLogging(null))}>
        {logging ? (
          <DialogContent title={t("answers.log.title")} description={t("answers.log.intro")}>
            <LogQuestionForm officeId={office?.id} initial={logging} onDone={() => setLogging(null)} />
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}

function officeName(offices: readonly Office[], officeId: string | null, allOffices: string): string {
  return officeId ? (offices.find((office) => office.id === officeId)?.name ?? "—") : allOffices;
}

/** One answer, opened: its full text, copy, and for managers edit and archive. */
function AnswerCard({ answerId, offices, canManage, onClosed }: { answerId: string; offices: readonly Office[]; canManage: boolean; onClosed: () => void }) {
  const { t, formatDateTime } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const answer = useQuery(trpc.answers.get.queryOptions({ id: answerId }));
  const [editing, setEditing] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.answers.pathKey() });
  const update = useMutation(trpc.answers.update.mutationOptions({ onSuccess: refresh }));
  const archive = useMutation(trpc.answers.archive.mutationOptions({ onSuccess: refresh }));

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast(t("answers.copied"), "success");
    } catch {
      toast(t("answers.copyFailed"), "error");
    }
  };

  if (answer.isPending) return <Skeleton className="h-48 w-full" />;
  if (answer.isError) return <ErrorState title={t("answers.loadError")} message={errorMessage(t, answer.error)} onRetry={() => void answer.refetch()} retrying={answer.isFetching} />;
  const current: Answer = answer.data;
  return (
    <Card data-answer-open={current.id}>
      <CardHeader>
        <CardTitle>{current.question}</CardTitle>
        <Button variant="ghost" size="sm" onClick={onClosed}>
          {t("common.close")}
        </Button>
      </CardHeader>
      <CardContent className="space-y-3">
        {editing ? (
          <AnswerForm
            offices={offices}
            initial={draftOf(current)}
            submitLabel={t("common.save")}
            onCancel={() => setEditing(false)}
            onSubmit={async (data: AnswerData) => {
              await update.mutateAsync({ id: current.id, version: current.version, answer: data });
              toast(t("answers.saved"), "success");
              setEditing(false);
            }}
          />
        ) : (
          <>
            <p className="text-base whitespace-pre-line text-slate-900" data-testid="answer-body">
              {current.body}
            </p>
            <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <Badge>{t(`answers.category.${current.category}`)}</Badge>
              <Badge tone="info">{LOCALE_NAMES[current.language]}</Badge>
              <span>{officeName(offices, current.officeId, t("answers.allOffices"))}</span>
              {current.active ? null : <Badge tone="warning">{t("answers.archived")}</Badge>}
              <span>{t("answers.updated", { when: formatDateTime(current.updatedAt) })}</span>
            </div>
            {archive.isError ? <Alert tone="error">{errorMessage(t, archive.error)}</Alert> : null}
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => void copy(current.body)}>{t("answers.copy")}</Button>
              {canManage ? (
                <>
                  <Button variant="secondary" onClick={() => setEditing(true)}>
                    {t("common.edit")}
                  </Button>
                  {current.active ? (
                    <Button variant="secondary" loading={archive.isPending} onClick={() => archive.mutate({ id: current.id }, { onSuccess: () => toast(t("answers.archivedToast"), "success") })}>
                      {t("answers.archive")}
                    </Button>
                  ) : null}
                </>
              ) : null}
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}

/** Logs a caller's question that found no answer, for a manager to answer. */
function LogQuestionForm({ officeId, initial, onDone }: { officeId: string | undefined; initial: { question: string; language: Locale }; onDone: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [question, setQuestion] = useState(initial.question);
  const [language, setLanguage] = useState<Locale>(initial.language);
  const log = useMutation(
    trpc.answers.logUnanswered.mutationOptions({
      onSuccess: async () => {
        toast(t("answers.log.done"), "success");
        await queryClient.invalidateQueries({ queryKey: trpc.answers.unanswered.pathKey() });
        onDone();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    log.mutate({ question, language, officeId: officeId ?? null });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {log.isError ? <Alert tone="error">{errorMessage(t, log.error)}</Alert> : null}
      <Field label={t("answers.log.question")}>
        {(control) => <Textarea {...control} value={question} onChange={(event) => setQuestion(event.target.value)} rows={3} maxLength={500} />}
      </Field>
      <Field label={t("answers.form.language")} className="w-40">
        {(control) => (
          <Select {...control} value={language} onChange={(event) => setLanguage(event.target.value as Locale)}>
            <LanguageOptions />
          </Select>
        )}
      </Field>
      <div className="flex justify-end">
        <Button type="submit" loading={log.isPending} disabled={!question.trim()}>
          {t("answers.log.submit")}
        </Button>
      </div>
    </form>
  );
}

/** Managers: questions the desk logged, oldest first; write the answer or dismiss. */
function UnansweredCard({ offices, office }: { offices: readonly Office[]; office: Office }) {
  const { t, formatDateTime } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const questions = useQuery(trpc.answers.unanswered.queryOptions({ officeId: office.id }));
  const [answering, setAnswering] = useState<UnansweredQuestion | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.answers.pathKey() });
  const answer = useMutation(trpc.answers.answerQuestion.mutationOptions({ onSuccess: refresh }));
  const dismiss = useMutation(trpc.answers.dismissQuestion.mutationOptions({ onSuccess: refresh }));

  const initialFor = (question: UnansweredQuestion): AnswerDraft => ({ officeId: question.officeId ?? "", language: question.language, category: "other", question: question.question, body: "", tags: "" });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("answers.unanswered.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {dismiss.isError ? <Alert tone="error">{errorMessage(t, dismiss.error)}</Alert> : null}
        {questions.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : questions.isError ? (
          <ErrorState title={t("answers.unanswered.loadError")} message={errorMessage(t, questions.error)} onRetry={() => void questions.refetch()} retrying={questions.isFetching} />
        ) : questions.data.length === 0 ? (
          <EmptyState title={t("answers.unanswered.empty")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {questions.data.map((question) => (
              <li key={question.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-unanswered={question.id}>
                <div>
                  <p className="font-medium text-slate-900">{question.question}</p>
                  <p className="text-xs text-slate-600">
                    {t("answers.unanswered.askedBy", { name: question.askedBy.name, when: formatDateTime(question.askedAt) })} · {LOCALE_NAMES[question.language]}
                  </p>
                </div>
                <div className="flex gap-2">
                  <Button size="sm" onClick={() => setAnswering(question)}>
                    {t("answers.unanswered.write")}
                  </Button>
                  <Button size="sm" variant="secondary" loading={dismiss.isPending && dismiss.variables?.id === question.id} onClick={() => dismiss.mutate({ id: question.id })}>
                    {t("answers.unanswered.dismiss")}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      <Dialog open={answering !== null} onOpenChange={(open) => (open ? null : setAnswering(null))}>
        {answering ? (
          <DialogContent title={t("answers.unanswered.write")} description={answering.question}>
            <AnswerForm
              offices={offices}
              initial={initialFor(answering)}
              submitLabel={t("answers.unanswered.save")}
              onCancel={() => setAnswering(null)}
              onSubmit={async (data) => {
                await answer.mutateAsync({ id: answering.id, answer: data });
                toast(t("answers.saved"), "success");
                setAnswering(null);
              }}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </Card>
  );
}

/** Managers: every entry for the office (and all offices) in one language; open one, or write a new one. */
function EntriesCard({ offices, office, onOpen }: { offices: readonly Office[]; office: Office; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [language, setLanguage] = useState<Locale>(office.locale);
  const [creating, setCreating] = useState(false);
  const entries = useQuery(trpc.answers.list.queryOptions({ officeId: office.id, language, includeArchived: true }));
  const create = useMutation(trpc.answers.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.answers.pathKey() }) }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("answers.entries.title")}</CardTitle>
        <div className="flex items-end gap-2">
          <Field label={t("answers.form.language")} className="w-36">
            {(control) => (
              <Select {...control} value={language} onChange={(event) => setLanguage(event.target.value as Locale)}>
                <LanguageOptions />
              </Select>
            )}
          </Field>
          <Button onClick={() => setCreating(true)}>{t("answers.entries.new")}</Button>
        </div>
      </CardHeader>
      <CardContent>
        {entries.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : entries.isError ? (
          <ErrorState title={t("answers.loadError")} message={errorMessage(t, entries.error)} onRetry={() => void entries.refetch()} retrying={entries.isFetching} />
        ) : entries.data.length === 0 ? (
          <EmptyState title={t("answers.entries.empty")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {entries.data.map((entry) => (
              <li key={entry.id} className="flex items-center justify-between gap-2 py-2">
                <button type="button" className="text-left text-brand-700 underline-offset-2 hover:underline" onClick={() => onOpen(entry.id)}>
                  {entry.question}
                </button>
                <span className="flex shrink-0 gap-1">
                  <Badge>{t(`answers.category.${entry.category}`)}</Badge>
                  {entry.officeId ? null : <Badge tone="info">{t("answers.allOffices")}</Badge>}
                  {entry.active ? null : <Badge tone="warning">{t("answers.archived")}</Badge>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      <Dialog open={creating} onOpenChange={setCreating}>
        {creating ? (
          <DialogContent title={t("answers.entries.new")}>
            <AnswerForm
              offices={offices}
              initial={{ officeId: office.id, language, category: "other", question: "", body: "", tags: "" }}
              submitLabel={t("answers.entries.create")}
              onCancel={() => setCreating(false)}
              onSubmit={async (data) => {
                await create.mutateAsync(data);
                toast(t("answers.saved"), "success");
                setCreating(false);
              }}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </Card>
  );
}
