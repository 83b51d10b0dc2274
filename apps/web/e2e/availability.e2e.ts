/**
 * Availability, end to end: a manager enters a day of vacation for a dentist of the Madrid clinic
 * in settings; the booking dialog then offers that dentist no time on that day (and still offers
 * the days around it).
 */
import { describe, expect, it } from "vitest";
import { DEMO, callApi, pageTranslator, settledTranslator, signIn, useDemoPage } from "./harness";

const demo = useDemoPage();
const MADRID = "Europe/Madrid";
const DENTIST = "Javier Navarro";

const madridDate = (instant: string) => new Intl.DateTimeFormat("en-CA", { timeZone: MADRID, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(instant));
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("a manager plans a dentist's vacation", () => {
  let officeId = "";
  let dentistId = "";
  let serviceId = "";
  let day = "";

  it("signs in and finds a day on which the dentist has free times", async () => {
    const { page } = demo;
    await page.goto("/");
    await page.waitForURL("**/sign-in");
    await signIn(page, DEMO.manager.email, DEMO.manager.password);
    await page.waitForURL("**/clients");
    await settledTranslator(page, "clients.title");
    const offices = await callApi<{ id: string; address: { city: string } }[]>(page, "query", "offices.list", undefined);
    officeId = offices.find((office) => office.address.city === "Madrid")?.id ?? "";
    const staff = await callApi<{ id: string; displayName: string }[]>(page, "query", "staff.list", {});
    dentistId = staff.find((member) => member.displayName === DENTIST)?.id ?? "";
    const services = await callApi<{ id: string; name: string; staffIds: string[] }[]>(page, "query", "services.list", { officeId });
    serviceId = services.find((service) => service.staffIds.includes(dentistId))?.id ?? "";
    expect(officeId && dentistId && serviceId).toBeTruthy();
    // A working day a week or more ahead with free times for the dentist (weekends and holidays have none).
    const from = plusDays(madridDate(new Date().toISOString()), 7);
    const slots = await callApi<{ start: string }[]>(page, "query", "appointments.slots", { serviceId, staffIds: [dentistId], from, days: 14, limit: 200 });
    day = slots.map((slot) => madridDate(slot.start)).find((date) => date > from) ?? "";
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("enters a day of vacation for the dentist in settings", async () => {
    const { page } = demo;
    let t = await pageTranslator(page);
    await page.getByRole("navigation").getByRole("link", { name: t("nav.settings"), exact: true }).click();
    await page.waitForURL("**/settings");
    t = await settledTranslator(page, "settings.title");
    await page.getByLabel(t("settings.services.office"), { exact: true }).selectOption(officeId);
    await page.getByLabel(t("settings.hours.staff"), { exact: true }).selectOption(dentistId);
    const form = page.getByRole("form", { name: t("settings.availability.timeOff.add") });
    await form.getByLabel(t("settings.availability.timeOff.firstDay"), { exact: true }).fill(day);
    await form.getByLabel(t("settings.availability.timeOff.lastDay"), { exact: true }).fill(day);
    await form.getByLabel(t("settings.availability.timeOff.reason"), { exact: true }).selectOption("vacation");
    await form.getByLabel(new RegExp(`^${t("settings.availability.timeOff.note")}`)).fill("Puente");
    await form.getByRole("button", { name: t("settings.availability.timeOff.add"), exact: true }).click();
    await page.getByText(t("settings.availability.timeOff.added", { name: DENTIST }), { exact: true }).waitFor();
    const list = page.getByRole("list", { name: t("settings.availability.timeOff.list", { name: DENTIST }) });
    await list.getByRole("listitem").filter({ hasText: "Puente" }).waitFor();
    expect(await list.getByRole("listitem").filter({ hasText: t("settings.availability.reason.vacation") }).count()).toBe(1);
  });

  it("the booking dialog then offers no time with the dentist on that day", async () => {
    const { page } = demo;
    await page.goto(`/schedule?office=${officeId}&date=${day}`);
    const t = await settledTranslator(page, "schedule.title");
    await page.getByRole("button", { name: t("schedule.newAppointment"), exact: true }).click();
    const dialog = page.getByRole("dialog", { name: t("schedule.book.title") });
    await dialog.getByLabel(t("schedule.field.service"), { exact: true }).selectOption(serviceId);
    await dialog.getByLabel(t("schedule.field.staff"), { exact: true }).selectOption(dentistId);
    await dialog.getByLabel(t("schedule.slots.from"), { exact: true }).fill(day);
    const slots = dialog.getByRole("group", { name: t("schedule.slots.label") }).locator("button[data-slot]");
    await slots.first().waitFor();
    const offered = await slots.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-slot") ?? ""));
    const days = new Set(offered.map(madridDate));
    expect(days.has(day)).toBe(false);
    // The days after it still have times: only the vacation is closed.
    expect([...days].every((date) => date > day)).toBe(true);
  });
});
