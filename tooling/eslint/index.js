// Shared lint rules. The dependency direction between packages is checked by dependency-cruiser
// (.dependency-cruiser.cjs at the root); these rules keep each file honest.
import tseslint from "typescript-eslint";

const nodeBuiltins = [
  "node:*", "fs", "path", "os", "child_process", "http", "https", "net", "crypto", "process", "url", "stream",
];

/** Rules for every TypeScript package. */
export const base = tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", ".turbo/**", ".data/**", ".scratch/**", "test-results/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      // `import { type X }` keeps `import {} from "…"` at runtime under verbatimModuleSyntax:
      // write `import type { X }` so nothing is loaded (dependency-cruiser cannot tell them apart).
      "@typescript-eslint/no-import-type-side-effects": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
);

/**
 * Pure packages (domain, scheduling, payments, routing, analytics) run in browsers and workers:
 * no Node built-ins, no database, no HTTP, no environment, no wall clock.
 */
export const pure = tseslint.config(...base, {
  files: ["src/**/*.ts"],
  ignores: ["src/**/*.test.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: nodeBuiltins, message: "Pure packages must not import Node built-ins." },
          { group: ["kysely", "pg", "@electric-sql/*", "@frontoffice/db", "fastify", "@trpc/*"], message: "Pure packages must not touch the database or HTTP." },
          { group: ["@frontoffice/server", "@frontoffice/web"], message: "Packages never import apps." },
        ],
      },
    ],
    "no-restricted-globals": ["error", { name: "process", message: "Pure packages take configuration as arguments." }],
    "no-restricted-properties": ["error", { object: "Date", property: "now", message: "Pass a clock in." }],
  },
});
