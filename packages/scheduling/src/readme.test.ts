/**
 * Keeps README.md honest: every ```ts block is type-checked against the package source, then
 * run, and each `// → value` comment after a `console.log(…)` must equal what it logged
 * (see `describeReadme` in @frontoffice/vitest-config).
 */
import { describeReadme } from "@frontoffice/vitest-config/readme";
import { expect, it } from "vitest";

describeReadme({ packageDir: new URL("..", import.meta.url), packageName: "@frontoffice/scheduling" }, ({ readme, blocks }) => {
  it("has the usage examples", () => {
    expect(readme).toContain("pnpm add @frontoffice/scheduling");
    const code = blocks.join("\n");
    expect(code).toContain('timeZone: "Europe/Madrid"');
    expect(code).toMatch(/nextFreeSlots\(3,/);
    expect(code).toMatch(/kind: "one-of", ids: \["dr-garcia", "dr-rossi"\]/);
    expect(code).toMatch(/expandRecurrence\(\{[\s\S]*FREQ=WEEKLY/);
    expect(code).toMatch(/toICalendar\(/);
  });
});
