/**
 * The demo's visitors: a few people expected at each office later today, pre-registered by the
 * desk with a host, so the visitors page and the kiosk (with their codes) have something to show.
 */
import type { Transaction } from "kysely";
import type { Database } from "../schema.js";
import type { Random } from "./random.js";

type OfficeKey = "madrid" | "milan" | "dublin" | "boston";

/** Who is expected, and whom they visit (a staff member of that office). */
export const DEMO_VISITORS: Readonly<Record<OfficeKey, readonly { name: string; company: string | null; host: string; purpose: string }[]>> = {
  madrid: [
    { name: "Rosa Delgado", company: "Proclinic", host: "Andrés Gil", purpose: "Presentación de material" },
    { name: "Tomás Herrera", company: null, host: "Javier Navarro", purpose: "Entrevista de trabajo" },
  ],
  milan: [
    { name: "Francesca Moretti", company: "Moretti & Figli S.r.l.", host: "Paolo Esposito", purpose: "Firma del contratto" },
    { name: "Stefano Ricci", company: null, host: "Lorenzo Bianchi", purpose: "Primo colloquio" },
  ],
  dublin: [{ name: "Sean Walsh", company: "Walsh Catering", host: "Declan Murphy", purpose: "Canteen tender" }],
  boston: [{ name: "Laura Martinez", company: "Paper Supply Co.", host: "Rachel Goldberg", purpose: "Quarterly order" }],
};

const BADGE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** The office-local date of an instant, `YYYY-MM-DD`. */
function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export async function seedVisitors(
  trx: Transaction<Database>,
  context: { random: Random; now: Date; organizationId: string; officeId: (key: OfficeKey) => string; timeZone: (key: OfficeKey) => string; staffId: (displayName: string) => string; deskStaffId: (key: OfficeKey) => string },
): Promise<void> {
  const keys = Object.keys(DEMO_VISITORS) as OfficeKey[];
  const rows = keys.flatMap((key) =>
    DEMO_VISITORS[key].map((visitor, index) => {
      // Within the next hours: their badge belongs to the day they are expected.
      const expectedAt = new Date(context.now.getTime() + (index + 1) * 45 * 60_000);
      const code = Array.from({ length: 6 }, () => context.random.pick([...BADGE_ALPHABET])).join("");
      return {
        organization_id: context.organizationId,
        office_id: context.officeId(key),
        visitor_name: visitor.name,
        company: visitor.company,
        host_staff_id: context.staffId(visitor.host),
        purpose: visitor.purpose,
        expected_at: expectedAt,
        badge_code: code,
        badge_date: localDate(expectedAt, context.timeZone(key)),
        created_by: context.deskStaffId(key),
        created_at: context.now,
      };
    }),
  );
  await trx.insertInto("visit").values(rows).execute();
}
