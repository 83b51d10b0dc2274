/**
 * The employer's day, end to end: the owner makes the receptionist the assistant of a staff
 * member who sees clients; the assistant opens that executive's day, adds a block, a task and a
 * call-back, ticks the task done, prints the day (the print layout shows the agenda alone), and
 * the block's time is no longer offered as a free slot.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Translator } from "../src/i18n";
import { DEMO, callApi as call, pageTranslator, settledTranslator, signIn, useDemoPage } from "./harness";

const demo = useDemoPage();

/** Signs in on a fresh session (the previous person's cookies cleared). */
async function signInAs(page: Page, email: string, password: string): Promise<Translator> {
  await page.context().clearCookies();
  await page.goto("/");
  await page.waitForURL("**/sign-in");
  await signIn(page, email, password);
  await page.waitForURL("**/clients");
  return settledTranslator(page, "clients.title");
}

/** `HH:MM` of an instant in Madrid. */
function madridTime(instant: number): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/Madrid" }).format(new Date(instant));
}

/** The Madrid date `days` from now. */
function madridDate(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Madrid" }).format(new Date(Date.now() + days * 86_400_000));
}

describe("the employer's day", () => {
  const page = () => demo.page;
  let executive: { id: string; displayName: string };
  let serviceId: string;
  let date: string;
  let freeStart: string;
  const slotStarts = async (on: Page) =>
    (await call<{ start: string }[]>(on, "query", "appointments.slots", { serviceId, staffIds: [executive.id], from: date, days: 1, limit: 200 })).map((slot) => Date.parse(slot.start));

  it("lets the owner make the receptionist an executive's assistant", async () => {
    const owner = page();
    await signInAs(owner, DEMO.owner.email, DEMO.owner.password);
    const offices = await call<{ id: string; name: string; address: { city: string } }[]>(owner, "query", "offices.list", undefined);
    const madrid = offices.find((office) => /madrid/i.test(`${office.name} ${office.address.city}`))!;
    const services = await call<{ id: string; active: boolean; staffIds: string[] }[]>(owner, "query", "services.list", { officeId: madrid.id });
    const staff = await call<{ id: string; displayName: string; email: string; active: boolean }[]>(owner, "query", "staff.list", {});
    const service = services.find((item) => item.active && item.staffIds.length > 0)!;
    serviceId = service.id;
    executive = staff.find((member) => member.id === service.staffIds[0])!;
    // A day ahead with free time for the executive (the demo fills some hours).
    for (let days = 3; days < 30 && !freeStart; days++) {
      date = madridDate(days);
      const first = (await slotStarts(owner))[0];
      if (first !== undefined) freeStart = madridTime(first);
    }
    expect(freeStart).toBeTruthy();

    await owner.goto(`/agenda?staff=${executive.id}`);
    let t = await pageTranslator(owner);
    t = await settledTranslator(owner, "employerDay.delegates", "heading");
    const receptionist = staff.find((member) => member.email === DEMO.receptionist.email)!;
    await owner.getByLabel(t("employerDay.addDelegate"), { exact: true }).selectOption(receptionist.id);
    await owner.getByRole("button", { name: t("employerDay.addDelegateSubmit"), exact: true }).click();
    await owner.getByRole("list", { name: t("employerDay.delegates") }).getByText(receptionist.displayName, { exact: true }).waitFor();
  });

  it("lets the assistant open her executive's day and add a block, a task and a call-back", async () => {
    const assistant = page();
    await signInAs(assistant, DEMO.receptionist.email, DEMO.receptionist.password);
    let t = await pageTranslator(assistant);
    await assistant.getByRole("navigation").getByRole("link", { name: t("nav.employerDay"), exact: true }).click();
    await assistant.waitForURL("**/agenda**");
    t = await settledTranslator(assistant, "employerDay.add", "heading");
    const whose = assistant.getByLabel(t("employerDay.whose"), { exact: true });
    await whose.locator("option", { hasText: executive.displayName }).waitFor({ state: "attached" });
    await whose.selectOption({ label: executive.displayName });
    await assistant.getByLabel(t("schedule.date"), { exact: true }).fill(date);
    await assistant.getByRole("heading", { level: 1, name: t("employerDay.heading", { staff: executive.displayName }) }).waitFor();

    const form = assistant.locator("form", { has: assistant.getByRole("button", { name: t("employerDay.addSubmit"), exact: true }) });
    const add = async (kind: "block" | "task" | "callback", title: string, start: string, end?: string, phone?: string) => {
      await form.getByLabel(t("employerDay.field.kind"), { exact: true }).selectOption(kind);
      await form.getByLabel(t("employerDay.field.title"), { exact: true }).fill(title);
      await form.getByLabel(kind === "block" ? t("employerDay.field.start") : t("employerDay.field.due"), { exact: true }).fill(start);
      if (end) await form.getByLabel(t("employerDay.field.end"), { exact: false }).fill(end);
      if (phone) await form.getByLabel(t("employerDay.field.phone"), { exact: false }).fill(phone);
      await form.getByRole("button", { name: t("employerDay.addSubmit"), exact: true }).click();
      await assistant.getByRole("row").filter({ hasText: title }).waitFor();
    };
    const [hour, minute] = freeStart.split(":").map(Number) as [number, number];
    const blockEnd = `${String(Math.min(hour + 1, 23)).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
    await add("block", "Consejo de dirección", freeStart, blockEnd);
    await add("callback", "Llamar al notario", "13:00", undefined, "612 345 678");
    await add("task", "Firmar cartas", "08:30");
    expect(await assistant.getByRole("row").filter({ hasText: "Llamar al notario" }).textContent()).toContain("+34 612 34 56 78");

    // Tick the task done: it stays on the day, ticked.
    const done = assistant.getByRole("checkbox", { name: t("employerDay.markDone", { title: "Firmar cartas" }), exact: true });
    await done.check();
    await expect.poll(() => done.isChecked()).toBe(true);
    await expect.poll(async () => (await call<{ items: { type: string; entry?: { title: string; status: string } }[] }>(assistant, "query", "agenda.day", { staffId: executive.id, date })).items.find((item) => item.entry?.title === "Firmar cartas")?.entry?.status).toBe("done");
  });

  it("imports an .ics file into the day and exports the day as one", async () => {
    const assistant = page();
    const t = await pageTranslator(assistant);
    const start = Date.parse(`${date}T17:30:00Z`) - 60 * 60_000; // 17:30 in Madrid in winter, 18:30 in summer: late either way
    const stamp = (instant: number) => new Date(instant).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    const ics = ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:dentist-congress@example.org", `DTSTART:${stamp(start)}`, `DTEND:${stamp(start + 3_600_000)}`, "SUMMARY:Congreso", "END:VEVENT", "END:VCALENDAR", ""].join("\r\n");
    await assistant.getByLabel(t("employerDay.importFile"), { exact: true }).setInputFiles({ name: "congreso.ics", mimeType: "text/calendar", buffer: Buffer.from(ics) });
    await assistant.getByRole("row").filter({ hasText: "Congreso" }).waitFor();

    const download = assistant.waitForEvent("download");
    await assistant.getByRole("button", { name: t("employerDay.export"), exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`agenda-${date}.ics`);
    const chunks: Buffer[] = [];
    for await (const chunk of (await file.createReadStream())) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    for (const title of ["SUMMARY:Consejo de dirección", "SUMMARY:Firmar cartas", "SUMMARY:Llamar al notario", "SUMMARY:Congreso"]) expect(text).toContain(title);
  });

  it("prints the day alone on paper", async () => {
    const assistant = page();
    const t = await pageTranslator(assistant);
    await assistant.emulateMedia({ media: "print" });
    expect(await assistant.getByRole("navigation").isVisible()).toBe(false);
    expect(await assistant.getByRole("button", { name: t("agenda.print"), exact: true }).isVisible()).toBe(false);
    expect(await assistant.getByRole("heading", { name: t("employerDay.add"), exact: true }).isVisible()).toBe(false);
    expect(await assistant.getByRole("heading", { level: 1, name: t("employerDay.heading", { staff: executive.displayName }) }).isVisible()).toBe(true);
    const rows = assistant.getByRole("row");
    for (const title of ["Consejo de dirección", "Llamar al notario", "Firmar cartas"]) expect(await rows.filter({ hasText: title }).isVisible()).toBe(true);
    const printed = await assistant.locator('[data-print="sheet"]').innerText();
    expect(printed.indexOf("Firmar cartas")).toBeLessThan(printed.indexOf("Llamar al notario"));
    await assistant.emulateMedia({ media: "screen" });
  });

  it("warns before a block covers an appointment, naming it, and keeps the block when told to", async () => {
    const assistant = page();
    const t = await pageTranslator(assistant);
    const { items } = await call<{ items: { id: string; displayName: string }[] }>(assistant, "query", "clients.search", { limit: 1 });
    const start = (await slotStarts(assistant)).at(-1)!;
    await call(assistant, "mutation", "appointments.book", { clientId: items[0]!.id, serviceId, staffId: executive.id, start: new Date(start).toISOString() });
    await assistant.reload();
    await settledTranslator(assistant, "employerDay.add", "heading");

    const form = assistant.locator("form", { has: assistant.getByRole("button", { name: t("employerDay.addSubmit"), exact: true }) });
    await form.getByLabel(t("employerDay.field.kind"), { exact: true }).selectOption("block");
    await form.getByLabel(t("employerDay.field.title"), { exact: true }).fill("Llamada con Bruselas");
    await form.getByLabel(t("employerDay.field.start"), { exact: true }).fill(madridTime(start));
    await form.getByLabel(t("employerDay.field.end"), { exact: false }).fill(madridTime(start + 15 * 60_000));
    await form.getByRole("button", { name: t("employerDay.addSubmit"), exact: true }).click();
    const warning = form.getByRole("status").filter({ hasText: t("employerDay.overAppointments") });
    await warning.getByText(items[0]!.displayName).waitFor();
    expect(await assistant.getByRole("row").filter({ hasText: "Llamada con Bruselas" }).count()).toBe(0);

    await warning.getByRole("button", { name: t("employerDay.keepBlock"), exact: true }).click();
    await assistant.getByRole("row").filter({ hasText: "Llamada con Bruselas" }).waitFor();
  });

  it("no longer offers the block's time as a free slot", async () => {
    const starts = await slotStarts(page());
    expect(starts.map(madridTime)).not.toContain(freeStart);
  });
});
