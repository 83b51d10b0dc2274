import {
  DomainError,
  answerInputSchema,
  answerSearchSchema,
  answerSearchText,
  answerUpdateSchema,
  foldForSearch,
  unansweredAnswerSchema,
  unansweredLogSchema,
  type Answer,
  type AnswerData,
  type AnswerHit,
  type AnswerInput,
  type AnswerListInput,
  type AnswerSearchInput,
  type AnswerUpdateInput,
  type UnansweredAnswerInput,
  type UnansweredLogInput,
  type UnansweredQuestion,
} from "@frontoffice/domain";
import type { Transaction } from "kysely";
import type { Database } from "@frontoffice/db";
import type { Actor } from "../../trpc/actor.js";
import { diffFields, recordChangeBy } from "../audit/queries.js";
import { findOffice } from "../offices/queries.js";
import {
  findAnswer,
  findUnansweredQuestion,
  listAnswers,
  listOpenQuestions,
  searchAllWords,
  searchSimilar,
  searchSomeWords,
  toAnswer,
  toHit,
  type AnswerSearchScope,
} from "./queries.js";

const ANSWER = "answer";
const QUESTION = "unanswered_question";

/**
 * Searches the knowledge base in one language, best first: entries with every word of the
 * search (stemmed in that language, accents ignored); if none, entries with some of the words or
 * words beginning like them; if still none, entries whose question or tags are spelled alike.
 */
export async function searchAnswers(actor: Pick<Actor, "db" | "organizationId">, raw: AnswerSearchInput): Promise<AnswerHit[]> {
  const input = answerSearchSchema.parse(raw);
  if (input.officeId && !(await findOffice(actor.db, actor.organizationId, input.officeId))) throw new DomainError("NOT_FOUND", "office not found");
  const scope: AnswerSearchScope = { organizationId: actor.organizationId, language: input.language, officeId: input.officeId };
  const allWords = await searchAllWords(actor.db, scope, input.query, input.limit);
  if (allWords.length > 0) return allWords.map((row) => toHit(row, "words"));
  const someWords = await searchSomeWords(actor.db, scope, input.query, input.limit);
  if (someWords.length > 0) return someWords.map((row) => toHit(row, "some_words"));
  const similar = await searchSimilar(actor.db, scope, foldForSearch(input.query), input.limit);
  return similar.map((row) => toHit(row, "similar"));
}

export async function getAnswer(actor: Pick<Actor, "db" | "organizationId">, answerId: string): Promise<Answer> {
  const row = await findAnswer(actor.db, actor.organizationId, answerId);
  if (!row) throw new DomainError("NOT_FOUND", "answer not found");
  return toAnswer(row);
}

export async function answersOf(actor: Pick<Actor, "db" | "organizationId">, filter: AnswerListInput): Promise<Answer[]> {
  return (await listAnswers(actor.db, actor.organizationId, filter)).map(toAnswer);
}

function auditView(answer: AnswerData | Answer): Record<string, unknown> {
  return { officeId: answer.officeId, language: answer.language, category: answer.category, question: answer.question, body: answer.body, tags: answer.tags };
}

/** The columns an answer's data fills; `search_text` folds question and tags for the misspelling search. */
function answerColumns(data: AnswerData) {
  return {
    office_id: data.officeId,
    language: data.language,
    category: data.category,
    question: data.question,
    body: data.body,
    tags: data.tags,
    search_text: answerSearchText(data),
  };
}

async function checkOffice(trx: Transaction<Database>, organizationId: string, officeId: string | null | undefined): Promise<void> {
  if (officeId && !(await findOffice(trx, organizationId, officeId))) throw new DomainError("NOT_FOUND", "office not found");
}

