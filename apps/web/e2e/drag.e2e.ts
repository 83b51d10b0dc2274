/**
 * Drag to reschedule, end to end: a receptionist drags an appointment one hour later in the day
 * view of the Madrid clinic, with the mouse; the server moves it and the grid shows it there.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO, callApi, pageTranslator, settledTranslator, signIn, useDemoPage } from "./harness";

const demo = useDemoPage();
const MADRID = "Europe/Madrid";
const HOUR_MS = 3_600_000;
/** The grid draws 0.8 px a minute: an hour is 48 px. */
const HOUR_PX = 48;

const madridDate = (instant: string | number) => new Intl.DateTimeFormat("en-CA", { timeZone: MADRID, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(instant));
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Appointment {
  id: string;
  start: string;
  end: string;
  staffId: string;
  version: number;
}

/** Drags a block `dy` pixels down with the mouse, in small steps as a hand would. */
async function dragDown(page: Page, selector: string, dy: number): Promise<{ y: number }> {
  const block = page.locator(selector);
  await block.scrollIntoViewIfNeeded();
  const box = await block.boundingBox();
  if (!box) throw new Error("the appointment is not on the grid");
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 8);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + dy / 2, { steps: 5 });
  await page.mouse.move(x, y + dy, { steps: 5 });
  // While dragging, the block shows where it will land.
  await page.locator("[data-drag-preview]").waitFor();
  await page.mouse.up();
  return { y: box.y };
}

describe("a receptionist drags an appointment to another time", () => {
  let officeId = "";
  let appointment: Appointment;
  let day = "";

  it("books an appointment with two free hours after it, and another client right after them", async () => {
    const { page } = demo;
    await page.goto("/");
    await page.waitForURL("**/sign-in");
    await signIn(page, DEMO.receptionist.email, DEMO.receptionist.password);
    await page.waitForURL("**/clients");
    await settledTranslator(page, "clients.title");
    const offices = await callApi<{ id: string; address: { city: string } }[]>(page, "query", "offices.list", undefined);
    officeId = offices.find((office) => office.address.city === "Madrid")?.id ?? "";
    const services = await callApi<{ id: string; name: string; durationMinutes: number; staffIds: string[] }[]>(page, "query", "services.list", { officeId });
    const service = services.find((candidate) => candidate.durationMinutes === 30 && candidate.staffIds.length > 0);
    if (!service) throw new Error("the Madrid demo has no 30-minute service");
    const staffId = service.staffIds[0]!;
    const client = await callApi<{ id: string }>(page, "mutation", "clients.create", { officeId, givenName: "Arrastre", familyName: `Prueba ${Math.random().toString(36).slice(2, 6)}` });
    const from = plusDays(madridDate(Date.now()), 2);
    const slots = await callApi<{ start: string }[]>(page, "query", "appointments.slots", { serviceId: service.id, staffIds: [staffId], from, days: 14, limit: 200 });
    const free = new Set(slots.map((slot) => Date.parse(slot.start)));
    // A free time with the next two hours free too, on the same day (the drags stay in the day).
    const start = [...free].find((instant) => free.has(instant + HOUR_MS) && free.has(instant + 2 * HOUR_MS) && madridDate(instant) === madridDate(instant + 2 * HOUR_MS));
    if (start === undefined) throw new Error("no free time with two free hours after it");
    appointment = await callApi<Appointment>(page, "mutation", "appointments.book", { clientId: client.id, serviceId: service.id, staffId, start: new Date(start).toISOString() });
    // Another client two hours later: where the second drag will try to go.
    await callApi(page, "mutation", "appointments.book", { clientId: client.id, serviceId: service.id, staffId, start: new Date(start + 2 * HOUR_MS).toISOString() });
    day = madridDate(start);
  });

  it("drags the block 48 px down in the day view: the appointment is an hour later", async () => {
    const { page } = demo;
    await page.goto(`/schedule?office=${officeId}&date=${day}`);
    await settledTranslator(page, "schedule.title");
    const block = page.locator(`button[data-appointment="${appointment.id}"]`);
    const box = await dragDown(page, `button[data-appointment="${appointment.id}"]`, HOUR_PX);

    const later = new Date(Date.parse(appointment.start) + HOUR_MS).toISOString();
    await expect.poll(async () => (await callApi<Appointment>(page, "query", "appointments.get", { id: appointment.id })).start, { timeout: 15_000 }).toBe(later);
    const moved = await callApi<Appointment>(page, "query", "appointments.get", { id: appointment.id });
    expect(moved).toMatchObject({ staffId: appointment.staffId, version: appointment.version + 1 });
    // The grid shows it an hour further down, and the drag opened no dialog.
    await expect.poll(async () => ((await block.boundingBox())?.y ?? 0) - box.y, { timeout: 15_000 }).toBeCloseTo(HOUR_PX, 0);
    expect(await page.getByRole("dialog").count()).toBe(0);
  });

  it("a drag onto a taken time is refused with the same message and free alternatives; picking one moves the appointment there", async () => {
    const { page } = demo;
    const t = await pageTranslator(page);
    const before = await callApi<Appointment>(page, "query", "appointments.get", { id: appointment.id });
    await dragDown(page, `button[data-appointment="${appointment.id}"]`, HOUR_PX);
    const dialog = page.getByRole("dialog", { name: t("schedule.drag.conflictTitle") });
    await dialog.getByText(t("errors.APPOINTMENT_CONFLICT"), { exact: true }).waitFor();
    const alternatives = dialog.getByRole("group", { name: t("schedule.book.alternativesLabel") }).locator("button[data-slot]");
    await alternatives.first().waitFor();
    // Nothing moved.
    expect((await callApi<Appointment>(page, "query", "appointments.get", { id: appointment.id })).version).toBe(before.version);
    const chosen = (await alternatives.first().getAttribute("data-slot")) ?? "";
    await alternatives.first().click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(async () => Date.parse((await callApi<Appointment>(page, "query", "appointments.get", { id: appointment.id })).start)).toBe(Date.parse(chosen));
  });
});
