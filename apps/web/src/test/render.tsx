import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import { ToastProvider } from "../components/ui";
import { I18nProvider } from "../i18n";
import { en } from "../i18n/en";

/** Renders UI as the app does (English, a router, toasts), without a server. */
export function renderUi(ui: ReactElement, { route = "/" }: { route?: string } = {}) {
  return render(
    <I18nProvider initialLocale="en" initialMessages={en}>
      <ToastProvider>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </ToastProvider>
    </I18nProvider>,
  );
}
