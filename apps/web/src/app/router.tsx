import { createBrowserRouter, Navigate, Outlet, ScrollRestoration, type RouteObject } from "react-router";
import { PageSpinner } from "../components/ui";
import { SignInPage } from "../features/auth/sign-in-page";
import { useT } from "../i18n";
import { NotFoundPage, RouteErrorPage } from "./route-states";

function Root() {
  return (
    <>
      <Outlet />
      <ScrollRestoration />
    </>
  );
}

function BootFallback() {
  const t = useT();
  return <PageSpinner label={t("app.loading")} />;
}

/**
 * Sign-in ships in the first bundle; every other screen is its own chunk, fetched when first
 * visited.
 */
export const routes: RouteObject[] = [
  {
    path: "/",
    Component: Root,
    HydrateFallback: BootFallback,
    ErrorBoundary: RouteErrorPage,
    children: [
      { path: "sign-in", Component: SignInPage },
      { path: "setup", lazy: async () => ({ Component: (await import("../features/setup/setup-page")).SetupPage }) },
      // The visitors' self-service kiosk: public, its token is the credential; no staff navigation.
      { path: "kiosk/:token", lazy: async () => ({ Component: (await import("../features/visitors/kiosk-page")).KioskPage }) },
      {
        lazy: async () => ({ Component: (await import("../features/shell/app-shell")).AppShell }),
        children: [
          { index: true, element: <Navigate to="/clients" replace /> },
          {
            path: "clients",
            children: [
              { index: true, lazy: async () => ({ Component: (await import("../features/clients/clients-page")).ClientsPage }) },
              { path: "new", lazy: async () => ({ Component: (await import("../features/clients/client-form-page")).NewClientPage }) },
              { path: ":id", lazy: async () => ({ Component: (await import("../features/clients/client-detail-page")).ClientDetailPage }) },
              { path: ":id/edit", lazy: async () => ({ Component: (await import("../features/clients/client-form-page")).EditClientPage }) },
            ],
          },
          {
            path: "staff",
            children: [
              { index: true, lazy: async () => ({ Component: (await import("../features/staff/staff-page")).StaffPage }) },
              { path: "new", lazy: async () => ({ Component: (await import("../features/staff/staff-form-page")).NewStaffPage }) },
              { path: ":id/edit", lazy: async () => ({ Component: (await import("../features/staff/staff-form-page")).EditStaffPage }) },
            ],
          },
          {
            path: "schedule",
            children: [
              { index: true, lazy: async () => ({ Component: (await import("../features/schedule/schedule-page")).SchedulePage }) },
              { path: "agenda", lazy: async () => ({ Component: (await import("../features/schedule/agenda-page")).AgendaPage }) },
              { path: "waitlist", lazy: async () => ({ Component: (await import("../features/schedule/waitlist-page")).WaitlistPage }) },
            ],
          },
          { path: "agenda", lazy: async () => ({ Component: (await import("../features/agenda/agenda-day-page")).AgendaDayPage }) },
          {
            path: "desk",
            children: [
              { index: true, lazy: async () => ({ Component: (await import("../features/desk/desk-page")).DeskPage }) },
              { path: "log", lazy: async () => ({ Component: (await import("../features/desk/call-log-page")).CallLogPage }) },
              { path: "messages", lazy: async () => ({ Component: (await import("../features/desk/messages-page")).MessagesPage }) },
              { path: "simulator", lazy: async () => ({ Component: (await import("../features/desk/simulator-panel")).SimulatorPage }) },
            ],
          },
          { path: "answers", lazy: async () => ({ Component: (await import("../features/answers/answers-page")).AnswersPage }) },
          {
            path: "visitors",
            children: [
              { index: true, lazy: async () => ({ Component: (await import("../features/visitors/visitors-page")).VisitorsPage }) },
              { path: "on-site", lazy: async () => ({ Component: (await import("../features/visitors/on-site-page")).OnSitePage }) },
              { path: "waiting-room", lazy: async () => ({ Component: (await import("../features/waiting-room/waiting-room-page")).WaitingRoomPage }) },
              { path: ":id/badge", lazy: async () => ({ Component: (await import("../features/visitors/badge-page")).BadgePage }) },
            ],
          },
          {
            path: "payments",
            children: [
              { index: true, lazy: async () => ({ Component: (await import("../features/payments/take-payment-page")).TakePaymentPage }) },
              { path: "receipts", lazy: async () => ({ Component: (await import("../features/payments/receipts-page")).ReceiptsPage }) },
              { path: "receipts/:id", lazy: async () => ({ Component: (await import("../features/payments/receipt-detail-page")).ReceiptDetailPage }) },
              { path: "close-out", lazy: async () => ({ Component: (await import("../features/payments/close-out-page")).CloseOutPage }) },
            ],
          },
          {
            path: "settings",
            children: [
              { index: true, lazy: async () => ({ Component: (await import("../features/settings/settings-page")).SettingsPage }) },
              { path: "offices/new", lazy: async () => ({ Component: (await import("../features/settings/office-page")).NewOfficePage }) },
              { path: "offices/:id", lazy: async () => ({ Component: (await import("../features/settings/office-page")).EditOfficePage }) },
              { path: "outbox", lazy: async () => ({ Component: (await import("../features/outbox/outbox-page")).OutboxPage }) },
              { path: "products", lazy: async () => ({ Component: (await import("../features/payments/products-page")).ProductsPage }) },
              { path: "calls", lazy: async () => ({ Component: (await import("../features/call-settings/call-settings-page")).CallSettingsPage }) },
            ],
          },
        ],
      },
      { path: "*", Component: NotFoundPage },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
