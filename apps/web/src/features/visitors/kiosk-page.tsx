import { badgeCodeSchema, kioskWalkInSchema, toFieldIssues, type FieldIssue } from "@frontoffice/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { useParams } from "react-router";
import { Field, Input, PageSpinner } from "../../components/ui";
import { INTERFACE_LOCALES, LOCALE_NAMES, useI18n } from "../../i18n";
import { cn } from "../../lib/cn";
import { errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

type Screen = { name: "home" } | { name: "walkIn" } | { name: "code" } | { name: "leave" } | { name: "done"; message: string; code?: string };

/** After a check-in or out, the kiosk returns to its start on its own. */
const DONE_SCREEN_MS = 20_000;

const bigButton = "min-h-20 w-full rounded-2xl px-6 py-4 text-2xl font-semibold shadow-sm focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60";
const primary = cn(bigButton, "bg-brand-700 text-white hover:bg-brand-800");
const secondary = cn(bigButton, "bg-white text-slate-900 ring-2 ring-inset ring-slate-300 hover:bg-slate-50");
const kioskInput = "h-16 text-2xl";

/**
 * The self-service kiosk on a tablet at the entrance (`/kiosk/<token>`): no staff navigation, large
 * touch targets, the visitor's language. The token in the address is the office's kiosk credential.
 */
export function KioskPage() {
  const { t, locale, setLocale } = useI18n();
  const trpc = useTRPC();
  const { token = "" } = useParams();
  const welcome = useQuery({ ...trpc.kiosk.welcome.queryOptions({ token }), staleTime: 5 * 60_000, retry: false });
  const [screen, setScreen] = useState<Screen>({ name: "home" });

  useEffect(() => {
    if (screen.name !== "done") return;
    const timer = window.setTimeout(() => setScreen({ name: "home" }), DONE_SCREEN_MS);
    return () => window.clearTimeout(timer);
  }, [screen]);

  if (welcome.isPending) return <PageSpinner label={t("app.loading")} />;

  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <header className="flex flex-wrap items-center gap-4 bg-brand-900 px-6 py-4 text-white">
        <p className="flex-1 text-2xl font-semibold">{welcome.data?.officeName ?? t("app.name")}</p>
        <div role="group" aria-label={t("kiosk.language")} className="flex gap-2">
          {INTERFACE_LOCALES.map((code) => (
            <button
              key={code}
              type="button"
              lang={code}
              aria-pressed={locale === code}
              onClick={() => void setLocale(code)}
              className={cn("min-h-12 rounded-xl px-4 text-lg font-medium", locale === code ? "bg-white text-brand-900" : "bg-white/10 text-white hover:bg-white/20")}
            >
              {LOCALE_NAMES[code]}
            </button>
          ))}
        </div>
      </header>
      <main id="main" className="mx-auto flex w-full max-w-2xl flex-1 flex-col justify-center gap-6 p-6">
        {welcome.isError ? (
          <p role="alert" className="rounded-2xl bg-red-50 p-6 text-center text-2xl text-red-800">
            {errorMessage(t, welcome.error)}
          </p>
        ) : screen.name === "home" ? (
          <>
            <h1 className="text-center text-4xl font-bold text-slate-900">{t("kiosk.welcome")}</h1>
            <button type="button" className={primary} onClick={() => setScreen({ name: "walkIn" })}>
              {t("kiosk.arrive")}
            </button>
            <button type="button" className={secondary} onClick={() => setScreen({ name: "code" })}>
              {t("kiosk.haveCode")}
            </button>
            <button type="button" className={secondary} onClick={() => setScreen({ name: "leave" })}>
              {t("kiosk.leave")}
            </button>
          </>
        ) : screen.name === "walkIn" ? (
          <WalkIn token={token} hosts={welcome.data.hosts} onDone={(message, code) => setScreen({ name: "done", message, code })} onBack={() => setScreen({ name: "home" })} />
        ) : screen.name === "code" || screen.name === "leave" ? (
          <CodeForm key={screen.name} token={token} leaving={screen.name === "leave"} onDone={(message, code) => setScreen({ name: "done", message, code })} onBack={() => setScreen({ name: "home" })} />
        ) : (
          <div role="status" className="space-y-6 text-center">
            <p className="text-3xl font-semibold text-slate-900">{screen.message}</p>
            {screen.code ? (
              <p className="text-xl text-slate-700">
                {t("kiosk.yourCode")} <span className="font-mono text-4xl font-bold tracking-widest text-slate-900" data-testid="kiosk-code">{screen.code}</span>
              </p>
            ) : null}
            <button type="button" className={secondary} onClick={() => setScreen({ name: "home" })}>
              {t("kiosk.finish")}
            </button>
          </div>
        )}
      </main>
    </div>
  );
}

