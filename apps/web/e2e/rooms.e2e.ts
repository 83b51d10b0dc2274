/**
 * Rooms, end to end: a manager adds a room to the Madrid dental clinic and makes a service need
 * it; a receptionist books that service, the slot and the booking name the room, and the day
 * view's room columns show the appointment in the room's column.
 */
import { DEMO_LOGINS } from "@frontoffice/db";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Translator } from "../src/i18n";
import { callApi as call, pageTranslator, settledTranslator, signIn, useDemoPage } from "./harness";

const manager = DEMO_LOGINS.find((login) => login.role === "manager")!;
const receptionist = DEMO_LOGINS.find((login) => login.role === "receptionist")!;
const demo = useDemoPage();

const ROOM = "Gabinete 3";
const SERVICE = "Revisión dental";
const suffix = Math.random().toString(36).slice(2, 7);
const familyName = `Salas ${suffix}`;
const clientName = `Irene ${familyName}`;

async function signInAs(page: Page, email: string, password: string): Promise<Translator> {
  await page.context().clearCookies();
  await page.goto("/");
  await page.waitForURL("**/sign-in");
  await signIn(page, email, password);
  await page.waitForURL("**/clients");
  return settledTranslator(page, "clients.title");
}

describe("rooms at the Madrid dental clinic", () => {
  it("a manager adds a room and makes a service need it", async () => {
    const { page } = demo;
    let t = await signInAs(page, manager.email, manager.password);
    await page.getByRole("navigation").getByRole("link", { name: t("nav.settings"), exact: true }).click();
    await page.waitForURL("**/settings");
    t = await settledTranslator(page, "settings.rooms.title");

    const officeSelect = page.getByLabel(t("settings.services.office"), { exact: true });
    const offices = await officeSelect.locator("option").allTextContents();
    await officeSelect.selectOption({ label: offices.find((name) => /Dental/.test(name))! });
    // The demo's rooms of the clinic are listed.
    const rooms = page.getByRole("region", { name: t("settings.rooms.title") });
    await rooms.getByRole("row").filter({ hasText: "Gabinete 1" }).waitFor();

    await rooms.getByRole("button", { name: t("settings.rooms.add"), exact: true }).click();
    const adding = page.getByRole("dialog");
    await adding.getByLabel(t("settings.rooms.name"), { exact: true }).fill(ROOM);
    await adding.getByRole("button", { name: t("settings.rooms.create"), exact: true }).click();
    await page.getByText(t("settings.rooms.added", { name: ROOM }), { exact: true }).waitFor();
    await rooms.getByRole("row").filter({ hasText: ROOM }).waitFor();

    await page.getByRole("button", { name: t("settings.services.edit", { name: SERVICE }), exact: true }).click();
    const editing = page.getByRole("dialog", { name: t("settings.services.editTitle", { name: SERVICE }) });
    for (const other of ["Gabinete 1", "Gabinete 2"]) await editing.getByRole("checkbox", { name: other, exact: true }).uncheck();
    await editing.getByRole("checkbox", { name: ROOM, exact: true }).check();
    await editing.getByRole("button", { name: t("common.save"), exact: true }).click();
    await page.getByText(t("settings.services.saved", { name: SERVICE }), { exact: true }).waitFor();

    const services = await call<{ name: string; resourceIds: string[] }[]>(page, "query", "services.list", {});
    const room = (await call<{ id: string; name: string }[]>(page, "query", "resources.list", {})).find((candidate) => candidate.name === ROOM)!;
    expect(services.find((service) => service.name === SERVICE)?.resourceIds).toEqual([room.id]);
  });

  it("a receptionist books the service: the room is offered, taken, and its column shows the appointment", async () => {
    const { page } = demo;
    await signInAs(page, receptionist.email, receptionist.password);
    const me = await call<{ offices: { id: string }[] }>(page, "query", "session.me", undefined);
    await call(page, "mutation", "clients.create", { officeId: me.offices[0]!.id, givenName: "Irene", familyName });

    let t = await pageTranslator(page);
    await page.getByRole("navigation").getByRole("link", { name: t("nav.schedule"), exact: true }).click();
    await page.waitForURL("**/schedule**");
    t = await settledTranslator(page, "schedule.title");

    await page.getByRole("button", { name: t("schedule.newAppointment"), exact: true }).click();
    const dialog = page.getByRole("dialog", { name: t("schedule.book.title") });
    await dialog.getByLabel(t("schedule.client.search"), { exact: true }).fill(familyName);
    await dialog.getByRole("list", { name: t("schedule.client.results") }).getByRole("button", { name: new RegExp(clientName) }).click();
    await dialog.getByTestId("booking-client").getByText(clientName).waitFor();
    await dialog.getByLabel(t("schedule.field.service"), { exact: true }).selectOption({ label: t("schedule.service.option", { name: SERVICE, minutes: 30 }) });

    const slot = dialog.getByRole("group", { name: t("schedule.slots.label") }).getByRole("button").first();
    await slot.waitFor();
    expect(await slot.textContent()).toContain(ROOM);
    expect(await slot.getAttribute("aria-label")).toContain(t("schedule.room.in", { room: ROOM }));
    await slot.click();
    await dialog.getByText(t("schedule.room.in", { room: ROOM })).waitFor();
    await dialog.getByRole("button", { name: t("schedule.book.submit"), exact: true }).click();
    await dialog.waitFor({ state: "detached" });

    // The day of the booking, by room: the appointment sits in the new room's column.
    await page.getByRole("button", { name: t("schedule.columnsBy.rooms"), exact: true }).click();
    const column = page.getByRole("group", { name: new RegExp(`^${ROOM}, `) });
    const block = column.getByRole("button", { name: new RegExp(clientName) });
    await block.waitFor();
    await block.click();
    const details = page.getByRole("dialog", { name: t("appointment.title") });
    await details.getByText(ROOM, { exact: true }).waitFor();
    await page.keyboard.press("Escape");
    await details.waitFor({ state: "detached" });

    // The room's week: the same appointment, in its day's column.
    await page.getByRole("button", { name: t("schedule.view.week"), exact: true }).click();
    await page.getByRole("combobox", { name: t("schedule.field.room") }).selectOption({ label: ROOM });
    // Only the room's appointments are loaded in this view, so the block can only come from it.
    await page.getByRole("button", { name: new RegExp(clientName) }).first().waitFor();
  });
});
