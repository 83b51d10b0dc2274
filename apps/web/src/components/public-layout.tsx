import type { ReactNode } from "react";
import { useT } from "../i18n";
import { LanguageSelect } from "./language-select";

/** The frame of the pages shown before sign-in (sign-in, first-run setup). */
export function PublicLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const t = useT();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between gap-4 px-4 py-4 sm:px-8">
        <p className="flex items-center gap-2 text-lg font-semibold text-brand-900">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7">
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path d="M10 8h12v3.5h-8V15h7v3.5h-7V24h-4z" fill="#fff" />
          </svg>
          {t("app.name")}
        </p>
        <LanguageSelect />
      </header>
      <main id="main" className={wide ? "mx-auto w-full max-w-3xl flex-1 px-4 pb-16" : "mx-auto w-full max-w-md flex-1 px-4 pb-16 sm:pt-12"}>
        {children}
      </main>
    </div>
  );
}
