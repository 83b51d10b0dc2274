import type { ControlProps } from "../../components/ui";
import { Button } from "../../components/ui";
import { useT } from "../../i18n";
import { PasswordInput } from "../auth/password-input";
import { suggestPassword } from "./staff-form-model";

/** A temporary password to hand to someone, typed or suggested (easy to read out and type). */
export function TemporaryPasswordInput({ control, value, onChange }: { control: ControlProps; value: string; onChange: (value: string) => void }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <div className="flex-1">
        <PasswordInput {...control} autoComplete="new-password" value={value} onChange={(event) => onChange(event.target.value)} />
      </div>
      <Button type="button" variant="secondary" onClick={() => onChange(suggestPassword())}>
        {t("staff.suggestPassword")}
      </Button>
    </div>
  );
}
