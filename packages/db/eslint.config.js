import { base } from "@frontoffice/eslint-config";

export default [
  ...base,
  {
    // Migrations are frozen in time: they take `Kysely<any>`, never today's `Database` type.
    files: ["src/migrations/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
];
