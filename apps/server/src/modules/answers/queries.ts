import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from "kysely";
import type { AnswerRow, Database, UnansweredQuestionRow } from "@frontoffice/db";
import type { Answer, AnswerMatch, HighlightSegment, Locale, UnansweredQuestion } from "@frontoffice/domain";

type Executor = Kysely<Database> | Transaction<Database>;

/** Each language's text search configuration (made by the answers migration: built-in stemmer after `unaccent`). */
const TEXT_SEARCH_CONFIG: Readonly<Record<Locale, string>> = { en: "fo_english", es: "fo_spanish", it: "fo_italian" };

// ts_headline wraps matching words in these; control characters cannot occur in stored text
// typed by people, so splitting on them is safe and no HTML travels to the client.
const MATCH_START = "\u0002";
const MATCH_END = "\u0003";
const QUESTION_HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, HighlightAll=true`;
const EXCERPT_HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`;

/** Smallest trigram similarity for the misspelling fallback. */
const SIMILARITY_THRESHOLD = 0.3;

export function toAnswer(row: AnswerRow): Answer {
  return {
    id: row.id,
    officeId: row.office_id,
    language: row.language,
    category: row.category,
    question: row.question,
    body: row.body,
    tags: row.tags,
    active: row.active,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Splits `ts_headline` output into plain and matching pieces. */
export function highlightSegments(headline: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  for (const [index, part] of headline.split(MATCH_START).entries()) {
    const [inside, after] = index === 0 ? [undefined, part] : splitOnce(part, MATCH_END);
    if (inside) segments.push({ text: inside, match: true });
    if (after) segments.push({ text: after, match: false });
  }
  return segments;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + separator.length)];
}

export interface AnswerSearchScope {
  organizationId: string;
  language: Locale;
  /** This office's entries and those for every office; undefined: all entries. */
  officeId: string | undefined;
}

export interface RankedAnswerRow extends AnswerRow {
  rank: number;
  question_headline: string;
  excerpt_headline: string;
}

function scopeFilter(scope: AnswerSearchScope): Expression<SqlBool> {
  const office = scope.officeId === undefined ? sql<boolean>`true` : sql<boolean>`(a.office_id is null or a.office_id = ${scope.officeId})`;
  return sql<SqlBool>`a.organization_id = ${scope.organizationId} and a.language = ${scope.language} and a.active and ${office}`;
}

/**
 * The active answers matching `tsquery` (SQL producing a tsquery in the language's configuration),
 * best first by `ts_rank_cd` (question words weigh most, then tags, then the body), with the
 * question and an excerpt highlighted. Only the page of hits is highlighted.
 */
async function rankedByTextSearch(db: Executor, scope: AnswerSearchScope, tsquery: Expression<unknown>, limit: number): Promise<RankedAnswerRow[]> {
  const config = TEXT_SEARCH_CONFIG[scope.language];
  const { rows } = await sql<RankedAnswerRow>`
    with query as (select ${tsquery} as q),
    hits as (
      select a.*, ts_rank_cd(a.search_vector, query.q) as rank
      from answer a, query
      where ${scopeFilter(scope)} and a.search_vector @@ query.q
      order by rank desc, a.question, a.id
      limit ${limit}
    )
    select hits.*,
      ts_headline(${config}::regconfig, hits.question, query.q, ${QUESTION_HEADLINE}) as question_headline,
      ts_headline(${config}::regconfig, hits.body, query.q, ${EXCERPT_HEADLINE}) as excerpt_headline
    from hits, query
    order by hits.rank desc, hits.question, hits.id`.execute(db);
  return rows;
}

/**
 * Every word of the search, stemmed in the language (web search syntax: quotes for phrases,
 * `-word` to exclude, `or`).
 */
export function searchAllWords(db: Executor, scope: AnswerSearchScope, text: string, limit: number) {
  const config = TEXT_SEARCH_CONFIG[scope.language];
  return rankedByTextSearch(db, scope, sql`websearch_to_tsquery(${config}::regconfig, ${text})`, limit);
}

/**
 * Any word of the search, or a word that begins like one (a caller's "ora" finds "orari"): the
 * search's own lexemes of three letters or more, each as a prefix, joined by OR. The lexemes are
 * already stemmed and unaccented, so the `simple` configuration only reads them back.
 */
