import { MIN_PASSWORD_LENGTH } from "@frontoffice/domain";
import { useState, type FormEvent } from "react";
import { Alert, Button, DialogClose, Dialog, DialogContent, DialogFooter, Field, useToast } from "../../components/ui";
import { useT, type MessageKey } from "../../i18n";
import { authClient } from "../../lib/auth-client";
import { PasswordInput } from "./password-input";

interface Errors {
  current?: MessageKey;
  next?: MessageKey;
  repeat?: MessageKey;
  form?: MessageKey;
}

/** Changes the password and signs out the other devices (better-auth `revokeOtherSessions`). */
export function ChangePasswordDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useT();
  const { toast } = useToast();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setCurrent("");
    setNext("");
    setRepeat("");
    setErrors({});
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!current) found.current = "validation.required";
    if (next.length < MIN_PASSWORD_LENGTH) found.next = "validation.password_too_short";
    if (next !== repeat) found.repeat = "auth.changePassword.mismatch";
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const result = await authClient.changePassword({ currentPassword: current, newPassword: next, revokeOtherSessions: true });
      if (result.error) {
        const { status, code } = result.error;
        if (status === 429) setErrors({ form: "errors.RATE_LIMITED" });
        else if (code === "INVALID_PASSWORD" || status === 401 || status === 400) setErrors({ current: "auth.changePassword.wrongCurrent" });
        else setErrors({ form: "auth.changePassword.failed" });
        return;
      }
      toast(t("auth.changePassword.done"));
      reset();
      onOpenChange(false);
    } catch {
      setErrors({ form: "auth.changePassword.failed" });
    } finally {
      setBusy(false);
    }
  };

  const message = (key: MessageKey | undefined) => (key ? t(key, { min: MIN_PASSWORD_LENGTH }) : null);

  return (
    <Dialog
      open={open}
      onOpenChange={(value) => {
        if (busy) return;
        if (!value) reset();
        onOpenChange(value);
      }}
    >
      <DialogContent title={t("auth.changePassword.title")} description={t("auth.changePassword.description")}>
        <form className="space-y-4" onSubmit={(event) => void submit(event)} noValidate>
          {errors.form ? <Alert tone="error">{message(errors.form)}</Alert> : null}
          {/* Lets password managers pair the new password with the account. */}
          <input type="text" name="username" autoComplete="username" hidden readOnly />
          <Field label={t("auth.changePassword.current")} error={message(errors.current)}>
            {(control) => <PasswordInput {...control} autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} />}
          </Field>
          <Field label={t("auth.changePassword.new")} hint={t("auth.changePassword.hint", { min: MIN_PASSWORD_LENGTH })} error={message(errors.next)}>
            {(control) => <PasswordInput {...control} autoComplete="new-password" value={next} onChange={(event) => setNext(event.target.value)} />}
          </Field>
          <Field label={t("auth.changePassword.repeat")} error={message(errors.repeat)}>
            {(control) => <PasswordInput {...control} autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} />}
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={busy}>
                {t("common.cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" loading={busy}>
              {t("auth.changePassword.submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
