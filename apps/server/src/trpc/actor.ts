import type { Role } from "@frontoffice/domain";
import type { Clock } from "../clock.js";
import type { Context } from "./context.js";

/** Who is acting, for whom: what a use case needs from a signed-in request. */
export interface Actor {
  db: Context["db"];
  clock: Clock;
  organizationId: string;
  staffId: string;
  roles: readonly Role[];
  requestId: string;
}

/** The actor of a guarded procedure's context. */
export function actorOf(ctx: {
  db: Actor["db"];
  clock: Actor["clock"];
  organizationId: string;
  staff: { id: string; roles: readonly Role[] };
  requestId: string;
}): Actor {
  return { db: ctx.db, clock: ctx.clock, organizationId: ctx.organizationId, staffId: ctx.staff.id, roles: ctx.staff.roles, requestId: ctx.requestId };
}
