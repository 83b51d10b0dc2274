import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { addStaff, callerFor, setUpOrganization, signIn, type TestServer } from "./harness.js";

/** Sandbox test cards (see @frontoffice/payments' SANDBOX_TEST_CARDS). */
export const VISA_OK = "4242 4242 4242 4242";
export const VISA_DECLINED = "4000000000000002";
export const CVC = "737";
/** A card that has not expired on the test machine's clock for years. */
export const GOOD_EXPIRY = { expMonth: 12, expYear: new Date().getUTCFullYear() + 3 };

export const key = (): string => `test-${randomUUID()}`;

/**
 * An organization with its Madrid office (EUR, prices with VAT), an owner, a manager, a
 * receptionist and a file clerk, two products (21 % and 10 %) and a client with an email.
 */
export async function setUpDesk(server: TestServer, name = "Desk") {
  const slug = name.toLowerCase().replace(/[^a-z]/g, "");
  const { organizationId, officeId } = await setUpOrganization(server, name, `owner@${slug}.test`);
  await addStaff(server, organizationId, officeId, `manager@${slug}.test`, ["manager"]);
  await addStaff(server, organizationId, officeId, `desk@${slug}.test`, ["receptionist"]);
  await addStaff(server, organizationId, officeId, `clerk@${slug}.test`, ["file_clerk"]);
  const owner = callerFor(server, await signIn(server, `owner@${slug}.test`));
  const manager = callerFor(server, await signIn(server, `manager@${slug}.test`));
  const desk = callerFor(server, await signIn(server, `desk@${slug}.test`));
  const clerk = callerFor(server, await signIn(server, `clerk@${slug}.test`));
  const cleaning = await owner.products.create({ officeId, name: "Limpieza dental", unitPriceMinor: 6050, taxRateBasisPoints: 2100 });
  const brush = await owner.products.create({ officeId, name: "Cepillo", unitPriceMinor: 1210, taxRateBasisPoints: 1000 });
  const client = await desk.clients.create({ officeId, givenName: "Lucía", familyName: "Martín", emails: [{ address: "lucia@example.test", label: "home" }], preferredLocale: "es" });
  return { organizationId, officeId, owner, manager, desk, clerk, products: { cleaning, brush }, client };
}

/** Every ledger transaction sums to zero per currency (the database checks it too, at commit). */
export async function unbalancedLedgerTransactions(server: TestServer): Promise<number> {
  const { rows } = await sql<{ count: string }>`
    select count(*) as count from (
      select transaction_id from ledger_entry group by transaction_id, currency having sum(amount_minor) <> 0
    ) unbalanced`.execute(server.db);
  return Number(rows[0]!.count);
}

export async function ledgerRowCount(server: TestServer): Promise<number> {
  const row = await server.db.selectFrom("ledger_entry").select(sql<string>`count(*)`.as("count")).executeTakeFirstOrThrow();
  return Number(row.count);
}
