// Shared vitest settings: tests run on source through the @frontoffice/source export condition.
import { defineConfig, mergeConfig } from "vitest/config";

/** @param {import("vitest/config").UserConfig} [overrides] */
export function frontofficeVitest(overrides = {}) {
  return mergeConfig(
    defineConfig({
      resolve: { conditions: ["@frontoffice/source"] },
      ssr: { resolve: { conditions: ["@frontoffice/source"] } },
      test: {
        include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
        testTimeout: 30_000,
        hookTimeout: 60_000,
      },
    }),
    overrides,
  );
}
