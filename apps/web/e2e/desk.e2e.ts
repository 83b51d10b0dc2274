/**
 * The reception console, end to end, at the Madrid clinic of the demo: a manager rings a
 * simulated call from a known client's number; the receptionist's console pops the client's
 * record, she answers and transfers it to a department, and a second console (another
 * receptionist, another browser) sees the call appear and move without reloading. A message
 * taken for someone who is out reaches their bell. And the console works by keyboard alone.
 */
import { DEMO_CALLER_NUMBERS } from "@frontoffice/db";
import type { CallerIdentification, CallStatus } from "@frontoffice/domain";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Translator } from "../src/i18n/translate";
import { callApi, DEMO, settledTranslator, useDemoBrowser } from "./harness";

const MADRID_OFFICE = "Clínica Dental Retiro";
/** A Madrid department (the preset's second, "Citas", extension 101) where Andrés Gil works. */
const DEPARTMENT = "Citas";
/** The second Madrid receptionist: the other console. */
const OTHER_DESK = { email: "pilar.sanchez@demo.frontoffice.test", password: DEMO.receptionist.password };
/** The Madrid manager, on a break in the demo: messages are taken for him. */
const JAVIER = { name: "Javier Navarro", email: "javier.navarro@demo.frontoffice.test", password: DEMO.receptionist.password };

const demo = useDemoBrowser();

interface Desk {
  page: Page;
  t: Translator;
}

/** Signs in and opens the console on the Madrid office, live. */
async function openDesk(email: string, password: string): Promise<Desk> {
  const page = await demo.signedInPage(email, password);
  let t = await settledTranslator(page, "clients.title");
  await page.getByRole("navigation", { name: t("nav.label") }).getByRole("link", { name: t("nav.desk"), exact: true }).click();
  await page.waitForURL("**/desk");
  t = await settledTranslator(page, "desk.title");
  return onMadridLive(page, t);
}

/** Picks the Madrid office where the staff member has several, and waits for the live feed. */
async function onMadridLive(page: Page, t: Translator): Promise<Desk> {
  const picker = page.getByLabel(t("visitors.office"), { exact: true });
  if ((await picker.count()) > 0) await picker.selectOption({ label: MADRID_OFFICE });
  await page.locator('[data-connection="connected"]').waitFor();
  return { page, t };
}

/** The console's row of the call from `caller`. */
function lineOf(desk: Desk, caller: string): Locator {
  return desk.page.getByTestId("call-line").filter({ hasText: caller });
}

async function waitForStatus(line: Locator, statuses: readonly CallStatus[]): Promise<CallStatus> {
  const badge = line.locator(statuses.map((status) => `[data-call-status="${status}"]`).join(", "));
  await badge.first().waitFor();
  return (await badge.first().getAttribute("data-call-status")) as CallStatus;
}

/** The demo's known Madrid caller (their number is seeded as theirs alone) and the name the desk should show. */
async function knownCaller(page: Page, officeId: string): Promise<{ name: string; number: string }> {
  const number = DEMO_CALLER_NUMBERS.madrid;
  const identified = await callApi<CallerIdentification>(page, "query", "calls.identify", { officeId, number });
  expect(identified.clients).toHaveLength(1);
  return { name: identified.clients[0]!.displayName, number };
}

async function madridOfficeId(page: Page): Promise<string> {
  const offices = await callApi<{ id: string; name: string }[]>(page, "query", "offices.list", {});
  const office = offices.find((candidate) => candidate.name === MADRID_OFFICE);
  if (!office) throw new Error(`${MADRID_OFFICE} is not in the demo`);
  return office.id;
}

/** Reception's extension at the Madrid clinic (the preset's first department, "Recepción"). */
const RECEPTION_EXTENSION = "100";

/** The manager's simulator: rings a call into Madrid from `number`, dialling reception (as a phone system would). */
async function ring(manager: Desk, number: string, callerName?: string): Promise<void> {
  const { page, t } = manager;
  const form = page.getByRole("form", { name: t("desk.simulator.title") });
  await form.getByLabel(t("desk.simulator.from"), { exact: true }).fill(number);
  await form.getByLabel(new RegExp(`^${t("desk.simulator.callerName")}`)).fill(callerName ?? "");
  await form.getByLabel(new RegExp(`^${t("desk.simulator.extension")}`)).fill(RECEPTION_EXTENSION);
  await form.getByRole("button", { name: t("desk.simulator.ring"), exact: true }).click();
}

