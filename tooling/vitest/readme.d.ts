/** The ```ts blocks of a markdown text. */
export function typescriptBlocks(markdown: string): string[];

/** What each `console.log` of a block should print, in order (a symbol when the block says nothing). */
export function expectedLogs(block: string): unknown[];

export interface ReadmeOptions {
  /** The package folder (holding README.md, tsconfig.json and src/index.ts). */
  packageDir: string | URL;
  /** The name the examples import, replaced by the package's source. */
  packageName: string;
}

/**
 * Registers `describe("README.md")`: a type-check of every ts block and a test per block that
 * runs it and compares its `console.log`s with the `// → value` comments; `extra` adds tests.
 */
export function describeReadme(options: ReadmeOptions, extra?: (readme: { readme: string; blocks: string[] }) => void): { readme: string; blocks: string[] };
