import { TRPCError } from "@trpc/server";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFeed } from "../src/modules/calendar-feeds/service.js";
import { describeError, publicDetails } from "../src/trpc/trpc.js";
import { addStaff, callerFor, createTestServer, errorCodeOf, failureOf, signIn, testTargets, type TestServer } from "./harness.js";
import { conflictOf, madrid, setUpPractice, workingDate } from "./appointments.fixtures.js";

/** The code of a failed call and the details its caller is shown. */
async function shownDetailsOf(promise: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> | undefined }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { code: describeError(error).code, details: publicDetails(error.cause) };
  }
  throw new Error("expected the call to fail, it succeeded");
}

const ICS = (events: string[]) => ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", ...events, "END:VCALENDAR", ""].join("\r\n");
const compact = (instant: string) => new Date(instant).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
const vevent = (uid: string, start: string, end: string, extra: string[] = []) =>
  ["BEGIN:VEVENT", `UID:${uid}`, "DTSTAMP:20260101T000000Z", `DTSTART:${compact(start)}`, `DTEND:${compact(end)}`, ...extra, "END:VEVENT"].join("\r\n");

describe.each(testTargets())("the employer's day on %s", (target) => {
  let server: TestServer;
  let practice: Awaited<ReturnType<typeof setUpPractice>>;
  let dentist: ReturnType<typeof callerFor>;
  let assistant: ReturnType<typeof callerFor>;
  let assistantId: string;
  const day = workingDate(6);
  const later = workingDate(12);

  beforeAll(async () => {
    server = await createTestServer(target);
    practice = await setUpPractice(server, "Clínica", "clinica.test");
    await addStaff(server, practice.organizationId, practice.officeId, "assistant@clinica.test", ["administrative_assistant"]);
    dentist = callerFor(server, await signIn(server, "dentist@clinica.test"));
    assistant = callerFor(server, await signIn(server, "assistant@clinica.test"));
    assistantId = (await assistant.session.me()).staff.id;
  });
  afterAll(async () => server?.close());

  const count = async (table: "agenda_entry" | "staff_delegate") => Number((await sql<{ count: string }>`select count(*) as count from ${sql.table(table)}`.execute(server.db)).rows[0]!.count);
  const auditOf = async (entityType: string) =>
    (await sql<{ action: string }>`select action from audit_log where entity_type = ${entityType} order by at, seq`.execute(server.db)).rows.map((row) => row.action);
  const slotsOn = async (date: string) => (await practice.desk.appointments.slots({ serviceId: practice.checkup.id, from: date, days: 1, limit: 200 })).map((slot) => slot.start);

  it("lets the staff member, their delegates and managers keep a calendar, and refuses anyone else", async () => {
    const task = { staffId: practice.dentistId, kind: "task" as const, title: "Firmar recetas", start: madrid(day, "09:00") };
    // The executive (an employee, who only reads appointments) keeps their own calendar.
    const own = await dentist.agenda.create(task);
    expect(own).toMatchObject({ kind: "task", status: "open", end: null, source: "manual", version: 1 });

    // A receptionist or an assistant who is not a delegate is refused, and nothing is written.
    const before = await count("agenda_entry");
    expect(await errorCodeOf(practice.desk.agenda.day({ staffId: practice.dentistId, date: day }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(practice.desk.agenda.create(task))).toBe("FORBIDDEN");
    expect(await errorCodeOf(assistant.agenda.day({ staffId: practice.dentistId, date: day }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(assistant.agenda.complete({ id: own.id, version: 1 }))).toBe("FORBIDDEN");
    expect(await count("agenda_entry")).toBe(before);

    // Only the principal (or a manager) names delegates; nobody delegates to themself.
    const link = { principalStaffId: practice.dentistId, delegateStaffId: assistantId };
    expect(await errorCodeOf(practice.desk.agenda.addDelegate(link))).toBe("FORBIDDEN");
    expect(await errorCodeOf(assistant.agenda.addDelegate(link))).toBe("FORBIDDEN");
    expect(await failureOf(dentist.agenda.addDelegate({ ...link, delegateStaffId: practice.dentistId }))).toEqual({ code: "VALIDATION_FAILED", issues: [{ path: ["delegateStaffId"], key: "validation.invalid" }] });
    expect(await errorCodeOf(dentist.agenda.addDelegate({ ...link, delegateStaffId: crypto.randomUUID() }))).toBe("NOT_FOUND");
    const links = await dentist.agenda.addDelegate(link);
    expect(links).toEqual([expect.objectContaining({ ...link, principalName: "dentist", delegateName: "assistant" })]);
    expect(await dentist.agenda.addDelegate(link)).toEqual(links);
    expect(await count("staff_delegate")).toBe(1);

    // The delegate now keeps the executive's day; the receptionist still may not.
    expect((await assistant.agenda.principals()).map((item) => item.principalStaffId)).toEqual([practice.dentistId]);
    expect((await assistant.agenda.day({ staffId: practice.dentistId, date: day })).items.map((item) => item.key)).toContain(own.id);
    const done = await assistant.agenda.complete({ id: own.id, version: 1 });
    expect(done).toMatchObject({ status: "done", version: 2 });
    expect(done.doneAt).not.toBeNull();
    expect(await assistant.agenda.delegates({ principalStaffId: practice.dentistId })).toEqual(links);
    expect(await errorCodeOf(practice.desk.agenda.delegates({ principalStaffId: practice.dentistId }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(assistant.agenda.removeDelegate(link))).toBe("FORBIDDEN");

    // A manager keeps anyone's calendar.
    expect((await practice.owner.agenda.day({ staffId: practice.dentistId, date: day })).staffName).toBe("dentist");

    // Removed, the assistant is refused again.
    expect(await practice.owner.agenda.removeDelegate(link)).toEqual([]);
    expect(await errorCodeOf(assistant.agenda.day({ staffId: practice.dentistId, date: day }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(practice.owner.agenda.removeDelegate(link))).toBe("NOT_FOUND");
    await dentist.agenda.addDelegate(link);
    expect(await auditOf("staff_delegate")).toEqual(["create", "delete", "create"]);
    await dentist.agenda.remove({ id: own.id, version: 2 });
  });

  it("shows appointments, blocks, tasks and call-backs of a day in time order, and a block refuses a booking", async () => {
    const appointment = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(day, "10:00") });
    expect(await slotsOn(day)).toContain(madrid(day, "11:00"));
    const block = await assistant.agenda.create({ staffId: practice.dentistId, kind: "block", title: "Comité médico", start: madrid(day, "11:00"), end: madrid(day, "12:30") });
    const callback = await assistant.agenda.create({ staffId: practice.dentistId, kind: "callback", title: "Llamar a Lucía", start: madrid(day, "13:00"), clientId: practice.clientId, phone: "612 345 678" });
    expect(callback).toMatchObject({ phone: "+34612345678", clientId: practice.clientId, clientName: "Lucía Martín" });
    const task = await assistant.agenda.create({ staffId: practice.dentistId, kind: "task", title: "Preparar informe", start: madrid(day, "08:30"), notes: "Para el comité" });

    const agenda = await assistant.agenda.day({ staffId: practice.dentistId, date: day });
    expect(agenda).toMatchObject({ staffId: practice.dentistId, timeZone: "Europe/Madrid", from: new Date(madrid(day, "00:00")).toISOString() });
    expect(agenda.items.map((item) => [item.type, item.key])).toEqual([
      ["entry", task.id],
      ["appointment", appointment.id],
      ["entry", block.id],
      ["entry", callback.id],
    ]);
    expect((await assistant.agenda.day({ staffId: practice.dentistId, date: later })).items).toEqual([]);

    // The day as a file: every line of it, in the staff member's zone.
    const exported = await assistant.agenda.exportDay({ staffId: practice.dentistId, date: day });
    expect(exported.filename).toBe(`agenda-${day}.ics`);
    for (const text of ["SUMMARY:Lucía Martín · Revisión dental", "SUMMARY:Comité médico", "SUMMARY:Llamar a Lucía", "DESCRIPTION:Lucía Martín · +34612345678", "DTSTART;TZID=Europe/Madrid:", `UID:agenda-${block.id}@frontoffice`]) {
      expect(exported.ics).toContain(text);
    }
    expect(await errorCodeOf(practice.desk.agenda.exportDay({ staffId: practice.dentistId, date: day }))).toBe("FORBIDDEN");

    // The block: no slots inside it, and a booking there is refused without writing anything.
    const free = await slotsOn(day);
    for (const time of ["11:00", "11:30", "12:00"]) expect(free).not.toContain(madrid(day, time));
    expect(free).toContain(madrid(day, "12:30"));
    const appointments = async () => Number((await sql<{ count: string }>`select count(*) as count from appointment`.execute(server.db)).rows[0]!.count);
    const booked = await appointments();
    const wanted = { clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(day, "12:00") };
    expect((await conflictOf(practice.desk.appointments.book(wanted))).code).toBe("TIME_OFF");
    expect((await conflictOf(practice.desk.appointments.reschedule({ id: appointment.id, version: 1, start: madrid(day, "11:30") }))).code).toBe("TIME_OFF");
    expect(await appointments()).toBe(booked);

    // Cancelled, the block frees the time and leaves the day.
    const cancelled = await assistant.agenda.cancel({ id: block.id, version: 1 });
    expect(cancelled.status).toBe("cancelled");
    expect(await slotsOn(day)).toContain(madrid(day, "11:30"));
    expect((await assistant.agenda.day({ staffId: practice.dentistId, date: day })).items.map((item) => item.key)).not.toContain(block.id);
    expect(await errorCodeOf(assistant.agenda.cancel({ id: block.id, version: 2 }))).toBe("AGENDA_ENTRY_CLOSED");
    expect(await errorCodeOf(assistant.agenda.complete({ id: block.id, version: 2 }))).toBe("AGENDA_ENTRY_CLOSED");
    expect(await auditOf("agenda_entry")).toEqual(expect.arrayContaining(["create", "cancel"]));

    // Optimistic versions, ticking and unticking, editing.
    expect(await errorCodeOf(assistant.agenda.complete({ id: task.id, version: 7 }))).toBe("AGENDA_VERSION_CONFLICT");
    const ticked = await assistant.agenda.complete({ id: task.id, version: 1 });
    expect(await assistant.agenda.complete({ id: task.id, version: 2 })).toEqual(ticked);
    expect(await assistant.agenda.complete({ id: task.id, version: 2, done: false })).toMatchObject({ status: "open", doneAt: null, version: 3 });
    const moved = await assistant.agenda.update({ id: task.id, version: 3, title: "Preparar informe anual", start: madrid(day, "09:30") });
    expect(moved).toMatchObject({ title: "Preparar informe anual", start: new Date(madrid(day, "09:30")).toISOString(), version: 4 });
    expect(await failureOf(assistant.agenda.update({ id: callback.id, version: 1, clientId: null, phone: null }))).toEqual({ code: "VALIDATION_FAILED", issues: [{ path: ["phone"], key: "validation.required" }] });
    expect(await failureOf(assistant.agenda.create({ staffId: practice.dentistId, kind: "callback", title: "x", start: madrid(day, "13:00"), phone: "12" }))).toEqual({ code: "VALIDATION_FAILED", issues: [{ path: ["phone"], key: "validation.phone_invalid" }] });
    expect(await failureOf(assistant.agenda.create({ staffId: practice.dentistId, kind: "block", title: "x", start: madrid(day, "13:00") }))).toEqual({ code: "VALIDATION_FAILED", issues: [{ path: ["end"], key: "validation.required" }] });
    expect(await errorCodeOf(assistant.agenda.create({ staffId: practice.dentistId, kind: "callback", title: "x", start: madrid(day, "13:00"), clientId: crypto.randomUUID() }))).toBe("NOT_FOUND");
    const removed = await assistant.agenda.remove({ id: callback.id, version: 1 });
    expect(removed.id).toBe(callback.id);
    expect(await errorCodeOf(assistant.agenda.remove({ id: callback.id, version: 1 }))).toBe("NOT_FOUND");
    await practice.desk.appointments.cancel({ id: appointment.id, version: 1, reason: "other" });
  });

  it("expands a repeating block over the days, skips one occurrence, and keeps its wall-clock time", async () => {
    const first = workingDate(20);
    const next = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const series = await assistant.agenda.create({ staffId: practice.dentistId, kind: "block", title: "Quirófano", start: madrid(first, "15:00"), end: madrid(first, "16:00"), rrule: "FREQ=DAILY;COUNT=5" });
    const range = await assistant.agenda.range({ staffId: practice.dentistId, from: first, to: next(first, 6) });
    const occurrences = range.items.filter((item) => item.type === "entry" && item.entry.id === series.id);
    expect(occurrences.map((item) => item.start)).toEqual([0, 1, 2, 3, 4].map((days) => new Date(madrid(next(first, days), "15:00")).toISOString()));
    expect(new Set(occurrences.map((item) => item.key)).size).toBe(5);

    const second = next(first, 1);
    expect(await slotsOn(second)).not.toContain(madrid(second, "15:00"));
    const skipped = await assistant.agenda.skipOccurrence({ id: series.id, version: 1, occurrenceStart: madrid(second, "15:00") });
    expect(skipped.exdates).toEqual([new Date(madrid(second, "15:00")).toISOString()]);
    expect((await assistant.agenda.day({ staffId: practice.dentistId, date: second })).items.filter((item) => item.key.startsWith(series.id))).toEqual([]);
    expect((await assistant.agenda.day({ staffId: practice.dentistId, date: next(first, 2) })).items.filter((item) => item.key.startsWith(series.id))).toHaveLength(1);
    expect(await slotsOn(second)).toContain(madrid(second, "15:00"));
    expect(await slotsOn(next(first, 2))).not.toContain(madrid(next(first, 2), "15:00"));
    expect(await errorCodeOf(assistant.agenda.skipOccurrence({ id: series.id, version: 2, occurrenceStart: madrid(second, "15:30") }))).toBe("NOT_FOUND");
    await assistant.agenda.remove({ id: series.id, version: 2 });

    // Across the spring clock change it stays at 15:00 Madrid time (an hour earlier in UTC).
    const weekly = await assistant.agenda.create({ staffId: practice.dentistId, kind: "block", title: "Comité", start: madrid("2027-03-22", "15:00"), end: madrid("2027-03-22", "16:00"), rrule: "FREQ=WEEKLY;COUNT=2" });
    const afterChange = (await assistant.agenda.day({ staffId: practice.dentistId, date: "2027-03-29" })).items;
    expect(afterChange.map((item) => [item.start, item.end])).toEqual([["2027-03-29T13:00:00.000Z", "2027-03-29T14:00:00.000Z"]]);
    expect(weekly.start).toBe("2027-03-22T14:00:00.000Z");
    await assistant.agenda.remove({ id: weekly.id, version: 1 });
  });

  it("refuses a block over appointments, naming them, unless asked to keep it anyway; a move over them is refused too", async () => {
    const date = workingDate(9);
    const appointment = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(date, "10:00") });
    const block = { staffId: practice.dentistId, kind: "block" as const, title: "Reunión", start: madrid(date, "10:30"), end: madrid(date, "11:30") };
    const before = await count("agenda_entry");
    // 10:30 is inside the appointment's buffer (10:00–10:30 plus 10 minutes after).
    const refused = await shownDetailsOf(assistant.agenda.create(block));
    expect(refused.code).toBe("BLOCK_OVER_APPOINTMENTS");
    expect(refused.details).toEqual({
      overlappingAppointments: [{ id: appointment.id, start: appointment.start, end: appointment.end, clientName: "Lucía Martín", serviceName: "Revisión dental" }],
    });
    // A repeating block from the day before whose second occurrence covers it is refused as well.
    const dayBefore = new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const daily = { ...block, start: madrid(dayBefore, "10:30"), end: madrid(dayBefore, "11:30"), rrule: "FREQ=DAILY;COUNT=3" };
    expect(await shownDetailsOf(assistant.agenda.create(daily))).toEqual(refused);
    expect(await count("agenda_entry")).toBe(before);

    const kept = await assistant.agenda.create({ ...block, allowOverAppointments: true });
    expect(kept.kind).toBe("block");
    const free = await assistant.agenda.create({ ...block, start: madrid(date, "12:00"), end: madrid(date, "13:00") });
    // Retitling needs no check; moving onto the appointment is refused, unless kept anyway.
    await assistant.agenda.update({ id: kept.id, version: 1, title: "Reunión larga" });
    expect(await errorCodeOf(assistant.agenda.update({ id: free.id, version: 1, start: madrid(date, "09:30") }))).toBe("BLOCK_OVER_APPOINTMENTS");
    expect((await assistant.agenda.update({ id: free.id, version: 1, start: madrid(date, "09:30"), allowOverAppointments: true })).version).toBe(2);
    await assistant.agenda.remove({ id: kept.id, version: 2 });
    await assistant.agenda.remove({ id: free.id, version: 2 });
    await practice.desk.appointments.cancel({ id: appointment.id, version: 1, reason: "other" });
  });

  it("ticks one occurrence of a repeating task done, and the rest of the series stays open", async () => {
    const first = workingDate(30);
    const next = (days: number) => new Date(Date.parse(`${first}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const series = await assistant.agenda.create({ staffId: practice.dentistId, kind: "task", title: "Revisar correo", start: madrid(first, "09:00"), rrule: "FREQ=DAILY;COUNT=3" });
    const second = new Date(madrid(next(1), "09:00")).toISOString();
    expect(await failureOf(assistant.agenda.complete({ id: series.id, version: 1 }))).toEqual({ code: "VALIDATION_FAILED", issues: [{ path: ["occurrenceStart"], key: "validation.required" }] });
    expect(await errorCodeOf(assistant.agenda.complete({ id: series.id, version: 1, occurrenceStart: madrid(next(1), "09:30") }))).toBe("NOT_FOUND");

    const ticked = await assistant.agenda.complete({ id: series.id, version: 1, occurrenceStart: second });
    expect(ticked).toMatchObject({ status: "open", doneAt: null, doneOccurrences: [second], version: 2 });
    const range = await assistant.agenda.range({ staffId: practice.dentistId, from: first, to: next(2) });
    const occurrences = range.items.filter((item) => item.type === "entry" && item.entry.id === series.id);
    expect(occurrences.map((item) => item.type === "entry" && item.done)).toEqual([false, true, false]);
    // Ticking it again changes nothing; unticking opens that occurrence only.
    expect(await assistant.agenda.complete({ id: series.id, version: 2, occurrenceStart: second })).toEqual(ticked);
    expect(await assistant.agenda.complete({ id: series.id, version: 2, occurrenceStart: second, done: false })).toMatchObject({ doneOccurrences: [], version: 3 });
    expect(await auditOf("agenda_entry")).toEqual(expect.arrayContaining(["status"]));
    await assistant.agenda.remove({ id: series.id, version: 3 });
  });

  it("refuses a repeat rule without an end, too long or unreadable, writing nothing", async () => {
    const block = { staffId: practice.dentistId, kind: "block" as const, title: "Guardia", start: madrid(later, "18:00"), end: madrid(later, "19:00") };
    const before = await count("agenda_entry");
    expect(await errorCodeOf(assistant.agenda.create({ ...block, rrule: "FREQ=WEEKLY;BYDAY=MO" }))).toBe("RECURRENCE_UNBOUNDED");
    expect(await errorCodeOf(assistant.agenda.create({ ...block, rrule: "FREQ=DAILY;COUNT=501" }))).toBe("RECURRENCE_TOO_LONG");
    expect(await errorCodeOf(assistant.agenda.create({ ...block, rrule: "EVERY MONDAY" }))).toBe("RECURRENCE_INVALID");
    expect(await count("agenda_entry")).toBe(before);
    const fine = await assistant.agenda.create({ ...block, rrule: "FREQ=DAILY;COUNT=500" });
    expect(await errorCodeOf(assistant.agenda.update({ id: fine.id, version: 1, rrule: "FREQ=DAILY" }))).toBe("RECURRENCE_UNBOUNDED");
    await assistant.agenda.remove({ id: fine.id, version: 1 });
  });

  it("imports an .ics file as blocks; a re-import adds nothing; bad or huge files are refused", async () => {
    const importDay = workingDate(30);
    const weekly = madrid(importDay, "17:00");
    const file = ICS([
      vevent("board@example.org", madrid(importDay, "09:00"), madrid(importDay, "10:00"), ["SUMMARY:Consejo\\, anual"]),
      vevent("gym@example.org", weekly, madrid(importDay, "18:00"), ["SUMMARY:Gimnasio", "RRULE:FREQ=WEEKLY;COUNT=3"]),
      vevent("gone@example.org", madrid(importDay, "12:00"), madrid(importDay, "13:00"), ["SUMMARY:Cancelado", "STATUS:CANCELLED"]),
      vevent("forever@example.org", madrid(importDay, "19:00"), madrid(importDay, "20:00"), ["SUMMARY:Sin fin", "RRULE:FREQ=DAILY"]),
    ]);
    expect(await assistant.agenda.importIcs({ staffId: practice.dentistId, ics: file })).toEqual({ added: 2, updated: 0, unchanged: 0, skipped: 2 });
    const items = (await assistant.agenda.day({ staffId: practice.dentistId, date: importDay })).items.filter((item) => item.type === "entry");
    expect(items.map((item) => [item.type === "entry" && item.entry.title, item.start])).toEqual([
      ["Consejo, anual", new Date(madrid(importDay, "09:00")).toISOString()],
      ["Gimnasio", new Date(weekly).toISOString()],
    ]);
    expect(await slotsOn(importDay)).not.toContain(madrid(importDay, "09:30"));

    const entries = await count("agenda_entry");
    expect(await assistant.agenda.importIcs({ staffId: practice.dentistId, ics: file })).toEqual({ added: 0, updated: 0, unchanged: 2, skipped: 2 });
    expect(await count("agenda_entry")).toBe(entries);
    const changed = file.replace("SUMMARY:Gimnasio", "SUMMARY:Piscina");
    expect(await assistant.agenda.importIcs({ staffId: practice.dentistId, ics: changed })).toEqual({ added: 0, updated: 1, unchanged: 1, skipped: 2 });
    expect(await count("agenda_entry")).toBe(entries);

    expect(await errorCodeOf(assistant.agenda.importIcs({ staffId: practice.dentistId, ics: "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VCALENDAR\r\n" }))).toBe("ICS_MALFORMED");
    expect(await errorCodeOf(assistant.agenda.importIcs({ staffId: practice.dentistId, ics: "hello" }))).toBe("ICS_MALFORMED");
    const huge = ICS(Array.from({ length: 3000 }, (_, index) => vevent(`e${index}@example.org`, madrid(importDay, "09:00"), madrid(importDay, "10:00"), [`DESCRIPTION:${"x".repeat(150)}`])));
    expect(await errorCodeOf(assistant.agenda.importIcs({ staffId: practice.dentistId, ics: huge }))).toBe("ICS_TOO_LARGE");
    expect(await count("agenda_entry")).toBe(entries);
    expect(await errorCodeOf(practice.desk.agenda.importIcs({ staffId: practice.dentistId, ics: file }))).toBe("FORBIDDEN");

    // The staff member's private feed carries the imported blocks, the series as a series.
    const feed = await dentist.calendarFeeds.create();
    const token = /\/calendar\/(.+)\.ics$/.exec(feed.url)![1]!;
    const text = (await renderFeed(server.db, server.clock, token))!;
    expect(text).toContain("SUMMARY:Consejo\\, anual");
    expect(text).toContain("SUMMARY:Piscina");
    expect(text).toContain("RRULE:FREQ=WEEKLY;COUNT=3");
  });
});
