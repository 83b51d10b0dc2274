/**
 * Client search benchmark: `pnpm bench` at the root (turbo runs this package's `bench`).
 *
 * On a fresh PGlite database, and on a fresh PostgreSQL database when TEST_DATABASE_URL is set,
 * loads 10,000 clients for one organization and 2,000 for another, then times the real
 * `findClients` (service → `searchClients` query) for the queries staff type, next to a naive
 * baseline (folded substring LIKE on a copy of the table without the trigram index), first
 * straight after the bulk load (the GIN index's pending list not yet merged), then after
 * VACUUM ANALYZE. Prints figures and ratios; asserts no timing. See bench/README.md.
 */
import { performance } from "node:perf_hooks";
import { cpus } from "node:os";
import { clientDataColumns, jsonb, type Database } from "@frontoffice/db";
import { Random, createTestDatabase, type TestDatabase, type TestTarget } from "@frontoffice/db/testing";
import { digitsOnly, foldForSearch, type ClientSearchInput } from "@frontoffice/domain";
import { CompiledQuery, sql, type Kysely, type LogEvent } from "kysely";
import { findClients } from "../src/modules/clients/service.js";
import { generateClients, type GeneratedClient, type OfficeRef } from "./fixtures.js";
import { runBenchmark } from "./run.js";

