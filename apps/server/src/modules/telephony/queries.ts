import type { Kysely, Transaction } from "kysely";
import type { Database, TelephonyProvider } from "@frontoffice/db";
import type { RoutingDecision } from "@frontoffice/routing";

type Executor = Kysely<Database> | Transaction<Database>;

/** What may be shown of an endpoint: everything but its secret. */
const ENDPOINT_COLUMNS = [
  "id",
  "office_id as officeId",
  "provider",
  "label",
  "created_at as createdAt",
  "last_used_at as lastUsedAt",
  "revoked_at as revokedAt",
] as const;

export function insertEndpoint(
  db: Executor,
  endpoint: { organizationId: string; officeId: string; provider: TelephonyProvider; label: string; secret: string; createdBy: string; at: Date },
) {
  return db
    .insertInto("telephony_endpoint")
    .values({
      organization_id: endpoint.organizationId,
      office_id: endpoint.officeId,
      provider: endpoint.provider,
      label: endpoint.label,
      secret: endpoint.secret,
      created_by: endpoint.createdBy,
      created_at: endpoint.at,
    })
    .returning(ENDPOINT_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** An organization's endpoints (one office's when given), newest first, without secrets. */
export function listEndpoints(db: Executor, organizationId: string, officeId: string | undefined) {
  let query = db.selectFrom("telephony_endpoint").select(ENDPOINT_COLUMNS).where("organization_id", "=", organizationId);
  if (officeId) query = query.where("office_id", "=", officeId);
  return query.orderBy("created_at", "desc").orderBy("id").execute();
}

export function revokeEndpointRow(db: Executor, organizationId: string, id: string, at: Date) {
  return db
    .updateTable("telephony_endpoint")
    .set((eb) => ({ revoked_at: eb.fn.coalesce("revoked_at", eb.val(at)) }))
    .where("organization_id", "=", organizationId)
    .where("id", "=", id)
    .returning(ENDPOINT_COLUMNS)
    .executeTakeFirst();
}

/**
 * A live endpoint by id, with its secret, for checking a webhook's signature. Not scoped by
 * organization: the endpoint id in the URL is what names the organization, and the signature
 * made with that endpoint's secret is what proves the caller may speak for it.
 */
export function findLiveEndpoint(db: Executor, id: string) {
  return db
    .selectFrom("telephony_endpoint")
    .select(["id", "organization_id as organizationId", "office_id as officeId", "provider", "secret"])
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

export function touchEndpoint(db: Executor, id: string, at: Date) {
  return db.updateTable("telephony_endpoint").set({ last_used_at: at }).where("id", "=", id).execute();
}

/** What a TwiML answer needs of the office: its language, time zone and country for the spoken texts. */
export function findOfficeVoice(db: Executor, organizationId: string, officeId: string) {
  return db
    .selectFrom("office")
    .select(["locale", "time_zone as timeZone"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", officeId)
    .executeTakeFirst();
}

/** How long a department's phones ring before the call overflows. */
export function findDepartmentTimeout(db: Executor, organizationId: string, departmentId: string) {
  return db
    .selectFrom("department")
    .select(["timeout_seconds as timeoutSeconds"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", departmentId)
    .executeTakeFirst();
}

/** The routing decision kept with a call (the whole of it, targets included). */
export async function findStoredDecision(db: Executor, organizationId: string, callId: string): Promise<RoutingDecision | null> {
  const row = await db.selectFrom("call").select("decision").where("organization_id", "=", organizationId).where("id", "=", callId).executeTakeFirst();
  const decision = row?.decision as RoutingDecision | null | undefined;
  return decision && typeof decision === "object" && "action" in decision ? decision : null;
}
