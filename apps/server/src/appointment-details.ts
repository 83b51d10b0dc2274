import type { Kysely } from "kysely";
import type { Database } from "@frontoffice/db";

/**
 * Appointments joined with their office, client and service (each join within the same
 * organization), selecting what messages and calendars about them may say. Callers add their
 * own filters; what they show of it (medical offices show less) is their decision.
 */
export function appointmentDetails(db: Kysely<Database>) {
  return db
    .selectFrom("appointment as a")
    .innerJoin("office as o", (join) => join.onRef("o.id", "=", "a.office_id").onRef("o.organization_id", "=", "a.organization_id"))
    .innerJoin("client as c", (join) => join.onRef("c.id", "=", "a.client_id").onRef("c.organization_id", "=", "a.organization_id"))
    .innerJoin("service as s", (join) => join.onRef("s.id", "=", "a.service_id").onRef("s.organization_id", "=", "a.organization_id"))
    .select([
      "a.id",
      "a.organization_id as organizationId",
      "a.starts_at as startsAt",
      "a.ends_at as endsAt",
      "a.version",
      "o.name as officeName",
      "o.kind as officeKind",
      "o.phone as officePhone",
      "o.time_zone as timeZone",
      "c.given_name as givenName",
      "c.display_name as displayName",
      "c.preferred_locale as locale",
      "s.name as serviceName",
    ]);
}
