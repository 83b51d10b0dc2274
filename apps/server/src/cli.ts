import { parseArgs } from "node:util";
import { DataDirLockedError, createDatabase, migrateToLatest, seedDemo, DEMO_LOGINS } from "@frontoffice/db";
import { hashPassword } from "better-auth/crypto";
import { startServer } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";

const USAGE = `Usage: frontoffice <command> [options]

Commands:
  serve [--demo]   start the server (migrates first; --demo seeds the demo organization)
  migrate          apply pending database migrations
  seed --demo      add the demo organization, offices, staff and clients

Configuration comes from the environment: DATABASE_URL, FRONTOFFICE_DATA_DIR, HOST, PORT,
AUTH_SECRET, PUBLIC_URL, LOG_LEVEL, SMTP_URL, MAIL_FROM (see README.md).

serve also runs the job runner (appointment reminders, outgoing email and SMS) and stops it
on SIGINT/SIGTERM.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { demo: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  switch (command) {
    case "serve": {
      const server = await startServer(config, logger, { demo: values.demo });
      console.log(`\nFrontoffice is running at ${server.url}`);
      if (values.demo) console.log(`Demo sign-in: ${DEMO_LOGINS[0]?.email} / ${DEMO_LOGINS[0]?.password} (README.md lists every role)\n`);
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, "shutting down");
        const timer = setTimeout(() => process.exit(1), 10_000);
        timer.unref();
        await server.close();
        process.exit(0);
      };
      process.once("SIGINT", () => void stop("SIGINT"));
      process.once("SIGTERM", () => void stop("SIGTERM"));
      return -1;
    }
    case "migrate":
    case "seed": {
      if (command === "seed" && !values.demo) {
        console.error("seed needs --demo (the only seed there is)");
        return 1;
      }
      const database = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrateToLatest(database.db);
        console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
        if (command === "seed") {
          await seedDemo(database.db, { now: new Date(), hashPassword });
          console.log("Demo data is in place.");
        }
      } finally {
        await database.close();
      }
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      console.error(error.message);
    } else {
      console.error(error instanceof Error ? (error.stack ?? error.message).slice(0, 4000) : error);
    }
    process.exit(1);
  },
);
