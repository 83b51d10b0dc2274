import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, launchBrowser, newContext, pageTranslator, settledTranslator, signIn, startServer, type RunningServer } from "./harness";

let server: RunningServer;
let browser: Browser;
let desk: BrowserContext;
let office: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  desk = await newContext(browser, server.url);
  page = await desk.newPage();
});

afterAll(async () => {
  await desk?.close();
  await office?.close();
  await browser?.close();
  await server?.stop();
});

async function signInAs(target: Page, email: string, password: string) {
  await target.goto("/");
  await target.waitForURL("**/sign-in");
  await signIn(target, email, password);
  await target.waitForURL("**/clients");
  return settledTranslator(target, "clients.title");
}

async function signOut(target: Page) {
  const t = await pageTranslator(target);
  await target.getByRole("button", { name: new RegExp(`^${t("shell.accountMenu")}`) }).click();
  await target.getByRole("menuitem", { name: t("auth.signOut"), exact: true }).click();
  await target.waitForURL("**/sign-in");
}

describe("the owner adds a receptionist", () => {
  const suffix = Math.random().toString(36).slice(2, 6);
  const name = `Noelia Prieto ${suffix}`;
  const email = `noelia.${suffix}@demo.frontoffice.test`;
  const temporary = `bienvenida-${suffix}-2026`;

  it("opens Staff from the navigation and adds a receptionist with a temporary password", async () => {
    let t = await signInAs(page, DEMO.owner.email, DEMO.owner.password);
    await page.getByRole("navigation").getByRole("link", { name: t("nav.staff"), exact: true }).click();
    await page.waitForURL("**/staff");
    t = await settledTranslator(page, "staff.title");
    await page.getByRole("link", { name: t("staff.new"), exact: true }).click();
    await page.waitForURL("**/staff/new");
    t = await settledTranslator(page, "staffForm.newTitle");

    // The owner may grant every role, the owner role included.
    await page.getByRole("checkbox", { name: new RegExp(`^${t("role.owner")}`) }).waitFor();
    expect(await page.getByRole("checkbox", { name: new RegExp(`^${t("role.owner")}`) }).isEnabled()).toBe(true);

    await page.getByLabel(t("staffForm.displayName"), { exact: true }).fill(name);
    await page.getByLabel(t("staffForm.email"), { exact: true }).fill(email);
    await page.getByLabel(new RegExp(`^${t("staff.temporaryPassword")}`)).fill(temporary);
    await page.getByRole("checkbox", { name: new RegExp(`^${t("role.receptionist")}`) }).check();
    await page.getByRole("checkbox", { name: /Madrid/ }).check();
    await page.getByRole("button", { name: t("staffForm.create"), exact: true }).click();

    await page.waitForURL("**/staff");
    const row = page.getByRole("listitem", { name, exact: true });
    await row.waitFor();
    await row.getByText(t("role.receptionist"), { exact: true }).waitFor();
    await row.getByText(/Madrid/).waitFor();
  });

  it("signs out; the receptionist signs in with the temporary password and sees Clients, but no staff management", async () => {
    await signOut(page);
    let t = await signInAs(page, email, temporary);
    const nav = page.getByRole("navigation");
    await nav.getByRole("link", { name: t("nav.clients"), exact: true }).waitFor();
    await page.getByRole("heading", { level: 1, name: t("clients.title") }).waitFor();

    await nav.getByRole("link", { name: t("nav.staff"), exact: true }).click();
    await page.waitForURL("**/staff");
    t = await settledTranslator(page, "staff.title");
    await page.getByText(t("staff.readOnly")).waitFor();
    await page.getByRole("listitem", { name, exact: true }).waitFor();
    expect(await page.getByRole("link", { name: t("staff.new") }).count()).toBe(0);
    for (const label of [t("common.edit"), t("staff.deactivate"), t("staff.resetPassword")]) {
      expect(await page.getByRole("button", { name: label }).count(), label).toBe(0);
      expect(await page.getByRole("link", { name: label }).count(), label).toBe(0);
    }
    await page.goto("/staff/new");
    await page.getByText(t("staff.readOnly")).waitFor();
    expect(await page.getByRole("button", { name: t("staffForm.create") }).count()).toBe(0);
  });

  it("a manager cannot grant the owner role, nor change the owner", async () => {
    office = await newContext(browser, server.url);
    const managerPage = await office.newPage();
    let t = await signInAs(managerPage, DEMO.manager.email, DEMO.manager.password);
    await managerPage.goto("/staff/new");
    t = await settledTranslator(managerPage, "staffForm.newTitle");
    const owner = managerPage.getByRole("checkbox", { name: new RegExp(`^${t("role.owner")}`) });
    await owner.waitFor();
    expect(await owner.isDisabled()).toBe(true);
    await managerPage.getByText(t("staffForm.ownerReserved")).waitFor();
    expect(await managerPage.getByRole("checkbox", { name: new RegExp(`^${t("role.manager")}`) }).isEnabled()).toBe(true);

    await managerPage.goto("/staff");
    t = await settledTranslator(managerPage, "staff.title");
    const ownerRow = managerPage.getByRole("listitem", { name: "Carmen Ortega", exact: true });
    await ownerRow.waitFor();
    expect(await ownerRow.getByRole("button").count()).toBe(0);
    expect(await ownerRow.getByRole("link").count()).toBe(0);
  });

  it("a manager deactivates the receptionist, whose open session ends at once", async () => {
    const managerPage = office.pages()[0]!;
    const t = await pageTranslator(managerPage);
    const row = managerPage.getByRole("listitem", { name, exact: true });
    await row.getByRole("button", { name: t("staff.deactivate"), exact: true }).click();
    const dialog = managerPage.getByRole("dialog", { name: t("staff.deactivate.title", { name }) });
    await dialog.getByRole("button", { name: t("staff.deactivate"), exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    // Gone from the active list, listed among the deactivated.
    await row.waitFor({ state: "detached" });
    await managerPage.getByLabel(t("staff.filter.status"), { exact: true }).selectOption("inactive");
    await managerPage.getByRole("listitem", { name, exact: true }).getByText(t("staff.inactiveBadge"), { exact: true }).waitFor();

    // The receptionist, still on the staff page in another browser, is sent back to sign-in.
    await page.reload();
    await page.waitForURL("**/sign-in");
  });
});
