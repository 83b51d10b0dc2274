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

  it("takes an smtp:// or smtps:// mail server and refuses anything else, without echoing its credentials", () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(loadConfig({}).mailFrom).toBe("Frontoffice <no-reply@localhost>");
    const config = loadConfig({ SMTP_URL: "smtps://user:secret@mail.example.org:465", MAIL_FROM: "Clínica Sol <citas@example.org>" });
    expect(config.smtpUrl).toBe("smtps://user:secret@mail.example.org:465");
    expect(config.mailFrom).toBe("Clínica Sol <citas@example.org>");
    expect(() => loadConfig({ SMTP_URL: "http://user:hunter2@mail.example.org" })).toThrow(/SMTP_URL: must start with smtp:\/\/ or smtps:\/\//);
    expect(() => loadConfig({ SMTP_URL: "http://user:hunter2@mail.example.org" })).not.toThrow(/hunter2/);
    expect(() => loadConfig({ MAIL_FROM: "nobody" })).toThrow(/MAIL_FROM/);
  });
});