// --- settings ----------------------------------------------------------------------------------

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((item) => item.startsWith(`--${name}=`));
  const value = found ? Number(found.split("=")[1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
};
const RUNS = arg("runs", 200); // timed runs per query kind and engine
const WARMUP = arg("warmup", 20); // untimed runs per query kind first
const OTHER_RUNS = arg("other-runs", 50); // timed runs per kind for the second organization
const CLIENTS_A = 10_000;
const CLIENTS_B = 2_000;
const BATCH = 500;
const PROBES_PER_KIND = 20; // distinct queries per kind, cycled through the runs
/** A fixed clock: the same data and the same "recent" order every run. */
const NOW = new Date("2026-12-01T09:00:00Z");

const out = (line = "") => process.stdout.write(`${line}\n`);

// --- fixed organizations and offices -----------------------------------------------------------

const ORG_A = "0b7f5a2e-9a51-4c1e-8d2a-000000000001";
const ORG_B = "0b7f5a2e-9a51-4c1e-8d2a-000000000002";

interface OfficeRow extends OfficeRef {
  organizationId: string;
  name: string;
  kind: "medical" | "legal" | "education" | "small_business";
  locale: "es" | "it" | "en";
  timeZone: string;
  currency: string;
  city: string;
  weight: number;
}

const OFFICES: OfficeRow[] = [
  { id: "5e1d0c7a-0000-4000-8000-00000000000a", organizationId: ORG_A, name: "Clínica Sol Madrid", kind: "medical", locale: "es", timeZone: "Europe/Madrid", currency: "EUR", city: "Madrid", country: "ES", weight: 55 },
  { id: "5e1d0c7a-0000-4000-8000-00000000000b", organizationId: ORG_A, name: "Studio Legale Milano", kind: "legal", locale: "it", timeZone: "Europe/Rome", currency: "EUR", city: "Milano", country: "IT", weight: 30 },
  { id: "5e1d0c7a-0000-4000-8000-00000000000c", organizationId: ORG_A, name: "Dublin Academy", kind: "education", locale: "en", timeZone: "Europe/Dublin", currency: "EUR", city: "Dublin", country: "IE", weight: 15 },
  { id: "5e1d0c7a-0000-4000-8000-00000000000d", organizationId: ORG_B, name: "Gestoría Barcelona", kind: "small_business", locale: "es", timeZone: "Europe/Madrid", currency: "EUR", city: "Barcelona", country: "ES", weight: 70 },
  { id: "5e1d0c7a-0000-4000-8000-00000000000e", organizationId: ORG_B, name: "Ufficio Torino", kind: "small_business", locale: "it", timeZone: "Europe/Rome", currency: "EUR", city: "Torino", country: "IT", weight: 30 },
];

// --- the queries staff type ---------------------------------------------------------------------

const KINDS = ["surname part", "full name", "misspelt name", "phone digits", "email prefix", "DNI", "empty (recent)", "no match"] as const;
type Kind = (typeof KINDS)[number];

interface Probe {
  query: string;
  /** The client the person at the desk is looking for, when there is one. */
  targetId: string | undefined;
}

/** Deterministic queries drawn from the organization's own (active) clients. */
function buildProbes(clients: GeneratedClient[], seed: number): Map<Kind, Probe[]> {
  const random = new Random(seed);
  const active = clients.filter((client) => !client.archived);
  const people = active.filter((client) => client.data.kind === "person" && client.data.familyName);
  const texts = clients.map((client) => clientDataColumns(client.data).search_text);
  const appearsAnywhere = (folded: string) => texts.some((text) => text.includes(folded));
  const probes = new Map<Kind, Probe[]>(KINDS.map((kind) => [kind, []]));
  const add = (kind: Kind, query: string, targetId?: string) => probes.get(kind)?.push({ query, targetId });

  while ((probes.get("surname part")?.length ?? 0) < PROBES_PER_KIND) {
    const client = random.pick(people);
    const word = foldForSearch(client.data.familyName ?? "").split(" ").filter((part) => part.length >= 5)[0];
    if (word) add("surname part", word.slice(0, random.int(4, Math.min(6, word.length))), client.id);
  }
  while ((probes.get("full name")?.length ?? 0) < PROBES_PER_KIND) {
    const client = random.pick(people);
    const given = client.data.givenName ?? "";
    const family = client.data.familyName ?? "";
    const typed = random.chance(0.5) ? `${given} ${family}` : `${given} ${family.split(" ")[0]}`;
    add("full name", random.chance(0.5) ? typed : foldForSearch(typed), client.id);
  }
  while ((probes.get("misspelt name")?.length ?? 0) < PROBES_PER_KIND) {
    const client = random.pick(people);
    const given = foldForSearch(client.data.givenName ?? "").split(" ")[0] ?? "";
    const surname = foldForSearch(client.data.familyName ?? "").split(" ").find((part) => part.length >= 5);
    if (!surname) continue;
    const query = `${given} ${misspell(random, surname)}`;
    // Only a real misspelling counts: no client's search text may contain it as typed.
    if (!appearsAnywhere(query)) add("misspelt name", query, client.id);
  }
  while ((probes.get("phone digits")?.length ?? 0) < PROBES_PER_KIND) {
    const client = random.pick(active);
    const number = client.data.phones[0]?.number;
    if (!number) continue;
    const national = number.replace(/^\+(353|34|39|44)/, "");
    const length = random.int(4, 6);
    const start = random.int(0, national.length - length);
    add("phone digits", national.slice(start, start + length), client.id);
  }
  while ((probes.get("email prefix")?.length ?? 0) < PROBES_PER_KIND) {
    const client = random.pick(active);
    const local = client.data.emails[0]?.address.split("@")[0];
    if (local && local.length >= 5) add("email prefix", local.slice(0, random.int(5, Math.min(8, local.length))), client.id);
  }
  while ((probes.get("DNI")?.length ?? 0) < PROBES_PER_KIND) {
    const client = random.pick(active);
    const id = client.data.nationalId;
    if (id?.type === "es_dni") add("DNI", random.chance(0.3) ? id.value.toLowerCase() : id.value, client.id);
  }
  for (let index = 0; index < PROBES_PER_KIND; index++) add("empty (recent)", "");
  while ((probes.get("no match")?.length ?? 0) < PROBES_PER_KIND) {
    const consonants = "bcdfghjklmnpqrstvwxz";
    let query = "";
    for (let index = random.int(6, 9); index > 0; index--) query += consonants[random.int(0, consonants.length - 1)];
    if (!appearsAnywhere(query)) add("no match", query);
  }
  return probes;
}

/** One typing slip: a dropped, doubled, swapped or neighbouring letter. */
function misspell(random: Random, word: string): string {
  const at = random.int(1, word.length - 2);
  switch (random.int(0, 3)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    case 2:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    default: {
      const swaps: Record<string, string> = { s: "z", z: "s", b: "v", v: "b", c: "k", i: "y", y: "i", n: "m", m: "n", r: "l", l: "r", e: "a", a: "e", o: "u", u: "o" };
      const char = word[at] ?? "";
      return word.slice(0, at) + (swaps[char] ?? "x") + word.slice(at + 1);
    }
  }
}

// --- the naive baseline ---------------------------------------------------------------------------

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * What a first version would do: the same folded text and the same substring test, on a copy of
 * the table that has every index but the trigram one (so a sequential scan), sorted by name, no
 * fuzzy matching. `lower()` is left out: `search_text` is already folded (lower case, no accents).
 */
async function naiveSearch(db: Kysely<Database>, organizationId: string, query: string): Promise<{ id: string }[]> {
  const text = foldForSearch(query.trim());
  if (!text) {
    const { rows } = await sql<{ id: string }>`
      select id, kind, display_name, office_id, phones, emails, national_id, archived_at, updated_at
      from client_naive where organization_id = ${organizationId} and archived_at is null
      order by updated_at desc, id limit 26`.execute(db);
    return rows;
  }
  const digits = /^[+\d\s().\-/]+$/.test(query) ? digitsOnly(query) : "";
  const digitMatch = digits.length >= 3 ? sql`or search_text like ${`%${digits}%`}` : sql``;
  const { rows } = await sql<{ id: string }>`
    select id, kind, display_name, office_id, phones, emails, national_id, archived_at, updated_at
    from client_naive where organization_id = ${organizationId} and archived_at is null
      and (search_text like ${`%${escapeLike(text)}%`} ${digitMatch})
    order by display_name, id limit 26`.execute(db);
  return rows;
}

// --- measuring ---------------------------------------------------------------------------------------

interface Sample {
  ms: number;
  rows: number;
  found: boolean;
  leaked: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

function summarize(samples: Sample[]) {
  const times = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1] ?? Number.NaN,
    rows: samples.reduce((sum, sample) => sum + sample.rows, 0) / Math.max(1, samples.length),
    found: samples.filter((sample) => sample.found).length / Math.max(1, samples.length),
    leaked: samples.reduce((sum, sample) => sum + sample.leaked, 0),
  };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : "-");
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
const pad = (text: string, width: number) => (text.length >= width ? text : text + " ".repeat(width - text.length));
const lpad = (text: string, width: number) => (text.length >= width ? text : " ".repeat(width - text.length) + text);

