/**
 * The knowledge base of answers the front desk gives on the phone, per office and language, and
 * the questions that had no answer yet.
 *
 * Search is PostgreSQL full-text search in each row's own language: three text search
 * configurations (`fo_english`, `fo_spanish`, `fo_italian`) copy the built-in ones and put
 * `unaccent` before the stemmer, so "dirección" and "direccion", "lunedì" and "lunedi" match.
 * The stored tsvector chooses its configuration with a CASE over the row's language: each branch
 * is a constant regconfig, so `to_tsvector(regconfig, text)` stays immutable, as a generated
 * column requires (on PostgreSQL 15 and on PGlite's 18). `search_text` (folded by the
 * application: lower case, no accents) feeds the trigram fallback for misspellings.
 *
 * Frozen in time: this file imports nothing from the application or the domain.
 */
import { sql, type Kysely } from "kysely";

const LANGUAGE_CONFIGS = [
  ["fo_english", "english"],
  ["fo_spanish", "spanish"],
  ["fo_italian", "italian"],
] as const;

const configFor = (column: string) =>
  `case ${column} when 'es' then 'fo_spanish'::regconfig when 'it' then 'fo_italian'::regconfig else 'fo_english'::regconfig end`;

const statements = [
  `create extension if not exists unaccent`,
  ...LANGUAGE_CONFIGS.flatMap(([name, base]) => [
    `create text search configuration ${name} (copy = ${base})`,
    `alter text search configuration ${name} alter mapping for hword, hword_part, word with unaccent, ${base}_stem`,
  ]),
  // array_to_string is only STABLE in general (element output functions may depend on settings);
  // for text[] it cannot change, so this wrapper may be IMMUTABLE and used by the generated column.
  `create function answer_tags_text(tags text[]) returns text
    language sql immutable parallel safe
    as $$ select array_to_string(tags, ' ') $$`,
  `create table answer (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    -- null: the answer holds for every office of the organization.
    office_id uuid,
    language text not null check (language in ('en', 'es', 'it')),
    category text not null check (category in ('hours', 'prices', 'directions', 'policies', 'other')),
    question text not null check (length(btrim(question)) between 1 and 300),
    body text not null check (length(btrim(body)) between 1 and 5000),
    tags text[] not null default '{}' check (cardinality(tags) <= 20),
    search_text text not null default '',
    search_vector tsvector generated always as (
      setweight(to_tsvector(${configFor("language")}, question), 'A') ||
      setweight(to_tsvector(${configFor("language")}, answer_tags_text(tags)), 'B') ||
      setweight(to_tsvector(${configFor("language")}, body), 'C')
    ) stored,
    active boolean not null default true,
    version integer not null default 1 check (version >= 1),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    created_by uuid,
    updated_by uuid,
    constraint answer_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint answer_created_by_fkey foreign key (created_by, organization_id)
      references staff (id, organization_id),
    constraint answer_updated_by_fkey foreign key (updated_by, organization_id)
      references staff (id, organization_id),
    constraint answer_id_organization_key unique (id, organization_id)
  )`,
  `create index answer_search_vector_idx on answer using gin (search_vector)`,
  `create index answer_search_text_trgm_idx on answer using gin (search_text gin_trgm_ops)`,
  `create index answer_scope_idx on answer (organization_id, language, office_id) where active`,
  `create table unanswered_question (
    id uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organization (id) on delete cascade,
    office_id uuid,
    language text not null check (language in ('en', 'es', 'it')),
    question text not null check (length(btrim(question)) between 1 and 500),
    asked_by uuid not null,
    asked_at timestamptz not null default now(),
    status text not null default 'open' check (status in ('open', 'answered', 'dismissed')),
    answer_id uuid,
    resolved_by uuid,
    resolved_at timestamptz,
    constraint unanswered_question_office_fkey foreign key (office_id, organization_id)
      references office (id, organization_id) on delete cascade,
    constraint unanswered_question_asked_by_fkey foreign key (asked_by, organization_id)
      references staff (id, organization_id),
    constraint unanswered_question_resolved_by_fkey foreign key (resolved_by, organization_id)
      references staff (id, organization_id),
    constraint unanswered_question_answer_fkey foreign key (answer_id, organization_id)
      references answer (id, organization_id),
    -- Answered ⇔ it points at the entry written for it; open ⇔ nobody resolved it yet.
    constraint unanswered_question_answer_check check ((status = 'answered') = (answer_id is not null)),
    constraint unanswered_question_resolved_check check ((status = 'open') = (resolved_at is null and resolved_by is null))
  )`,
  `create index unanswered_question_open_idx on unanswered_question (organization_id, asked_at) where status = 'open'`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists unanswered_question`.execute(db);
  await sql`drop table if exists answer`.execute(db);
  await sql`drop function if exists answer_tags_text(text[])`.execute(db);
  for (const [name] of LANGUAGE_CONFIGS) await sql.raw(`drop text search configuration if exists ${name}`).execute(db);
}
