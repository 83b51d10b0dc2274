import type { FieldIssue } from "@frontoffice/domain";
import { useEffect, type ReactNode, type RefObject } from "react";
import { useT } from "../i18n";
import { Alert } from "./ui";

/**
 * The top of a form that failed: how many fields need attention, a message for the whole form,
 * and the problems no field shows. Renders nothing while there is nothing to say.
 */
export function FormErrorSummary({ count, formError, general }: { count: number; formError?: ReactNode; general: readonly FieldIssue[] }) {
  const t = useT();
  if (!count && !formError) return null;
  return (
    <div data-summary tabIndex={-1} className="focus:outline-none">
      <Alert tone="error" title={count ? t("form.fixErrors", { count }) : undefined}>
        {formError}
        {general.length ? (
          <ul className="mt-1 list-disc pl-5">
            {general.map((issue, index) => (
              <li key={index}>{t.issue(issue)}</li>
            ))}
          </ul>
        ) : null}
      </Alert>
    </div>
  );
}

/** After each failed attempt (`attempt` counts them), moves focus to the first invalid field, else the summary. */
export function useFocusFirstProblem(formRef: RefObject<HTMLFormElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt) formRef.current?.querySelector<HTMLElement>("[aria-invalid='true'], [data-summary]")?.focus();
  }, [formRef, attempt]);
}
