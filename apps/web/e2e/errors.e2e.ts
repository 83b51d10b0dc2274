import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, newContext, pageTranslator, randomSpanishMobile, settledTranslator, signIn, startServer, type RunningServer } from "./harness";

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await newContext(browser, server.url);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe("signing in", () => {
  it("says clearly when the password is wrong and stays on sign-in", async () => {
    await page.goto("/sign-in");
    const t = await pageTranslator(page);
    await signIn(page, DEMO.receptionist.email, "not-the-password");
    await page.getByRole("alert").filter({ hasText: t("auth.signIn.invalidCredentials") }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(await page.getByLabel(t("auth.email"), { exact: true }).inputValue()).toBe(DEMO.receptionist.email);
    await page.getByRole("heading", { level: 1, name: t("auth.signIn.title") }).waitFor();
  });
});

describe("the client form", () => {
  it("shows a translated error for an invalid DNI and keeps everything typed", async () => {
    await signIn(page, DEMO.receptionist.email, DEMO.receptionist.password);
    await page.waitForURL("**/clients");
    let t = await settledTranslator(page, "clients.title");
    await page.getByRole("link", { name: t("clients.new"), exact: true }).click();
    t = await settledTranslator(page, "clientForm.newTitle");

    const office = page.getByLabel(t("field.office"), { exact: true });
    const madrid = (await office.locator("option").allTextContents()).find((name) => /madrid/i.test(name));
    expect(madrid).toBeTruthy();
    await office.selectOption({ label: madrid as string });
    const phone = randomSpanishMobile();
    await page.getByLabel(t("field.givenName"), { exact: true }).fill("Lucía");
    await page.getByLabel(t("field.familyName"), { exact: true }).fill("Fernández");
    await page.getByLabel(t("field.phoneNumber", { n: 1 }), { exact: true }).fill(phone);
    await page.getByLabel(t("field.nationalIdType"), { exact: true }).selectOption("es_dni");
    const id = page.getByLabel(new RegExp(`^${t("field.nationalIdValue")}`));
    await id.fill("12345678A");
    await page.getByRole("button", { name: t("clientForm.create"), exact: true }).click();

    await page.getByText(t("validation.national_id_invalid"), { exact: true }).waitFor();
    expect(await id.getAttribute("aria-invalid")).toBe("true");
    expect(await id.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/clients/new");
    expect(await id.inputValue()).toBe("12345678A");
    expect(await page.getByLabel(t("field.givenName"), { exact: true }).inputValue()).toBe("Lucía");
    expect(await page.getByLabel(t("field.familyName"), { exact: true }).inputValue()).toBe("Fernández");
    expect(await page.getByLabel(t("field.phoneNumber", { n: 1 }), { exact: true }).inputValue()).toBe(phone);
    expect(await office.inputValue()).not.toBe("");
  });
});

describe("a session that ends", () => {
  it("sends the user back to sign-in with a message, and back to where they were after signing in", async () => {
    // Signed in from the previous spec, on the new-client form. The session disappears (as when
    // it expires or is revoked from another device).
    let t = await pageTranslator(page);
    await context.clearCookies();
    await page.getByRole("navigation").getByRole("link", { name: t("nav.clients"), exact: true }).click();
    // The next call to the server finds no session.
    await page.getByLabel(t("clients.search.label"), { exact: true }).fill("garcía");

    await page.waitForURL("**/sign-in");
    t = await pageTranslator(page);
    await page.getByText(t("auth.reason.expired"), { exact: true }).waitFor();

    await signIn(page, DEMO.receptionist.email, DEMO.receptionist.password);
    // Back on the list, with the search that was under way.
    await page.waitForURL(/\/clients\?q=/);
    t = await settledTranslator(page, "clients.title");
    expect(await page.getByLabel(t("clients.search.label"), { exact: true }).inputValue()).toBe("garcía");
  });
});
