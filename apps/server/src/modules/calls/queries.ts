/**
 * Reading calls as the console shows them, and the small writes every call change is made of.
 * Every query takes the database (or the transaction) first and is scoped by organization.
 */
import { LIVE_CALL_STATUSES, type CallEventKind, type CallExplanationStep, type CallMessage, type CallTransfer, type CallView, type PresenceStatus, type StaffPresence } from "@frontoffice/domain";
import { jsonb, type CallRow, type Database } from "@frontoffice/db";
import { sql, type Kysely, type Transaction } from "kysely";

type Executor = Kysely<Database> | Transaction<Database>;

function viewQuery(db: Executor, organizationId: string) {
  return db
    .selectFrom("call")
    .leftJoin("client", (join) => join.onRef("client.id", "=", "call.client_id").onRef("client.organization_id", "=", "call.organization_id"))
    .leftJoin("department", (join) => join.onRef("department.id", "=", "call.department_id").onRef("department.organization_id", "=", "call.organization_id"))
    .leftJoin("staff", (join) => join.onRef("staff.id", "=", "call.staff_id").onRef("staff.organization_id", "=", "call.organization_id"))
    .selectAll("call")
    .select(["client.display_name as client_name", "department.name as department_name", "staff.display_name as staff_name"])
    .where("call.organization_id", "=", organizationId);
}

type ViewRow = CallRow & { client_name: string | null; department_name: string | null; staff_name: string | null };

export const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function toCallView(row: ViewRow): CallView {
  const decision = row.decision as { action?: string; explanation?: CallExplanationStep[] } | null;
  return {
    id: row.id,
    officeId: row.office_id,
    line: row.line,
    source: row.source,
    status: row.status,
    outcome: row.outcome,
    callerNumber: row.caller_number,
    callerName: row.caller_name,
    client: row.client_id && row.client_name !== null ? { id: row.client_id, displayName: row.client_name } : null,
    vip: row.vip,
    language: row.language,
    extension: row.extension,
    department: row.department_id && row.department_name !== null ? { id: row.department_id, name: row.department_name } : null,
    staff: row.staff_id && row.staff_name !== null ? { id: row.staff_id, displayName: row.staff_name } : null,
    decision: decision?.action ? { action: decision.action, explanation: decision.explanation ?? [] } : null,
    transfer: (row.transfer as CallTransfer | null) ?? null,
    overflowHops: row.overflow_hops,
    offeredAt: new Date(row.offered_at).toISOString(),
    answeredAt: iso(row.answered_at),
    endedAt: iso(row.ended_at),
    version: row.version,
  };
}

/** One call as the console shows it, or undefined when it is not the organization's. */
export async function loadCallView(db: Executor, organizationId: string, callId: string): Promise<CallView | undefined> {
  const row = await viewQuery(db, organizationId).where("call.id", "=", callId).executeTakeFirst();
  return row ? toCallView(row) : undefined;
}

/** The office's calls still on a line, by line. */
export async function listLiveCalls(db: Executor, organizationId: string, officeId: string): Promise<CallView[]> {
  const rows = await viewQuery(db, organizationId).where("call.office_id", "=", officeId).where("call.status", "in", [...LIVE_CALL_STATUSES]).orderBy("call.line").execute();
  return rows.map(toCallView);
}

export interface CallLogFilter {
  officeId: string;
  from?: Date | undefined;
  to?: Date | undefined;
  clientId?: string | undefined;
  callerNumber?: string | undefined;
  limit: number;
}

/** Calls of an office, newest first. */
export async function selectCalls(db: Executor, organizationId: string, filter: CallLogFilter): Promise<CallView[]> {
  let query = viewQuery(db, organizationId).where("call.office_id", "=", filter.officeId);
  if (filter.from) query = query.where("call.offered_at", ">=", filter.from);
  if (filter.to) query = query.where("call.offered_at", "<", filter.to);
  if (filter.clientId) query = query.where("call.client_id", "=", filter.clientId);
  if (filter.callerNumber) query = query.where("call.caller_number", "=", filter.callerNumber);
  const rows = await query.orderBy("call.offered_at", "desc").orderBy("call.id", "desc").limit(filter.limit).execute();
  return rows.map(toCallView);
}