export function searchSomeWords(db: Executor, scope: AnswerSearchScope, text: string, limit: number) {
  const config = TEXT_SEARCH_CONFIG[scope.language];
  const anyPrefix = sql`(
    select coalesce(to_tsquery('simple', string_agg(quote_literal(lexeme) || ':*', ' | ')), ''::tsquery)
    from unnest(to_tsvector(${config}::regconfig, ${text}))
    where length(lexeme) >= 3)`;
  return rankedByTextSearch(db, scope, anyPrefix, limit);
}

/**
 * Misspellings: trigram word similarity between the folded search and the folded question and
 * tags. The threshold is set for this transaction only, so `%>` can use the trigram index.
 */
export function searchSimilar(db: Kysely<Database>, scope: AnswerSearchScope, foldedText: string, limit: number): Promise<RankedAnswerRow[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(SIMILARITY_THRESHOLD)}, true)`.execute(trx);
    const { rows } = await sql<RankedAnswerRow>`
      select a.*, word_similarity(${foldedText}, a.search_text) as rank,
        a.question as question_headline,
        left(a.body, 240) as excerpt_headline
      from answer a
      where ${scopeFilter(scope)} and a.search_text %> ${foldedText}
      order by rank desc, a.question, a.id
      limit ${limit}`.execute(trx);
    return rows;
  });
}

export function toHit(row: RankedAnswerRow, matchedBy: AnswerMatch) {
  const { rank, question_headline, excerpt_headline, ...answer } = row;
  return {
    answer: toAnswer(answer),
    rank: Number(rank),
    matchedBy,
    question: highlightSegments(question_headline),
    excerpt: highlightSegments(excerpt_headline),
  };
}

export async function findAnswer(db: Executor, organizationId: string, answerId: string, options: { forUpdate?: boolean } = {}): Promise<AnswerRow | undefined> {
  let query = db.selectFrom("answer").selectAll().where("organization_id", "=", organizationId).where("id", "=", answerId);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function listAnswers(
  db: Executor,
  organizationId: string,
  filter: { language?: Locale | undefined; officeId?: string | undefined; includeArchived?: boolean | undefined },
): Promise<AnswerRow[]> {
  let query = db.selectFrom("answer").selectAll().where("organization_id", "=", organizationId);
  if (filter.language) query = query.where("language", "=", filter.language);
  if (filter.officeId) query = query.where((eb) => eb.or([eb("office_id", "is", null), eb("office_id", "=", filter.officeId!)]));
  if (!filter.includeArchived) query = query.where("active", "=", true);
  return query.orderBy("category").orderBy("question").orderBy("id").limit(1000).execute();
}

type UnansweredWithAsker = UnansweredQuestionRow & { asked_by_name: string };

export function toUnansweredQuestion(row: UnansweredWithAsker): UnansweredQuestion {
  return {
    id: row.id,
    officeId: row.office_id,
    language: row.language,
    question: row.question,
    askedBy: { id: row.asked_by, name: row.asked_by_name },
    askedAt: new Date(row.asked_at).toISOString(),
    status: row.status,
    answerId: row.answer_id,
  };
}

function unansweredQuestions(db: Executor, organizationId: string) {
  return db
    .selectFrom("unanswered_question")
    .innerJoin("staff", "staff.id", "unanswered_question.asked_by")
    .selectAll("unanswered_question")
    .select("staff.display_name as asked_by_name")
    .where("unanswered_question.organization_id", "=", organizationId);
}

export async function findUnansweredQuestion(db: Executor, organizationId: string, questionId: string): Promise<UnansweredQuestion | undefined> {
  const row = await unansweredQuestions(db, organizationId).where("unanswered_question.id", "=", questionId).executeTakeFirst();
  return row && toUnansweredQuestion(row);
}

/** Open questions, oldest first (optionally of one office and those logged for no office). */
export async function listOpenQuestions(db: Executor, organizationId: string, officeId: string | undefined): Promise<UnansweredQuestion[]> {
  let query = unansweredQuestions(db, organizationId).where("unanswered_question.status", "=", "open");
  if (officeId) query = query.where((eb) => eb.or([eb("unanswered_question.office_id", "is", null), eb("unanswered_question.office_id", "=", officeId)]));
  const rows = await query.orderBy("unanswered_question.asked_at").orderBy("unanswered_question.id").limit(500).execute();
  return rows.map(toUnansweredQuestion);
}
