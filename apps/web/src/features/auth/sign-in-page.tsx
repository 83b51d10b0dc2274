import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { PublicLayout } from "../../components/public-layout";
import { Alert, Button, Card, CardContent, Field, Input, PageSpinner } from "../../components/ui";
import { useT, type MessageKey } from "../../i18n";
import { markSignedIn, type SignInReason, type SignInState } from "../../lib/session-events";
import { useTRPC } from "../../lib/trpc";
import { PasswordInput } from "./password-input";

const REASONS: Record<SignInReason, { key: MessageKey; tone: "info" | "success" | "warning" }> = {
  expired: { key: "auth.reason.expired", tone: "warning" },
  signedOut: { key: "auth.reason.signedOut", tone: "success" },
  signedOutEverywhere: { key: "auth.reason.signedOutEverywhere", tone: "success" },
  passwordChanged: { key: "auth.reason.passwordChanged", tone: "success" },
  setupSignInFailed: { key: "setup.signInFailed", tone: "warning" },
};

/** Where a sign-in may return to: a path inside the app, never another site. */
function safeReturn(from: string | undefined): string {
  return from && from.startsWith("/") && !from.startsWith("//") && !from.startsWith("/sign-in") ? from : "/";
}

export function SignInPage() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInState;
  const formId = useId();

  const setup = useQuery({ ...trpc.setup.status.queryOptions(), retry: 1, staleTime: 0 });
  const session = useQuery({ ...trpc.session.me.queryOptions(), retry: false, staleTime: 0 });

  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<MessageKey | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (session.data) return <Navigate to={safeReturn(state.from)} replace />;
  if (setup.isPending || session.isPending) {
    return (
      <PublicLayout>
        <PageSpinner label={t("app.loading")} />
      </PublicLayout>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError("auth.signIn.missing");
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      // The auth client loads on first use, keeping it out of the first bundle.
      const { authClient } = await import("../../lib/auth-client");
      const result = await authClient.signIn.email({ email: email.trim(), password });
      if (result.error) {
        const { status } = result.error;
        setError(status === 429 ? "auth.signIn.tooManyAttempts" : status === 401 || status === 400 || status === 403 ? "auth.signIn.invalidCredentials" : "auth.signIn.failed");
        setPassword("");
        passwordRef.current?.focus();
        return;
      }
      markSignedIn(true);
      queryClient.removeQueries();
      await navigate(safeReturn(state.from), { replace: true });
    } catch {
      setError("auth.signIn.failed");
    } finally {
      setSubmitting(false);
    }
  };

  const reason = state.reason ? REASONS[state.reason] : null;

  return (
    <PublicLayout>
      <title>{`${t("auth.signIn.title")} · ${t("app.name")}`}</title>
      <Card>
        <CardContent className="space-y-6 py-8 sm:px-8">
          <div>
            <h1 className="text-2xl font-semibold text-slate-900">{t("auth.signIn.title")}</h1>
            <p className="mt-1 text-sm text-slate-600">{t("auth.signIn.subtitle")}</p>
          </div>
          {reason && !error ? <Alert tone={reason.tone}>{t(reason.key)}</Alert> : null}
          {setup.isError ? <Alert tone="warning">{t("errors.network")}</Alert> : null}
          {error ? (
            <Alert tone="error" className="scroll-mt-4">
              {t(error)}
            </Alert>
          ) : null}
          <form id={formId} className="space-y-4" onSubmit={(event) => void submit(event)} noValidate>
            <Field label={t("auth.email")}>
              {(control) => (
                <Input
                  {...control}
                  type="email"
                  name="email"
                  autoComplete="username"
                  inputMode="email"
                  autoFocus
                  required
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                />
              )}
            </Field>
            <Field label={t("auth.password")}>
              {(control) => (
                <PasswordInput
                  {...control}
                  ref={passwordRef}
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                />
              )}
            </Field>
            <Button type="submit" className="w-full" loading={submitting}>
              {submitting ? t("auth.signIn.submitting") : t("auth.signIn.submit")}
            </Button>
          </form>
        </CardContent>
      </Card>
    </PublicLayout>
  );
}
