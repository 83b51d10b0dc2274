import { createDatabase, jsonb, migrateToLatest } from "@frontoffice/db";

export async function example(dataDir: string) {
  // PGlite in a folder (created and locked); pass { databaseUrl } for PostgreSQL instead.
  const { db, close } = await createDatabase({ dataDir });
  try {
    await migrateToLatest(db);

    const organization = await db
      .insertInto("organization")
      .values({ name: "Clínica Dental Retiro" })
      .returning(["id", "name"])
      .executeTakeFirstOrThrow();

    await db
      .insertInto("office")
      .values({
        organization_id: organization.id,
        name: "Retiro",
        kind: "medical",
        locale: "es",
        time_zone: "Europe/Madrid",
        currency: "EUR",
        fiscal_name: "Clínica Dental Retiro, S.L.",
        tax_id: "B13355912",
        address: jsonb({ line1: "Calle de Alcalá 180", city: "Madrid", postalCode: "28028", country: "ES" }),
      })
      .execute();

    // Every query is scoped by organization.
    return await db
      .selectFrom("office")
      .select(["name", "kind", "time_zone"])
      .where("organization_id", "=", organization.id)
      .execute();
  } finally {
    await close(); // releases the data folder for the next process
  }
}
