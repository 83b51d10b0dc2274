import { hashPassword } from "better-auth/crypto";
import { DomainError, OFFICE_PRESETS, setupInputSchema, type SetupInput } from "@frontoffice/domain";
import type { ServerDependencies } from "../../trpc/context.js";
import { recordAudit } from "../audit/queries.js";
import { findUserByEmail, insertStaffAccount } from "../staff/queries.js";
import { countOrganizations, insertDepartments, insertOffice, insertOrganization, lockSetup } from "./queries.js";

export async function needsSetup(deps: Pick<ServerDependencies, "db">): Promise<boolean> {
  return (await countOrganizations(deps.db)) === 0;
}

/**
 * First run: creates the organization, its first office with the preset departments for its
 * kind, and the owner's account, all or nothing. Refused once any organization exists.
 */
export async function createFirstOrganization(
  deps: Pick<ServerDependencies, "db" | "clock">,
  rawInput: SetupInput,
  requestId: string | null,
): Promise<{ organizationId: string }> {
  const input = setupInputSchema.parse(rawInput);
  const passwordHash = await hashPassword(input.owner.password);
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await lockSetup(trx);
    if ((await countOrganizations(trx)) > 0) throw new DomainError("SETUP_ALREADY_DONE");
    if (await findUserByEmail(trx, input.owner.email)) throw new DomainError("EMAIL_TAKEN");
    const organizationId = await insertOrganization(trx, input.organizationName, at);
    const officeId = await insertOffice(trx, organizationId, input.office, at);
    await insertDepartments(trx, organizationId, officeId, OFFICE_PRESETS[input.office.kind].departments[input.office.locale], at);
    const staffId = await insertStaffAccount(trx, {
      organizationId,
      assignments: [{ officeId, departmentId: null }],
      name: input.owner.name,
      email: input.owner.email,
      passwordHash,
      roles: ["owner"],
      locale: input.office.locale,
      timeZone: input.office.timeZone,
      at,
    });
    await recordAudit(trx, {
      organizationId,
      actorStaffId: staffId,
      entityType: "organization",
      entityId: organizationId,
      action: "create",
      changes: { name: { from: null, to: input.organizationName } },
      requestId,
      at,
    });
    return { organizationId };
  });
}
