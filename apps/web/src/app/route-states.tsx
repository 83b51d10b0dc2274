import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { Button, buttonClasses } from "../components/ui";
import { useT } from "../i18n";

export function NotFoundPage() {
  const t = useT();
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-3 px-4 text-center">
      <title>{`${t("app.notFound.title")} · ${t("app.name")}`}</title>
      <h1 className="text-2xl font-semibold text-slate-900">{t("app.notFound.title")}</h1>
      <p className="text-slate-700">{t("app.notFound.body")}</p>
      <Link to="/" className={buttonClasses("primary", "md", "mt-2")}>
        {t("app.notFound.action")}
      </Link>
    </main>
  );
}

/** A screen that crashed, or a chunk that no longer exists after a deploy. */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const staleChunk = error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
  if (error) console.error(error);
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center gap-3 px-4 text-center" role="alert">
      <h1 className="text-2xl font-semibold text-slate-900">{t("app.crash.title")}</h1>
      <p className="text-slate-700">{staleChunk ? t("app.newVersion") : t("app.crash.body")}</p>
      <Button className="mt-2" onClick={() => window.location.reload()}>
        {t("app.crash.reload")}
      </Button>
    </main>
  );
}