// --- one engine ------------------------------------------------------------------------------------

const open = new Set<TestDatabase>();

async function setUpOrganizations(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto("organization")
    .values([
      { id: ORG_A, name: "Bench Organization A", created_at: NOW },
      { id: ORG_B, name: "Bench Organization B", created_at: NOW },
    ])
    .execute();
  await db
    .insertInto("office")
    .values(
      OFFICES.map((office) => ({
        id: office.id,
        organization_id: office.organizationId,
        name: office.name,
        kind: office.kind,
        locale: office.locale,
        time_zone: office.timeZone,
        currency: office.currency,
        fiscal_name: `${office.name} S.L.`,
        tax_id: "B12345674",
        address: jsonb({ line1: "Calle Mayor 1", city: office.city, country: office.country }),
        created_at: NOW,
      })),
    )
    .execute();
}

async function load(db: Kysely<Database>, organizationId: string, clients: GeneratedClient[]): Promise<void> {
  for (let start = 0; start < clients.length; start += BATCH) {
    await db
      .insertInto("client")
      .values(
        clients.slice(start, start + BATCH).map((client) => ({
          ...clientDataColumns(client.data),
          id: client.id,
          organization_id: organizationId,
          archived_at: client.archived ? client.updatedAt : null,
          version: 1,
          created_at: client.updatedAt,
          updated_at: client.updatedAt,
        })),
      )
      .execute();
  }
}

interface EngineInput {
  clientsA: GeneratedClient[];
  clientsB: GeneratedClient[];
  probesA: Map<Kind, Probe[]>;
  probesB: Map<Kind, Probe[]>;
}

