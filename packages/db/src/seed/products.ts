/**
 * The demo's catalog: a few products per office with the country's VAT/IVA rate (Spain 21 %,
 * Italy 22 %, Ireland 23 %; the United States has no VAT, and the Boston shop's prices are shown
 * before sales tax, which the demo leaves out), plus one product per priced bookable service so
 * an appointment can be charged. Dental care in Spain is exempt from IVA: its services at 0 %.
 */
import type { Transaction } from "kysely";
import type { Database } from "../schema.js";
import type { Random } from "./random.js";

type OfficeKey = "madrid" | "milan" | "dublin" | "boston";

/** Basis points: 2100 = 21 %. */
const STANDARD_RATE: Record<OfficeKey, number> = { madrid: 2100, milan: 2200, dublin: 2300, boston: 0 };
/** The rate of each office's bookable services (exemptions). */
const SERVICE_RATE: Record<OfficeKey, number> = { madrid: 0, milan: 2200, dublin: 0, boston: 0 };

export const DEMO_PRODUCTS: Readonly<Record<OfficeKey, readonly { name: string; unitPriceMinor: number }[]>> = {
  madrid: [
    { name: "Cepillo interdental", unitPriceMinor: 450 },
    { name: "Pasta dentífrica sensibilidad", unitPriceMinor: 690 },
    { name: "Kit de blanqueamiento", unitPriceMinor: 8900 },
  ],
  milan: [
    { name: "Copia conforme di atti", unitPriceMinor: 1500 },
    { name: "Marca da bollo", unitPriceMinor: 1600 },
    { name: "Parere scritto", unitPriceMinor: 25000 },
  ],
  dublin: [
    { name: "School jumper", unitPriceMinor: 2800 },
    { name: "Exam fee", unitPriceMinor: 4000 },
    { name: "Locker key replacement", unitPriceMinor: 500 },
  ],
  boston: [
    { name: "B&W copies (per page)", unitPriceMinor: 12 },
    { name: "Color poster 24×36", unitPriceMinor: 3500 },
    { name: "Business cards (250)", unitPriceMinor: 4500 },
  ],
};

export async function seedProducts(trx: Transaction<Database>, context: { random: Random; now: Date; organizationId: string; officeId: (key: OfficeKey) => string }): Promise<void> {
  const keys = Object.keys(DEMO_PRODUCTS) as OfficeKey[];
  const services = await trx.selectFrom("service").select(["id", "office_id", "name", "price_minor"]).where("organization_id", "=", context.organizationId).where("price_minor", "is not", null).execute();
  const rows = keys.flatMap((key) => [
    ...DEMO_PRODUCTS[key].map((product) => ({ id: context.random.uuid(), name: product.name, unit_price_minor: product.unitPriceMinor, tax_rate_bp: STANDARD_RATE[key], service_id: null as string | null, key })),
    ...services
      .filter((service) => service.office_id === context.officeId(key))
      .map((service) => ({ id: context.random.uuid(), name: service.name, unit_price_minor: service.price_minor!, tax_rate_bp: SERVICE_RATE[key], service_id: service.id as string | null, key })),
  ]);
  await trx
    .insertInto("product")
    .values(rows.map(({ key, ...row }) => ({ ...row, organization_id: context.organizationId, office_id: context.officeId(key), created_at: context.now, updated_at: context.now })))
    .execute();
  // US prices are quoted before tax.
  await trx.updateTable("office").set({ prices_include_tax: false }).where("id", "=", context.officeId("boston")).execute();
}
