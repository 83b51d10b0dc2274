import type { Kysely, Transaction } from "kysely";
import type { Database, ProductRow } from "@frontoffice/db";
import type { Product } from "@frontoffice/domain";

type Executor = Kysely<Database> | Transaction<Database>;

/** The unique keys of a product, and the domain error each one means when violated. */
export const PRODUCT_UNIQUE_KEYS = { product_office_name_key: "PRODUCT_NAME_TAKEN", product_service_key: "PRODUCT_NAME_TAKEN" } as const;

export function toProduct(row: ProductRow, currency: string): Product {
  return {
    id: row.id,
    officeId: row.office_id,
    name: row.name,
    unitPriceMinor: row.unit_price_minor,
    currency,
    taxRateBasisPoints: row.tax_rate_bp,
    serviceId: row.service_id,
    active: row.active,
  };
}

/** Products of an organization (optionally of one office, of some ids), with the office's currency. */
export async function listProducts(
  db: Executor,
  organizationId: string,
  filter: { officeId?: string | undefined; productIds?: readonly string[]; serviceId?: string; includeInactive?: boolean | undefined; forUpdate?: boolean },
): Promise<Product[]> {
  if (filter.productIds?.length === 0) return [];
  let query = db
    .selectFrom("product")
    .innerJoin("office", "office.id", "product.office_id")
    .selectAll("product")
    .select("office.currency")
    .where("product.organization_id", "=", organizationId);
  if (filter.officeId) query = query.where("product.office_id", "=", filter.officeId);
  if (filter.productIds) query = query.where("product.id", "in", filter.productIds);
  if (filter.serviceId) query = query.where("product.service_id", "=", filter.serviceId);
  if (!filter.includeInactive) query = query.where("product.active", "=", true);
  if (filter.forUpdate) query = query.forUpdate("product");
  const rows = await query.orderBy("product.name").orderBy("product.id").execute();
  return rows.map(({ currency, ...row }) => toProduct(row, currency));
}

export async function findProduct(db: Executor, organizationId: string, productId: string, options: { includeInactive?: boolean; forUpdate?: boolean } = {}): Promise<Product | undefined> {
  const [product] = await listProducts(db, organizationId, { productIds: [productId], ...options });
  return product;
}
