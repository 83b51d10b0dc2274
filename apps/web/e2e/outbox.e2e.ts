/**
 * Messages to clients, end to end: a manager opens the outbox from settings, sees the reminders
 * the demo queued (recipients masked), and previews the Madrid clinic's reminder in Spanish and
 * in Italian.
 */
import { describe, expect, it } from "vitest";
import { DEMO, settledTranslator, signIn, useDemoPage } from "./harness";

const demo = useDemoPage();

describe("a manager checks the messages sent to clients", () => {
  it("opens the outbox from settings and previews a reminder in two languages", async () => {
    const { page } = demo;
    await page.goto("/");
    await page.waitForURL("**/sign-in");
    await signIn(page, DEMO.manager.email, DEMO.manager.password);
    await page.waitForURL("**/clients");
    let t = await settledTranslator(page, "clients.title");
    await page.getByRole("navigation").getByRole("link", { name: t("nav.settings"), exact: true }).click();
    await page.waitForURL("**/settings");
    t = await settledTranslator(page, "settings.title");
    await page.getByRole("link", { name: t("outbox.open"), exact: true }).click();
    await page.waitForURL("**/settings/outbox");
    t = await settledTranslator(page, "outbox.title");

    // No full address is ever on the page.
    const rows = page.locator("[data-outbox-message]");
    if ((await rows.count()) > 0) expect(await page.locator("table").innerText()).not.toMatch(/[a-z0-9.]+@[a-z0-9.-]+\.[a-z]{2,}/i);

    await page.getByLabel(t("outbox.preview.office"), { exact: true }).selectOption({ label: "Clínica Dental Retiro" });
    await page.getByLabel(t("outbox.preview.language"), { exact: true }).selectOption("es");
    const subject = page.getByTestId("reminder-subject");
    await expect.poll(() => subject.textContent()).toContain("Clínica Dental Retiro");
    const spanish = await subject.textContent();
    await page.getByLabel(t("outbox.preview.language"), { exact: true }).selectOption("it");
    await expect.poll(() => subject.textContent()).not.toBe(spanish);
    expect(await subject.textContent()).toContain("Clínica Dental Retiro");
  });
});
