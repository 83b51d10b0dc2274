import { z } from "zod";
import { localeSchema, type Locale } from "./locale.js";
import { foldForSearch } from "./text.js";

/**
 * The knowledge base: answers the front desk gives to callers' common questions, per office
 * (or for all offices) and language, and the questions that found no answer yet.
 */

const id = z.uuid("validation.id_invalid");

export const ANSWER_CATEGORIES = ["hours", "prices", "directions", "policies", "other"] as const;
export type AnswerCategory = (typeof ANSWER_CATEGORIES)[number];
export const answerCategorySchema = z.enum(ANSWER_CATEGORIES, { error: "validation.invalid" });

/** Longest search text: a question as a caller would say it, not a document. */
export const ANSWER_QUERY_MAX_LENGTH = 200;

export const answerSearchSchema = z.strictObject({
  query: z.string().trim().min(1, "validation.required").max(ANSWER_QUERY_MAX_LENGTH, "validation.too_long"),
  /** The language searched: its stemming rules, and only the entries written in it. */
  language: localeSchema,
  /** Entries of this office and those for every office; omitted: every entry. */
  officeId: id.optional(),
  limit: z.int().min(1).max(50).default(10),
});
export type AnswerSearchInput = z.input<typeof answerSearchSchema>;

export const answerInputSchema = z.strictObject({
  /** null: the answer holds for every office. */
  officeId: id.nullable(),
  language: localeSchema,
  category: answerCategorySchema,
  question: z.string().trim().min(1, "validation.required").max(300, "validation.too_long"),
  body: z.string().trim().min(1, "validation.required").max(5000, "validation.too_long"),
  tags: z.array(z.string().trim().min(1, "validation.required").max(40, "validation.too_long")).max(20, "validation.too_many").default([]),
});
export type AnswerInput = z.input<typeof answerInputSchema>;
export type AnswerData = z.output<typeof answerInputSchema>;

export const answerIdSchema = z.strictObject({ id });

export const answerUpdateSchema = z.strictObject({
  id,
  /** The version the editor was loaded at; a stale one is refused with ANSWER_VERSION_CONFLICT. */
  version: z.int().min(1),
  answer: answerInputSchema,
});
export type AnswerUpdateInput = z.input<typeof answerUpdateSchema>;

export const answerListSchema = z.strictObject({
  language: localeSchema.optional(),
  officeId: id.optional(),
  includeArchived: z.boolean().optional(),
});
export type AnswerListInput = z.input<typeof answerListSchema>;

export interface Answer {
  id: string;
  officeId: string | null;
  language: Locale;
  category: AnswerCategory;
  question: string;
  body: string;
  tags: string[];
  active: boolean;
  version: number;
  updatedAt: string;
}

/** A piece of highlighted text: `match` marks the words that matched the search. */
export interface HighlightSegment {
  text: string;
  match: boolean;
}

/**
 * How a hit was found: every word of the search (`words`), some words or their beginnings
 * (`some_words`), or only by similar spelling (`similar`).
 */
export type AnswerMatch = "words" | "some_words" | "similar";

export interface AnswerHit {
  answer: Answer;
  rank: number;
  matchedBy: AnswerMatch;
  question: HighlightSegment[];
  /** An excerpt of the body around the matching words. */
  excerpt: HighlightSegment[];
}

// --- Questions without an answer ---------------------------------------------------------------

export const UNANSWERED_STATUSES = ["open", "answered", "dismissed"] as const;
export type UnansweredStatus = (typeof UNANSWERED_STATUSES)[number];

export const unansweredLogSchema = z.strictObject({
  question: z.string().trim().min(1, "validation.required").max(500, "validation.too_long"),
  language: localeSchema,
  officeId: id.nullish(),
});
export type UnansweredLogInput = z.input<typeof unansweredLogSchema>;

export const unansweredListSchema = z.strictObject({ officeId: id.optional() });

export const unansweredAnswerSchema = z.strictObject({ id, answer: answerInputSchema });
export type UnansweredAnswerInput = z.input<typeof unansweredAnswerSchema>;

export const unansweredDismissSchema = z.strictObject({ id });

export interface UnansweredQuestion {
  id: string;
  officeId: string | null;
  language: Locale;
  question: string;
  askedBy: { id: string; name: string };
  askedAt: string;
  status: UnansweredStatus;
  answerId: string | null;
}

/** The folded text the misspelling search compares with: question and tags, as `foldForSearch` makes them. */
export function answerSearchText(answer: { question: string; tags: readonly string[] }): string {
  return foldForSearch([answer.question, ...answer.tags].join(" "));
}
