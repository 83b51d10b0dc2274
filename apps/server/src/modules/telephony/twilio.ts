import type { Locale, TelephonyEndReason } from "@frontoffice/domain";
import type { RoutingDecision } from "@frontoffice/routing";

/**
 * Twilio's voice webhooks, mapped onto the generic event and answered in TwiML. Pure: the
 * office's language, time zone and the department's time-out are passed in.
 * https://www.twilio.com/docs/voice/twiml
 */

/** Numbers Twilio sends for a caller who withheld theirs. */
const WITHHELD = new Set(["", "anonymous", "restricted", "unknown", "private", "unavailable", "+266696687", "+7378742833", "+2562533", "+8656696"]);

/** The parameters of a form body, in order, repeated names kept (Twilio signs them all). */
export function formParams(rawBody: string): [string, string][] {
  return [...new URLSearchParams(rawBody)];
}

function param(params: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  return params.find(([key]) => key === name)?.[1];
}

function withheldOrNumber(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  // A browser or app client (`client:alice`) or a SIP address is not a phone number either.
  return WITHHELD.has(trimmed.toLowerCase()) || /^(client|sip):/i.test(trimmed) ? null : trimmed;
}

/**
 * An incoming call (`/twilio/voice`): a ringing event. Digits typed at a greeting are an
 * extension when they look like one (2 to 6 digits), an IVR choice otherwise. The webhook URL
 * pasted into Twilio may name a default `extension` and the caller's `language` in its query
 * (`…/twilio/voice?extension=100&language=es`, one number per department or language). The
 * result is checked against the generic event's schema by the caller (no CallSid: refused there).
 */
export function voiceEvent(params: ReadonlyArray<readonly [string, string]>, query: URLSearchParams): Record<string, unknown> {
  const digits = param(params, "Digits")?.trim();
  const callerName = param(params, "CallerName")?.trim();
  const to = param(params, "To")?.trim();
  const extension = query.get("extension")?.trim();
  const language = query.get("language")?.trim();
  return {
    event: "ringing",
    callId: param(params, "CallSid") ?? "",
    from: withheldOrNumber(param(params, "From")),
    ...(to ? { to } : {}),
    ...(callerName ? { callerName } : {}),
    ...(extension ? { extension } : {}),
    ...(language ? { language } : {}),
    ...(digits ? (/^[0-9]{2,6}$/.test(digits) ? { extension: digits } : { ivrChoice: digits }) : {}),
  };
}

const STATUS_EVENTS: Record<string, { event: "answered" } | { event: "ended"; reason: TelephonyEndReason }> = {
  "in-progress": { event: "answered" },
  answered: { event: "answered" },
  completed: { event: "ended", reason: "completed" },
  busy: { event: "ended", reason: "busy" },
  "no-answer": { event: "ended", reason: "no_answer" },
  failed: { event: "ended", reason: "failed" },
  canceled: { event: "ended", reason: "caller_hung_up" },
};

/**
 * A status callback or `<Dial>`/`<Record>` action (`/twilio/status`): answered or ended, with
 * the reason. The dialled leg's status (`DialCallStatus`) wins over the call's own; a recording
 * means the call ended in voicemail. Null for statuses that change nothing (queued, ringing).
 */
export function statusEvent(params: ReadonlyArray<readonly [string, string]>): Record<string, unknown> | null {
  const status = (param(params, "DialCallStatus") ?? param(params, "CallStatus") ?? "").trim();
  const callId = param(params, "CallSid") ?? "";
  if (param(params, "RecordingUrl")) return { event: "ended", callId, reason: "voicemail" };
  // No status at all is not a Twilio request: left without an event, the schema refuses it.
  if (!status) return { callId };
  const mapped = STATUS_EVENTS[status];
  return mapped ? { ...mapped, callId } : null;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[char] ?? char);
}

const SAY_LANGUAGE: Record<Locale, string> = { en: "en-GB", es: "es-ES", it: "it-IT" };

interface Spoken {
  hold: string;
  voicemail: string;
  callback: string;
  closed: string;
  closedUntil: (when: string) => string;
  holiday: string;
  dialExtension: string;
  unknownExtension: string;
  goodbye: string;
}

