import type { ComponentProps } from "react";
import { cn } from "../../lib/cn";

/** Controls fill their container unless given a width of their own. */
function width(className: string | undefined): string {
  return className && /(^|\s)(w-|flex-1)/.test(className) ? "" : "w-full";
}

export const controlClasses = cn(
  "block rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300",
  "placeholder:text-slate-500",
  "focus-visible:outline-2 focus-visible:-outline-offset-1 focus-visible:outline-brand-600",
  "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500",
  "aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-red-600",
);

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(controlClasses, width(className), "h-10", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(controlClasses, width(className), "min-h-24", className)} {...props} />;
}

/** A native select: keyboard, screen readers and mobile pickers work as users expect. */
export function Select({ className, children, ...props }: ComponentProps<"select">) {
  return (
    <select className={cn(controlClasses, width(className), className?.includes("h-") ? "pr-8" : "h-10 pr-8", className)} {...props}>
      {children}
    </select>
  );
}
