import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { example } from "./readme-example.js";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./seed/demo.js";

const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("shows the usage example exactly as src/readme-example.ts has it", async () => {
    const source = await readFile(new URL("./readme-example.ts", import.meta.url), "utf8");
    expect(readme).toContain(`\`\`\`ts\n${source}\`\`\``);
  });

  it("whose example runs", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "fo-readme-"));
    try {
      expect(await example(dataDir)).toEqual([{ name: "Retiro", kind: "medical", time_zone: "Europe/Madrid" }]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("lists the demo logins of DEMO_LOGINS", () => {
    const rows = [...readme.matchAll(/^\| (\w+) \| `([^`]+@demo\.frontoffice\.test)` \|$/gm)].map(([, role, email]) => ({ role, email }));
    expect(rows).toEqual(DEMO_LOGINS.map(({ role, email }) => ({ role, email })));
    expect(readme).toContain(`password is \`${DEMO_PASSWORD}\``);
  });
});
