import { CALLER_PRIORITIES, LOCALES, type CallerPriorityValue, type FieldIssue, type Locale, type RoutingRuleCreateInput } from "@frontoffice/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { Alert, Badge, Button, Card, CardContent, CardHeader, CardTitle, ConfirmDialog, EmptyState, Field, Input, Select, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorCodeOf, fieldIssuesOf } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { CheckboxGroup } from "./checkbox-group";
import { routingRefusalMessage } from "./routing-problems";
import {
  checkRuleDraft,
  emptyRuleDraft,
  languageName,
  moveRule,
  placeRuleIssues,
  RULE_ACTION_KINDS,
  ruleDraftOf,
  ruleSentence,
  type RoutingNames,
  type RuleActionKind,
  type RuleDraft,
  type RuleField,
} from "./rule-model";
import { useRefreshSetup, type CallRoutingSetupView } from "./setup";

type Rule = CallRoutingSetupView["rules"][number];

/** The office's routing rules in order (first match wins): add, edit, remove, move up and down. */
export function RulesCard({ setup, names }: { setup: CallRoutingSetupView; names: RoutingNames }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const refresh = useRefreshSetup(setup.office.id);
  const create = useMutation(trpc.callRouting.rules.create.mutationOptions());
  const update = useMutation(trpc.callRouting.rules.update.mutationOptions());
  const remove = useMutation(trpc.callRouting.rules.remove.mutationOptions());
  const reorder = useMutation(trpc.callRouting.rules.reorder.mutationOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Rule | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const ids = setup.rules.map((rule) => rule.id);

  const move = async (index: number, delta: -1 | 1) => {
    setListError(null);
    try {
      await reorder.mutateAsync({ officeId: setup.office.id, ruleIds: moveRule(ids, index, delta) });
      await refresh();
    } catch (error) {
      setListError(routingRefusalMessage(t, error, names));
      if (errorCodeOf(error) === "ROUTING_RULE_VERSION_CONFLICT") await refresh();
    }
  };
  const saveNew = async (input: RoutingRuleCreateInput) => {
    await create.mutateAsync(input);
    await refresh();
    setAdding(false);
    toast(t("callSettings.rules.added", { name: input.name }), "success");
  };
  const saveEdit = (rule: Rule) => async (input: RoutingRuleCreateInput) => {
    await update.mutateAsync({ id: rule.id, version: rule.version, name: input.name, match: input.match, action: input.action, active: input.active });
    await refresh();
    setEditing(null);
    toast(t("callSettings.rules.saved", { name: input.name }), "success");
  };

  return (
    <Card aria-labelledby="call-rules-title">
      <CardHeader>
        <CardTitle id="call-rules-title">{t("callSettings.rules.title")}</CardTitle>
        {!adding ? (
          <Button size="sm" onClick={() => setAdding(true)}>
            {t("callSettings.rules.add")}
          </Button>
        ) : null}
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-sm text-slate-700">{t("callSettings.rules.intro")}</p>
        {listError ? <Alert tone="error">{listError}</Alert> : null}
        {adding ? <RuleForm officeId={setup.office.id} setup={setup} names={names} title={t("callSettings.rules.newTitle")} onSave={saveNew} onCancel={() => setAdding(false)} /> : null}
        {setup.rules.length === 0 && !adding ? <EmptyState title={t("callSettings.rules.empty")}>{t("callSettings.rules.emptyHint")}</EmptyState> : null}
        <ol className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label={t("callSettings.rules.listLabel")}>
          {setup.rules.map((rule, index) => (
            <li key={rule.id} className="space-y-2 p-3">
              {editing === rule.id ? (
                <RuleForm officeId={setup.office.id} setup={setup} names={names} rule={rule} title={t("callSettings.rules.editTitle", { name: rule.name })} onSave={saveEdit(rule)} onCancel={() => setEditing(null)} />
              ) : (
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div>
                    <p className="flex items-center gap-2 font-medium text-slate-900">
                      <span className="text-slate-500">{index + 1}.</span> {rule.name}
                      {!rule.active ? <Badge>{t("callSettings.rules.inactive")}</Badge> : null}
                    </p>
                    <p className="text-sm text-slate-700">{ruleSentence(t, rule, names)}</p>
                  </div>
                  <div className="flex gap-1">
                    <Button variant="ghost" size="sm" disabled={index === 0 || reorder.isPending} aria-label={t("callSettings.rules.moveUp", { name: rule.name })} onClick={() => void move(index, -1)}>
                      ↑
                    </Button>
                    <Button variant="ghost" size="sm" disabled={index === setup.rules.length - 1 || reorder.isPending} aria-label={t("callSettings.rules.moveDown", { name: rule.name })} onClick={() => void move(index, 1)}>
                      ↓
                    </Button>
                    <Button variant="secondary" size="sm" aria-label={t("callSettings.rules.edit", { name: rule.name })} onClick={() => setEditing(rule.id)}>
                      {t("common.edit")}
                    </Button>
                    <Button variant="ghost" size="sm" aria-label={t("callSettings.rules.remove", { name: rule.name })} onClick={() => setRemoving(rule)}>
                      {t("common.remove")}
                    </Button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ol>
      </CardContent>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => (!open ? setRemoving(null) : undefined)}
        title={t("callSettings.rules.removeTitle", { name: removing?.name ?? "" })}
        description={removing ? ruleSentence(t, removing, names) : undefined}
        confirmLabel={t("common.remove")}
        tone="danger"
        error={remove.isError ? routingRefusalMessage(t, remove.error, names) : undefined}
        onConfirm={async () => {
          if (!removing) return;
          await remove.mutateAsync({ id: removing.id, version: removing.version });
          await refresh();
        }}
      />
    </Card>
  );
}

/** Adds or edits one rule; shows the rule as a sentence while it is typed (exported for tests). */
export function RuleForm({
  officeId,
  setup,
  names,
  rule,
  title,
  onSave,
  onCancel,
}: {
  officeId: string;
  setup: Pick<CallRoutingSetupView, "departments" | "staff">;
  names: RoutingNames;
  rule?: Rule;
  title: ReactNode;
  onSave: (input: RoutingRuleCreateInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? ruleDraftOf(rule) : emptyRuleDraft()));
  const [issues, setIssues] = useState<Partial<Record<RuleField, FieldIssue>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<RuleDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const checked = checkRuleDraft(officeId, draft);
  const preview = "input" in checked ? ruleSentence(t, { match: withoutUndefined(checked.input.match), action: checked.input.action as Rule["action"] }, names) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if ("issues" in checked) {
      setIssues(checked.issues);
      return;
    }
    setIssues({});
    setBusy(true);
    try {
      await onSave(checked.input);
    } catch (error) {
      const placed = placeRuleIssues(fieldIssuesOf(error));
      if (errorCodeOf(error) === "VALIDATION_FAILED" && Object.keys(placed).length) setIssues(placed);
      else setFormError(routingRefusalMessage(t, error, names));
    } finally {
      setBusy(false);
    }
  };

  const departmentOptions = setup.departments.map((department) => (
    <option key={department.id} value={department.id}>
      {department.name}
    </option>
  ));
  const staffOptions = setup.staff.map((member) => (
    <option key={member.id} value={member.id}>
      {member.displayName}
    </option>
  ));

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={typeof title === "string" ? title : undefined} className="space-y-4 rounded-md bg-slate-50 p-4">
      <h3 className="font-medium text-slate-900">{title}</h3>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field label={t("callSettings.rules.name")} className="max-w-md" error={t.issue(issues.name)}>
        {(control) => <Input {...control} value={draft.name} onChange={(event) => change({ name: event.target.value })} />}
      </Field>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t("callSettings.rules.when")}</legend>
        <p className="text-xs text-slate-600">{t("callSettings.rules.whenHint")}</p>
        <CheckboxGroup<Locale> legend={t("callSettings.rules.languages")} values={LOCALES} chosen={draft.languages} label={(code) => languageName(locale, code)} onChange={(languages) => change({ languages })} error={t.issue(issues.languages)} />
        <div className="flex flex-wrap gap-4">
          <Field label={t("callSettings.rules.ivrChoices")} hint={t("callSettings.rules.listHint")} optional className="w-56" error={t.issue(issues.ivrChoices)}>
            {(control) => <Input {...control} autoComplete="off" value={draft.ivrChoices} onChange={(event) => change({ ivrChoices: event.target.value })} />}
          </Field>
          <Field label={t("callSettings.rules.dialled")} hint={t("callSettings.rules.listHint")} optional className="w-64" error={t.issue(issues.dialled)}>
            {(control) => <Input {...control} autoComplete="off" value={draft.dialled} onChange={(event) => change({ dialled: event.target.value })} />}
          </Field>
        </div>
        <CheckboxGroup
          legend={t("callSettings.rules.forDepartments")}
          values={setup.departments.map((department) => department.id)}
          chosen={draft.departmentIds}
          label={(id) => names.departments[id] ?? id}
          onChange={(departmentIds) => change({ departmentIds })}
          error={t.issue(issues.departmentIds)}
        />
        <CheckboxGroup<CallerPriorityValue> legend={t("callSettings.rules.callers")} values={CALLER_PRIORITIES} chosen={draft.priorities} label={(priority) => t(`callSettings.priority.${priority}`)} onChange={(priorities) => change({ priorities })} />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t("callSettings.rules.then")}</legend>
        <div className="flex flex-wrap items-start gap-4">
          <Field label={t("callSettings.rules.action")} className="w-56">
            {(control) => (
              <Select {...control} value={draft.actionKind} onChange={(event) => change({ actionKind: event.target.value as RuleActionKind })}>
                {RULE_ACTION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`callSettings.action.${kind}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {draft.actionKind === "department" || draft.actionKind === "voicemail" ? (
            <Field label={t("callSettings.rules.targetDepartment")} optional={draft.actionKind === "voicemail"} className="w-64" error={t.issue(issues.targetDepartmentId)}>
              {(control) => (
                <Select {...control} value={draft.targetDepartmentId} onChange={(event) => change({ targetDepartmentId: event.target.value })}>
                  <option value="">{t("callSettings.rules.choose")}</option>
                  {departmentOptions}
                </Select>
              )}
            </Field>
          ) : null}
          {draft.actionKind === "staff" || draft.actionKind === "voicemail" ? (
            <Field label={t("callSettings.rules.targetStaff")} optional={draft.actionKind === "voicemail"} className="w-64" error={t.issue(issues.targetStaffId)}>
              {(control) => (
                <Select {...control} value={draft.targetStaffId} onChange={(event) => change({ targetStaffId: event.target.value })}>
                  <option value="">{t("callSettings.rules.choose")}</option>
                  {staffOptions}
                </Select>
              )}
            </Field>
          ) : null}
          {draft.actionKind === "department" ? (
            <Field label={t("callSettings.rules.requiredSkills")} hint={t("callSettings.rules.listHint")} optional className="w-64" error={t.issue(issues.requiredSkills)}>
              {(control) => <Input {...control} autoComplete="off" value={draft.requiredSkills} onChange={(event) => change({ requiredSkills: event.target.value })} />}
            </Field>
          ) : null}
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={draft.active} onChange={(event) => change({ active: event.target.checked })} />
        {t("callSettings.rules.active")}
      </label>
      {preview ? (
        <p className="text-sm text-slate-700" aria-live="polite">
          <span className="font-medium">{t("callSettings.rules.preview")}</span> {preview}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" loading={busy}>
          {t("callSettings.rules.save")}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}

/** A rule's match as the schema outputs it: conditions left out rather than undefined. */
function withoutUndefined(match: RoutingRuleCreateInput["match"]): Rule["match"] {
  return Object.fromEntries(Object.entries(match).filter(([, value]) => Array.isArray(value) && value.length > 0)) as Rule["match"];
}
