/**
 * Keeps README.md honest: every ```ts block is type-checked against the package source, then
 * run, and each `// → value` comment after a `console.log(…)` must equal what it logged
 * (see `describeReadme` in @frontoffice/vitest-config).
 */
import { describeReadme } from "@frontoffice/vitest-config/readme";
import { expect, it } from "vitest";

describeReadme({ packageDir: new URL("..", import.meta.url), packageName: "@frontoffice/payments" }, ({ readme, blocks }) => {
  it("has the usage examples", () => {
    expect(readme).toContain("pnpm add @frontoffice/payments");
    const code = blocks.join("\n");
    expect(code).toMatch(/computeTotals\(/);
    expect(code).toMatch(/transition\(payment/);
    expect(code).toMatch(/takingsByMethod\(/);
    expect(code).toMatch(/checkCard\(/);
    expect(code).toMatch(/nextReceiptNumber\(/);
    expect(code).toMatch(/renderReceiptPdf\(/);
    expect(code).toMatch(/sandboxGateway\(/);
  });

  it("documents every sandbox test card", async () => {
    const { SANDBOX_TEST_CARDS } = await import("./index.js");
    for (const card of SANDBOX_TEST_CARDS) {
      const spaced = card.number.length === 15 ? `${card.number.slice(0, 4)} ${card.number.slice(4, 10)} ${card.number.slice(10)}` : card.number.replace(/(\d{4})(?=\d)/g, "$1 ");
      const row = readme.split("\n").find((line) => line.startsWith(`| \`${spaced}\``));
      expect(row, card.number).toBeDefined();
      expect(row).toContain(card.outcome === "approved" ? "approved" : `\`${card.outcome}\``);
    }
  });
});
