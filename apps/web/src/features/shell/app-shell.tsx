import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Navigate, NavLink, Outlet, useLocation, useNavigation } from "react-router";
import { Button, ErrorState, PageSpinner } from "../../components/ui";
import { useI18n } from "../../i18n";
import { cn } from "../../lib/cn";
import { errorCodeOf, errorMessage, isAuthError } from "../../lib/errors";
import { markSignedIn, wasSignedIn, type SignInState } from "../../lib/session-events";
import { useTRPC } from "../../lib/trpc";
import { useSignOut } from "../auth/use-sign-out";
import { useCanOpenSettings } from "../settings/settings-access";
import { SessionContext, useCan, useSession } from "./session-context";
import { UserMenu } from "./user-menu";
import { NotificationsBell } from "../visitors/notifications-bell";

/** Everything behind sign-in: loads the session, applies the staff member's language, and lays out the app. */
export function AppShell() {
  const { t, locale, setLocale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const location = useLocation();
  const session = useQuery({ ...trpc.session.me.queryOptions(), staleTime: 60_000 });
  const signOut = useSignOut();
  const appliedFor = useRef<string | null>(null);

  const staffId = session.data?.staff.id;
  const staffLocale = session.data?.staff.locale;
  useEffect(() => {
    if (!staffId || !staffLocale || appliedFor.current === staffId) return;
    appliedFor.current = staffId;
    markSignedIn(true);
    if (staffLocale !== locale) void setLocale(staffLocale);
  }, [staffId, staffLocale, locale, setLocale]);

  // The session has an absolute end; check it then, so an idle screen returns to sign-in.
  const expiresAt = session.data?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    const delay = new Date(expiresAt).getTime() - Date.now() + 1000;
    if (!Number.isFinite(delay) || delay > 2 ** 31 - 1) return;
    const timer = window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: trpc.session.me.queryKey() }), Math.max(delay, 0));
    return () => window.clearTimeout(timer);
  }, [expiresAt, queryClient, trpc]);

  if (session.isPending) return <PageSpinner label={t("app.loading")} />;
  if (session.isError) {
    if (isAuthError(session.error)) {
      const state: SignInState = { from: location.pathname + location.search, reason: wasSignedIn() ? "expired" : undefined };
      return <Navigate to="/sign-in" replace state={state} />;
    }
    const forbidden = errorCodeOf(session.error) === "FORBIDDEN";
    return (
      <div className="mx-auto max-w-lg p-8">
        <ErrorState
          title={forbidden ? t("auth.signIn.noStaff") : errorMessage(t, session.error)}
          onRetry={forbidden ? undefined : () => void session.refetch()}
          retrying={session.isFetching}
        />
        {forbidden ? (
          <div className="flex justify-center">
            <Button variant="secondary" onClick={() => void signOut("signedOut")}>
              {t("auth.signOut")}
            </Button>
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <SessionContext value={session.data}>
      <ShellLayout />
    </SessionContext>
  );
}

/** A main navigation entry; the current section stands out. */
function navLinkClasses({ isActive }: { isActive: boolean }): string {
  return cn(
    "rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-white",
    isActive ? "bg-white/15 text-white" : "text-brand-100 hover:bg-white/10 hover:text-white",
  );
}

function ShellLayout() {
  const { t } = useI18n();
  const canReadStaff = useCan("staff.read");
  const canReadSchedule = useCan("appointments.read");
  const canReadPayments = useCan("payments.read");
  const canReadAnswers = useCan("answers.read");
  const canReadVisitors = useCan("visitors.read");
  const canReadCalls = useCan("calls.read");
  // The console is a receptionist's main screen: first for them, after the clients for everyone else.
  const deskFirst = useSession().staff.roles.includes("receptionist");
  const deskLink = canReadCalls ? (
    <NavLink to="/desk" className={navLinkClasses}>
      {t("nav.desk")}
    </NavLink>
  ) : null;
  const canOpenSettings = useCanOpenSettings();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-900 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("app.skipToContent")}
      </a>
      <header className="bg-brand-900 text-white print:hidden">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:gap-8 sm:px-6">
          <NavLink to="/clients" className="flex items-center gap-2 rounded-md font-semibold focus-visible:outline-2 focus-visible:outline-white">
            <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7">
              <rect width="32" height="32" rx="7" fill="#fff" />
              <path d="M10 8h12v3.5h-8V15h7v3.5h-7V24h-4z" fill="currentColor" className="text-brand-900" />
            </svg>
            <span className="hidden sm:inline">{t("app.name")}</span>
          </NavLink>
          <nav aria-label={t("nav.label")} className="flex flex-1 items-center gap-1">
            {deskFirst ? deskLink : null}
            <NavLink to="/clients" className={navLinkClasses}>
              {t("nav.clients")}
            </NavLink>
            {deskFirst ? null : deskLink}
            {canReadSchedule ? (
              <NavLink to="/schedule" className={navLinkClasses}>
                {t("nav.schedule")}
              </NavLink>
            ) : null}
            {canReadSchedule ? (
              <NavLink to="/agenda" className={navLinkClasses}>
                {t("nav.employerDay")}
              </NavLink>
            ) : null}
            {canReadPayments ? (
              <NavLink to="/payments" className={navLinkClasses}>
                {t("nav.payments")}
              </NavLink>
            ) : null}
            {canReadAnswers ? (
              <NavLink to="/answers" className={navLinkClasses}>
                {t("nav.answers")}
              </NavLink>
            ) : null}
            {canReadVisitors ? (
              <NavLink to="/visitors" className={navLinkClasses}>
                {t("nav.visitors")}
              </NavLink>
            ) : null}
            {canReadVisitors ? (
              <NavLink to="/visitors/waiting-room" className={navLinkClasses}>
                {t("nav.waitingRoom")}
              </NavLink>
            ) : null}
            {canReadStaff ? (
              <NavLink to="/staff" className={navLinkClasses}>
                {t("nav.staff")}
              </NavLink>
            ) : null}
            {canOpenSettings ? (
              <NavLink to="/settings" className={navLinkClasses}>
                {t("nav.settings")}
              </NavLink>
            ) : null}
          </nav>
          <NotificationsBell />
          <UserMenu />
        </div>
        <div aria-hidden="true" className={cn("h-0.5 bg-transparent", busy && "animate-pulse bg-brand-100")} />
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none sm:px-6">
        <Outlet />
      </main>
    </div>
  );
}
