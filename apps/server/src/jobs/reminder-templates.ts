/**
 * Appointment reminders in the client's language (English, Spanish, Italian): pure functions
 * from what the reminder may say to its email and SMS text.
 *
 * Medical offices: a reminder never names the service, the professional or any note, only
 * "your appointment at <office>": anyone who sees a phone's lock screen or a shared mailbox
 * must not learn what the appointment is for.
 */
import type { Locale, OfficeKind } from "@frontoffice/domain";

export interface ReminderFacts {
  locale: Locale;
  officeName: string;
  officeKind: OfficeKind;
  officePhone: string | null;
  /** The office's IANA time zone: the time is shown as the client will live it. */
  timeZone: string;
  startsAt: Date;
  /** How the client is greeted (given name, or the display name). */
  clientName: string;
  serviceName: string;
}

export interface ReminderMessages {
  subject: string;
  text: string;
  html: string;
  sms: string;
}

export const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", es: "es-ES", it: "it-IT" };

interface Phrases {
  subject(office: string): string;
  greeting(name: string): string;
  body(what: string | undefined, office: string, when: string): string;
  cannotCome(phone: string | null): string;
  sms(what: string | undefined, office: string, when: string): string;
}

const PHRASES: Record<Locale, Phrases> = {
  en: {
    subject: (office) => `Reminder: your appointment at ${office}`,
    greeting: (name) => `Hello ${name},`,
    body: (what, office, when) => `This is a reminder of your appointment${what ? ` for ${what}` : ""} at ${office} on ${when}.`,
    cannotCome: (phone) => (phone ? `If you cannot come, please let us know on ${phone}.` : "If you cannot come, please let us know."),
    sms: (what, office, when) => `Reminder: your appointment${what ? ` for ${what}` : ""} at ${office} on ${when}.`,
  },
  es: {
    subject: (office) => `Recordatorio: su cita en ${office}`,
    greeting: (name) => `Hola, ${name}:`,
    body: (what, office, when) => `Le recordamos su cita${what ? ` de ${what}` : ""} en ${office} el ${when}.`,
    cannotCome: (phone) => (phone ? `Si no puede acudir, avísenos en el ${phone}.` : "Si no puede acudir, avísenos."),
    sms: (what, office, when) => `Recordatorio: su cita${what ? ` de ${what}` : ""} en ${office} el ${when}.`,
  },
  it: {
    subject: (office) => `Promemoria: il suo appuntamento presso ${office}`,
    greeting: (name) => `Gentile ${name},`,
    body: (what, office, when) => `le ricordiamo il suo appuntamento${what ? ` per ${what}` : ""} presso ${office} il ${when}.`,
    cannotCome: (phone) => (phone ? `Se non può venire, ce lo comunichi al numero ${phone}.` : "Se non può venire, ce lo comunichi."),
    sms: (what, office, when) => `Promemoria: appuntamento${what ? ` per ${what}` : ""} presso ${office} il ${when}.`,
  },
};

/** The appointment's date and time in the office's zone, written the client's way. */
export function formatAppointmentTime(startsAt: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "full", timeStyle: "short", timeZone }).format(startsAt);
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function renderReminder(facts: ReminderFacts): ReminderMessages {
  const phrases = PHRASES[facts.locale];
  const when = formatAppointmentTime(facts.startsAt, facts.locale, facts.timeZone);
  // What the appointment is for: never said for a medical office.
  const what = facts.officeKind === "medical" ? undefined : facts.serviceName;
  const paragraphs = [phrases.greeting(facts.clientName), phrases.body(what, facts.officeName, when), phrases.cannotCome(facts.officePhone), facts.officeName];
  return {
    subject: phrases.subject(facts.officeName),
    text: `${paragraphs.join("\n\n")}\n`,
    html: `<!doctype html><html lang="${facts.locale}"><body>${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("")}</body></html>`,
    sms: phrases.sms(what, facts.officeName, when),
  };
}
