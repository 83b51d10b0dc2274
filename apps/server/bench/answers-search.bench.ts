/**
 * Knowledge-base search benchmark: `pnpm bench` at the root (turbo runs this package's `bench`).
 *
 * On a fresh PGlite database, and on a fresh PostgreSQL database when TEST_DATABASE_URL is set,
 * loads 10,000 answers for one organization (Spanish, Italian and English, spread over three
 * offices plus entries for every office) and 2,000 for another, then times the real
 * `searchAnswers` (schema → all words → some words → similar spelling) for the kinds of search a
 * receptionist types. Prints p50/p95/max, which tier answered, and the plan; asserts no timing.
 */
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { DEMO_ANSWERS, jsonb, type Database } from "@frontoffice/db";
import { Random, createTestDatabase, type TestDatabase, type TestTarget } from "@frontoffice/db/testing";
import { answerSearchText, type AnswerHit, type AnswerSearchInput, type Locale } from "@frontoffice/domain";
import { sql, type Kysely } from "kysely";
import { searchAnswers } from "../src/modules/answers/service.js";
import { runBenchmark } from "./run.js";

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((item) => item.startsWith(`--${name}=`));
  const value = found ? Number(found.split("=")[1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
};
const RUNS = arg("runs", 200);
const WARMUP = arg("warmup", 20);
const ANSWERS_A = 10_000;
const ANSWERS_B = 2_000;
const BATCH = 500;
const NOW = new Date("2026-12-01T09:00:00Z");
const out = (line = "") => process.stdout.write(`${line}\n`);

const ORG_A = "0b7f5a2e-9a51-4c1e-8d2a-00000000a001";
const ORG_B = "0b7f5a2e-9a51-4c1e-8d2a-00000000a002";
const OFFICES = [
  { id: "5e1d0c7a-0000-4000-8000-0000000a000a", organizationId: ORG_A, locale: "es" as Locale, country: "ES" },
  { id: "5e1d0c7a-0000-4000-8000-0000000a000b", organizationId: ORG_A, locale: "it" as Locale, country: "IT" },
  { id: "5e1d0c7a-0000-4000-8000-0000000a000c", organizationId: ORG_A, locale: "en" as Locale, country: "IE" },
  { id: "5e1d0c7a-0000-4000-8000-0000000a000d", organizationId: ORG_B, locale: "es" as Locale, country: "ES" },
];

/** Words that make each generated entry different from its template, per language. */
const VARIATION: Record<Locale, { places: string[]; topics: string[] }> = {
  es: { places: ["Retiro", "Chamberí", "Salamanca", "Tetuán", "Arganzuela", "Moncloa", "Usera", "Vallecas"], topics: ["ortodoncia", "implantes", "endodoncia", "periodoncia", "radiografía", "empaste", "carillas", "prótesis", "revisión anual", "bruxismo"] },
  it: { places: ["Brera", "Navigli", "Isola", "Porta Romana", "Città Studi", "Lambrate", "Bicocca", "Sempione"], topics: ["successioni", "separazione", "affidamento", "sfratto", "contratto di locazione", "licenziamento", "risarcimento", "recupero crediti", "testamento", "eredità"] },
  en: { places: ["Drumcondra", "Glasnevin", "Phibsborough", "Cabra", "Marino", "Fairview", "Whitehall", "Santry"], topics: ["exam results", "school tour", "lunch menu", "sports day", "book rental", "transition year", "guidance counsellor", "after-school club", "locker", "debating"] },
};

interface GeneratedAnswer {
  language: Locale;
  officeId: string | null;
  category: string;
  question: string;
  body: string;
  tags: string[];
}

/** Variations of the demo's real answers: the template's text plus a place and a topic. */
function generateAnswers(random: Random, organizationId: string, count: number): GeneratedAnswer[] {
  const offices = OFFICES.filter((office) => office.organizationId === organizationId);
  const templates = [
    ...DEMO_ANSWERS.madrid.map((answer) => ({ ...answer, language: "es" as Locale })),
    ...DEMO_ANSWERS.milan.map((answer) => ({ ...answer, language: "it" as Locale })),
    ...DEMO_ANSWERS.dublin.map((answer) => ({ ...answer, language: "en" as Locale })),
    ...DEMO_ANSWERS.boston.map((answer) => ({ ...answer, language: "en" as Locale })),
  ].filter((template) => offices.some((office) => office.locale === template.language));
  return Array.from({ length: count }, (_, index) => {
    const template = random.pick(templates);
    const words = VARIATION[template.language];
    const place = random.pick(words.places);
    const topic = random.pick(words.topics);
    const office = offices.find((candidate) => candidate.locale === template.language);
    return {
      language: template.language,
      officeId: random.chance(0.15) ? null : (office?.id ?? null),
      category: template.category,
      question: `${template.question} (${place}, ${topic} ${index})`,
      body: `${template.body} ${place}: ${topic}.`,
      tags: [...(template.tags ?? []), topic],
    };
  });
}

async function setUp(db: Kysely<Database>): Promise<void> {
  await db.insertInto("organization").values([ { id: ORG_A, name: "Bench A", created_at: NOW }, { id: ORG_B, name: "Bench B", created_at: NOW } ]).execute();
  await db
    .insertInto("office")
    .values(OFFICES.map((office) => ({ id: office.id, organization_id: office.organizationId, name: `Office ${office.locale}`, kind: "small_business", locale: office.locale, time_zone: "Europe/Madrid", currency: "EUR", fiscal_name: "Bench S.L.", tax_id: "B12345674", address: jsonb({ line1: "Calle Mayor 1", city: "Madrid", country: office.country }), created_at: NOW })))
    .execute();
}

async function load(db: Kysely<Database>, organizationId: string, answers: GeneratedAnswer[]): Promise<void> {
  for (let start = 0; start < answers.length; start += BATCH) {
    await db
      .insertInto("answer")
      .values(
        answers.slice(start, start + BATCH).map((answer) => ({
          organization_id: organizationId,
          office_id: answer.officeId,
          language: answer.language,
          category: answer.category as "hours",
          question: answer.question,
          body: answer.body,
          tags: answer.tags,
          search_text: answerSearchText(answer),
          created_at: NOW,
          updated_at: NOW,
        })),
      )
      .execute();
  }
}

const KINDS = ["every word", "caller's words", "misspelt", "no match"] as const;
type Kind = (typeof KINDS)[number];

/** What a receptionist types, per kind and language. The "no match" ones run all three tiers. */
const PROBES: Record<Kind, { query: string; language: Locale }[]> = {
  "every word": [
    { query: "horario clínica", language: "es" },
    { query: "precio limpieza", language: "es" },
    { query: "orari apertura", language: "it" },
    { query: "prima consulenza", language: "it" },
    { query: "opening hours", language: "en" },
    { query: "parking", language: "en" },
  ],
  "caller's words": [
    { query: "¿a qué hora abrís los sábados por la mañana?", language: "es" },
    { query: "a che ora aprite il sabato?", language: "it" },
    { query: "when do you open in the morning?", language: "en" },
    { query: "how much does it cost to print posters", language: "en" },
  ],
  misspelt: [
    { query: "aparcamento", language: "es" },
    { query: "parcheggo", language: "it" },
    { query: "uniformm", language: "en" },
  ],
  "no match": [
    { query: "zxqv kwrt", language: "es" },
    { query: "bzzkt vrrn", language: "it" },
    { query: "qwfp zxgj", language: "en" },
  ],
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
const ms = (value: number) => value.toFixed(2);
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);

const open = new Set<TestDatabase>();

async function runEngine(target: TestTarget, answersA: GeneratedAnswer[], answersB: GeneratedAnswer[]): Promise<void> {
  const database = await createTestDatabase(target);
  open.add(database);
  try {
    const { db } = database;
    const { rows: versionRows } = await sql<{ version: string }>`select version()`.execute(db);
    out();
    out(`== ${target} (${(versionRows[0]?.version ?? "?").split(" ").slice(0, 2).join(" ")})`);
    await setUp(db);
    let started = performance.now();
    await load(db, ORG_A, answersA);
    await load(db, ORG_B, answersB);
    const loaded = performance.now() - started;
    started = performance.now();
    await sql`vacuum analyze answer`.execute(db);
    out(`load: ${(answersA.length + answersB.length).toLocaleString("en")} answers in ${(loaded / 1000).toFixed(2)} s (${Math.round((answersA.length + answersB.length) / (loaded / 1000)).toLocaleString("en")} rows/s, tsvector generated and GIN indexes in place); vacuum analyze ${((performance.now() - started) / 1000).toFixed(2)} s`);
    const { rows: sizes } = await sql<{ table: string; fts: string; trgm: string }>`
      select pg_size_pretty(pg_table_size('answer')) as "table", pg_size_pretty(pg_relation_size('answer_search_vector_idx')) as fts, pg_size_pretty(pg_relation_size('answer_search_text_trgm_idx')) as trgm`.execute(db);
    out(`size: answer table ${sizes[0]?.table}, tsvector GIN ${sizes[0]?.fts}, trigram GIN ${sizes[0]?.trgm}`);

    const idsB = new Set((await db.selectFrom("answer").select("id").where("organization_id", "=", ORG_B).execute()).map((row) => row.id));
    const actor = { db, organizationId: ORG_A };
    const officeFor = (language: Locale) => OFFICES.find((office) => office.organizationId === ORG_A && office.locale === language)?.id;
    const search = (probe: { query: string; language: Locale }): Promise<AnswerHit[]> => {
      const input: AnswerSearchInput = { query: probe.query, language: probe.language, officeId: officeFor(probe.language), limit: 10 };
      return searchAnswers(actor, input);
    };

    out();
    out(`org A, ${answersA.length.toLocaleString("en")} answers: searchAnswers (the service, page of 10, office + all-offices scope), ${RUNS} timed runs per kind after ${WARMUP} warm-up, ms`);
    out(`${pad("kind", 16)} ${pad("example", 30)} ${lpad("p50", 7)} ${lpad("p95", 7)} ${lpad("max", 7)} ${lpad("hits", 5)}  answered by`);
    const all: number[] = [];
    let leaked = 0;
    for (const kind of KINDS) {
      const probes = PROBES[kind];
      for (let run = 0; run < WARMUP; run++) await search(probes[run % probes.length]!);
      const times: number[] = [];
      let hits = 0;
      const tiers = new Map<string, number>();
      for (let run = 0; run < RUNS; run++) {
        const begin = performance.now();
        const result = await search(probes[run % probes.length]!);
        times.push(performance.now() - begin);
        hits += result.length;
        leaked += result.filter((hit) => idsB.has(hit.answer.id)).length;
        const tier = result[0]?.matchedBy ?? "nothing";
        tiers.set(tier, (tiers.get(tier) ?? 0) + 1);
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      const example = probes[0]!.query;
      out(
        `${pad(kind, 16)} ${pad(example.length > 28 ? `${example.slice(0, 27)}…` : example, 30)} ${lpad(ms(percentile(times, 50)), 7)} ${lpad(ms(percentile(times, 95)), 7)} ${lpad(ms(times[times.length - 1]!), 7)} ${lpad((hits / RUNS).toFixed(1), 5)}  ` +
          [...tiers].map(([tier, count]) => `${tier} ${Math.round((count / RUNS) * 100)}%`).join(", "),
      );
    }
    all.sort((a, b) => a - b);
    out(`${pad("overall", 16)} ${pad(`${all.length} runs`, 30)} ${lpad(ms(percentile(all, 50)), 7)} ${lpad(ms(percentile(all, 95)), 7)} ${lpad(ms(all[all.length - 1]!), 7)}`);
    out(`scoping: ${leaked} of org B's answers in org A's result pages`);

    const { rows: plan } = await sql<Record<string, string>>`
      explain (analyze, costs off, timing off, summary off)
      select a.id from answer a, websearch_to_tsquery('fo_spanish'::regconfig, 'horario clínica') q
      where a.organization_id = ${ORG_A} and a.language = 'es' and a.active and a.search_vector @@ q
      order by ts_rank_cd(a.search_vector, q) desc limit 10`.execute(db);
    out("plan of the all-words query (Spanish):");
    for (const line of plan) out(`  ${Object.values(line)[0]}`);
  } finally {
    await database.close();
    open.delete(database);
  }
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const targets: TestTarget[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  out(`knowledge-base search benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}; engines: ${targets.join(", ")}${process.env.TEST_DATABASE_URL ? "" : " (set TEST_DATABASE_URL for PostgreSQL too)"}`);
  const random = new Random(5);
  const answersA = generateAnswers(random, ORG_A, ANSWERS_A);
  const answersB = generateAnswers(random, ORG_B, ANSWERS_B);
  out(`data: ${ANSWERS_A.toLocaleString("en")} answers for org A (es/it/en, 15% for all offices), ${ANSWERS_B.toLocaleString("en")} for org B (es), variations of the demo's answers; e.g. "${answersA[0]?.question}"`);
  for (const target of targets) await runEngine(target, answersA, answersB);
  out();
  out(`done in ${((performance.now() - startedAt) / 1000).toFixed(2)} s`);
}

runBenchmark(main, open);
