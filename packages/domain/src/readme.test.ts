/**
 * Keeps README.md honest: every ```ts block is type-checked against the package source, then
 * run, and each `// → value` comment after a `console.log(…)` must equal what it logged
 * (see `describeReadme` in @frontoffice/vitest-config).
 */
import { describeReadme } from "@frontoffice/vitest-config/readme";
import { expect, it } from "vitest";

describeReadme({ packageDir: new URL("..", import.meta.url), packageName: "@frontoffice/domain" }, ({ readme, blocks }) => {
  it("has the usage examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    expect(readme).toContain("pnpm add @frontoffice/domain");
    expect(blocks.join("\n")).toMatch(/clientInputSchemaFor\("ES"\)/);
  });
});
