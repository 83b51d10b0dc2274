import type { UserConfig } from "vitest/config";

export function frontofficeVitest(overrides?: UserConfig): UserConfig;
