/**
 * End-to-end harness: the BUILT server (`apps/server/dist/cli.js serve --demo`) on a fresh
 * embedded database in a temp folder, serving the BUILT web client (`apps/web/dist`), driven by
 * the system Chromium through playwright-core. Nothing is mocked.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Locale } from "@frontoffice/domain";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { en, type MessageKey } from "../src/i18n/en";
import { es } from "../src/i18n/es";
import { it } from "../src/i18n/it";
import { createTranslator, type Translator } from "../src/i18n/translate";

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = resolve(here, "../dist");
export const SERVER_CLI = resolve(here, "../../server/dist/cli.js");

/** The demo organization's logins (seeded by `serve --demo`). */
export const DEMO = {
  owner: { email: "owner@demo.frontoffice.test", password: "frontoffice-demo" },
  manager: { email: "manager@demo.frontoffice.test", password: "frontoffice-demo" },
  receptionist: { email: "receptionist@demo.frontoffice.test", password: "frontoffice-demo" },
} as const;

const READY_TIMEOUT_MS = 180_000;

export interface RunningServer {
  url: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** A port nobody is listening on right now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once("exit", () => done());
  });
}

/** Starts `frontoffice serve --demo` on a free port and a fresh data folder; resolves once /ready answers 200. */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(SERVER_CLI)) throw new Error(`${SERVER_CLI} is missing: run \`pnpm --filter @frontoffice/server build\` first.`);
  if (!existsSync(join(WEB_DIST, "index.html"))) throw new Error(`${WEB_DIST}/index.html is missing: run \`pnpm --filter @frontoffice/web build\` first.`);

  const tempDir = await mkdtemp(join(tmpdir(), "frontoffice-e2e-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  Object.assign(env, {
    PORT: String(port),
    HOST: "127.0.0.1",
    FRONTOFFICE_DATA_DIR: join(tempDir, "data"),
    AUTH_SECRET: randomBytes(32).toString("hex"),
    NODE_ENV: "production",
    FRONTOFFICE_WEB_DIST: WEB_DIST,
    LOG_LEVEL: "info",
  });

  const child = spawn(process.execPath, [SERVER_CLI, "serve", "--demo"], { cwd: resolve(SERVER_CLI, "../.."), env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited(child);
      clearTimeout(killer);
    }
    await rm(tempDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output.slice(-5000)}`);
    }
    try {
      const response = await fetch(`${url}/ready`);
      if (response.status === 200) return { url, output: () => output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  await stop();
  throw new Error(`The server was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output.slice(-5000)}`);
}

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      const found = execFileSync("which", [name], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // Try the next name.
    }
  }
  throw new Error("No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.");
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A fresh browser profile (no cookies, no stored language) with an English-speaking browser. */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: "en-US", timezoneId: "Europe/Madrid", viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(20_000);
  return context;
}

const catalogs: Record<Locale, Readonly<Record<string, unknown>>> = { en, es, it };

/** The translator of the language the page currently shows (`<html lang>`). */
export async function pageTranslator(page: Page): Promise<Translator> {
  const lang = await page.evaluate(() => document.documentElement.lang);
  const locale: Locale = lang === "es" || lang === "it" ? lang : "en";
  return createTranslator(locale, catalogs[locale] as typeof en);
}

export function translator(locale: Locale): Translator {
  return createTranslator(locale, catalogs[locale] as typeof en);
}

/**
 * Waits until the page shows `key` in whatever language it settled on (after sign-in the
 * interface switches to the staff member's language), and returns that language's translator.
 */
export async function settledTranslator(page: Page, key: MessageKey, role: "heading" | "link" | "button" = "heading"): Promise<Translator> {
  const deadline = Date.now() + 20_000;
  let last = "";
  while (Date.now() < deadline) {
    const t = await pageTranslator(page);
    const target = page.getByRole(role, { name: t(key), exact: true });
    if (await target.first().isVisible().catch(() => false)) {
      // Still the same language a moment later: the switch (if any) is done.
      await page.waitForTimeout(300);
      if ((await pageTranslator(page)).locale === t.locale) return t;
    }
    last = t.locale;
    await page.waitForTimeout(200);
  }
  throw new Error(`"${key}" never appeared as a ${role} (last language: ${last})`);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const t = await pageTranslator(page);
  await page.getByLabel(t("auth.email"), { exact: true }).fill(email);
  await page.getByLabel(t("auth.password"), { exact: true }).fill(password);
  await page.getByRole("button", { name: t("auth.signIn.submit"), exact: true }).click();
}

/** A random valid Spanish DNI (eight digits and their check letter). */
export function randomDni(): string {
  const number = 10_000_000 + Math.floor(Math.random() * 89_999_999);
  return `${number}${"TRWAGMYFPDXBNJZSQVHLCKE"[number % 23]}`;
}

/** A random Spanish mobile number written as people say it: "6xx xxx xxx". */
export function randomSpanishMobile(): string {
  const digits = `6${String(Math.floor(Math.random() * 100_000_000)).padStart(8, "0")}`;
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/**
 * The server and page of a spec file: a fresh demo server and a fresh English-speaking browser
 * profile, started before the file's tests and stopped after them. Read `page` inside tests.
 */
export function useDemoPage(): { readonly page: Page; readonly server: RunningServer } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser, server.url);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the server and page start in beforeAll: use them inside tests");
    return value;
  };
  return {
    get page() {
      return started(page);
    },
    get server() {
      return started(server);
    },
  };
}

/**
 * The server and browser of a spec file where several people use the app at once: a fresh demo
 * server and one Chromium, started before the file's tests; every page opened through it gets
 * its own fresh profile, and all are closed after the file. Use them inside tests.
 */
export function useDemoBrowser(): {
  readonly server: RunningServer;
  /** A page in a fresh, signed-out browser profile. */
  newPage: () => Promise<Page>;
  /** A fresh profile signed in as `email`, on the page sign-in lands on (/clients). */
  signedInPage: (email: string, password: string) => Promise<Page>;
} {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });
  const newPage = async (): Promise<Page> => {
    if (!browser || !server) throw new Error("the server and browser start in beforeAll: use them inside tests");
    const context = await newContext(browser, server.url);
    contexts.push(context);
    return context.newPage();
  };
  return {
    get server() {
      if (!server) throw new Error("the server starts in beforeAll: use it inside tests");
      return server;
    },
    newPage,
    signedInPage: async (email, password) => {
      const page = await newPage();
      await page.goto("/");
      await page.waitForURL("**/sign-in");
      await signIn(page, email, password);
      await page.waitForURL("**/clients");
      return page;
    },
  };
}

/** A tRPC call from inside the page, with its session cookie (no transformer: plain JSON). */
export async function callApi<T>(page: Page, kind: "query" | "mutation", path: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ kind, path, input }) => {
      const response =
        kind === "query"
          ? await fetch(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
          : await fetch(`/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) });
      const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
      if (!response.ok || !body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error ?? body)}`);
      return body.result.data as T;
    },
    { kind, path, input },
  ) as Promise<T>;
}