const SPOKEN: Record<Locale, Spoken> = {
  en: {
    hold: "All our lines are busy. Please hold and we will be with you shortly.",
    voicemail: "Nobody can take your call right now. Please leave a message after the tone.",
    callback: "Nobody can take your call right now. We will call you back as soon as we can. Goodbye.",
    closed: "We are closed now. Goodbye.",
    closedUntil: (when) => `We are closed now. We open again ${when}. Goodbye.`,
    holiday: "We are closed today for a holiday.",
    dialExtension: "Please dial the extension you want, then press the hash key.",
    unknownExtension: "That extension does not exist.",
    goodbye: "We did not receive an extension. Goodbye.",
  },
  es: {
    hold: "Todas nuestras líneas están ocupadas. Por favor, espere y le atenderemos enseguida.",
    voicemail: "Ahora no podemos atender su llamada. Por favor, deje su mensaje después de la señal.",
    callback: "Ahora no podemos atender su llamada. Le devolveremos la llamada lo antes posible. Adiós.",
    closed: "Ahora estamos cerrados. Adiós.",
    closedUntil: (when) => `Ahora estamos cerrados. Volvemos a abrir el ${when}. Adiós.`,
    holiday: "Hoy estamos cerrados por festivo.",
    dialExtension: "Marque la extensión con la que desea hablar y pulse la tecla almohadilla.",
    unknownExtension: "Esa extensión no existe.",
    goodbye: "No hemos recibido ninguna extensión. Adiós.",
  },
  it: {
    hold: "Tutte le nostre linee sono occupate. Resti in attesa, la risponderemo al più presto.",
    voicemail: "Al momento non possiamo rispondere. Lasci un messaggio dopo il segnale acustico.",
    callback: "Al momento non possiamo rispondere. La richiameremo appena possibile. Arrivederci.",
    closed: "In questo momento siamo chiusi. Arrivederci.",
    closedUntil: (when) => `In questo momento siamo chiusi. Riapriamo ${when}. Arrivederci.`,
    holiday: "Oggi siamo chiusi per festività.",
    dialExtension: "Digiti l'interno desiderato e prema il tasto cancelletto.",
    unknownExtension: "Questo interno non esiste.",
    goodbye: "Non abbiamo ricevuto alcun interno. Arrivederci.",
  },
};

/** When the office opens again, as a person says it in the office's language and time zone. */
export function spokenOpening(opensAt: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit", timeZone }).format(new Date(opensAt));
}

export interface VoiceAnswerContext {
  locale: Locale;
  timeZone: string;
  /** Where `<Dial>` and `<Record>` report back: the endpoint's status webhook. */
  statusUrl: string;
  /** How long to ring before giving up: the department's time-out. */
  ringSeconds: number;
  /** The queue a call with no decision waits in (a repeated delivery of the same call). */
  fallbackQueue: string;
}

/** Twilio's `<Dial>` takes at most ten `<Client>` nouns. */
const MAX_CLIENTS = 10;

/**
 * The TwiML that carries out a routing decision: ring the chosen staff members' app clients
 * (identity: the staff id), wait in the department's queue, leave a voicemail, or hear that the
 * office is closed and when it opens, in the office's language (the caller's when they chose one).
 */
export function voiceAnswer(decision: RoutingDecision | null, context: VoiceAnswerContext): string {
  const words = SPOKEN[context.locale];
  const say = sayIn(context.locale);
  const statusUrl = escapeXml(context.statusUrl);
  let verbs: string;
  switch (decision?.action) {
    case "ring": {
      const clients = decision.targets.slice(0, MAX_CLIENTS).map((staffId) => `<Client>${escapeXml(staffId)}</Client>`).join("");
      verbs = clients
        ? `<Dial timeout="${context.ringSeconds}" action="${statusUrl}" method="POST">${clients}</Dial>`
        : `${say(words.hold)}<Enqueue>${escapeXml(decision.departmentId ?? context.fallbackQueue)}</Enqueue>`;
      break;
    }
    case "queue":
      verbs = `${say(words.hold)}<Pause length="1"/><Enqueue>${escapeXml(decision.departmentId)}</Enqueue>`;
      break;
    case "overflow":
      verbs = `${say(words.hold)}<Pause length="1"/><Enqueue>${escapeXml(decision.to)}</Enqueue>`;
      break;
    case "voicemail":
      verbs = `${say(words.voicemail)}<Record action="${statusUrl}" method="POST" maxLength="120" playBeep="true"/><Hangup/>`;
      break;
    case "callback":
      verbs = `${say(words.callback)}<Hangup/>`;
      break;
    case "closed": {
      const opening = decision.opensAt ? words.closedUntil(spokenOpening(decision.opensAt, context.locale, context.timeZone)) : words.closed;
      verbs = `${decision.reason === "holiday" ? say(words.holiday) : ""}${say(opening)}<Hangup/>`;
      break;
    }
    default:
      verbs = `${say(words.hold)}<Enqueue>${escapeXml(context.fallbackQueue)}</Enqueue>`;
  }
  return twiml(verbs);
}

const sayIn = (locale: Locale) => (text: string) => `<Say language="${SAY_LANGUAGE[locale]}">${escapeXml(text)}</Say>`;

/**
 * Asks the caller for an extension (the call named none and no rule took it, or it named one
 * that does not exist): the digits come back to `voiceUrl` as a new delivery of the call.
 */
export function extensionPrompt(locale: Locale, voiceUrl: string, unknown: boolean): string {
  const words = SPOKEN[locale];
  const say = sayIn(locale);
  return twiml(
    `${unknown ? say(words.unknownExtension) : ""}<Gather input="dtmf" finishOnKey="#" timeout="8" action="${escapeXml(voiceUrl)}" method="POST">${say(words.dialExtension)}</Gather>${say(words.goodbye)}<Hangup/>`,
  );
}

export function twiml(verbs = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${verbs}</Response>`;
}
