/**
 * What the person a message was taken for reads in their email, and the title of a call-back on
 * their agenda, in their own language. Pure.
 */
import type { Locale } from "@frontoffice/domain";
import { escapeHtml } from "../../jobs/reminder-templates.js";

export interface CallMessageFacts {
  locale: Locale;
  recipientName: string;
  /** The caller's name and number as known, already joined (`Ana Ruiz, +34 612 34 56 78`). */
  caller: string;
  body: string;
  takenBy: string;
  urgent: boolean;
  callbackRequested: boolean;
  officeName: string;
  /** When it was taken, already formatted in the office's time zone. */
  time: string;
}

interface Phrases {
  subject(caller: string, urgent: boolean): string;
  greeting(name: string): string;
  intro(facts: CallMessageFacts): string;
  callback: string;
  callbackTitle(caller: string): string;
}

const PHRASES: Record<Locale, Phrases> = {
  en: {
    subject: (caller, urgent) => `${urgent ? "URGENT: " : ""}Phone message from ${caller}`,
    greeting: (name) => `Hello ${name},`,
    intro: (facts) => `${facts.caller} called ${facts.officeName} at ${facts.time}. ${facts.takenBy} took this message for you:`,
    callback: "Please call them back.",
    callbackTitle: (caller) => `Call back ${caller}`,
  },
  es: {
    subject: (caller, urgent) => `${urgent ? "URGENTE: " : ""}Mensaje telefónico de ${caller}`,
    greeting: (name) => `Hola, ${name}:`,
    intro: (facts) => `${facts.caller} llamó a ${facts.officeName} a las ${facts.time}. ${facts.takenBy} le ha dejado este mensaje:`,
    callback: "Le ruega que le devuelva la llamada.",
    callbackTitle: (caller) => `Devolver la llamada a ${caller}`,
  },
  it: {
    subject: (caller, urgent) => `${urgent ? "URGENTE: " : ""}Messaggio telefonico da ${caller}`,
    greeting: (name) => `Buongiorno ${name},`,
    intro: (facts) => `${facts.caller} ha chiamato ${facts.officeName} alle ${facts.time}. ${facts.takenBy} ha preso questo messaggio per lei:`,
    callback: "Chiede di essere richiamato.",
    callbackTitle: (caller) => `Richiamare ${caller}`,
  },
};

export function renderCallMessage(facts: CallMessageFacts): { subject: string; text: string; html: string } {
  const phrases = PHRASES[facts.locale];
  const paragraphs = [phrases.greeting(facts.recipientName), phrases.intro(facts), facts.body, ...(facts.callbackRequested ? [phrases.callback] : [])];
  return {
    subject: phrases.subject(facts.caller, facts.urgent),
    text: paragraphs.join("\n\n"),
    html: paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll("\n", "<br>")}</p>`).join(""),
  };
}

/** The title of a call-back entry on someone's agenda. */
export function callbackTitle(locale: Locale, caller: string): string {
  return PHRASES[locale].callbackTitle(caller);
}
