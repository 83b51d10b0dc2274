import { base } from "@frontoffice/eslint-config";
import reactHooks from "eslint-plugin-react-hooks";

export default [
  ...base,
  { ignores: ["dist/**"] },
  {
    files: ["src/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat["recommended-latest"],
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      // The web client talks to the server through the AppRouter type only.
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@frontoffice/server", message: "Import only the AppRouter type from @frontoffice/server/router." }],
          patterns: [
            { group: ["@frontoffice/server/*", "!@frontoffice/server/router"], message: "Import only the AppRouter type from @frontoffice/server/router." },
            { group: ["@frontoffice/db", "@frontoffice/db/*"], message: "The web client never touches the database." },
          ],
        },
      ],
    },
  },
];
