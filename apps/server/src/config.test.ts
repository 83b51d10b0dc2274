import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("configuration", () => {
  it("starts with nothing set: embedded database, loopback, no secret until the server makes one", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.host).toBe("127.0.0.1");
    expect(config.port).toBe(3000);
    expect(config.authSecret).toBeUndefined();
    expect(config.dataDir).toMatch(/\.data[/\\]frontoffice$/);
  });

  it("names every wrong variable at once", () => {
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", NODE_ENV: "production", LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of ["PORT", "DATABASE_URL", "AUTH_SECRET", "LOG_LEVEL"]) expect(message).toContain(name);
    }
  });

  it("takes a PostgreSQL URL and a short secret is refused", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@127.0.0.1/db" }).databaseUrl).toBe("postgres://u@127.0.0.1/db");
    expect(() => loadConfig({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });
});
