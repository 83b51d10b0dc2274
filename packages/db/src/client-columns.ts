import { clientDisplayName, clientSearchText, type ClientData } from "@frontoffice/domain";
import { jsonb } from "./json.js";

/**
 * The `client` columns that hold a client's data, from validated, normalized data: the one
 * place that decides how a client is stored (display name and search text included).
 */
export function clientDataColumns(data: ClientData) {
  return {
    office_id: data.officeId,
    kind: data.kind,
    given_name: data.givenName ?? null,
    family_name: data.familyName ?? null,
    company_name: data.companyName ?? null,
    display_name: clientDisplayName(data),
    phones: jsonb(data.phones),
    emails: jsonb(data.emails),
    addresses: jsonb(data.addresses),
    preferred_locale: data.preferredLocale,
    national_id: data.nationalId?.value ?? null,
    national_id_type: data.nationalId?.type ?? null,
    notes: data.notes,
    details: jsonb(data.details),
    search_text: clientSearchText(data),
  };
}
