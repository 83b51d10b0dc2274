import { base } from "@frontoffice/eslint-config";

export default [
  ...base,
  // The command line talks to its operator on stdout; everything else logs through pino.
  { files: ["src/cli.ts"], rules: { "no-console": "off" } },
];
