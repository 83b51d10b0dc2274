import { permittedProcedure, router } from "../../trpc/trpc.js";
import { listOffices } from "./queries.js";

export const officesRouter = router({
  list: permittedProcedure("offices.read").query(({ ctx }) => listOffices(ctx.db, ctx.organizationId)),
});
