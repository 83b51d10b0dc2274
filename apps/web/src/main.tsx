import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { createAppRouter } from "./app/router";
import { ToastProvider } from "./components/ui";
import { I18nProvider, detectLocale, loadMessages } from "./i18n";
import { markSignedIn, PUBLIC_PATHS, wasSignedIn, type SignInState } from "./lib/session-events";
import { createApiClient, createQueryClient, TRPCProvider, type AuthErrorCode } from "./lib/trpc";
import "./index.css";

const locale = detectLocale();
const messages = await loadMessages(locale);
document.documentElement.lang = locale;

const router = createAppRouter();
let redirecting = false;

/** Any call that finds the session gone sends the user to sign-in, once, saying why. */
function onAuthError(code: AuthErrorCode) {
  const { pathname, search } = router.state.location;
  if (redirecting || PUBLIC_PATHS.includes(pathname)) return;
  redirecting = true;
  const state: SignInState = {
    from: pathname + search,
    reason: code === "SESSION_EXPIRED" || wasSignedIn() ? "expired" : undefined,
  };
  markSignedIn(false);
  // Outside the cache's own notification, so clearing it is safe.
  window.setTimeout(() => {
    queryClient.clear();
    void Promise.resolve(router.navigate("/sign-in", { replace: true, state })).finally(() => {
      redirecting = false;
    });
  }, 0);
}

const queryClient = createQueryClient(onAuthError);
const trpcClient = createApiClient();

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

createRoot(root).render(
  <StrictMode>
    <I18nProvider initialLocale={locale} initialMessages={messages}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <ToastProvider>
            <RouterProvider router={router} />
          </ToastProvider>
        </TRPCProvider>
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
