import { ANSWER_CATEGORIES, answerInputSchema, toFieldIssues, type AnswerCategory, type AnswerData, type FieldIssue, type Locale, type Office } from "@frontoffice/domain";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field, Input, Select, Textarea } from "../../components/ui";
import { useI18n } from "../../i18n";
import { LanguageOptions } from "./language-options";
import { errorMessage, fieldIssuesOf } from "../../lib/errors";

/** What the answer form edits: the entry's fields, tags as typed (comma separated). */
export interface AnswerDraft {
  officeId: string;
  language: Locale;
  category: AnswerCategory;
  question: string;
  body: string;
  tags: string;
}

const FIELDS = ["officeId", "language", "category", "question", "body", "tags"] as const;
type Issues = Partial<Record<(typeof FIELDS)[number], FieldIssue>>;

export function draftOf(answer: { officeId: string | null; language: Locale; category: AnswerCategory; question: string; body: string; tags: readonly string[] }): AnswerDraft {
  return { officeId: answer.officeId ?? "", language: answer.language, category: answer.category, question: answer.question, body: answer.body, tags: answer.tags.join(", ") };
}

/** The entry a draft stands for, or the issues per field (schema keys, as the server would say). */
export function answerFromDraft(draft: AnswerDraft): { ok: true; answer: AnswerData } | { ok: false; issues: Issues } {
  const input = {
    officeId: draft.officeId || null,
    language: draft.language,
    category: draft.category,
    question: draft.question,
    body: draft.body,
    tags: draft.tags.split(",").map((tag) => tag.trim()).filter(Boolean),
  };
  const parsed = answerInputSchema.safeParse(input);
  return parsed.success ? { ok: true, answer: parsed.data } : { ok: false, issues: issuesByField(toFieldIssues(parsed.error.issues, input)) };
}

function issuesByField(issues: readonly FieldIssue[]): Issues {
  const byField: Issues = {};
  for (const issue of issues) {
    const field = FIELDS.find((name) => name === issue.path[0]);
    if (field) byField[field] ??= issue;
  }
  return byField;
}

/** Writes or edits a knowledge-base entry; `onSubmit` saves it (its failure is shown here). */
export function AnswerForm({
  offices,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  offices: readonly Office[];
  initial: AnswerDraft;
  submitLabel: string;
  onSubmit: (answer: AnswerData) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState<Issues>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: keyof AnswerDraft) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = answerFromDraft(draft);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues({});
    setSaving(true);
    try {
      await onSubmit(checked.answer);
    } catch (error) {
      const fromServer = issuesByField(fieldIssuesOf(error));
      if (Object.keys(fromServer).length > 0) setIssues(fromServer);
      else setFailure(errorMessage(t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-3" aria-label={submitLabel}>
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      <Field label={t("answers.form.question")} error={t.issue(issues.question)}>
        {(control) => <Input {...control} value={draft.question} onChange={set("question")} maxLength={300} />}
      </Field>
      <Field label={t("answers.form.body")} error={t.issue(issues.body)}>
        {(control) => <Textarea {...control} value={draft.body} onChange={set("body")} rows={5} maxLength={5000} />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("answers.form.office")} error={t.issue(issues.officeId)}>
          {(control) => (
            <Select {...control} value={draft.officeId} onChange={set("officeId")}>
              <option value="">{t("answers.allOffices")}</option>
              {offices.map((office) => (
                <option key={office.id} value={office.id}>
                  {office.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t("answers.form.language")} error={t.issue(issues.language)}>
          {(control) => (
            <Select {...control} value={draft.language} onChange={set("language")}>
              <LanguageOptions />
            </Select>
          )}
        </Field>
        <Field label={t("answers.form.category")} error={t.issue(issues.category)}>
          {(control) => (
            <Select {...control} value={draft.category} onChange={set("category")}>
              {ANSWER_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`answers.category.${category}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field label={t("answers.form.tags")} hint={t("answers.form.tagsHint")} optional error={t.issue(issues.tags)}>
        {(control) => <Input {...control} value={draft.tags} onChange={set("tags")} />}
      </Field>
      <div className="flex justify-end gap-2">
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        ) : null}
        <Button type="submit" loading={saving}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
