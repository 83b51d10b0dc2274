/**
 * Call routing settings, end to end: a manager opens the call settings of the Madrid clinic, gives
 * a colleague an extension and languages, adds a rule that reads as a sentence, and is told in
 * their language that an overflow going round in a circle is refused (and nothing changed); then
 * connects a phone system, sees its secret once beside the webhook URL, and revokes it.
 */
import { DEMO_LOGINS } from "@frontoffice/db";
import { describe, expect, it } from "vitest";
import { settledTranslator, signIn, useDemoPage } from "./harness";

const manager = DEMO_LOGINS.find((login) => login.role === "manager")!;
const demo = useDemoPage();
const MADRID = "Clínica Dental Retiro";
const COLLEAGUE = "Andrés Gil";
const EXTENSION = "2099";

describe("call routing settings of the Madrid clinic", () => {
  it("a manager opens the call settings from the settings page", async () => {
    const { page } = demo;
    await page.goto("/");
    await page.waitForURL("**/sign-in");
    await signIn(page, manager.email, manager.password);
    await page.waitForURL("**/clients");
    let t = await settledTranslator(page, "clients.title");
    await page.getByRole("navigation").getByRole("link", { name: t("nav.settings"), exact: true }).click();
    await page.waitForURL("**/settings");
    t = await settledTranslator(page, "settings.title");
    await page.getByRole("link", { name: t("callSettings.open"), exact: true }).click();
    await page.waitForURL("**/settings/calls");
    t = await settledTranslator(page, "callSettings.title");
    await page.getByLabel(t("callSettings.office"), { exact: true }).selectOption({ label: MADRID });
    await page.getByRole("heading", { name: t("callSettings.office.title", { office: MADRID }) }).waitFor();
  });

  it("gives a colleague an extension and the languages they speak", async () => {
    const { page } = demo;
    const t = await settledTranslator(page, "callSettings.title");
    const form = page.getByRole("form", { name: t("callSettings.staff.formLabel", { name: COLLEAGUE }) });
    const italian = new Intl.DisplayNames([t.locale], { type: "language" }).of("it")!;
    await form.getByLabel(t("callSettings.staff.extensionOf", { name: COLLEAGUE })).fill(EXTENSION);
    await form.getByLabel(t("callSettings.staff.speaks", { name: COLLEAGUE, language: italian })).check();
    await form.getByRole("button", { name: t("callSettings.staff.saveFor", { name: COLLEAGUE }) }).click();
    await page.getByRole("region", { name: t("common.notifications") }).getByText(t("callSettings.staff.saved", { name: COLLEAGUE })).waitFor();

    // Read back after a reload: saved on the server.
    await page.reload();
    await page.getByLabel(t("callSettings.office"), { exact: true }).selectOption({ label: MADRID });
    const saved = page.getByRole("form", { name: t("callSettings.staff.formLabel", { name: COLLEAGUE }) });
    await saved.waitFor();
    expect(await saved.getByLabel(t("callSettings.staff.extensionOf", { name: COLLEAGUE })).inputValue()).toBe(EXTENSION);
    expect(await saved.getByLabel(t("callSettings.staff.speaks", { name: COLLEAGUE, language: italian })).isChecked()).toBe(true);
  });

  it("adds a rule for Italian callers, shown as a sentence", async () => {
    const { page } = demo;
    const t = await settledTranslator(page, "callSettings.title");
    const italian = new Intl.DisplayNames([t.locale], { type: "language" }).of("it")!;
    await page.getByRole("button", { name: t("callSettings.rules.add"), exact: true }).click();
    const form = page.getByRole("form", { name: t("callSettings.rules.newTitle") });
    await form.getByLabel(t("callSettings.rules.name"), { exact: true }).fill("Pazienti italiani");
    await form.getByLabel(italian, { exact: true }).check();
    await form.getByLabel(t("callSettings.rules.targetDepartment")).selectOption({ label: "Citas" });
    const sentence = `${t("callSettings.rule.calls", { conditions: t("callSettings.rule.inLanguage", { languages: italian }) })} → Citas`;
    await form.getByText(sentence).waitFor();
    await form.getByRole("button", { name: t("callSettings.rules.save"), exact: true }).click();
    await page.getByRole("region", { name: t("common.notifications") }).getByText(t("callSettings.rules.added", { name: "Pazienti italiani" })).waitFor();
    const rules = page.getByRole("list", { name: t("callSettings.rules.listLabel") });
    await rules.getByRole("listitem").filter({ hasText: "Pazienti italiani" }).filter({ hasText: sentence }).waitFor();
  });

  it("is refused an overflow that would go round in a circle, in their language, and nothing changes", async () => {
    const { page } = demo;
    const t = await settledTranslator(page, "callSettings.title");
    // Recepción already overflows to Citas in the demo: Citas back to Recepción closes a circle.
    const form = page.getByRole("form", { name: t("callSettings.departments.formLabel", { name: "Citas" }) });
    await form.getByLabel(`${t("callSettings.departments.overflow")} (Citas)`).selectOption({ label: t("callSettings.overflow.department", { name: "Recepción" }) });
    await form.getByRole("button", { name: t("callSettings.departments.save"), exact: true }).click();
    const alert = form.getByRole("alert");
    await alert.waitFor();
    expect(t.locale).toBe(manager.locale);
    const text = await alert.textContent();
    expect(text).toContain(t("errors.ROUTING_OVERFLOW_CYCLE"));
    expect(text).toMatch(/Recepción → Citas → Recepción|Citas → Recepción → Citas/);

    await page.reload();
    await page.getByLabel(t("callSettings.office"), { exact: true }).selectOption({ label: MADRID });
    const reloaded = page.getByRole("form", { name: t("callSettings.departments.formLabel", { name: "Citas" }) });
    await reloaded.waitFor();
    expect(await reloaded.getByLabel(`${t("callSettings.departments.overflow")} (Citas)`).inputValue()).toBe("voicemail");
  });

  it("connects a phone system: the secret once, with the webhook URL; then revokes it", async () => {
    const { page } = demo;
    const t = await settledTranslator(page, "callSettings.title");
    const add = page.getByRole("form", { name: t("callSettings.telephony.add") });
    await add.getByLabel(t("callSettings.telephony.label"), { exact: true }).fill("Centralita Retiro");
    await add.getByRole("button", { name: t("callSettings.telephony.add"), exact: true }).click();
    const created = page.getByRole("region", { name: t("callSettings.telephony.createdTitle", { label: "Centralita Retiro" }) });
    await created.waitFor();
    const values = await created.locator("code").allTextContents();
    expect(values[0]).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(values[1]).toMatch(/\/telephony\/[0-9a-f-]{36}\/events$/);
    await created.getByRole("button", { name: t("callSettings.telephony.done") }).click();
    // The list never shows the secret again, only the URL to paste into the phone system.
    const item = page.getByRole("listitem").filter({ hasText: "Centralita Retiro" });
    await item.waitFor();
    expect(await item.textContent()).not.toContain(values[0]!);
    expect(await item.locator("code").allTextContents()).toEqual([values[1]]);

    await item.getByRole("button", { name: t("callSettings.telephony.revokeItem", { label: "Centralita Retiro" }) }).click();
    await page.getByRole("dialog").getByRole("button", { name: t("callSettings.telephony.revoke"), exact: true }).click();
    await item.getByText(t("callSettings.telephony.revoked"), { exact: true }).waitFor();
  });
});
