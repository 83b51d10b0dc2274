/**
 * Keeps README.md honest: every ```ts block is type-checked against the package source, then
 * run, and each `// → value` comment after a `console.log(…)` must equal what it logged
 * (see `describeReadme` in @frontoffice/vitest-config).
 */
import { describeReadme } from "@frontoffice/vitest-config/readme";
import { expect, it } from "vitest";
import { EXPLANATION_CODES, ROUTING_ERROR_CODES } from "./index.js";

describeReadme({ packageDir: new URL("..", import.meta.url), packageName: "@frontoffice/routing" }, ({ readme, blocks }) => {
  it("has the usage examples", () => {
    expect(readme).toContain("pnpm add @frontoffice/routing");
    const code = blocks.join("\n");
    expect(code).toMatch(/language: "es"/);
    expect(code).toMatch(/vip: true/);
    expect(code).toMatch(/overflowHops: 1/);
    expect(code).toMatch(/validateRoutingConfig\(/);
  });

  it("documents every explanation code and error code", () => {
    for (const code of EXPLANATION_CODES) expect(readme, code).toContain(`\`${code}\``);
    for (const code of Object.keys(ROUTING_ERROR_CODES)) expect(readme, code).toContain(`\`${code}\``);
  });
});
