import type { Office } from "@frontoffice/domain";

/** Office names rarely say where they are; staff pick by city too. */
export function officeLabel(office: Pick<Office, "name" | "address">): string {
  const city = office.address.city.trim();
  return city && !office.name.toLowerCase().includes(city.toLowerCase()) ? `${office.name} (${city})` : office.name;
}
