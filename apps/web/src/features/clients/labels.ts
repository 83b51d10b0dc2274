import type { MessageKey } from "../../i18n";

/** The label of a client field as history records it (`changes` keys). */
export const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  kind: "field.kind",
  officeId: "field.office",
  givenName: "field.givenName",
  familyName: "field.familyName",
  companyName: "field.companyName",
  displayName: "field.displayName",
  phones: "field.phones",
  emails: "field.emails",
  addresses: "field.addresses",
  preferredLocale: "field.preferredLocale",
  nationalId: "field.nationalId",
  notes: "field.notes",
  details: "field.details",
  "details.medical": "client.section.medical",
  "details.legal": "client.section.legal",
  "details.education": "client.section.education",
  "details.business": "client.section.business",
  archivedAt: "field.archivedAt",
  version: "field.version",
};
