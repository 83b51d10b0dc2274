import { LOCALES, staffPhoneSchema, toFieldIssues, type FieldIssue, type Locale, type StaffPhoneInput } from "@frontoffice/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Badge, Button, Card, CardHeader, CardTitle, EmptyState, Field, Input, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorCodeOf } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { CheckboxGroup } from "./checkbox-group";
import { routingRefusalMessage } from "./routing-problems";
import { languageName } from "./rule-model";
import { useRefreshSetup, type CallRoutingSetupView } from "./setup";

type Member = CallRoutingSetupView["staff"][number];
type PhoneField = "extension" | "languages" | "skills";

/** Who answers on which extension, which languages they speak, which skills rules can ask for. */
export function StaffPhonesCard({ setup }: { setup: CallRoutingSetupView }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const refresh = useRefreshSetup(setup.office.id);
  const update = useMutation(trpc.callRouting.updateStaffPhone.mutationOptions());
  const save = async (member: Member, input: StaffPhoneInput) => {
    await update.mutateAsync(input);
    await refresh();
    toast(t("callSettings.staff.saved", { name: member.displayName }), "success");
  };
  return (
    <Card aria-labelledby="call-staff-title">
      <CardHeader>
        <CardTitle id="call-staff-title">{t("callSettings.staff.title")}</CardTitle>
      </CardHeader>
      {setup.staff.length === 0 ? (
        <EmptyState title={t("callSettings.staff.empty")} />
      ) : (
        <ul className="divide-y divide-slate-100">
          {setup.staff.map((member) => (
            <li key={member.id} className="px-4 py-4 sm:px-6">
              <StaffPhoneForm key={`${member.extension}:${member.languages.join()}:${member.skills.join()}`} member={member} onSave={(input) => save(member, input)} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** One staff member's phone settings (exported for component tests). */
export function StaffPhoneForm({ member, onSave }: { member: Member; onSave: (input: StaffPhoneInput) => Promise<void> }) {
  const { t, locale } = useI18n();
  const [extension, setExtension] = useState(member.extension ?? "");
  const [languages, setLanguages] = useState<Locale[]>(member.languages);
  const [skills, setSkills] = useState(member.skills.join(", "));
  const [issues, setIssues] = useState<Partial<Record<PhoneField, FieldIssue>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const place = (found: readonly FieldIssue[]) => {
    const placed: Partial<Record<PhoneField, FieldIssue>> = {};
    for (const issue of found) {
      const field = issue.path[0];
      if (field === "extension" || field === "languages" || field === "skills") placed[field] ??= issue;
    }
    return placed;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const input: StaffPhoneInput = {
      staffId: member.id,
      extension: extension.trim() === "" ? null : extension.trim(),
      languages: LOCALES.filter((code) => languages.includes(code)),
      skills: skills.split(/[\s,;]+/).filter(Boolean),
    };
    const parsed = staffPhoneSchema.safeParse(input);
    if (!parsed.success) {
      setIssues(place(toFieldIssues(parsed.error.issues, input)));
      return;
    }
    setIssues({});
    setBusy(true);
    try {
      await onSave(input);
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === "EXTENSION_TAKEN" || code === "ROUTING_DUPLICATE_EXTENSION") setIssues({ extension: { path: ["extension"], key: "callSettings.staff.extensionTaken" } });
      else setFormError(routingRefusalMessage(t, error, { departments: {}, staff: {} }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("callSettings.staff.formLabel", { name: member.displayName })} className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-medium text-slate-900">{member.displayName}</h3>
        <Badge tone={member.presence === "available" ? "success" : "neutral"}>{t(`callSettings.presence.${member.presence}`)}</Badge>
      </div>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="flex flex-wrap items-start gap-4">
        <Field label={t("callSettings.staff.extension")} optional className="w-40" error={t.issue(issues.extension)}>
          {(control) => <Input {...control} aria-label={t("callSettings.staff.extensionOf", { name: member.displayName })} inputMode="numeric" autoComplete="off" value={extension} onChange={(event) => setExtension(event.target.value)} />}
        </Field>
        <CheckboxGroup<Locale>
          legend={t("callSettings.staff.languages")}
          values={LOCALES}
          chosen={languages}
          label={(code) => languageName(locale, code)}
          ariaLabel={(code) => t("callSettings.staff.speaks", { name: member.displayName, language: languageName(locale, code) })}
          onChange={setLanguages}
          error={t.issue(issues.languages)}
        />
        <Field label={t("callSettings.staff.skills")} hint={t("callSettings.staff.skillsHint")} optional className="min-w-56 flex-1" error={t.issue(issues.skills)}>
          {(control) => <Input {...control} aria-label={t("callSettings.staff.skillsOf", { name: member.displayName })} autoComplete="off" value={skills} onChange={(event) => setSkills(event.target.value)} />}
        </Field>
      </div>
      <Button type="submit" size="sm" loading={busy} aria-label={t("callSettings.staff.saveFor", { name: member.displayName })}>
        {t("common.save")}
      </Button>
    </form>
  );
}
