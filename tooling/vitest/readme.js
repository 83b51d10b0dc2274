/**
 * Keeps a package's README.md honest: every ```ts block is type-checked against the package
 * source, then run, and each `// → value` comment after a `console.log(…)` must equal what it
 * logged (the value is JSON; it may continue on following `//` lines).
 *
 *   describeReadme({ packageDir: new URL("..", import.meta.url), packageName: "@frontoffice/domain" }, ({ readme, blocks }) => {
 *     it("has the usage examples", () => expect(blocks.length).toBeGreaterThanOrEqual(4));
 *   });
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it, vi } from "vitest";

const ANYTHING = Symbol("no expectation");

/** The ```ts blocks of a markdown text. */
export function typescriptBlocks(markdown) {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
}

/** What each `console.log` of the block should print, in order (`ANYTHING` when it says nothing). */
export function expectedLogs(block) {
  const lines = block.split("\n");
  const expected = [];
  lines.forEach((line, index) => {
    if (!/\bconsole\.log\(/.test(line)) return;
    const trailing = /\/\/ → (.*)$/.exec(line);
    let text = trailing?.[1];
    if (text === undefined && /^\s*\/\/ → /.test(lines[index + 1] ?? "")) {
      text = lines[index + 1].replace(/^\s*\/\/ → /, "");
      for (let next = index + 2; next < lines.length && /^\s*\/\/(?! →)/.test(lines[next]); next++) {
        text += `\n${lines[next].replace(/^\s*\/\//, "")}`;
      }
    }
    expected.push(text === undefined ? ANYTHING : JSON.parse(text));
  });
  return expected;
}

/**
 * Registers `describe("README.md")` with a type-check of every ts block and one test per block
 * that runs it; `extra` adds the package's own tests inside the same describe.
 */
export function describeReadme({ packageDir, packageName }, extra) {
  const dir = packageDir instanceof URL ? fileURLToPath(packageDir) : packageDir;
  const entry = join(dir, "src", "index");
  const readme = readFileSync(join(dir, "README.md"), "utf8");
  const blocks = typescriptBlocks(readme);
  const slug = packageName.replace(/^@/, "").replace(/\//g, "-");

  describe("README.md", () => {
    const workDir = mkdtempSync(join(tmpdir(), `${slug}-readme-`));
    afterAll(() => rmSync(workDir, { recursive: true, force: true }));

    // Each block is a module of its own, importing the package from source.
    const files = blocks.map((block, index) => {
      const file = join(workDir, `block-${index}.ts`);
      writeFileSync(file, `${block.replaceAll(`from "${packageName}"`, `from ${JSON.stringify(entry)}`)}\nexport {};\n`);
      return file;
    });

    extra?.({ readme, blocks });

    it("type-checks every ts block", () => {
      const configFile = ts.getParsedCommandLineOfConfigFile(join(dir, "tsconfig.json"), {}, {
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

    it.each(blocks.map((block, index) => [index + 1, block, files[index]]))("runs block %i and prints what it says", async (_number, block, file) => {
      const logged = [];
      const log = vi.spyOn(console, "log").mockImplementation((value) => void logged.push(value));
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
  return { readme, blocks };
}
