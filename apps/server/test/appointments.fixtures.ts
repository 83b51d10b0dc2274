import { DomainError, type SlotOffer, type WeeklyHoursInput } from "@frontoffice/domain";
import { Temporal, publicHolidays } from "@frontoffice/scheduling";
import { TRPCError } from "@trpc/server";
import { addStaff, callerFor, setUpOrganization, signIn, type TestServer } from "./harness.js";

export const MADRID = "Europe/Madrid";

/** 08:00–20:00 every day, so tests do not depend on the weekday they run on. */
export const EVERY_DAY: WeeklyHoursInput = Object.fromEntries(
  ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((day) => [day, [{ start: "08:00", end: "20:00" }]]),
);

/** An instant at a Madrid wall-clock time on a local date. */
export function madrid(date: string, time: string): string {
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(MADRID).toInstant().toString();
}

function isHoliday(date: Temporal.PlainDate): boolean {
  return publicHolidays("ES-MD", date.year).some((holiday) => holiday.date === date.toString());
}

/** The first Madrid date at least `daysAhead` days from now that is not a Madrid public holiday. */
export function workingDate(daysAhead: number): string {
  let date = Temporal.Now.plainDateISO(MADRID).add({ days: daysAhead });
  while (isHoliday(date)) date = date.add({ days: 1 });
  return date.toString();
}

/** The next Madrid public holiday between 2 and 80 days ahead, if any. */
export function upcomingHoliday(): string | undefined {
  const today = Temporal.Now.plainDateISO(MADRID);
  for (let days = 2; days <= 80; days++) {
    const date = today.add({ days });
    if (isHoliday(date)) return date.toString();
  }
  return undefined;
}

/** An organization with a dentist and a hygienist who work every day, and a 30-minute service (10 minutes after). */
export async function setUpPractice(server: TestServer, name: string, domain: string) {
  const { organizationId, officeId } = await setUpOrganization(server, name, `owner@${domain}`);
  await addStaff(server, organizationId, officeId, `dentist@${domain}`, ["employee"]);
  await addStaff(server, organizationId, officeId, `hygienist@${domain}`, ["employee"]);
  await addStaff(server, organizationId, officeId, `desk@${domain}`, ["receptionist"]);
  const owner = callerFor(server, await signIn(server, `owner@${domain}`));
  const desk = callerFor(server, await signIn(server, `desk@${domain}`));
  const staff = await owner.staff.list({ includeInactive: true });
  const idOf = (email: string) => staff.find((member) => member.email === email)!.id;
  const dentistId = idOf(`dentist@${domain}`);
  const hygienistId = idOf(`hygienist@${domain}`);
  const ownerId = idOf(`owner@${domain}`);
  for (const staffId of [dentistId, hygienistId]) await owner.schedules.set({ staffId, officeId, weeklyHours: EVERY_DAY });
  const checkup = await owner.services.create({ officeId, name: "Revisión dental", durationMinutes: 30, bufferAfterMinutes: 10, priceMinor: 4000, staffIds: [dentistId] });
  const cleaning = await owner.services.create({ officeId, name: "Limpieza", durationMinutes: 30, staffIds: [dentistId, hygienistId] });
  const client = await desk.clients.create({ officeId, givenName: "Lucía", familyName: "Martín" });
  return { organizationId, officeId, owner, desk, dentistId, hygienistId, ownerId, checkup, cleaning, clientId: client.id };
}

/** The code and the next free slots of a call expected to fail with a domain error. */
export async function conflictOf(promise: Promise<unknown>): Promise<{ code: string; nextSlots: SlotOffer[] | undefined }> {
  try {
    await promise;
  } catch (error) {
    const cause = error instanceof TRPCError ? error.cause : error;
    if (cause instanceof DomainError) return { code: cause.code, nextSlots: cause.details?.nextSlots as SlotOffer[] | undefined };
    return { code: error instanceof TRPCError ? error.code : String(error), nextSlots: undefined };
  }
  throw new Error("expected the call to fail, it succeeded");
}