/** Events written by one change share its instant; this is their order within it. */
const SAME_INSTANT_ORDER: readonly CallEventKind[] = [
  "offered",
  "transferred",
  "transfer_returned",
  "transfer_cancelled",
  "overflowed",
  "routed",
  "queued",
  "answered",
  "held",
  "resumed",
  "transfer_started",
  "message_taken",
  "callback_scheduled",
  "voicemail",
  "ended",
];

/** The call events of some calls, oldest first. */
export function selectCallEvents(db: Executor, organizationId: string, callIds: readonly string[]) {
  if (callIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("call_event")
    .select(["call_id", "kind", "at", "staff_id", "department_id", "details"])
    .where("organization_id", "=", organizationId)
    .where("call_id", "in", callIds)
    .orderBy("at")
    .orderBy(sql`array_position(${sql.val(SAME_INSTANT_ORDER)}::text[], kind)`)
    .execute();
}

export function findCallRow(db: Executor, organizationId: string, callId: string): Promise<CallRow | undefined> {
  return db.selectFrom("call").selectAll().where("organization_id", "=", organizationId).where("id", "=", callId).executeTakeFirst();
}

export function findCallByExternalId(db: Executor, organizationId: string, source: CallRow["source"], externalId: string): Promise<CallRow | undefined> {
  return db.selectFrom("call").selectAll().where("organization_id", "=", organizationId).where("source", "=", source).where("external_id", "=", externalId).executeTakeFirst();
}

/** Locks a call row for a change made in the same transaction. */
export function lockCallRow(trx: Transaction<Database>, organizationId: string, callId: string): Promise<CallRow | undefined> {
  return trx.selectFrom("call").selectAll().where("organization_id", "=", organizationId).where("id", "=", callId).forUpdate().executeTakeFirst();
}

/** The lines of an office that carry a live call. */
export async function takenLines(db: Executor, officeId: string): Promise<Set<number>> {
  const rows = await db.selectFrom("call").select("line").where("office_id", "=", officeId).where("status", "<>", "ended").execute();
  return new Set(rows.map((row) => row.line));
}

export interface CallEventValues {
  organizationId: string;
  callId: string;
  kind: CallEventKind;
  at: Date;
  staffId?: string | null;
  departmentId?: string | null;
  details?: Record<string, unknown>;
}

export async function insertCallEvents(db: Executor, events: readonly CallEventValues[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto("call_event")
    .values(
      events.map((event) => ({
        organization_id: event.organizationId,
        call_id: event.callId,
        kind: event.kind,
        at: event.at,
        staff_id: event.staffId ?? null,
        department_id: event.departmentId ?? null,
        details: jsonb(event.details ?? {}),
      })),
    )
    .execute();
}

/** Sets a staff member's presence (a row is made on first use). */
export async function setPresence(db: Executor, organizationId: string, staffId: string, status: PresenceStatus, at: Date): Promise<void> {
  const idleSince = status === "available" ? at : null;
  await db
    .insertInto("staff_presence")
    .values({ staff_id: staffId, organization_id: organizationId, status, changed_at: at, idle_since: idleSince })
    .onConflict((conflict) =>
      conflict.column("staff_id").doUpdateSet({
        status,
        changed_at: at,
        // Still free: keep since when (longest idle counts from the first moment free).
        idle_since: status === "available" ? sql<Date>`case when staff_presence.status = 'available' then staff_presence.idle_since else ${at} end` : null,
      }),
    )
    .execute();
}

/** Notes that these members were offered a call now (round-robin queues offer the least recent first). */
export async function markOffered(db: Executor, organizationId: string, staffIds: readonly string[], at: Date): Promise<void> {
  if (staffIds.length === 0) return;
  await db.updateTable("staff_presence").set({ last_offered_at: at }).where("organization_id", "=", organizationId).where("staff_id", "in", staffIds).execute();
}

/** The presence of the staff who work in an office (no row yet: off shift). */
export async function selectOfficePresence(db: Executor, organizationId: string, officeId: string): Promise<StaffPresence[]> {
  const rows = await db
    .selectFrom("staff")
    .leftJoin("staff_presence", "staff_presence.staff_id", "staff.id")
    .select(["staff.id", "staff.display_name", "staff.extension", "staff_presence.status", "staff_presence.changed_at", "staff_presence.idle_since"])
    .where("staff.organization_id", "=", organizationId)
    .where("staff.active", "=", true)
    .where((eb) => eb.exists(eb.selectFrom("staff_assignment").select("staff_assignment.id").whereRef("staff_assignment.staff_id", "=", "staff.id").where("staff_assignment.office_id", "=", officeId)))
    .orderBy("staff.display_name")
    .orderBy("staff.id")
    .execute();
  return rows.map((row) => ({
    staffId: row.id,
    displayName: row.display_name,
    extension: row.extension,
    status: row.status ?? "off_shift",
    changedAt: iso(row.changed_at ?? null),
    idleSince: iso(row.idle_since ?? null),
  }));
}

export async function findPresence(db: Executor, organizationId: string, staffId: string): Promise<{ status: PresenceStatus; changedAt: string | null; idleSince: string | null }> {
  const row = await db.selectFrom("staff_presence").select(["status", "changed_at", "idle_since"]).where("organization_id", "=", organizationId).where("staff_id", "=", staffId).executeTakeFirst();
  return { status: row?.status ?? "off_shift", changedAt: iso(row?.changed_at ?? null), idleSince: iso(row?.idle_since ?? null) };
}

/** Messages taken, newest first: some by id, or those for one staff member. */
export async function selectCallMessages(db: Executor, organizationId: string, filter: { ids?: readonly string[]; forStaffId?: string; unreadOnly?: boolean; limit?: number }): Promise<CallMessage[]> {
  if (filter.ids?.length === 0) return [];
  let query = db
    .selectFrom("call_message as m")
    .innerJoin("staff as recipient", "recipient.id", "m.for_staff_id")
    .innerJoin("staff as taker", "taker.id", "m.taken_by")
    .leftJoin("client", "client.id", "m.client_id")
    .select([
      "m.id",
      "m.office_id",
      "m.call_id",
      "m.for_staff_id",
      "recipient.display_name as recipient_name",
      "m.caller_name",
      "m.caller_number",
      "m.client_id",
      "client.display_name as client_name",
      "m.body",
      "m.callback_requested",
      "m.urgent",
      "m.taken_by",
      "taker.display_name as taker_name",
      "m.taken_at",
      "m.read_at",
    ])
    .where("m.organization_id", "=", organizationId);
  if (filter.ids) query = query.where("m.id", "in", [...filter.ids]);
  if (filter.forStaffId) query = query.where("m.for_staff_id", "=", filter.forStaffId);
  if (filter.unreadOnly) query = query.where("m.read_at", "is", null);
  const rows = await query.orderBy("m.taken_at", "desc").orderBy("m.id", "desc").limit(filter.limit ?? 50).execute();
  return rows.map((row) => ({
    id: row.id,
    officeId: row.office_id,
    callId: row.call_id,
    forStaff: { id: row.for_staff_id, displayName: row.recipient_name },
    callerName: row.caller_name,
    callerNumber: row.caller_number,
    client: row.client_id && row.client_name !== null ? { id: row.client_id, displayName: row.client_name } : null,
    body: row.body,
    callbackRequested: row.callback_requested,
    urgent: row.urgent,
    takenBy: { id: row.taken_by, displayName: row.taker_name },
    takenAt: new Date(row.taken_at).toISOString(),
    readAt: iso(row.read_at),
  }));
}

/** Marks one's own messages read (the given ones, or all); how many changed. */
export async function markCallMessagesRead(db: Executor, organizationId: string, staffId: string, ids: readonly string[] | undefined, at: Date): Promise<number> {
  let query = db.updateTable("call_message").set({ read_at: at }).where("organization_id", "=", organizationId).where("for_staff_id", "=", staffId).where("read_at", "is", null);
  if (ids) {
    if (ids.length === 0) return 0;
    query = query.where("id", "in", [...ids]);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
