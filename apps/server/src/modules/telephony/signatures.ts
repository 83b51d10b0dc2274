import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Checking that a webhook comes from the phone system that holds an endpoint's secret. Pure: the
 * instant and the secret are passed in.
 *
 * - Generic format: header `x-frontoffice-signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over
 *   `"<t>.<raw body>"`, with `t` within five minutes of now (an older or future delivery is a
 *   replay and is refused). Several `v1=` values may be sent (while a secret is being rotated).
 * - Twilio: `X-Twilio-Signature` is base64(HMAC-SHA1(auth token, URL + every POST parameter's
 *   name and value, sorted by name)), where the URL is the one Twilio called, query included.
 *   https://www.twilio.com/docs/usage/webhooks/webhooks-security
 */

export const GENERIC_SIGNATURE_HEADER = "x-frontoffice-signature";
export const TWILIO_SIGNATURE_HEADER = "x-twilio-signature";
/** How far a generic signature's timestamp may be from the server's clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" };

/** Compares two strings in time that depends only on their length. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  if (left.length !== right.length) {
    // Still spend the comparison, so a wrong length answers no faster than a wrong value.
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

/** The hex HMAC-SHA256 of `"<timestamp>.<raw body>"`. */
export function genericDigest(secret: string, timestamp: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex");
}

/** The header a phone system sends with a generic event (and tests, the simulator's peers). */
export function signGeneric(secret: string, rawBody: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${genericDigest(secret, timestamp, rawBody)}`;
}

/** Reads `t=…,v1=…[,v1=…]`; undefined when it is not of that form. */
export function parseGenericHeader(header: string): { timestamp: number; signatures: string[] } | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value, ...rest] = part.trim().split("=");
    if (rest.length > 0 || value === undefined) return undefined;
    if (key === "t") {
      if (!/^[0-9]{1,12}$/.test(value) || timestamp !== undefined) return undefined;
      timestamp = Number(value);
    } else if (key === "v1") {
      if (!/^[0-9a-f]{64}$/i.test(value)) return undefined;
      signatures.push(value.toLowerCase());
    }
    // Unknown schemes (a future v2) are skipped, as Stripe-style headers allow.
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

export function verifyGeneric(secret: string, header: string | undefined, rawBody: string, now: Date): SignatureCheck {
  if (!header) return { ok: false, reason: "missing" };
  const parsed = parseGenericHeader(header);
  if (!parsed) return { ok: false, reason: "malformed" };
  const expected = genericDigest(secret, parsed.timestamp, rawBody);
  // Every candidate is compared, so the time taken does not say which one (if any) matched.
  const matched = parsed.signatures.map((signature) => constantTimeEqual(signature, expected)).includes(true);
  if (!matched) return { ok: false, reason: "mismatch" };
  if (Math.abs(now.getTime() / 1000 - parsed.timestamp) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: "stale" };
  return { ok: true };
}

/**
 * Twilio's signature of a request: the URL, then each parameter's name and value, sorted by name
 * (a repeated name's values sorted too, as Twilio's own libraries do).
 */
export function twilioSignature(authToken: string, url: string, params: ReadonlyArray<readonly [string, string]>): string {
  const sorted = [...params].sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB));
  const data = sorted.reduce((text, [name, value]) => text + name + value, url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/** Code-unit order, as Twilio sorts (not locale order). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The URL with and without its scheme's default port (`:443`, `:80`): Twilio has signed with
 * either, and its own libraries accept both.
 */
export function twilioUrlVariants(url: string): string[] {
  const match = /^(https?):\/\/([^/?#:]+)(:\d+)?(.*)$/i.exec(url);
  if (!match) return [url];
  const [, scheme = "", host = "", port, rest = ""] = match;
  const defaultPort = scheme.toLowerCase() === "https" ? ":443" : ":80";
  if (port === undefined) return [url, `${scheme}://${host}${defaultPort}${rest}`];
  return port === defaultPort ? [url, `${scheme}://${host}${rest}`] : [url];
}

export function verifyTwilio(authToken: string, header: string | undefined, url: string, params: ReadonlyArray<readonly [string, string]>): SignatureCheck {
  if (!header) return { ok: false, reason: "missing" };
  const given = header.trim();
  const matched = twilioUrlVariants(url).map((variant) => constantTimeEqual(given, twilioSignature(authToken, variant, params)));
  return matched.includes(true) ? { ok: true } : { ok: false, reason: "mismatch" };
}

/**
 * The URL a phone system called: the server's public URL (what was pasted into the phone system)
 * with the request's path and query. A proxy in front may rewrite the host, so the request's own
 * Host header is not trusted for this.
 */
export function publicRequestUrl(publicUrl: string, pathAndQuery: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${pathAndQuery.startsWith("/") ? "" : "/"}${pathAndQuery}`;
}
