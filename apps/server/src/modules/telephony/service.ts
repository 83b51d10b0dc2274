import { randomBytes } from "node:crypto";
import { DomainError, TELEPHONY_PROVIDERS, type TelephonyProvider } from "@frontoffice/domain";
import { z } from "zod";
import type { Actor } from "../../trpc/actor.js";
import { findOffice } from "../offices/queries.js";
import { insertEndpoint, listEndpoints, revokeEndpointRow } from "./queries.js";

const id = z.uuid("validation.id_invalid");

export const telephonyEndpointListSchema = z.strictObject({ officeId: id.optional() });
export const telephonyEndpointCreateSchema = z
  .strictObject({
    officeId: id,
    provider: z.enum(TELEPHONY_PROVIDERS, { error: "validation.invalid" }),
    label: z.string().trim().min(1, "validation.required").max(120, "validation.too_long"),
    /**
     * Twilio signs with the account's auth token, which Twilio issues: it is given here. Without
     * it (and always for the generic format) a random secret is made.
     */
    authToken: z.string().trim().min(16, "validation.too_short").max(200, "validation.too_long").optional(),
  })
  .refine((input) => input.provider === "twilio" || input.authToken === undefined, { message: "validation.invalid", path: ["authToken"] });
export const telephonyEndpointRevokeSchema = z.strictObject({ id });
export type TelephonyEndpointCreateInput = z.input<typeof telephonyEndpointCreateSchema>;

export type WebhookPurpose = "events" | "voice" | "status";

/** An endpoint as managers see it: never its secret. */
export interface TelephonyEndpointView {
  id: string;
  officeId: string;
  provider: TelephonyProvider;
  label: string;
  /** The URLs to paste into the phone system. */
  webhooks: { purpose: WebhookPurpose; url: string }[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The path of a webhook of an endpoint, as the HTTP routes declare it. */
export function webhookPath(endpointId: string, purpose: WebhookPurpose): string {
  return purpose === "events" ? `/telephony/${endpointId}/events` : `/telephony/${endpointId}/twilio/${purpose}`;
}

function toView(row: Omit<TelephonyEndpointView, "webhooks">, publicUrl: string): TelephonyEndpointView {
  const base = publicUrl.replace(/\/+$/, "");
  const purposes: WebhookPurpose[] = row.provider === "twilio" ? ["voice", "status"] : ["events"];
  return { ...row, webhooks: purposes.map((purpose) => ({ purpose, url: `${base}${webhookPath(row.id, purpose)}` })) };
}

async function assertOffice(actor: Actor, officeId: string): Promise<void> {
  if (!(await findOffice(actor.db, actor.organizationId, officeId))) throw new DomainError("NOT_FOUND", "office not found");
}

/**
 * Registers a phone system for an office. The secret is returned this once: the list never
 * shows it again (it is kept in clear, because checking an HMAC needs it).
 */
export async function createEndpoint(actor: Actor, raw: TelephonyEndpointCreateInput, publicUrl: string): Promise<TelephonyEndpointView & { secret: string }> {
  const input = telephonyEndpointCreateSchema.parse(raw);
  await assertOffice(actor, input.officeId);
  const secret = input.authToken ?? randomBytes(32).toString("base64url");
  const row = await insertEndpoint(actor.db, {
    organizationId: actor.organizationId, officeId: input.officeId, provider: input.provider, label: input.label, secret, createdBy: actor.staffId, at: actor.clock.now(),
  });
  return { ...toView(row, publicUrl), secret };
}

export async function endpointsOf(actor: Actor, raw: z.input<typeof telephonyEndpointListSchema>, publicUrl: string): Promise<TelephonyEndpointView[]> {
  const input = telephonyEndpointListSchema.parse(raw);
  return (await listEndpoints(actor.db, actor.organizationId, input.officeId)).map((row) => toView(row, publicUrl));
}

/** Revokes an endpoint: its webhooks are refused from now on (401). Revoking twice keeps the first time. */
export async function revokeEndpoint(actor: Actor, raw: z.input<typeof telephonyEndpointRevokeSchema>, publicUrl: string): Promise<TelephonyEndpointView> {
  const input = telephonyEndpointRevokeSchema.parse(raw);
  const row = await revokeEndpointRow(actor.db, actor.organizationId, input.id, actor.clock.now());
  if (!row) throw new DomainError("NOT_FOUND", "telephony endpoint not found");
  return toView(row, publicUrl);
}
