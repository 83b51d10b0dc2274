// Which way the arrows point (see ARCHITECTURE.md). Run with `pnpm lint:graph`.
//
//   apps/web ──(import type only)──▶ apps/server ──▶ packages/db ──▶ packages/domain
//   pure packages (domain, scheduling, payments, routing, analytics) import no Node built-ins,
//   no database and no HTTP; no package imports an app; no cycles anywhere.
//
// Workspace packages are resolved through the `@frontoffice/source` export condition, so the
// graph follows `src/`, never a stale `dist/`.

/** Pure packages: they run in browsers and workers as well as in Node. */
const PURE = "^packages/(domain|scheduling|payments|routing|analytics)/";
/** Test and bench code, and configuration files next to a package's sources. */
const TEST_OR_TOOL = [
  "\\.(test|spec|bench)\\.[cm]?[jt]sx?$",
  "/(test|tests|__tests__|e2e|bench)/",
  "^[^/]+/[^/]+/[^/]+\\.config\\.[cm]?[jt]s$",
];
/** Infrastructure a pure package must not touch: by resolved path, or by name when unresolvable. */
const INFRA_NAMES = "kysely|kysely-[^/]+|pg|pg-[^/]+|@electric-sql/[^/]+|fastify|@fastify/[^/]+|@trpc/[^/]+|better-auth";
const INFRA = [
  `(^|/)node_modules/(${INFRA_NAMES})/`,
  `^(${INFRA_NAMES})(/|$)`,
  "^packages/db/",
  "^@frontoffice/db(/|$)",
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycles, in any package or app, type-only ones included.",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "Every import resolves (a missing dependency in package.json shows up here under pnpm).",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "packages-not-to-apps",
      severity: "error",
      comment: "No package (domain, db, the pure packages…) imports an app: apps compose packages, never the reverse.",
      from: { path: "^packages/" },
      to: { path: ["^apps/", "^@frontoffice/(server|web)(/|$)", "(^|/)node_modules/@frontoffice/(server|web)/"] },
    },
    {
      name: "web-imports-server-types-only",
      severity: "error",
      comment:
        "apps/web may use the server's AppRouter as a type (`import type`) and nothing else: " +
        "the browser bundle must not pull server code. e2e specs may start the server. " +
        "(dependency-cruiser counts `import { type X }` as type-only although it keeps a side-effect " +
        "import under verbatimModuleSyntax; ESLint's no-import-type-side-effects catches that form.)",
      from: { path: "^apps/web/", pathNot: "^apps/web/e2e/" },
      to: {
        path: ["^apps/server/", "^@frontoffice/server(/|$)"],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "web-no-server-side-code",
      severity: "error",
      comment: "The web client runs in the browser: no database, no Node built-ins in its sources.",
      from: { path: "^apps/web/src/", pathNot: TEST_OR_TOOL },
      to: {
        path: ["^packages/db/", "^@frontoffice/db(/|$)", `(^|/)node_modules/(kysely|pg|@electric-sql/[^/]+|fastify)/`],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "web-no-node-builtins",
      severity: "error",
      comment: "The web client runs in the browser: no Node built-ins in its sources.",
      from: { path: "^apps/web/src/", pathNot: TEST_OR_TOOL },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "pure-no-node-builtins",
      severity: "error",
      comment:
        "Pure packages (domain, scheduling, payments, routing, analytics) run in browsers and workers: " +
        "no Node built-ins (fs, path, crypto, node:*…). Their tests are exempt.",
      from: { path: PURE, pathNot: TEST_OR_TOOL },
      to: { dependencyTypes: ["core", "process-get-builtin-module"] },
    },
    {
      name: "pure-no-infrastructure",
      severity: "error",
      comment:
        "Pure packages take no database, HTTP or auth library (kysely, pg, @electric-sql/*, fastify, " +
        "@trpc/*, better-auth) and not @frontoffice/db: those belong to apps/server and packages/db.",
      from: { path: PURE, pathNot: TEST_OR_TOOL },
      to: { path: INFRA },
    },
    {
      name: "published-src-not-to-dev-deps",
      severity: "error",
      comment:
        "A package's shipped sources import only its dependencies/peerDependencies: consumers do not " +
        "install devDependencies. Tests and config files may use them.",
      from: { path: "^packages/[^/]+/src/", pathNot: TEST_OR_TOOL },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    exclude: { path: "(^|/)(dist|coverage|\\.turbo|\\.data|\\.scratch|test-results)/" },
    moduleSystems: ["es6", "cjs"],
    // Keep `import type` edges in the graph and mark them, so the web → server rule can tell them apart.
    tsPreCompilationDeps: true,
    detectProcessBuiltinModuleCalls: true,
    combinedDependencies: false,
    preserveSymlinks: false,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      // Our packages list `@frontoffice/source` first in their exports, so they resolve to `src/`.
      conditionNames: ["@frontoffice/source", "import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".jsx", ".json"],
    },
    skipAnalysisNotInRules: true,
    progress: { type: "none" },
  },
};
