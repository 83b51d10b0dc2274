import { createContext, use, useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { useT } from "../../i18n";
import { cn } from "../../lib/cn";

type ToastTone = "success" | "error" | "info";
interface ToastItem {
  id: number;
  message: string;
  tone: ToastTone;
}

interface Toaster {
  toast: (message: string, tone?: ToastTone) => void;
}

const ToastContext = createContext<Toaster | null>(null);

const TIMEOUT_MS = 6000;

/**
 * Short confirmations ("Changes saved") in a polite live region; errors in an assertive one.
 * They disappear after a few seconds and can be dismissed.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);

  const dismiss = useCallback((id: number) => setItems((current) => current.filter((item) => item.id !== id)), []);
  const toast = useCallback(
    (message: string, tone: ToastTone = "success") => {
      const id = next.current++;
      setItems((current) => [...current.slice(-3), { id, message, tone }]);
      window.setTimeout(() => dismiss(id), TIMEOUT_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ toast }), [toast]);

  const region = (tone: "polite" | "assertive") => (
    <div aria-live={tone} aria-atomic="false" className="contents">
      {items
        .filter((item) => (item.tone === "error") === (tone === "assertive"))
        .map((item) => (
          <div
            key={item.id}
            className={cn(
              "pointer-events-auto flex w-full max-w-sm animate-toast-in items-start gap-3 rounded-lg p-4 text-sm shadow-lg ring-1",
              item.tone === "error" ? "bg-red-50 text-red-900 ring-red-200" : item.tone === "success" ? "bg-white text-slate-900 ring-slate-200" : "bg-brand-50 text-brand-900 ring-brand-100",
            )}
          >
            <p className="flex-1">{item.message}</p>
            <button
              type="button"
              onClick={() => dismiss(item.id)}
              className="rounded p-0.5 text-slate-500 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
              aria-label={t("common.dismiss")}
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
                <path d="M5.3 4.2 10 8.9l4.7-4.7 1.1 1.1-4.7 4.7 4.7 4.7-1.1 1.1-4.7-4.7-4.7 4.7-1.1-1.1 4.7-4.7-4.7-4.7 1.1-1.1Z" />
              </svg>
            </button>
          </div>
        ))}
    </div>
  );

  return (
    <ToastContext value={value}>
      {children}
      <section aria-label={t("common.notifications")} className="pointer-events-none fixed right-0 bottom-0 z-50 flex w-full flex-col items-end gap-2 p-4 sm:max-w-md">
        {region("polite")}
        {region("assertive")}
      </section>
    </ToastContext>
  );
}

export function useToast(): Toaster {
  const toaster = use(ToastContext);
  if (!toaster) throw new Error("useToast needs a <ToastProvider>");
  return toaster;
}
