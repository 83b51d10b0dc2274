import type { FieldIssue } from "@frontoffice/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Field, Input, Select, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

/** The hosts to pick from: the organization's active staff. */
export function useHosts() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.staff.list.queryOptions({}), staleTime: 60_000 });
}

/**
 * A visitors form's field issues: from its own schema check or from the server (nested under
 * the procedure's input, e.g. `walkIn.visitorName`, so matched by the field's own name). A
 * failure without field issues is shown as a toast.
 */
export function useFormIssues() {
  const { t } = useI18n();
  const { toast } = useToast();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const issueFor = (field: string) => t.issue(issues.find((issue) => issue.path.at(-1) === field));
  const showFailure = (error: unknown) => {
    const fromServer = fieldIssuesOf(error);
    setIssues(fromServer);
    if (fromServer.length === 0) toast(errorMessage(t, error), "error");
  };
  return { setIssues, issueFor, showFailure };
}

/** Who the visitor is and whom they visit: the desk's walk-in and pre-registration forms share these. */
export function VisitorFields({ issueFor }: { issueFor: (field: string) => string | null }) {
  const { t } = useI18n();
  const hosts = useHosts();
  return (
    <>
      <Field label={t("visitors.field.name")} error={issueFor("visitorName")}>
        {(control) => <Input {...control} name="visitorName" autoComplete="off" />}
      </Field>
      <Field label={t("visitors.field.company")} optional error={issueFor("company")}>
        {(control) => <Input {...control} name="company" autoComplete="off" />}
      </Field>
      {/* An unpicked host is not an "invalid id" to the user: ask them to choose. */}
      <Field label={t("visitors.field.host")} error={issueFor("hostStaffId") ? t("visitors.field.hostPick") : null}>
        {(control) => (
          <Select {...control} name="hostStaffId" defaultValue="">
            <option value="" disabled>
              {t("visitors.field.hostPick")}
            </option>
            {(hosts.data ?? []).map((host) => (
              <option key={host.id} value={host.id}>
                {host.displayName}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </>
  );
}

/** The visitor fields of a submitted form, as the schemas take them. */
export function visitorFieldsOf(data: FormData) {
  return {
    visitorName: String(data.get("visitorName") ?? ""),
    company: String(data.get("company") ?? ""),
    hostStaffId: String(data.get("hostStaffId") ?? ""),
  };
}
