import { SESSION_MAX_AGE_SECONDS, permissionsFor, setLocaleSchema, type SessionInfo } from "@frontoffice/domain";
import { signedInProcedure, router } from "../../trpc/trpc.js";
import { listOffices } from "../offices/queries.js";
import { findOrganization, updateStaffLocale } from "./queries.js";

export const sessionRouter = router({
  /** Who is signed in, their organization, offices and permissions. */
  me: signedInProcedure.query(async ({ ctx }): Promise<SessionInfo> => {
    const [organization, offices] = await Promise.all([
      findOrganization(ctx.db, ctx.organizationId),
      listOffices(ctx.db, ctx.organizationId),
    ]);
    const { organizationId: _organizationId, ...staff } = ctx.staff;
    return {
      user: { id: ctx.session.user.id, email: ctx.session.user.email, name: ctx.session.user.name },
      staff,
      organization,
      offices,
      permissions: permissionsFor(ctx.staff.roles),
      expiresAt: new Date(new Date(ctx.session.session.createdAt).getTime() + SESSION_MAX_AGE_SECONDS * 1000).toISOString(),
    };
  }),
  setLocale: signedInProcedure.input(setLocaleSchema).mutation(async ({ ctx, input }) => {
    await updateStaffLocale(ctx.db, ctx.organizationId, ctx.staff.id, input.locale);
    return { locale: input.locale };
  }),
});
