import { MIN_PASSWORD_LENGTH, staffResetPasswordSchema, toFieldIssues } from "@frontoffice/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button, Dialog, DialogClose, DialogContent, DialogFooter, Field, useToast } from "../../components/ui";
import { useT } from "../../i18n";
import { errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { TemporaryPasswordInput } from "./temporary-password-input";

/**
 * Gives a staff member a new temporary password. The server ends every session they had, so
 * whoever is signed in as them is signed out at once.
 */
export function ResetPasswordDialog({ staff, onOpenChange }: { staff: { id: string; displayName: string } | null; onOpenChange: (open: boolean) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const { toast } = useToast();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const reset = useMutation(trpc.staff.resetPassword.mutationOptions());

  const close = () => {
    setPassword("");
    setError(null);
    setFormError(null);
    onOpenChange(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!staff || reset.isPending) return;
    setFormError(null);
    const parsed = staffResetPasswordSchema.safeParse({ id: staff.id, temporaryPassword: password });
    const issue = parsed.success ? undefined : toFieldIssues(parsed.error.issues)[0];
    if (issue) {
      setError(t.issue(issue));
      return;
    }
    try {
      await reset.mutateAsync({ id: staff.id, temporaryPassword: password });
      toast(t("staff.resetPassword.done", { name: staff.displayName }));
      close();
    } catch (failure) {
      const [serverIssue] = fieldIssuesOf(failure);
      if (serverIssue) setError(t.dynamic(serverIssue.key, serverIssue.params, "validation.invalid"));
      else setFormError(errorMessage(t, failure));
    }
  };

  return (
    <Dialog open={staff !== null} onOpenChange={(open) => (reset.isPending ? undefined : open ? onOpenChange(true) : close())}>
      <DialogContent title={t("staff.resetPassword.title", { name: staff?.displayName ?? "" })} description={t("staff.resetPassword.description")}>
        <form className="space-y-4" onSubmit={(event) => void submit(event)} noValidate>
          {formError ? <Alert tone="error">{formError}</Alert> : null}
          <Field label={t("staff.temporaryPassword")} hint={t("staff.temporaryPassword.hint", { min: MIN_PASSWORD_LENGTH })} error={error}>
            {(control) => (
              <TemporaryPasswordInput
                control={control}
                value={password}
                onChange={(value) => {
                  setPassword(value);
                  setError(null);
                }}
              />
            )}
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={reset.isPending}>
                {t("common.cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" loading={reset.isPending}>
              {t("staff.resetPassword.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
