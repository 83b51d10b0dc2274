/**
 * The knowledge base, end to end: a receptionist of the Milan office searches in Italian and
 * finds the Italian answer; a question with no answer is logged, a manager writes the answer in
 * another browser, and the receptionist's next search finds it.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO, settledTranslator, useDemoBrowser } from "./harness";

/** The Milan office's receptionist in the demo (Italian interface). */
const MILAN_DESK = { email: "chiara.greco@demo.frontoffice.test", password: DEMO.manager.password };

const demo = useDemoBrowser();

async function openAnswersAs(email: string, password: string): Promise<{ page: Page; t: Awaited<ReturnType<typeof settledTranslator>> }> {
  const page = await demo.signedInPage(email, password);
  let t = await settledTranslator(page, "clients.title");
  await page.getByRole("navigation").getByRole("link", { name: t("nav.answers"), exact: true }).click();
  await page.waitForURL("**/answers");
  t = await settledTranslator(page, "answers.title");
  return { page, t };
}

async function search(page: Page, t: Awaited<ReturnType<typeof settledTranslator>>, query: string) {
  const box = page.getByRole("combobox", { name: t("answers.search.label") });
  await box.fill(query);
  return box;
}

describe("answers at the Milan desk", () => {
  it("finds the Italian opening hours for a caller's question, by keyboard", async () => {
    const { page, t } = await openAnswersAs(MILAN_DESK.email, MILAN_DESK.password);
    expect(t.locale).toBe("it");
    expect(await page.getByLabel(t("answers.search.language"), { exact: true }).inputValue()).toBe("it");

    await page.keyboard.press("/");
    const box = page.getByRole("combobox", { name: t("answers.search.label") });
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type("A che ora aprite?");
    const first = page.getByRole("listbox", { name: t("answers.search.results") }).getByRole("option").first();
    await expect.poll(() => first.textContent()).toContain("Orari di apertura dello studio");
    await box.press("Enter");
    await expect.poll(() => page.getByTestId("answer-body").textContent()).toContain("dalle 9:00 alle 13:00");
  });

  it("logs a question with no answer, a manager writes the answer, and the desk then finds it", async () => {
    const desk = await openAnswersAs(MILAN_DESK.email, MILAN_DESK.password);
    const question = "Avete un defibrillatore?";
    await search(desk.page, desk.t, question);
    await expect.poll(() => desk.page.getByText(desk.t("answers.search.none", { query: question })).isVisible()).toBe(true);
    await desk.page.getByRole("button", { name: desk.t("answers.log.open"), exact: true }).last().click();
    const dialog = desk.page.getByRole("dialog");
    expect(await dialog.getByLabel(desk.t("answers.log.question")).inputValue()).toBe(question);
    await dialog.getByRole("button", { name: desk.t("answers.log.submit"), exact: true }).click();
    await expect.poll(() => desk.page.getByText(desk.t("answers.log.done")).isVisible()).toBe(true);

    const manager = await openAnswersAs(DEMO.manager.email, DEMO.manager.password);
    const waiting = manager.page.locator("[data-unanswered]", { hasText: question });
    await expect.poll(() => waiting.count()).toBe(1);
    await waiting.getByRole("button", { name: manager.t("answers.unanswered.write"), exact: true }).click();
    const form = manager.page.getByRole("dialog");
    expect(await form.getByLabel(manager.t("answers.form.question"), { exact: true }).inputValue()).toBe(question);
    await form.getByLabel(manager.t("answers.form.body"), { exact: true }).fill("Sì, il defibrillatore è alla reception, accanto all'ingresso.");
    await form.getByRole("button", { name: manager.t("answers.unanswered.save"), exact: true }).click();
    await expect.poll(() => waiting.count()).toBe(0);

    await search(desk.page, desk.t, "defibrillatore");
    const found = desk.page.getByRole("listbox", { name: desk.t("answers.search.results") }).getByRole("option").first();
    await expect.poll(() => found.textContent()).toContain(question);
    await found.click();
    await expect.poll(() => desk.page.getByTestId("answer-body").textContent()).toContain("accanto all'ingresso");
  });
});
