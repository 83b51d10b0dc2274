import type { ReactNode } from "react";
import { cn } from "../../lib/cn";

const tones = {
  error: "bg-red-50 text-red-900 ring-red-200",
  success: "bg-green-50 text-green-900 ring-green-200",
  info: "bg-brand-50 text-brand-900 ring-brand-100",
  warning: "bg-amber-50 text-amber-950 ring-amber-200",
} as const;

/**
 * An inline message. Errors are announced at once (role="alert"); the rest politely.
 */
export function Alert({
  tone = "info",
  title,
  children,
  actions,
  className,
}: {
  tone?: keyof typeof tones;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-md p-3 text-sm ring-1 ring-inset", tones[tone], className)}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={cn(title ? "mt-1" : undefined)}>{children}</div> : null}
      {actions ? <div className="mt-3 flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
