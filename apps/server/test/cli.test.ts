import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

/** The built CLI, as an operator runs it. */
function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env }, timeout: 60_000 });
}

describe("frontoffice CLI", () => {
  it("prints usage and fails on an unknown command", () => {
    const result = run(["dance"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Unknown command "dance"');
    expect(result.stderr).toContain("serve [--demo]");
  });

  it("knows every command the README shows", () => {
    const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
    const shown = [...readme.matchAll(/^frontoffice ([a-z]+(?: --[a-z]+)?)/gm)].map((match) => match[1] ?? "");
    expect(shown.length).toBeGreaterThanOrEqual(4);
    const usage = run(["--help"]);
    expect(usage.status).toBe(0);
    for (const command of shown) expect(usage.stdout).toContain(command.split(" ")[0]);
  });

  it("refuses to start with a wrong configuration and says what is wrong", () => {
    const result = run(["serve"], { PORT: "not-a-port", NODE_ENV: "production" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Invalid configuration");
    expect(result.stderr).toContain("PORT");
    expect(result.stderr).toContain("AUTH_SECRET: is required when NODE_ENV=production");
  });
});