async function insertAnswer(trx: Transaction<Database>, actor: Actor, data: AnswerData, at: Date): Promise<Answer> {
  await checkOffice(trx, actor.organizationId, data.officeId);
  const row = await trx
    .insertInto("answer")
    .values({ ...answerColumns(data), organization_id: actor.organizationId, created_by: actor.staffId, updated_by: actor.staffId, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  const answer = toAnswer(row);
  await recordChangeBy(trx, actor, { type: ANSWER, id: answer.id }, "create", diffFields({}, auditView(answer)), at);
  return answer;
}

export async function createAnswer(actor: Actor, raw: AnswerInput): Promise<Answer> {
  const data = answerInputSchema.parse(raw);
  return actor.db.transaction().execute((trx) => insertAnswer(trx, actor, data, actor.clock.now()));
}

/**
 * Saves a new version of an answer. `version` is the one the editor was loaded at: if someone
 * saved in between, ANSWER_VERSION_CONFLICT, and nothing is overwritten.
 */
export async function updateAnswer(actor: Actor, raw: AnswerUpdateInput): Promise<Answer> {
  const input = answerUpdateSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    const current = await findAnswer(trx, actor.organizationId, input.id, { forUpdate: true });
    if (!current) throw new DomainError("NOT_FOUND", "answer not found");
    if (current.version !== input.version) throw new DomainError("ANSWER_VERSION_CONFLICT", undefined, { currentVersion: current.version });
    await checkOffice(trx, actor.organizationId, input.answer.officeId);
    const changes = diffFields(auditView(toAnswer(current)), auditView(input.answer));
    if (Object.keys(changes).length === 0) return toAnswer(current);
    const at = actor.clock.now();
    const row = await trx
      .updateTable("answer")
      .set({ ...answerColumns(input.answer), version: current.version + 1, updated_by: actor.staffId, updated_at: at })
      .where("organization_id", "=", actor.organizationId)
      .where("id", "=", input.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChangeBy(trx, actor, { type: ANSWER, id: input.id }, "update", changes, at);
    return toAnswer(row);
  });
}

/** Archives (takes out of search, keeps it and its history) or restores an answer. */
export async function setAnswerArchived(actor: Actor, answerId: string, archived: boolean): Promise<Answer> {
  return actor.db.transaction().execute(async (trx) => {
    const current = await findAnswer(trx, actor.organizationId, answerId, { forUpdate: true });
    if (!current) throw new DomainError("NOT_FOUND", "answer not found");
    if (current.active === !archived) return toAnswer(current);
    const at = actor.clock.now();
    const row = await trx
      .updateTable("answer")
      .set({ active: !archived, version: current.version + 1, updated_by: actor.staffId, updated_at: at })
      .where("organization_id", "=", actor.organizationId)
      .where("id", "=", answerId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChangeBy(trx, actor, { type: ANSWER, id: answerId }, archived ? "archive" : "restore", { active: { from: current.active, to: !archived } }, at);
    return toAnswer(row);
  });
}

// --- Questions without an answer ---------------------------------------------------------------

/** The desk logs a caller's question that the knowledge base could not answer. */
export async function logUnansweredQuestion(actor: Actor, raw: UnansweredLogInput): Promise<UnansweredQuestion> {
  const input = unansweredLogSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    await checkOffice(trx, actor.organizationId, input.officeId);
    const at = actor.clock.now();
    const row = await trx
      .insertInto("unanswered_question")
      .values({ organization_id: actor.organizationId, office_id: input.officeId ?? null, language: input.language, question: input.question, asked_by: actor.staffId, asked_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordChangeBy(trx, actor, { type: QUESTION, id: row.id }, "create", diffFields({}, { officeId: input.officeId ?? null, language: input.language, question: input.question }), at);
    const question = await findUnansweredQuestion(trx, actor.organizationId, row.id);
    if (!question) throw new DomainError("INTERNAL", "question vanished");
    return question;
  });
}

export function openQuestionsOf(actor: Pick<Actor, "db" | "organizationId">, officeId: string | undefined): Promise<UnansweredQuestion[]> {
  return listOpenQuestions(actor.db, actor.organizationId, officeId);
}

/** Locks an open question for resolving; one already answered or dismissed is refused. */
async function openQuestionForUpdate(trx: Transaction<Database>, organizationId: string, questionId: string) {
  const row = await trx
    .selectFrom("unanswered_question")
    .select(["id", "status"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", questionId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new DomainError("NOT_FOUND", "question not found");
  if (row.status !== "open") throw new DomainError("QUESTION_ALREADY_RESOLVED", undefined, { status: row.status });
}

async function resolveQuestion(trx: Transaction<Database>, actor: Actor, questionId: string, answerId: string | null, at: Date) {
  const status = answerId ? "answered" : "dismissed";
  await trx
    .updateTable("unanswered_question")
    .set({ status, answer_id: answerId, resolved_by: actor.staffId, resolved_at: at })
    .where("organization_id", "=", actor.organizationId)
    .where("id", "=", questionId)
    .execute();
  await recordChangeBy(trx, actor, { type: QUESTION, id: questionId }, "update", { status: { from: "open", to: status }, answerId: { from: null, to: answerId } }, at);
}

/** A manager writes the answer to a logged question: a new entry, and the question is answered. */
export async function answerQuestion(actor: Actor, raw: UnansweredAnswerInput): Promise<{ question: UnansweredQuestion; answer: Answer }> {
  const input = unansweredAnswerSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    await openQuestionForUpdate(trx, actor.organizationId, input.id);
    const at = actor.clock.now();
    const answer = await insertAnswer(trx, actor, input.answer, at);
    await resolveQuestion(trx, actor, input.id, answer.id, at);
    const question = await findUnansweredQuestion(trx, actor.organizationId, input.id);
    if (!question) throw new DomainError("INTERNAL", "question vanished");
    return { question, answer };
  });
}

/** A manager dismisses a logged question (a duplicate, or nothing the desk should answer). */
export async function dismissQuestion(actor: Actor, questionId: string): Promise<UnansweredQuestion> {
  return actor.db.transaction().execute(async (trx) => {
    await openQuestionForUpdate(trx, actor.organizationId, questionId);
    await resolveQuestion(trx, actor, questionId, null, actor.clock.now());
    const question = await findUnansweredQuestion(trx, actor.organizationId, questionId);
    if (!question) throw new DomainError("INTERNAL", "question vanished");
    return question;
  });
}
