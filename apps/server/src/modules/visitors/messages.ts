/**
 * The email a host gets when their visitor arrives, in the host's language. Pure.
 */
import type { Locale } from "@frontoffice/domain";
import { INTL_LOCALE, escapeHtml } from "../../jobs/reminder-templates.js";

export interface ArrivalFacts {
  locale: Locale;
  hostName: string;
  visitorName: string;
  company: string | null;
  officeName: string;
  /** Already formatted in the office's time zone. */
  time: string;
}

const PHRASES: Record<Locale, { subject(visitor: string): string; body(facts: ArrivalFacts, visitor: string): string }> = {
  en: {
    subject: (visitor) => `Your visitor has arrived: ${visitor}`,
    body: (facts, visitor) => `Hello ${facts.hostName},\n\n${visitor} checked in at ${facts.officeName} at ${facts.time} and is waiting for you at reception.`,
  },
  es: {
    subject: (visitor) => `Ha llegado su visita: ${visitor}`,
    body: (facts, visitor) => `Hola, ${facts.hostName}:\n\n${visitor} se ha registrado en ${facts.officeName} a las ${facts.time} y le espera en recepción.`,
  },
  it: {
    subject: (visitor) => `È arrivato il suo visitatore: ${visitor}`,
    body: (facts, visitor) => `Buongiorno ${facts.hostName},\n\n${visitor} si è registrato presso ${facts.officeName} alle ${facts.time} e la attende alla reception.`,
  },
};

export function renderArrival(facts: ArrivalFacts): { subject: string; text: string; html: string } {
  const phrases = PHRASES[facts.locale];
  const visitor = facts.company ? `${facts.visitorName} (${facts.company})` : facts.visitorName;
  const text = phrases.body(facts, visitor);
  const html = text
    .split("\n\n")
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("");
  return { subject: phrases.subject(visitor), text, html };
}

export function formatArrivalTime(at: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { hour: "2-digit", minute: "2-digit", timeZone }).format(at);
}
