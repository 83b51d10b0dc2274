import {
  DomainError,
  clientInputSchemaFor,
  digitsOnly,
  foldForSearch,
  toFieldIssues,
  type AuditEntry,
  type Client,
  type ClientData,
  type ClientInput,
  type ClientSearchInput,
  type ClientSummary,
  type CountryCode,
  clientSearchSchema,
} from "@frontoffice/domain";
import type { Transaction } from "kysely";
import { clientDataColumns, type Database } from "@frontoffice/db";
import type { Actor } from "../../trpc/actor.js";
import { diffFields, listAuditEntries, recordChangeBy } from "../audit/queries.js";
import { findFirstOffice, findOffice } from "../offices/queries.js";
import { findClient, insertClient, searchClients, toClient, updateClientRow } from "./queries.js";

const ENTITY = "client";

/**
 * Validates and normalizes client data against the office it belongs to (its country decides
 * how national phone numbers are read). An office of another organization is NOT_FOUND.
 */
async function normalizeClient(trx: Transaction<Database>, actor: Actor, input: ClientInput): Promise<ClientData> {
  const office = input.officeId
    ? await findOffice(trx, actor.organizationId, input.officeId)
    : await findFirstOffice(trx, actor.organizationId);
  if (input.officeId && !office) throw new DomainError("NOT_FOUND", "office not found");
  const country = (office?.address as { country?: string } | undefined)?.country as CountryCode | undefined;
  const parsed = clientInputSchemaFor(country).safeParse(input);
  if (!parsed.success) {
    throw new DomainError("VALIDATION_FAILED", "client data is invalid", { issues: toFieldIssues(parsed.error.issues) });
  }
  return parsed.data;
}

/** The fields the audit log compares, in the API's terms. */
function auditView(client: Client | ClientData): Record<string, unknown> {
  return {
    officeId: client.officeId,
    kind: client.kind,
    givenName: client.givenName ?? null,
    familyName: client.familyName ?? null,
    companyName: client.companyName ?? null,
    phones: client.phones,
    emails: client.emails,
    addresses: client.addresses,
    preferredLocale: client.preferredLocale,
    nationalId: client.nationalId,
    notes: client.notes,
    details: client.details,
  };
}

export async function createClient(actor: Actor, input: ClientInput): Promise<Client> {
  return actor.db.transaction().execute(async (trx) => {
    const data = await normalizeClient(trx, actor, input);
    const at = actor.clock.now();
    const client = await insertClient(trx, {
      ...clientDataColumns(data),
      organization_id: actor.organizationId,
      created_by: actor.staffId,
      at,
    });
    await recordChangeBy(trx, actor, { type: ENTITY, id: client.id }, "create", diffFields({}, auditView(client)), at);
    return client;
  });
}

export async function getClient(actor: Pick<Actor, "db" | "organizationId">, clientId: string): Promise<Client> {
  const row = await findClient(actor.db, actor.organizationId, clientId);
  if (!row) throw new DomainError("NOT_FOUND", "client not found");
  return toClient(row);
}

/**
 * Saves a new version of a client. `version` is the one the form was loaded at: if someone
 * saved in between, CLIENT_VERSION_CONFLICT, and nothing is overwritten.
 */
export async function updateClient(actor: Actor, clientId: string, version: number, input: ClientInput): Promise<Client> {
  return actor.db.transaction().execute(async (trx) => {
    const current = await findClient(trx, actor.organizationId, clientId, true);
    if (!current) throw new DomainError("NOT_FOUND", "client not found");
    if (current.archived_at) throw new DomainError("CLIENT_ARCHIVED");
    if (current.version !== version) throw new DomainError("CLIENT_VERSION_CONFLICT", undefined, { currentVersion: current.version });
    const data = await normalizeClient(trx, actor, input);
    const changes = diffFields(auditView(toClient(current)), auditView(data));
    if (Object.keys(changes).length === 0) return toClient(current);
    const at = actor.clock.now();
    const updated = await updateClientRow(trx, actor.organizationId, clientId, version, {
      ...clientDataColumns(data),
      updated_by: actor.staffId,
      updated_at: at,
    });
    if (!updated) throw new DomainError("CLIENT_VERSION_CONFLICT");
    await recordChangeBy(trx, actor, { type: ENTITY, id: clientId }, "update", changes, at);
    return updated;
  });
}

/** Archives (hides from everyday search, keeps everything) or restores a client. */
export async function setClientArchived(actor: Actor, clientId: string, archived: boolean): Promise<Client> {
  return actor.db.transaction().execute(async (trx) => {
    const current = await findClient(trx, actor.organizationId, clientId, true);
    if (!current) throw new DomainError("NOT_FOUND", "client not found");
    if (Boolean(current.archived_at) === archived) return toClient(current);
    const at = actor.clock.now();
    const updated = await updateClientRow(trx, actor.organizationId, clientId, current.version, {
      archived_at: archived ? at : null,
      updated_by: actor.staffId,
      updated_at: at,
    });
    if (!updated) throw new DomainError("CLIENT_VERSION_CONFLICT");
    const archivedAt = { from: current.archived_at ? new Date(current.archived_at).toISOString() : null, to: updated.archivedAt };
    await recordChangeBy(trx, actor, { type: ENTITY, id: clientId }, archived ? "archive" : "restore", { archivedAt }, at);
    return updated;
  });
}

export async function clientHistory(actor: Pick<Actor, "db" | "organizationId">, clientId: string): Promise<AuditEntry[]> {
  await getClient(actor, clientId);
  return listAuditEntries(actor.db, actor.organizationId, ENTITY, clientId);
}

function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const offset = Number.parseInt(cursor, 36);
  if (!Number.isSafeInteger(offset) || offset < 0 || offset > 100_000) {
    throw new DomainError("VALIDATION_FAILED", "bad cursor", { issues: [{ path: ["cursor"], key: "validation.invalid" }] });
  }
  return offset;
}

export async function findClients(
  actor: Pick<Actor, "db" | "organizationId">,
  rawInput: ClientSearchInput,
): Promise<{ items: ClientSummary[]; nextCursor: string | null }> {
  const input = clientSearchSchema.parse(rawInput);
  const offset = decodeCursor(input.cursor);
  const text = foldForSearch(input.query);
  const { items, hasMore } = await searchClients(actor.db, {
    organizationId: actor.organizationId,
    text,
    digits: /^[+\d\s().\-/]+$/.test(input.query) ? digitsOnly(input.query) : "",
    officeId: input.officeId,
    status: input.status,
    limit: input.limit,
    offset,
  });
  return { items, nextCursor: hasMore ? (offset + input.limit).toString(36) : null };
}
