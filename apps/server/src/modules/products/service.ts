import { DomainError, productInputSchema, productUpdateSchema, type Product, type ProductInput, type ProductUpdateInput } from "@frontoffice/domain";
import type { Actor } from "../../trpc/actor.js";
import { translatingUniqueViolations } from "../../database-errors.js";
import { diffFields, recordChangeBy } from "../audit/queries.js";
import { findOffice } from "../offices/queries.js";
import { findService } from "../services/queries.js";
import { PRODUCT_UNIQUE_KEYS, findProduct, listProducts } from "./queries.js";

const ENTITY = "product";

export function productsOf(actor: Pick<Actor, "db" | "organizationId">, filter: { officeId?: string | undefined; includeInactive?: boolean | undefined }): Promise<Product[]> {
  return listProducts(actor.db, actor.organizationId, filter);
}

function auditView(product: Omit<Product, "id" | "currency">): Record<string, unknown> {
  return {
    officeId: product.officeId,
    name: product.name,
    unitPriceMinor: product.unitPriceMinor,
    taxRateBasisPoints: product.taxRateBasisPoints,
    serviceId: product.serviceId,
    active: product.active,
  };
}

export async function createProduct(actor: Actor, raw: ProductInput): Promise<Product> {
  const input = productInputSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    if (!(await findOffice(trx, actor.organizationId, input.officeId))) throw new DomainError("NOT_FOUND", "office not found");
    if (input.serviceId) {
      const service = await findService(trx, actor.organizationId, input.serviceId, { includeInactive: true });
      if (!service || service.officeId !== input.officeId) throw new DomainError("SERVICE_NOT_FOUND");
    }
    const at = actor.clock.now();
    const row = await translatingUniqueViolations(PRODUCT_UNIQUE_KEYS, () =>
      trx
        .insertInto("product")
        .values({
          organization_id: actor.organizationId,
          office_id: input.officeId,
          name: input.name,
          unit_price_minor: input.unitPriceMinor,
          tax_rate_bp: input.taxRateBasisPoints,
          service_id: input.serviceId ?? null,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow(),
    );
    const product = await findProduct(trx, actor.organizationId, row.id, { includeInactive: true });
    if (!product) throw new DomainError("INTERNAL", "product vanished");
    await recordChangeBy(trx, actor, { type: ENTITY, id: product.id }, "create", diffFields({}, auditView(product)), at);
    return product;
  });
}

export async function updateProduct(actor: Actor, raw: ProductUpdateInput): Promise<Product> {
  const input = productUpdateSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    const current = await findProduct(trx, actor.organizationId, input.id, { includeInactive: true, forUpdate: true });
    if (!current) throw new DomainError("PRODUCT_NOT_FOUND");
    if (input.serviceId) {
      const service = await findService(trx, actor.organizationId, input.serviceId, { includeInactive: true });
      if (!service || service.officeId !== current.officeId) throw new DomainError("SERVICE_NOT_FOUND");
    }
    const next: Product = {
      ...current,
      name: input.name ?? current.name,
      unitPriceMinor: input.unitPriceMinor ?? current.unitPriceMinor,
      taxRateBasisPoints: input.taxRateBasisPoints ?? current.taxRateBasisPoints,
      serviceId: input.serviceId === undefined ? current.serviceId : input.serviceId,
      active: input.active ?? current.active,
    };
    const changes = diffFields(auditView(current), auditView(next));
    if (Object.keys(changes).length === 0) return current;
    const at = actor.clock.now();
    // A price change never touches charges already made: their lines keep the price they had.
    await translatingUniqueViolations(PRODUCT_UNIQUE_KEYS, () =>
      trx
        .updateTable("product")
        .set((eb) => ({
          name: next.name,
          unit_price_minor: next.unitPriceMinor,
          tax_rate_bp: next.taxRateBasisPoints,
          service_id: next.serviceId,
          active: next.active,
          version: eb("version", "+", 1),
          updated_at: at,
        }))
        .where("organization_id", "=", actor.organizationId)
        .where("id", "=", current.id)
        .execute(),
    );
    await recordChangeBy(trx, actor, { type: ENTITY, id: current.id }, "update", changes, at);
    return next;
  });
}
