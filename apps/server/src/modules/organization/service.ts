import { DomainError, type OrganizationUpdateInput } from "@frontoffice/domain";
import type { Actor } from "../../trpc/actor.js";
import { recordChangeBy } from "../audit/queries.js";
import { renameOrganization } from "./queries.js";

/** Renames the caller's organization; the change is audited, a rename to the same name is not. */
export async function updateOrganization(actor: Actor, input: OrganizationUpdateInput): Promise<{ id: string; name: string }> {
  return actor.db.transaction().execute(async (trx) => {
    const previous = await renameOrganization(trx, actor.organizationId, input.name);
    if (previous === undefined) throw new DomainError("NOT_FOUND", "organization not found");
    if (previous !== input.name) {
      const changes = { name: { from: previous, to: input.name } };
      await recordChangeBy(trx, actor, { type: "organization", id: actor.organizationId }, "update", changes, actor.clock.now());
    }
    return { id: actor.organizationId, name: input.name };
  });
}
