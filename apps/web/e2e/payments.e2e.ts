import { DEMO_LOGINS } from "@frontoffice/db";
import { foldForSearch } from "@frontoffice/domain";
import { formatMoney, money } from "@frontoffice/payments";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { callApi, launchBrowser, newContext, pageTranslator, settledTranslator, signIn, useDemoPage } from "./harness";

/**
 * Money at the desk, as a manager of the Madrid clinic does it: a card sale through the sandbox
 * processor with its printed receipt, a declined card, half of the sale refunded, and the day's
 * close-out with cash missing from the drawer.
 */
const manager = DEMO_LOGINS.find((login) => login.role === "manager")!;
const receptionist = DEMO_LOGINS.find((login) => login.role === "receptionist")!;
const demo = useDemoPage();
let saleReceipt = "";
let regular: { id: string; displayName: string } | undefined;

/** Euros as the page shows them in its language. */
const euros = (minor: number, locale: string) => formatMoney(money(minor, "EUR"), locale);

async function chooseMadrid(page: Page) {
  const t = await pageTranslator(page);
  const office = page.getByLabel(t("payments.office"), { exact: true });
  const value = await office.locator("option", { hasText: "Madrid" }).getAttribute("value");
  await office.selectOption(value!);
}

async function addProduct(page: Page, name: string) {
  const t = await pageTranslator(page);
  const picker = page.getByLabel(t("payments.product"), { exact: true });
  const value = await picker.locator("option", { hasText: name }).getAttribute("value");
  await picker.selectOption(value!);
  await page.getByRole("button", { name: t("payments.product.add"), exact: true }).click();
}

/** A new sale for the client at desk-4, with `product` in it; returns the page's translator. */
async function startClientSale(page: Page, client: { id: string; displayName: string }, product: string) {
  await page.goto(`/payments?client=${client.id}`);
  const t = await settledTranslator(page, "payments.title");
  await page.getByLabel(t("payments.desk"), { exact: true }).fill("desk-4");
  await page.getByTestId("chosen-client").filter({ hasText: client.displayName }).waitFor();
  await addProduct(page, product);
  return t;
}

async function payByCard(page: Page, number: string) {
  const t = await pageTranslator(page);
  await page.getByLabel(t("payments.card.number"), { exact: true }).fill(number);
  await page.getByLabel(t("payments.card.expMonth"), { exact: true }).fill("12");
  await page.getByLabel(t("payments.card.expYear"), { exact: true }).fill("30");
  await page.getByLabel(t("payments.card.cvc"), { exact: true }).fill("123");
  await page.getByRole("form", { name: t("payments.method.label") }).locator("button[type=submit]").click();
}

