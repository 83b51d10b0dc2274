import type { ReactNode } from "react";
import { useT } from "../../i18n";
import { cn } from "../../lib/cn";
import { Button } from "./button";

export function EmptyState({ title, children, action, className }: { title: ReactNode; children?: ReactNode; action?: ReactNode; className?: string }) {
  return (
    <div className={cn("flex flex-col items-center justify-center gap-2 px-6 py-12 text-center", className)}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-10 w-10 text-slate-400" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M3 7.5 12 3l9 4.5v9L12 21l-9-4.5v-9Z" />
        <path d="m3 7.5 9 4.5 9-4.5M12 12v9" />
      </svg>
      <p className="text-base font-semibold text-slate-900">{title}</p>
      {children ? <div className="max-w-md text-sm text-slate-600">{children}</div> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}

/** Something failed to load: says what, why if known, and offers to try again. */
export function ErrorState({ title, message, onRetry, retrying = false, className }: { title: ReactNode; message?: ReactNode; onRetry?: () => void; retrying?: boolean; className?: string }) {
  const t = useT();
  return (
    <div role="alert" className={cn("flex flex-col items-center justify-center gap-2 px-6 py-10 text-center", className)}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-10 w-10 text-red-600" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M12 9v4m0 3.5h.01M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
      </svg>
      <p className="text-base font-semibold text-slate-900">{title}</p>
      {message ? <p className="max-w-md text-sm text-slate-700">{message}</p> : null}
      {onRetry ? (
        <Button variant="secondary" className="mt-2" onClick={onRetry} loading={retrying}>
          {t("common.retry")}
        </Button>
      ) : null}
    </div>
  );
}
