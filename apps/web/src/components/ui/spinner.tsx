import { cn } from "../../lib/cn";

/** A decorative busy indicator; pair it with text or `label` for screen readers. */
export function Spinner({ size = "md", label, className }: { size?: "sm" | "md" | "lg"; label?: string; className?: string }) {
  const dimension = size === "sm" ? "h-4 w-4" : size === "lg" ? "h-8 w-8" : "h-5 w-5";
  return (
    <span role={label ? "status" : undefined} className={cn("inline-flex items-center gap-2 text-brand-700", className)}>
      <svg className={cn("animate-spin", dimension)} viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="4" />
        <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
      </svg>
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-slate-200", className)} />;
}

/** A full-area loading state with a text for assistive technology. */
export function PageSpinner({ label }: { label: string }) {
  return (
    <div className="flex min-h-48 items-center justify-center p-8">
      <Spinner size="lg" label={label} />
    </div>
  );
}
