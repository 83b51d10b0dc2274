/**
 * One process at a time per data folder. PGlite has nothing of its own to stop a second process
 * opening the same files, and two writers corrupt them, so the folder is locked:
 *
 * - the lock is a directory created atomically (`mkdir`, through proper-lockfile) inside the data
 *   folder, with the owner's pid, host and start time in `owner.json`;
 * - the owner touches it every few seconds; a lock left untouched for `staleMs` is stale;
 * - it is released on `close()`, and on exit and on SIGINT/SIGTERM/SIGHUP (proper-lockfile's
 *   exit hook);
 * - after a crash (SIGKILL, power loss) the next process takes the lock over at once when the
 *   owner was on this host and is gone, and after `staleMs` otherwise.
 */
import fs from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";

/** The lock's name inside the data folder. */
export const LOCK_NAME = "frontoffice.lock";
const OWNER_FILE = "owner.json";

/** Who holds a data folder. */
export interface LockOwner {
  pid: number;
  hostname: string;
  /** When the owning process started (ms since the epoch), to tell a reused pid apart. */
  processStartedAt: number;
  /** When it took the lock (ISO 8601). */
  lockedAt: string;
}

/** Another process (or this one, through another handle) has the data folder open. */
export class DataDirLockedError extends Error {
  readonly code = "DATA_DIR_LOCKED";
  readonly dataDir: string;
  readonly lockPath: string;
  readonly owner: LockOwner | undefined;

  constructor(dataDir: string, lockPath: string, owner: LockOwner | undefined) {
    const who = owner
      ? `process ${owner.pid}${owner.pid === process.pid ? " (this process)" : ""} on ${owner.hostname}, since ${owner.lockedAt}`
      : "another process";
    super(
      `The data folder ${dataDir} is in use by ${who}. ` +
        "Only one Frontoffice process can use a data folder at a time: stop the other process, " +
        "or set FRONTOFFICE_DATA_DIR to a different folder. " +
        `(If no other process is running, the lock ${lockPath} is left from a crash and expires by itself within a minute.)`,
    );
    this.name = "DataDirLockedError";
    this.dataDir = dataDir;
    this.lockPath = lockPath;
    this.owner = owner;
  }
}

export interface DataDirLock {
  readonly lockPath: string;
  /** Releases the lock; safe to call more than once. */
  release(): Promise<void>;
}

export interface LockOptions {
  /** A lock not refreshed for this long is considered abandoned. Default 30 s. */
  staleMs?: number;
  /** Called if the lock is lost while held (taken over by another process after a long stall). */
  onCompromised?: (error: Error) => void;
}

/** Process start, stable for the life of the process (whichever copy of this module asks). */
const processStartedAt = Math.round(Date.now() - process.uptime() * 1000);

type Callback = (error: NodeJS.ErrnoException | null) => void;

/**
 * The file system proper-lockfile works through. The lock directory is created with owner.json
 * already inside (before proper-lockfile stamps its mtime, so the stamp stays its own), and is
 * removed whole rather than with `rmdir`.
 */
function lockFileSystem(owner: LockOwner) {
  return {
    ...fs,
    mkdir: (target: string, callback: Callback) =>
      fs.mkdir(target, (error) => {
        if (error) return callback(error);
        fs.writeFile(path.join(target, OWNER_FILE), `${JSON.stringify(owner, null, 2)}\n`, (writeError) => {
          if (!writeError) return callback(null);
          fs.rm(target, { recursive: true, force: true }, () => callback(writeError));
        });
      }),
    rmdir: (target: string, callback: Callback) => fs.rm(target, { recursive: true, force: true }, callback),
    rmdirSync: (target: string) => fs.rmSync(target, { recursive: true, force: true }),
  };
}

/**
 * Locks an existing data folder for this process, or throws {@link DataDirLockedError}.
 */
export async function lockDataDir(dataDir: string, options: LockOptions = {}): Promise<DataDirLock> {
  const folder = path.resolve(dataDir);
  const lockPath = path.join(folder, LOCK_NAME);
  const onCompromised = (error: Error) => {
    if (options.onCompromised) options.onCompromised(error);
    else console.error(`Frontoffice lost the lock on ${folder}: ${error.message}`);
  };

  for (let attempt = 0; ; attempt++) {
    const owner: LockOwner = {
      pid: process.pid,
      hostname: hostname(),
      processStartedAt,
      lockedAt: new Date().toISOString(),
    };
    let unlock: () => Promise<void>;
    try {
      unlock = await lockfile.lock(folder, {
        lockfilePath: lockPath,
        stale: options.staleMs ?? 30_000,
        realpath: false,
        retries: 0,
        fs: lockFileSystem(owner),
        onCompromised,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
      const holder = await readOwner(lockPath);
      if (attempt === 0 && holder && isGone(holder) && (await sameOwner(lockPath, holder))) {
        // The owner crashed on this host: its lock looks fresh but nobody keeps it.
        await rm(lockPath, { recursive: true, force: true });
        continue;
      }
      throw new DataDirLockedError(folder, lockPath, holder);
    }

    let released = false;
    return {
      lockPath,
      release: async () => {
        if (released) return;
        released = true;
        await unlock().catch((error: NodeJS.ErrnoException) => {
          // Already gone (compromised, or removed at exit): nothing left to release.
          if (error.code !== "ERELEASED" && error.code !== "ENOTACQUIRED") throw error;
        });
      },
    };
  }
}

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path.join(lockPath, OWNER_FILE), "utf8")) as Partial<LockOwner>;
    if (typeof owner.pid !== "number" || typeof owner.hostname !== "string") return undefined;
    return {
      pid: owner.pid,
      hostname: owner.hostname,
      processStartedAt: typeof owner.processStartedAt === "number" ? owner.processStartedAt : 0,
      lockedAt: typeof owner.lockedAt === "string" ? owner.lockedAt : "an unknown time",
    };
  } catch {
    // Not written yet (the owner is between mkdir and write) or unreadable: trust the mtime.
    return undefined;
  }
}

/** True when the owner was a process on this host that no longer runs. */
function isGone(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) return false;
  if (owner.pid === process.pid) {
    // Our pid: either this very process holds it, or an earlier process with the same pid
    // (a container restarted) left it.
    return Math.abs(owner.processStartedAt - processStartedAt) > 2_000;
  }
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** The lock still belongs to the owner we judged, not to a process that took it meanwhile. */
async function sameOwner(lockPath: string, owner: LockOwner): Promise<boolean> {
  const now = await readOwner(lockPath);
  return now?.pid === owner.pid && now.lockedAt === owner.lockedAt;
}
