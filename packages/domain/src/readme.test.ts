/**
 * Keeps README.md honest: every ```ts block is type-checked against the package source, then
 * run, and each `// → value` comment after a `console.log(…)` must equal what it logged (the
 * value is JSON; it may continue on following `//` lines).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it, vi } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const entry = join(packageDir, "src", "index");
const readme = readFileSync(join(packageDir, "README.md"), "utf8");
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);

const workDir = mkdtempSync(join(tmpdir(), "frontoffice-domain-readme-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The block as a module of its own, importing the package from source. */
function moduleFor(block: string, index: number): string {
  const file = join(workDir, `block-${index}.ts`);
  writeFileSync(file, `${block.replaceAll(`from "@frontoffice/domain"`, `from ${JSON.stringify(entry)}`)}\nexport {};\n`);
  return file;
}

const ANYTHING = Symbol("no expectation");

/** What each `console.log` of the block should print, in order. */
function expectedLogs(block: string): unknown[] {
  const lines = block.split("\n");
  const expected: unknown[] = [];
  lines.forEach((line, index) => {
    if (!/\bconsole\.log\(/.test(line)) return;
    const trailing = /\/\/ → (.*)$/.exec(line);
    let text = trailing?.[1];
    if (text === undefined && /^\s*\/\/ → /.test(lines[index + 1] ?? "")) {
      text = (lines[index + 1] as string).replace(/^\s*\/\/ → /, "");
      for (let next = index + 2; next < lines.length && /^\s*\/\/(?! →)/.test(lines[next] as string); next++) {
        text += `\n${(lines[next] as string).replace(/^\s*\/\//, "")}`;
      }
    }
    expected.push(text === undefined ? ANYTHING : JSON.parse(text));
  });
  return expected;
}

describe("README.md", () => {
  it("has the usage examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    expect(readme).toContain("pnpm add @frontoffice/domain");
    expect(blocks.join("\n")).toMatch(/clientInputSchemaFor\("ES"\)/);
  });

  const files = blocks.map(moduleFor);

  it("type-checks every ts block", () => {
    const configFile = ts.getParsedCommandLineOfConfigFile(join(packageDir, "tsconfig.json"), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    });
    if (!configFile) throw new Error("no tsconfig.json");
    // The examples log with `console`, which a browser and Node both have.
    const program = ts.createProgram(files, { ...configFile.options, noEmit: true, lib: ["lib.es2023.d.ts", "lib.dom.d.ts"] });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
      const name = diagnostic.file ? diagnostic.file.fileName.replace(workDir, "README") : "";
      return `${name}:${where ? where.line + 1 : "?"} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    });
    expect(problems).toEqual([]);
  }, 60_000);

  it.each(blocks.map((block, index) => [index + 1, block, files[index] as string] as const))("runs block %i and prints what it says", async (_number, block, file) => {
    const logged: unknown[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((value: unknown) => void logged.push(value));
    try {
      await import(/* @vite-ignore */ pathToFileURL(file).href);
    } finally {
      log.mockRestore();
    }
    const expected = expectedLogs(block);
    expect(logged).toHaveLength(expected.length);
    expected.forEach((value, index) => {
      if (value !== ANYTHING) expect(logged[index]).toEqual(value);
    });
  });
});