async function runEngine(target: TestTarget, input: EngineInput): Promise<void> {
  let capture: ((event: LogEvent) => void) | undefined;
  const createdAt = performance.now();
  const database = await createTestDatabase(target, { log: (event) => capture?.(event) });
  open.add(database);
  try {
    const db = database.db;
    const created = performance.now() - createdAt;
    const { rows: versionRows } = await sql<{ version: string }>`select version()`.execute(db);
    const version = (versionRows[0]?.version ?? "?").split(" ").slice(0, 2).join(" ");
    out();
    out(`== ${target} (${version})${database.name ? `, database ${database.name}` : ", in memory"}: fresh migrated database in ${seconds(created)}`);

    await setUpOrganizations(db);
    let started = performance.now();
    await load(db, ORG_A, input.clientsA);
    const loadA = performance.now() - started;
    started = performance.now();
    await load(db, ORG_B, input.clientsB);
    const loadB = performance.now() - started;
    started = performance.now();
    await sql`analyze client`.execute(db);
    const analyzed = performance.now() - started;
    const total = input.clientsA.length + input.clientsB.length;
    out(
      `load: ${input.clientsA.length.toLocaleString("en")} clients (org A) in ${seconds(loadA)}, ${input.clientsB.length.toLocaleString("en")} (org B) in ${seconds(loadB)}, ` +
        `batches of ${BATCH} with the trigram index in place: ${Math.round(total / ((loadA + loadB) / 1000)).toLocaleString("en")} rows/s; analyze ${seconds(analyzed)}`,
    );

    const idsB = new Set(input.clientsB.map((client) => client.id));
    const idsA = new Set(input.clientsA.map((client) => client.id));
    const actorA = { db, organizationId: ORG_A };
    const search = async (actor: typeof actorA, probe: Probe, others: Set<string>): Promise<Sample> => {
      const request: ClientSearchInput = { query: probe.query };
      const begin = performance.now();
      const result = await findClients(actor, request);
      const elapsed = performance.now() - begin;
      return {
        ms: elapsed,
        rows: result.items.length,
        found: probe.targetId !== undefined && result.items.some((item) => item.id === probe.targetId),
        leaked: result.items.filter((item) => others.has(item.id)).length,
      };
    };
    const naive = async (probe: Probe): Promise<Sample> => {
      const begin = performance.now();
      const rows = await naiveSearch(db, ORG_A, probe.query);
      const elapsed = performance.now() - begin;
      const items = rows.slice(0, 25);
      return { ms: elapsed, rows: items.length, found: probe.targetId !== undefined && items.some((row) => row.id === probe.targetId), leaked: items.filter((row) => idsB.has(row.id)).length };
    };
    /** EXPLAIN ANALYZE of the very SQL findClients sends (captured from Kysely's log). */
    const explain = async (probe: Probe): Promise<{ lines: string[]; scans: string }> => {
      let compiled: CompiledQuery | undefined;
      capture = (event) => {
        if (event.level === "query" && /from "client"/.test(event.query.sql)) compiled = event.query;
      };
      try {
        await findClients(actorA, { query: probe.query });
      } finally {
        capture = undefined;
      }
      if (!compiled) throw new Error("did not capture the search query");
      const { rows: plan } = await db.executeQuery<Record<string, string>>(
        CompiledQuery.raw(`explain (analyze, costs off, timing off, summary off) ${compiled.sql}`, [...compiled.parameters]),
      );
      const lines = plan.map((line) => Object.values(line)[0] ?? "");
      const scans = [...new Set(lines.filter((line) => /Scan/.test(line)).map((line) => line.replace(/^\s*->\s*/, "").replace(/\s*\(actual.*$/, "").trim()))];
      return { lines, scans: scans.join(" + ") };
    };

    // 1. Straight after a bulk load, new trigram entries sit in the GIN index's pending list
    //    until a VACUUM (autovacuum on a server; nothing runs it on PGlite) merges them: the
    //    planner then prices the index high. One pass over each kind's queries shows the cost.
    out();
    out(`right after the load, before any VACUUM (GIN pending list not merged): findClients, one pass of ${PROBES_PER_KIND} queries per kind, ms`);
    started = performance.now();
    for (const kind of KINDS) {
      const probes = input.probesA.get(kind) ?? [];
      await search(actorA, probes[0] as Probe, idsB);
      const samples: Sample[] = [];
      for (const probe of probes) samples.push(await search(actorA, probe, idsB));
      const summary = summarize(samples);
      out(`  ${pad(kind, 15)} p50 ${lpad(ms(summary.p50), 7)}  p95 ${lpad(ms(summary.p95), 7)}  plan for "${probes[0]?.query}": ${(await explain(probes[0] as Probe)).scans}`);
    }
    out(`  (took ${seconds(performance.now() - started)})`);

    // 2. The steady state: what autovacuum leaves behind.
    started = performance.now();
    await sql`vacuum analyze client`.execute(db);
    out(`vacuum analyze client: ${seconds(performance.now() - started)}`);
    const { rows: sizes } = await sql<{ table: string; index: string }>`
      select pg_size_pretty(pg_table_size('client')) as "table", pg_size_pretty(pg_relation_size('client_search_text_trgm_idx')) as "index"`.execute(db);
    out(`size: client table ${sizes[0]?.table}, trigram index ${sizes[0]?.index}`);

    // The baseline's table: same rows, same btree indexes, no trigram index.
    await sql`create table client_naive (like client including defaults)`.execute(db);
    await sql`insert into client_naive select * from client`.execute(db);
    await sql`create index client_naive_organization_archived_idx on client_naive (organization_id, archived_at)`.execute(db);
    await sql`vacuum analyze client_naive`.execute(db);

    const ours = new Map<Kind, Sample[]>();
    const base = new Map<Kind, Sample[]>();
    started = performance.now();
    for (const kind of KINDS) {
      const probes = input.probesA.get(kind) ?? [];
      for (let run = 0; run < WARMUP; run++) {
        const probe = probes[run % probes.length] as Probe;
        await search(actorA, probe, idsB);
        await naive(probe);
      }
      const oursSamples: Sample[] = [];
      const baseSamples: Sample[] = [];
      // Interleaved, so drift (GC, the OS) falls on both sides alike.
      for (let run = 0; run < RUNS; run++) {
        const probe = probes[run % probes.length] as Probe;
        oursSamples.push(await search(actorA, probe, idsB));
        baseSamples.push(await naive(probe));
      }
      ours.set(kind, oursSamples);
      base.set(kind, baseSamples);
    }
    const measured = performance.now() - started;

    out();
    out(`after VACUUM ANALYZE — org A, ${input.clientsA.length.toLocaleString("en")} clients: findClients (real service + searchClients, page of 25) vs naive LIKE without the trigram index`);
    out(`${RUNS} timed runs per kind after ${WARMUP} warm-up, ${PROBES_PER_KIND} distinct queries per kind, times in ms; rows = mean rows on the page; found = the client sought is on the first page`);
    const header =
      `${pad("kind", 15)} ${pad("example", 22)}| ${lpad("p50", 7)} ${lpad("p95", 7)} ${lpad("max", 7)} ${lpad("rows", 5)} ${lpad("found", 5)} ` +
      `| ${lpad("p50", 7)} ${lpad("p95", 7)} ${lpad("max", 7)} ${lpad("rows", 5)} ${lpad("found", 5)} | ${lpad("naive/ours p95", 14)}`;
    out(`${pad("", 38)}| ${pad("ours", 39)} | ${pad("naive (seq scan LIKE)", 39)} |`);
    out(header);
    out("-".repeat(header.length));
    const row = (kind: string, example: string, a: ReturnType<typeof summarize>, b: ReturnType<typeof summarize>, showFound: boolean) => {
      const found = (value: number) => (showFound ? `${Math.round(value * 100)}%` : "-");
      out(
        `${pad(kind, 15)} ${pad(example.length > 20 ? `${example.slice(0, 19)}…` : example, 22)}| ${lpad(ms(a.p50), 7)} ${lpad(ms(a.p95), 7)} ${lpad(ms(a.max), 7)} ${lpad(a.rows.toFixed(1), 5)} ${lpad(found(a.found), 5)} ` +
          `| ${lpad(ms(b.p50), 7)} ${lpad(ms(b.p95), 7)} ${lpad(ms(b.max), 7)} ${lpad(b.rows.toFixed(1), 5)} ${lpad(found(b.found), 5)} | ${lpad(`${(b.p95 / a.p95).toFixed(1)}x`, 14)}`,
      );
    };
    for (const kind of KINDS) {
      const example = input.probesA.get(kind)?.[0]?.query ?? "";
      row(kind, example === "" ? '""' : `"${example}"`, summarize(ours.get(kind) ?? []), summarize(base.get(kind) ?? []), kind !== "empty (recent)" && kind !== "no match");
    }
    out("-".repeat(header.length));
    const allOurs = summarize([...ours.values()].flat());
    const allBase = summarize([...base.values()].flat());
    const textKinds = KINDS.filter((kind) => kind !== "empty (recent)");
    row("overall", `${KINDS.length * RUNS} runs`, allOurs, allBase, false);
    row("overall text", "without empty", summarize(textKinds.flatMap((kind) => ours.get(kind) ?? [])), summarize(textKinds.flatMap((kind) => base.get(kind) ?? [])), false);
    out(`(measuring took ${seconds(measured)})`);

    // Scoping: org B's clients share the table and the trigram index; none may show up for org A,
    // and org B's own searches, on 2,000 rows, are timed the same way.
    const actorB = { db, organizationId: ORG_B };
    const oursB: Sample[] = [];
    for (const kind of KINDS) {
      const probes = input.probesB.get(kind) ?? [];
      for (let run = 0; run < Math.min(WARMUP, OTHER_RUNS); run++) await search(actorB, probes[run % probes.length] as Probe, idsA);
      for (let run = 0; run < OTHER_RUNS; run++) oursB.push(await search(actorB, probes[run % probes.length] as Probe, idsA));
    }
    const b = summarize(oursB);
    out(
      `scoping: ${allOurs.leaked} of org B's rows in org A's ${KINDS.length * RUNS} result pages, ${b.leaked} of org A's in org B's ${oursB.length}; ` +
        `org B (${input.clientsB.length.toLocaleString("en")} clients, same table and index) p50 ${ms(b.p50)} ms, p95 ${ms(b.p95)} ms, max ${ms(b.max)} ms over ${oursB.length} runs of the same query kinds`,
    );

    // The plan of the main query (a surname fragment) in full, and the scans of each kind.
    out();
    out(`plans after VACUUM (EXPLAIN ANALYZE of the SQL findClients sends, captured from Kysely):`);
    for (const kind of KINDS) {
      const probe = input.probesA.get(kind)?.[0] as Probe;
      const plan = await explain(probe);
      out(`  ${pad(kind, 15)} ${plan.scans}`);
      if (kind === "surname part") {
        const key = plan.lines.find((line) => /client_search_text_trgm_idx/.test(line));
        out(`  key line: ${key ? key.trim() : "the trigram index is NOT used"}`);
        out(`  full plan for "${probe.query}":`);
        for (const line of plan.lines) out(`    ${line}`);
      }
    }
  } finally {
    capture = undefined;
    await database.close();
    open.delete(database);
  }
}

// --- main ----------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAt = performance.now();
  const targets: TestTarget[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  out(`client search benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}; engines: ${targets.join(", ")}${process.env.TEST_DATABASE_URL ? "" : " (set TEST_DATABASE_URL for PostgreSQL too)"}`);

  let started = performance.now();
  const officesOf = (organizationId: string) => OFFICES.filter((office) => office.organizationId === organizationId);
  const clientsA = generateClients(1, CLIENTS_A, officesOf(ORG_A), NOW);
  const clientsB = generateClients(2, CLIENTS_B, officesOf(ORG_B), NOW);
  const generated = performance.now() - started;
  started = performance.now();
  const input: EngineInput = { clientsA, clientsB, probesA: buildProbes(clientsA, 11), probesB: buildProbes(clientsB, 12) };
  const people = clientsA.filter((client) => client.data.kind === "person").length;
  out(
    `data: ${(CLIENTS_A + CLIENTS_B).toLocaleString("en")} clients generated (seeded) and validated by clientInputSchemaFor in ${seconds(generated)}; ` +
      `org A: ${people} people, ${CLIENTS_A - people} companies, ${clientsA.filter((client) => client.archived).length} archived, offices ES/IT/IE; ` +
      `queries built in ${seconds(performance.now() - started)}`,
  );
  out(`examples: ${clientsA.slice(0, 3).map((client) => `${clientDataColumns(client.data).display_name} <${client.data.emails[0]?.address ?? "-"}> ${client.data.phones[0]?.number ?? "-"} ${client.data.nationalId?.value ?? "-"}`).join(" | ")}`);

  for (const target of targets) await runEngine(target, input);
  out();
  out(`done in ${seconds(performance.now() - startedAt)}`);
}

runBenchmark(main, open);
