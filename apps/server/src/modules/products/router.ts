import { productInputSchema, productListSchema, productUpdateSchema } from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { createProduct, productsOf, updateProduct } from "./service.js";

/** The catalog sold at the desk: products with a unit price and a VAT/IVA rate, per office. */
export const productsRouter = router({
  /** Active products (all with `includeInactive`), optionally of one office, sorted by name. → `Product[]` */
  list: permittedProcedure("payments.read")
    .input(productListSchema)
    .query(({ ctx, input }) => productsOf(actorOf(ctx), input)),
  /** Adds a product; `serviceId` links it to a bookable service (one product per service). → `Product` */
  create: permittedProcedure("products.manage")
    .input(productInputSchema)
    .mutation(({ ctx, input }) => createProduct(actorOf(ctx), input)),
  /** Changes a product (price, tax rate, name, link, active); charges already made keep their prices. → `Product` */
  update: permittedProcedure("products.manage")
    .input(productUpdateSchema)
    .mutation(({ ctx, input }) => updateProduct(actorOf(ctx), input)),
});
