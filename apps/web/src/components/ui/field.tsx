import { useId, type ReactNode } from "react";
import { useT } from "../../i18n";
import { cn } from "../../lib/cn";
import { Label } from "./label";

export interface ControlProps {
  id: string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
  "aria-required"?: boolean;
}

/**
 * A label, a control, an optional hint and a translated error. The control gets its id,
 * `aria-invalid` and `aria-describedby` from the render function, so error and hint are read out
 * with the field.
 */
export function Field({
  label,
  error,
  hint,
  optional = false,
  className,
  labelClassName,
  children,
}: {
  label: ReactNode;
  /** Already translated. */
  error?: string | null;
  hint?: ReactNode;
  optional?: boolean;
  className?: string;
  labelClassName?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const t = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <Label htmlFor={id} className={labelClassName}>
        {label}
        {optional ? <span className="font-normal text-slate-600"> ({t("common.optional")})</span> : null}
      </Label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="flex items-start gap-1 text-sm font-medium text-red-700">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 h-4 w-4 shrink-0 fill-current">
            <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-.75 4h1.5v5.5h-1.5V6Zm0 7h1.5v1.5h-1.5V13Z" />
          </svg>
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

/** A group of related controls (a fieldset) with a visible legend. */
export function FieldGroup({ legend, description, children, className }: { legend: ReactNode; description?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <fieldset className={cn("space-y-4", className)}>
      <legend className="text-base font-semibold text-slate-900">{legend}</legend>
      {description ? <p className="-mt-2 text-sm text-slate-600">{description}</p> : null}
      {children}
    </fieldset>
  );
}
