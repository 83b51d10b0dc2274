import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_LOGINS, DataDirLockedError } from "@frontoffice/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";

/** The server as `frontoffice serve --demo` composes it, on an embedded database in a folder. */
describe("starting the server on the embedded database", () => {
  let dataDir: string;
  const logger = createLogger("silent");
  const config = () => loadConfig({ PORT: "0", FRONTOFFICE_DATA_DIR: dataDir, FRONTOFFICE_WEB_DIST: join(dataDir, "no-web") });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "frontoffice-start-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("seeds the demo, keeps sessions across a restart, and refuses a second server on the folder", async () => {
    const login = DEMO_LOGINS.find((item) => item.role === "receptionist")!;
    const first = await startServer(config(), logger, { demo: true });
    let cookie: string;
    try {
      const response = await fetch(`${first.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: first.url },
        body: JSON.stringify({ email: login.email, password: login.password }),
      });
      expect(response.status).toBe(200);
      cookie = response.headers.getSetCookie().map((item) => item.split(";")[0]).join("; ");

      const error = await startServer(config(), logger).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as Error).message).toContain(dataDir);
    } finally {
      await first.close();
    }

    const second = await startServer(config(), logger, { demo: true });
    try {
      const me = await fetch(`${second.url}/trpc/session.me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      const body = (await me.json()) as { result: { data: { staff: { email: string }; offices: unknown[] } } };
      expect(body.result.data.staff.email).toBe(login.email);
      expect(body.result.data.offices).toHaveLength(4);
    } finally {
      await second.close();
    }
  });
});