function KioskForm({ title, onSubmit, onBack, busy, submitLabel, error, children }: { title: string; onSubmit: (event: FormEvent<HTMLFormElement>) => void; onBack: () => void; busy: boolean; submitLabel: string; error: string | null; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6" aria-label={title}>
      <h1 className="text-3xl font-bold text-slate-900">{title}</h1>
      {children}
      {error ? (
        <p role="alert" className="rounded-xl bg-red-50 p-4 text-xl text-red-800">
          {error}
        </p>
      ) : null}
      <button type="submit" className={primary} disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className={secondary} onClick={onBack}>
        {t("common.back")}
      </button>
    </form>
  );
}

function WalkIn({ token, hosts, onDone, onBack }: { token: string; hosts: { id: string; name: string }[]; onDone: (message: string, code: string) => void; onBack: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [hostId, setHostId] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const walkIn = useMutation(
    trpc.kiosk.walkIn.mutationOptions({
      onSuccess: (receipt) => onDone(t("kiosk.welcomeDone", { name: receipt.visitorName, host: receipt.hostName }), receipt.badgeCode),
      onError: (error) => setIssues(fieldIssuesOf(error)),
    }),
  );
  const issueFor = (field: string) => t.issue(issues.find((issue) => issue.path.at(-1) === field));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { token, visitor: { visitorName: String(data.get("visitorName") ?? ""), company: String(data.get("company") ?? ""), hostStaffId: hostId ?? "" } };
    const parsed = kioskWalkInSchema.safeParse(input);
    if (!parsed.success) return setIssues(toFieldIssues(parsed.error.issues, input));
    setIssues([]);
    walkIn.mutate(input);
  };
  // An unpicked host is not an "invalid id" to a visitor: ask them to choose.
  const hostError = issueFor("hostStaffId") ? t("visitors.field.hostPick") : null;
  return (
    <KioskForm title={t("kiosk.arrive")} onSubmit={submit} onBack={onBack} busy={walkIn.isPending} submitLabel={t("kiosk.checkIn")} error={walkIn.isError && fieldIssuesOf(walkIn.error).length === 0 ? errorMessage(t, walkIn.error) : null}>
      <Field label={t("kiosk.name")} labelClassName="text-xl" error={issueFor("visitorName")}>
        {(control) => <Input {...control} name="visitorName" autoComplete="off" className={kioskInput} />}
      </Field>
      <Field label={t("kiosk.company")} labelClassName="text-xl" optional error={issueFor("company")}>
        {(control) => <Input {...control} name="company" autoComplete="off" className={kioskInput} />}
      </Field>
      <fieldset className="space-y-3">
        <legend className="text-xl font-medium text-slate-900">{t("kiosk.whoFor")}</legend>
        <div role="radiogroup" aria-label={t("kiosk.whoFor")} className="grid gap-3 sm:grid-cols-2">
          {hosts.map((host) => (
            <button
              key={host.id}
              type="button"
              role="radio"
              aria-checked={hostId === host.id}
              onClick={() => setHostId(host.id)}
              className={cn("min-h-16 rounded-xl px-4 text-xl font-medium ring-2 ring-inset", hostId === host.id ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-slate-900 ring-slate-300")}
            >
              {host.name}
            </button>
          ))}
        </div>
        {hostError ? <p className="text-lg font-medium text-red-700">{hostError}</p> : null}
      </fieldset>
    </KioskForm>
  );
}

function CodeForm({ token, leaving, onDone, onBack }: { token: string; leaving: boolean; onDone: (message: string, code?: string) => void; onBack: () => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [issue, setIssue] = useState<string | null>(null);
  const checkIn = useMutation(trpc.kiosk.checkInWithCode.mutationOptions({ onSuccess: (receipt) => onDone(t("kiosk.welcomeDone", { name: receipt.visitorName, host: receipt.hostName }), receipt.badgeCode) }));
  const checkOut = useMutation(trpc.kiosk.checkOut.mutationOptions({ onSuccess: (result) => onDone(t("kiosk.goodbye", { name: result.visitorName })) }));
  const mutation = leaving ? checkOut : checkIn;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    const parsed = badgeCodeSchema.safeParse(code);
    if (!parsed.success) return setIssue(t.issue(toFieldIssues(parsed.error.issues, code)[0]));
    setIssue(null);
    mutation.mutate({ token, code: parsed.data });
  };
  return (
    <KioskForm title={leaving ? t("kiosk.leave") : t("kiosk.haveCode")} onSubmit={submit} onBack={onBack} busy={mutation.isPending} submitLabel={leaving ? t("kiosk.checkOut") : t("kiosk.checkIn")} error={mutation.isError ? errorMessage(t, mutation.error) : null}>
      <Field label={t("kiosk.code")} labelClassName="text-xl" hint={t("kiosk.codeHint")} error={issue}>
        {(control) => <Input {...control} name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={6} className={cn(kioskInput, "font-mono tracking-widest uppercase")} />}
      </Field>
    </KioskForm>
  );
}
