/**
 * A second process for the lock tests: opens the data folder given as argument, says `open` on
 * stdout and keeps it until it reads `close` on stdin (or is killed). When opening fails it
 * prints the error as JSON and exits with code 3.
 *
 *   node --conditions=@frontoffice/source --import tsx src/test-fixtures/hold-data-dir.ts <dir>
 */
import { sql } from "kysely";
import { createDatabase } from "../connection.js";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: hold-data-dir.ts <data folder>");

try {
  const connection = await createDatabase({ dataDir });
  await sql`create table if not exists held_by (pid integer)`.execute(connection.db);
  await sql`insert into held_by values (${process.pid})`.execute(connection.db);
  process.stdout.write(`open ${process.pid}\n`);
  process.stdin.on("data", (chunk) => {
    if (!chunk.toString().includes("close")) return;
    void connection.close().then(() => {
      process.stdout.write("closed\n");
      process.exit(0);
    });
  });
} catch (error) {
  const { name, message, code } = error as Error & { code?: string };
  process.stdout.write(`${JSON.stringify({ name, message, code })}\n`);
  process.exit(3);
}
