export { betterAuthSchema } from "./auth.js";
export {
  MEMORY_DATA_DIR,
  PGLITE_SUBDIR,
  createDatabase,
  type CreateDatabaseOptions,
  type DatabaseConnection,
  type DatabaseDialect,
  type ListenOptions,
  type Unlisten,
} from "./connection.js";
export { jsonb, type JsonColumn, type JsonColumnWithDefault, type JsonText } from "./json.js";
export { DataDirLockedError, LOCK_NAME, type LockOwner } from "./lock.js";
export { MigrationError, createMigrator, migrateToLatest, migrations } from "./migrations/index.js";
export type * from "./schema.js";
export {
  DEMO_EMAIL_DOMAIN,
  DEMO_LOGINS,
  DEMO_ORGANIZATION_NAME,
  DEMO_PASSWORD,
  seedDemo,
  type DemoLogin,
  type DemoOfficeKey,
  type SeedDemoOptions,
  type SeedDemoResult,
} from "./seed/demo.js";
export { clientDataColumns } from "./client-columns.js";
export { DEMO_ANSWERS } from "./seed/answers.js";
export { DEMO_CALLER_NUMBERS, DEMO_STAFF_PHONES } from "./seed/calls.js";