describe("money at the desk", () => {
  it("takes a card payment with a sandbox card and prints the receipt", async () => {
    const { page } = demo;
    await page.goto("/");
    await page.waitForURL("**/sign-in");
    await signIn(page, manager.email, manager.password);
    await page.waitForURL("**/clients");
    const t = await settledTranslator(page, "clients.title");
    await page.getByRole("navigation", { name: t("nav.label") }).getByRole("link", { name: t("nav.payments"), exact: true }).click();
    await page.waitForURL("**/payments");
    await page.getByRole("heading", { level: 1, name: t("payments.title") }).waitFor();

    await chooseMadrid(page);
    await addProduct(page, "Kit de blanqueamiento");
    // €89.00 with 21 % IVA included: the live totals from @frontoffice/payments.
    expect(await page.getByTestId("sale-total").textContent()).toBe(euros(8900, t.locale));
    const rate = new Intl.NumberFormat(t.locale, { style: "percent" }).format(0.21);
    await page.getByText(t("payments.totals.taxAt", { rate, base: euros(7355, t.locale) }), { exact: true }).waitFor();

    await payByCard(page, "4242 4242 4242 4242");
    const number = page.getByTestId("receipt-number");
    await number.waitFor();
    saleReceipt = (await number.textContent())!.trim();
    expect(saleReceipt).toMatch(/^\d{4}-F-\d{6}$/);
    // The card's number is gone from the page once the payment is done.
    expect(await page.content()).not.toContain("4242 4242 4242 4242");

    // The printed page is the receipt alone: the app's navigation is hidden, the receipt's number shows.
    const frame = page.frameLocator(`iframe[title="${t("receipt.frameTitle", { number: saleReceipt })}"]`);
    await frame.getByText(saleReceipt).first().waitFor();
    await page.getByRole("button", { name: t("receipt.print"), exact: true }).click();
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: t("nav.label") }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: t("receipt.print"), exact: true }).isVisible()).toBe(false);
    expect(await frame.getByText(saleReceipt).first().isVisible()).toBe(true);
    expect(await frame.getByText("Kit de blanqueamiento").first().isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
  });

  it("shows a declined card clearly, with no receipt, and takes another card on the same sale", async () => {
    const { page } = demo;
    const t = await pageTranslator(page);
    await page.getByRole("button", { name: t("payments.newSale"), exact: true }).click();
    await addProduct(page, "Pasta dentífrica sensibilidad");
    await payByCard(page, "4000 0000 0000 0002");
    await page.getByRole("alert").filter({ hasText: t("payments.result.declined") }).waitFor();
    expect(await page.getByTestId("payment-error").textContent()).toBe(t("errors.CARD_DECLINED"));
    expect(await page.getByTestId("receipt-number").count()).toBe(0);
    expect(await page.getByLabel(t("payments.card.number"), { exact: true }).inputValue()).toBe("");

    // Insufficient funds is named as such.
    await payByCard(page, "4000 0000 0000 9995");
    await page.getByTestId("payment-error").filter({ hasText: t("errors.CARD_INSUFFICIENT_FUNDS") }).waitFor();
    expect(await page.getByTestId("receipt-number").count()).toBe(0);
  });

  it("refunds half of the card sale with a reason", async () => {
    const { page } = demo;
    const t = await pageTranslator(page);
    await page.getByRole("link", { name: t("receipts.title"), exact: true }).click();
    await page.waitForURL("**/payments/receipts");
    await page.getByLabel(t("receipts.filter.number"), { exact: true }).fill(saleReceipt);
    await page.getByRole("link", { name: saleReceipt, exact: true }).click();
    await page.waitForURL(/\/payments\/receipts\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: t("refund.title"), exact: true }).waitFor();

    await page.getByLabel(t("refund.amount"), { exact: true }).fill("44.50");
    await page.getByLabel(t("refund.reason"), { exact: true }).selectOption("customer_request");
    await page.getByLabel(new RegExp(`^${t("refund.note")}`)).fill("Half of the kit returned unopened");
    await page.getByRole("button", { name: t("refund.submit"), exact: true }).click();

    await page.getByTestId("payment-status").filter({ hasText: t("payment.status.partially_refunded") }).waitFor();
    const refunds = page.getByRole("list", { name: t("refund.list") });
    // A manager's refund goes through at once, with a correction receipt in its own series.
    const correction = (await refunds.getByRole("link").first().textContent())!.trim();
    expect(correction).toMatch(/^\d{4}-R-\d{6}$/);
    await page.getByText(t("refund.done", { amount: euros(4450, t.locale), number: correction }), { exact: true }).waitFor();
    expect(await refunds.getByText(t("refund.status.completed"), { exact: true }).count()).toBe(1);
    await refunds.getByText(t("refund.reason.customer_request")).waitFor();
    await refunds.getByText("Half of the kit returned unopened").waitFor();
    expect(await page.getByText(t("refund.left", { amount: euros(4450, t.locale) })).count()).toBe(1);
  });

  it("closes out the day with cash missing from the drawer", async () => {
    const { page } = demo;
    let t = await pageTranslator(page);
    // A cash sale of €4.50, paid with €10.
    await page.getByRole("link", { name: t("payments.take.title"), exact: true }).click();
    await page.waitForURL(/\/payments$/);
    await addProduct(page, "Cepillo interdental");
    await page.getByRole("radio", { name: t("payments.method.cash") }).check();
    await page.getByLabel(new RegExp(`^${t("payments.tendered")}`)).fill("10");
    await page.getByTestId("change-due").filter({ hasText: euros(550, t.locale) }).waitFor();
    await page.getByRole("form", { name: t("payments.method.label") }).locator("button[type=submit]").click();
    await page.getByTestId("receipt-number").waitFor();

    await page.getByRole("link", { name: t("closeOut.title"), exact: true }).click();
    await page.waitForURL("**/payments/close-out");
    t = await pageTranslator(page);
    await page.getByTestId("expected-cash").filter({ hasText: euros(450, t.locale) }).waitFor();
    // The card sale less its refund: €89.00 − €44.50.
    await page.getByTestId("expected-card").filter({ hasText: euros(4450, t.locale) }).waitFor();

    await page.getByLabel(t("closeOut.countedCash"), { exact: true }).fill("4.00");
    await page.getByLabel(new RegExp(`^${t("closeOut.note")}`)).fill("50 cents missing");
    await page.getByRole("button", { name: t("closeOut.record"), exact: true }).click();
    await page.getByTestId("close-out-discrepancy").filter({ hasText: t("closeOut.short") }).waitFor();
    expect(await page.getByTestId("close-out-discrepancy").textContent()).toContain(euros(-50, t.locale));
    await page.getByTestId("close-out-status").filter({ hasText: t("closeOut.status.counted") }).waitFor();

    await page.getByRole("button", { name: t("closeOut.signOff"), exact: true }).click();
    await page.getByTestId("close-out-status").filter({ hasText: t("closeOut.status.signed_off") }).waitFor();
    await page.getByText(t("closeOut.locked"), { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: t("closeOut.record"), exact: true }).count()).toBe(0);

    // The locked day takes no more money at this desk.
    await page.getByRole("link", { name: t("payments.take.title"), exact: true }).click();
    await addProduct(page, "Cepillo interdental");
    await page.getByRole("radio", { name: t("payments.method.cash") }).check();
    await page.getByRole("form", { name: t("payments.method.label") }).locator("button[type=submit]").click();
    await page.getByTestId("payment-error").filter({ hasText: t("errors.DAY_CLOSED") }).waitFor();
  });

  it("keeps the catalog, then takes a client's payment at another desk and shows it on the client's page", async () => {
    const { page } = demo;
    let t = await pageTranslator(page);
    await page.goto("/settings/products");
    await page.getByRole("heading", { level: 1, name: t("products.title") }).waitFor();
    t = await pageTranslator(page);
    await chooseMadrid(page);
    await page.getByLabel(t("products.name"), { exact: true }).fill("Hilo dental");
    await page.getByLabel(t("products.price", { currency: "EUR" }), { exact: true }).fill("3,20");
    await page.getByLabel(t("products.taxRate"), { exact: true }).fill("21");
    await page.getByRole("button", { name: t("products.addSubmit"), exact: true }).click();
    await page.getByRole("listitem").filter({ hasText: "Hilo dental" }).filter({ hasText: euros(320, t.locale) }).waitFor();

    const offices = await callApi<{ id: string; address: { city: string } }[]>(page, "query", "offices.list", undefined);
    const madrid = offices.find((office) => office.address.city === "Madrid")!;
    const { items } = await callApi<{ items: { id: string; displayName: string }[] }>(page, "query", "clients.search", { officeId: madrid.id, limit: 1 });
    const client = items[0]!;
    regular = client;

    await page.getByRole("link", { name: t("payments.take.title"), exact: true }).click();
    await page.waitForURL(/\/payments$/);
    await page.getByLabel(t("payments.desk"), { exact: true }).fill("desk-2");
    await page.getByLabel(t("payments.customer.search"), { exact: true }).fill(client.displayName);
    await page.getByRole("list", { name: t("clients.results") }).getByRole("button").filter({ hasText: client.displayName }).first().click();
    await page.getByTestId("chosen-client").filter({ hasText: client.displayName }).waitFor();
    await addProduct(page, "Hilo dental");
    await page.getByLabel(t("payments.line.quantityOf", { item: "Hilo dental" }), { exact: true }).fill("2");
    await page.getByTestId("sale-total").filter({ hasText: euros(640, t.locale) }).waitFor();
    await page.getByRole("radio", { name: t("payments.method.terminal") }).check();
    await page.getByLabel(t("payments.approvalCode"), { exact: true }).fill("A1B2C3");
    await page.getByLabel(t("payments.last4"), { exact: true }).fill("4242");
    await page.getByRole("form", { name: t("payments.method.label") }).locator("button[type=submit]").click();
    const receipt = (await page.getByTestId("receipt-number").textContent())!.trim();
    expect(receipt).toMatch(/^\d{4}-F-\d{6}$/);
    expect(receipt).not.toBe(saleReceipt);

    await page.goto(`/clients/${client.id}`);
    const history = page.getByRole("list", { name: t("clientPayments.history") });
    await history.getByRole("link", { name: receipt, exact: true }).waitFor();
    await history.getByText(euros(640, t.locale)).first().waitFor();
    await page.getByTestId("client-balance").getByText(t("clientPayments.settled"), { exact: true }).waitFor();
  });

  it("keeps a declined sale owed on the client's page until it is paid", async () => {
    const { page } = demo;
    const client = regular!;
    await page.goto(`/payments?client=${client.id}`);
    const t = await settledTranslator(page, "payments.title");
    await page.getByTestId("chosen-client").filter({ hasText: client.displayName }).waitFor();
    await addProduct(page, "Hilo dental");
    await payByCard(page, "4000 0000 0000 0002");
    await page.getByTestId("payment-error").filter({ hasText: t("errors.CARD_DECLINED") }).waitFor();

    await page.goto(`/clients/${client.id}`);
    await page.getByTestId("client-balance").getByText(t("clientPayments.owes", { amount: euros(320, t.locale) }), { exact: true }).waitFor();
    const owed = page.getByRole("list", { name: t("clientPayments.openCharges") }).getByRole("listitem").filter({ hasText: "Hilo dental" });
    await owed.getByRole("link", { name: t("clientPayments.pay"), exact: true }).click();
    await page.waitForURL(/\/payments\?charge=/);
    await page.getByTestId("chosen-client").filter({ hasText: client.displayName }).waitFor();
    await page.getByRole("row").filter({ hasText: "Hilo dental" }).waitFor();
    await page.getByRole("radio", { name: t("payments.method.cash") }).check();
    await page.getByRole("form", { name: t("payments.method.label") }).locator("button[type=submit]").click();
    await page.getByTestId("receipt-number").waitFor();

    await page.goto(`/clients/${client.id}`);
    await page.getByTestId("client-balance").getByText(t("clientPayments.settled"), { exact: true }).waitFor();
    expect(await page.getByRole("list", { name: t("clientPayments.openCharges") }).count()).toBe(0);
  });

  it("pays part of a sale in cash, then the rest by card, and the client's balance goes to zero", async () => {
    const { page } = demo;
    const client = regular!;
    const t = await startClientSale(page, client, "Hilo dental");
    await page.getByLabel(t("payments.line.quantityOf", { item: "Hilo dental" }), { exact: true }).fill("2");
    await page.getByTestId("sale-total").filter({ hasText: euros(640, t.locale) }).waitFor();
    const amount = page.getByLabel(t("payments.amount"), { exact: true });
    // What is owed by default; more than that is refused before anything is sent.
    expect(await amount.inputValue()).toBe("6.40");
    await amount.fill("7");
    await page.getByText(t("errors.AMOUNT_ABOVE_BALANCE"), { exact: true }).waitFor();
    await amount.fill("2.40");
    await page.getByRole("radio", { name: t("payments.method.cash") }).check();
    await page.getByRole("form", { name: t("payments.method.label") }).getByRole("button", { name: t("payments.submit", { amount: euros(240, t.locale) }), exact: true }).click();
    const first = (await page.getByTestId("receipt-number").textContent())!.trim();
    await page.getByText(t("payments.result.stillOwed", { amount: euros(400, t.locale) }), { exact: true }).waitFor();

    await page.getByRole("button", { name: t("payments.payRest"), exact: true }).click();
    expect(await page.getByLabel(t("payments.amount"), { exact: true }).inputValue()).toBe("4.00");
    await payByCard(page, "4242 4242 4242 4242");
    await page.getByTestId("receipt-number").filter({ hasNotText: first }).waitFor();

    await page.goto(`/clients/${client.id}`);
    await page.getByTestId("client-balance").getByText(t("clientPayments.settled"), { exact: true }).waitFor();
    const history = page.getByRole("list", { name: t("clientPayments.history") });
    await history.getByRole("link", { name: first, exact: true }).waitFor();
    await history.getByText(euros(400, t.locale)).first().waitFor();
  });

  it("cancels an unpaid sale after a declined card, at the desk and from the client's page", async () => {
    const { page } = demo;
    const client = regular!;
    let t = await startClientSale(page, client, "Hilo dental");
    await payByCard(page, "4000 0000 0000 0002");
    await page.getByTestId("payment-error").filter({ hasText: t("errors.CARD_DECLINED") }).waitFor();
    await page.getByRole("button", { name: t("payments.cancelSale"), exact: true }).click();
    await page.getByRole("button", { name: t("payments.cancelSale.yes"), exact: true }).click();
    await page.getByTestId("sale-cancelled").waitFor();
    expect(await page.getByRole("form", { name: t("payments.method.label") }).count()).toBe(0);

    // Another declined sale, cancelled from the client's page.
    t = await startClientSale(page, client, "Cepillo interdental");
    await payByCard(page, "4000 0000 0000 0002");
    await page.getByTestId("payment-error").filter({ hasText: t("errors.CARD_DECLINED") }).waitFor();
    await page.goto(`/clients/${client.id}`);
    await page.getByTestId("client-balance").getByText(t("clientPayments.owes", { amount: euros(450, t.locale) }), { exact: true }).waitFor();
    const owed = page.getByRole("list", { name: t("clientPayments.openCharges") }).getByRole("listitem").filter({ hasText: "Cepillo interdental" });
    await owed.getByRole("button", { name: t("payments.cancelSale"), exact: true }).click();
    await owed.getByRole("button", { name: t("payments.cancelSale.yes"), exact: true }).click();
    await page.getByTestId("client-balance").getByText(t("clientPayments.settled"), { exact: true }).waitFor();
    expect(await page.getByRole("list", { name: t("clientPayments.openCharges") }).count()).toBe(0);
  });

  it("lists receipts with the customer and finds them by name", async () => {
    const { page } = demo;
    const client = regular!;
    await page.goto("/payments/receipts");
    const t = await settledTranslator(page, "receipts.title");
    const table = page.getByRole("table");
    await table.getByRole("columnheader", { name: t("receipts.customer"), exact: true }).waitFor();
    // The name typed without its accents or capitals.
    await page.getByLabel(t("receipts.filter.client"), { exact: true }).fill(foldForSearch(client.displayName).toUpperCase());
    await table.getByRole("row").filter({ hasText: client.displayName }).first().waitFor();
    await page.waitForFunction(
      ([name]) => [...document.querySelectorAll("tbody tr")].every((row) => row.textContent?.includes(name!)),
      [client.displayName],
    );
    expect(await table.getByRole("row").filter({ hasText: client.displayName }).count()).toBeGreaterThanOrEqual(3);
  });

  it("charges an appointment's service, taken from the schedule", async () => {
    const { page } = demo;
    const offices = await callApi<{ id: string; address: { city: string } }[]>(page, "query", "offices.list", undefined);
    const madrid = offices.find((office) => office.address.city === "Madrid")!;
    const from = new Date();
    const to = new Date(from.getTime() + 14 * 86_400_000);
    const appointments = await callApi<{ id: string; status: string; serviceName: string; clientName: string }[]>(page, "query", "appointments.agenda", { officeId: madrid.id, from: from.toISOString(), to: to.toISOString() });
    const appointment = appointments.find((candidate) => candidate.status === "booked" || candidate.status === "confirmed")!;

    // Where the appointment dialog's "Take payment" leads.
    await page.goto(`/payments?appointment=${appointment.id}&office=${madrid.id}`);
    const t = await settledTranslator(page, "payments.title");
    await page.getByTestId("chosen-client").filter({ hasText: appointment.clientName }).waitFor();
    await page.getByRole("row").filter({ hasText: appointment.serviceName }).filter({ hasText: t("payments.line.fromAppointment") }).waitFor();
    await page.getByRole("radio", { name: t("payments.method.cash") }).check();
    await page.getByRole("form", { name: t("payments.method.label") }).locator("button[type=submit]").click();
    await page.getByTestId("receipt-number").waitFor();
    const frame = page.frameLocator("iframe");
    await frame.getByText(appointment.serviceName).first().waitFor();
  });

  it("holds a receptionist's refund above the office's limit until a manager approves it", async () => {
    const { page, server } = demo;
    let t = await pageTranslator(page);
    await page.goto("/settings/products");
    await page.getByRole("heading", { level: 1, name: t("products.title") }).waitFor();
    await chooseMadrid(page);
    await page.getByLabel(t("paymentSettings.threshold", { currency: "EUR" }), { exact: true }).fill("10");
    await page.locator("form").filter({ has: page.getByLabel(t("paymentSettings.threshold", { currency: "EUR" }), { exact: true }) }).getByRole("button", { name: t("common.save"), exact: true }).click();
    await page.getByText(t("paymentSettings.saved"), { exact: true }).waitFor();

    const browser = await launchBrowser();
    try {
      const desk = await (await newContext(browser, server.url)).newPage();
      await desk.goto("/sign-in");
      await signIn(desk, receptionist.email, receptionist.password);
      await desk.waitForURL("**/clients");
      let r = await settledTranslator(desk, "clients.title");
      await desk.goto("/payments");
      r = await settledTranslator(desk, "payments.title");
      await desk.getByLabel(r("payments.desk"), { exact: true }).fill("desk-3");
      await addProduct(desk, "Kit de blanqueamiento");
      await payByCard(desk, "5555 5555 5555 4444");
      await desk.getByRole("link", { name: r("payments.result.openReceipt"), exact: true }).click();
      await desk.getByRole("heading", { name: r("refund.title"), exact: true }).waitFor();
      await desk.getByLabel(r("refund.amount"), { exact: true }).fill("20");
      await desk.getByLabel(r("refund.reason"), { exact: true }).selectOption("keying_error");
      await desk.getByRole("button", { name: r("refund.submit"), exact: true }).click();
      await desk.getByText(r("refund.pendingApproval", { amount: euros(2000, r.locale) }), { exact: true }).waitFor();
      await desk.getByRole("list", { name: r("refund.list") }).getByText(r("refund.status.pending_approval"), { exact: true }).waitFor();
      expect(await desk.getByTestId("payment-status").textContent()).toBe(r("payment.status.captured"));

      // The manager's queue.
      await page.getByRole("link", { name: t("receipts.title"), exact: true }).click();
      t = await pageTranslator(page);
      const queue = page.getByRole("region", { name: t("refund.pendingTitle") });
      await queue.getByText(euros(2000, t.locale)).first().waitFor();
      await queue.getByRole("button", { name: t("refund.approve"), exact: true }).click();
      await page.getByText(t("refund.approved", { amount: euros(2000, t.locale) }), { exact: true }).waitFor();

      await desk.reload();
      await desk.getByTestId("payment-status").filter({ hasText: r("payment.status.partially_refunded") }).waitFor();
      await desk.getByRole("list", { name: r("refund.list") }).getByText(r("refund.status.completed"), { exact: true }).waitFor();
    } finally {
      await browser.close();
    }
  });
});