async function openSimulator(): Promise<Desk> {
  const page = await demo.signedInPage(DEMO.manager.email, DEMO.manager.password);
  await settledTranslator(page, "clients.title");
  await page.goto("/desk/simulator");
  return onMadridLive(page, await settledTranslator(page, "desk.simulator.title"));
}

describe("the reception console at the Madrid clinic", () => {
  it("pops a known caller's record, answers and transfers; another console sees the call move live", async () => {
    const desk = await openDesk(DEMO.receptionist.email, DEMO.receptionist.password);
    const other = await openDesk(OTHER_DESK.email, OTHER_DESK.password);
    const manager = await openSimulator();
    const officeId = await madridOfficeId(desk.page);
    const caller = await knownCaller(desk.page, officeId);

    await ring(manager, caller.number);

    // The receptionist's console: the call rings (or waits) on a line with the client's record popped.
    const line = lineOf(desk, caller.name);
    expect(await waitForStatus(line, ["ringing", "queued"])).toMatch(/ringing|queued/);
    // Nothing clicked: the ringing call is selected and its caller's record pops up.
    const record = desk.page.getByTestId("caller-record");
    await record.getByRole("link", { name: caller.name, exact: true }).waitFor();

    // The other console sees the same call, without reloading.
    const seen = lineOf(other, caller.name);
    await waitForStatus(seen, ["ringing", "queued"]);

    // She answers: connected on both consoles.
    await desk.page.getByRole("toolbar", { name: desk.t("desk.actions") }).getByRole("button", { name: new RegExp(`^${desk.t("desk.action.answer")}`) }).click();
    await waitForStatus(line, ["connected"]);
    await waitForStatus(seen, ["connected"]);

    // Blind transfer to a department: the call leaves her and rings (or queues) there.
    await desk.page.getByRole("toolbar", { name: desk.t("desk.actions") }).getByRole("button", { name: new RegExp(`^${desk.t("desk.action.transfer")}`) }).click();
    const dialog = desk.page.getByRole("dialog", { name: desk.t("desk.transfer.title") });
    await dialog.getByLabel(desk.t("desk.transfer.to"), { exact: true }).selectOption({ label: DEPARTMENT });
    await dialog.getByRole("button", { name: desk.t("desk.transfer.submit"), exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    const moved = seen.filter({ hasText: DEPARTMENT });
    expect(await waitForStatus(moved, ["ringing", "queued", "transferring"])).not.toBe("connected");
    await waitForStatus(line.filter({ hasText: DEPARTMENT }), ["ringing", "queued", "transferring"]);

    // The caller hangs up: the line is free on both consoles.
    await manager.page.getByTestId("simulated-call").filter({ hasText: caller.name }).getByRole("button", { name: manager.t("desk.simulator.hangUp") }).click();
    await line.waitFor({ state: "detached" });
    await seen.waitFor({ state: "detached" });
  });

  it("a message taken for someone who is out reaches their bell", async () => {
    const javier = await demo.signedInPage(JAVIER.email, JAVIER.password);
    const javierT = await settledTranslator(javier, "clients.title");
    await javier.getByRole("button", { name: javierT("notifications.title"), exact: true }).waitFor();

    const desk = await openDesk(DEMO.receptionist.email, DEMO.receptionist.password);
    const caller = "Rosa Castillo";
    // No call selected: M takes a message all the same.
    await desk.page.keyboard.press("m");
    const dialog = desk.page.getByRole("dialog", { name: desk.t("desk.message.title") });
    // People are listed with their presence ("Javier Navarro (En pausa)"): pick him by name.
    const forWhom = dialog.getByLabel(desk.t("desk.message.for"), { exact: true });
    const option = await forWhom.locator("option", { hasText: JAVIER.name }).getAttribute("value");
    await forWhom.selectOption(option ?? "");
    await dialog.getByLabel(new RegExp(`^${desk.t("desk.message.callerName")}`)).fill(caller);
    await dialog.getByLabel(desk.t("desk.message.body"), { exact: true }).fill("Quiere adelantar la revisión del jueves.");
    await dialog.getByRole("checkbox", { name: desk.t("desk.message.callbackRequested") }).check();
    await dialog.getByRole("button", { name: desk.t("desk.message.submit"), exact: true }).click();
    await dialog.waitFor({ state: "hidden" });

    // His bell picks it up on its next poll (every 15 s) and leads to his messages.
    const count = javier.getByTestId("notifications-count");
    await count.waitFor({ timeout: 40_000 });
    await javier.locator("button", { has: count }).click();
    await javier.getByText(javierT("notifications.callMessage", { caller })).click({ timeout: 40_000 });
    await javier.waitForURL("**/desk/messages");
    const message = javier.getByTestId("call-message").filter({ hasText: caller });
    await message.getByText("Quiere adelantar la revisión del jueves.").waitFor();
    await message.getByRole("button", { name: javierT("desk.messages.markRead"), exact: true }).click();
    await javier.locator('[data-testid="call-message"][data-unread="false"]').filter({ hasText: caller }).waitFor();
  });

  it("an announced transfer waits for its target, who accepts it on their console", async () => {
    const desk = await openDesk(DEMO.receptionist.email, DEMO.receptionist.password);
    const other = await openDesk(OTHER_DESK.email, OTHER_DESK.password);
    const manager = await openSimulator();
    const caller = `Anunciada ${Date.now() % 10_000}`;
    await ring(manager, "+34 600 000 321", caller);

    const line = lineOf(desk, caller);
    await line.getByRole("button").click();
    const actions = desk.page.getByRole("toolbar", { name: desk.t("desk.actions") });
    await actions.getByRole("button", { name: new RegExp(`^${desk.t("desk.action.answer")}`) }).click();
    await waitForStatus(line, ["connected"]);

    await desk.page.keyboard.press("t");
    const dialog = desk.page.getByRole("dialog", { name: desk.t("desk.transfer.title") });
    const to = dialog.getByLabel(desk.t("desk.transfer.to"), { exact: true });
    await to.selectOption((await to.locator("option", { hasText: "Pilar Sánchez" }).getAttribute("value")) ?? "");
    await dialog.getByRole("radio", { name: new RegExp(`^${desk.t("desk.transfer.announced")}`) }).check();
    await dialog.getByRole("button", { name: desk.t("desk.transfer.submit"), exact: true }).click();
    await dialog.waitFor({ state: "hidden" });

    // The receptionist waits for Pilar, and could cancel; Pilar's console offers to accept.
    await waitForStatus(line, ["transferring"]);
    const waiting = desk.page.getByTestId("transfer-waiting");
    await waiting.getByText(desk.t("desk.transfer.waitingFor", { name: "Pilar Sánchez" })).waitFor();
    await waiting.getByRole("button", { name: desk.t("desk.transfer.cancel"), exact: true }).waitFor();
    const seen = lineOf(other, caller);
    await waitForStatus(seen, ["transferring"]);
    await seen.getByRole("button").click();
    await other.page.getByTestId("transfer-waiting").getByRole("button", { name: other.t("desk.transfer.accept"), exact: true }).click();

    // Connected with Pilar, on both consoles.
    await waitForStatus(seen.filter({ hasText: "Pilar Sánchez" }), ["connected"]);
    await waitForStatus(line.filter({ hasText: "Pilar Sánchez" }), ["connected"]);
    await manager.page.getByTestId("simulated-call").filter({ hasText: caller }).getByRole("button", { name: manager.t("desk.simulator.hangUp") }).click();
    await line.waitFor({ state: "detached" });
  });

  it("answers with A and hangs up with E, by keyboard alone", async () => {
    const desk = await openDesk(DEMO.receptionist.email, DEMO.receptionist.password);
    const manager = await openSimulator();
    const caller = `Teclado ${Date.now() % 10_000}`;
    await ring(manager, "+34 600 000 123", caller);

    const line = lineOf(desk, caller);
    await waitForStatus(line, ["ringing", "queued"]);
    // Select the caller's line with its number key (the console picks a ringing call anyway).
    const number = await line.getAttribute("data-line");
    await desk.page.keyboard.press(number ?? "1");
    await desk.page.keyboard.press("a");
    await waitForStatus(line, ["connected"]);
    await desk.page.keyboard.press("e");
    await line.waitFor({ state: "detached" });
  });
});
