import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, mkdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "./connection.js";
import { DataDirLockedError, LOCK_NAME, lockDataDir } from "./lock.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const holder = fileURLToPath(new URL("./test-fixtures/hold-data-dir.ts", import.meta.url));

interface Child {
  process: ChildProcessWithoutNullStreams;
  /** The next line the child prints. */
  line(): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts a separate Node process that opens `dataDir` with createDatabase. */
function startHolder(dataDir: string): Child {
  const child = spawn(process.execPath, ["--conditions=@frontoffice/source", "--import", "tsx", holder, dataDir], {
    cwd: packageDir,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let buffer = "";
  let stderr = "";
  const waiting: ((line: string) => void)[] = [];
  const lines: string[] = [];
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      const next = waiting.shift();
      if (next) next(line);
      else lines.push(line);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    exited,
    line: () => {
      const ready = lines.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return Promise.race([
        new Promise<string>((resolve) => waiting.push(resolve)),
        exited.then(({ code, signal }) => {
          throw new Error(`holder exited (${code ?? signal}) without a line; stderr: ${stderr.slice(0, 2000)}`);
        }),
      ]);
    },
  };
}

async function heldBy(dataDir: string): Promise<number[]> {
  const connection = await createDatabase({ dataDir });
  try {
    const { rows } = await sql<{ pid: number }>`select pid from held_by order by pid`.execute(connection.db);
    return rows.map((row) => row.pid);
  } finally {
    await connection.close();
  }
}

describe("the data folder lock, between real processes", () => {
  let root: string;
  let dataDir: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "fo-lock-"));
    dataDir = path.join(root, "data");
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("refuses a second process while the first has the folder open, and lets it in after close", async () => {
    const first = await createDatabase({ dataDir });
    try {
      const second = startHolder(dataDir);
      const refusal = JSON.parse(await second.line()) as { name: string; message: string; code: string };
      expect(await second.exited).toEqual({ code: 3, signal: null });
      expect(refusal.name).toBe("DataDirLockedError");
      expect(refusal.code).toBe("DATA_DIR_LOCKED");
      expect(refusal.message).toContain(`The data folder ${dataDir} is in use by process ${process.pid}`);
      expect(refusal.message).toContain("stop the other process");
      expect(refusal.message).toContain("FRONTOFFICE_DATA_DIR");
    } finally {
      await first.close();
    }
    expect(existsSync(path.join(dataDir, LOCK_NAME))).toBe(false);

    const third = startHolder(dataDir);
    expect(await third.line()).toBe(`open ${third.process.pid}`);
    third.process.stdin.write("close\n");
    expect(await third.line()).toBe("closed");
    expect(await third.exited).toEqual({ code: 0, signal: null });
    expect(await heldBy(dataDir)).toEqual([third.process.pid]);
  });

  it("keeps this process out while another holds the folder, and takes over at once when it is killed", async () => {
    const other = startHolder(dataDir);
    expect(await other.line()).toBe(`open ${other.process.pid}`);

    const refused = await createDatabase({ dataDir }).then(
      async (connection) => {
        await connection.close();
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as DataDirLockedError).owner?.pid).toBe(other.process.pid);
    expect((refused as DataDirLockedError).message).toContain(`in use by process ${other.process.pid} on ${hostname()}`);

    // A crash: no exit handler runs, the lock stays behind with a fresh timestamp.
    other.process.kill("SIGKILL");
    expect((await other.exited).signal).toBe("SIGKILL");
    expect(existsSync(path.join(dataDir, LOCK_NAME))).toBe(true);

    // Its owner is gone, so the lock is taken over without waiting for it to go stale, and
    // what the killed process committed is there.
    const pids = await heldBy(dataDir);
    expect(pids).toContain(other.process.pid);
  });

  it("releases the lock when the holder is stopped with SIGTERM", async () => {
    const other = startHolder(dataDir);
    expect(await other.line()).toBe(`open ${other.process.pid}`);
    other.process.kill("SIGTERM");
    expect((await other.exited).signal).toBe("SIGTERM");
    expect(existsSync(path.join(dataDir, LOCK_NAME))).toBe(false);
    expect(await heldBy(dataDir)).toContain(other.process.pid);
  });
});

describe("stale locks", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "fo-stale-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function leaveLock(owner: object, ageMs: number): Promise<void> {
    const lock = path.join(folder, LOCK_NAME);
    await rm(lock, { recursive: true, force: true });
    await mkdir(lock);
    await writeFile(path.join(lock, "owner.json"), JSON.stringify(owner));
    const when = new Date(Date.now() - ageMs);
    await utimes(lock, when, when);
  }

  it("respects a fresh lock from another host, and takes over one that stopped being refreshed", async () => {
    const elsewhere = { pid: 4242, hostname: "another-host", processStartedAt: 0, lockedAt: "2026-01-01T00:00:00.000Z" };
    await leaveLock(elsewhere, 0);
    const refused = await lockDataDir(folder).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as DataDirLockedError).message).toContain("in use by process 4242 on another-host");

    await leaveLock(elsewhere, 31_000);
    const lock = await lockDataDir(folder);
    const owner = JSON.parse(await readFile(path.join(lock.lockPath, "owner.json"), "utf8")) as { pid: number };
    expect(owner.pid).toBe(process.pid);
    await lock.release();
    await lock.release();
    expect(existsSync(lock.lockPath)).toBe(false);
  });

  it("takes over a lock left by an earlier process with this process's pid (a restarted container)", async () => {
    await leaveLock({ pid: process.pid, hostname: hostname(), processStartedAt: 1, lockedAt: "2026-01-01T00:00:00.000Z" }, 0);
    const lock = await lockDataDir(folder);
    await lock.release();
  });

  it("refuses a second lock in the same process", async () => {
    const lock = await lockDataDir(folder);
    try {
      const refused = await lockDataDir(folder).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DataDirLockedError);
      expect((refused as DataDirLockedError).message).toContain(`process ${process.pid} (this process)`);
    } finally {
      await lock.release();
    }
  });
});
