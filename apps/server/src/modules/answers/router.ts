import {
  answerIdSchema,
  answerInputSchema,
  answerListSchema,
  answerSearchSchema,
  answerUpdateSchema,
  unansweredAnswerSchema,
  unansweredDismissSchema,
  unansweredListSchema,
  unansweredLogSchema,
} from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import {
  answerQuestion,
  answersOf,
  createAnswer,
  dismissQuestion,
  getAnswer,
  logUnansweredQuestion,
  openQuestionsOf,
  searchAnswers,
  setAnswerArchived,
  updateAnswer,
} from "./service.js";

/** The knowledge base of answers for the desk, and the questions it could not answer yet. */
export const answersRouter = router({
  /** Ranked full-text search in one language, with highlights. → `AnswerHit[]` */
  search: permittedProcedure("answers.read")
    .input(answerSearchSchema)
    .query(({ ctx, input }) => searchAnswers(actorOf(ctx), input)),
  /** → `Answer` (archived ones too) */
  get: permittedProcedure("answers.read")
    .input(answerIdSchema)
    .query(({ ctx, input }) => getAnswer(actorOf(ctx), input.id)),
  /** Entries by category and question, for the editor. → `Answer[]` */
  list: permittedProcedure("answers.read")
    .input(answerListSchema)
    .query(({ ctx, input }) => answersOf(actorOf(ctx), input)),
  create: permittedProcedure("answers.manage")
    .input(answerInputSchema)
    .mutation(({ ctx, input }) => createAnswer(actorOf(ctx), input)),
  /** Optimistic: `version` must be the current one (ANSWER_VERSION_CONFLICT otherwise). */
  update: permittedProcedure("answers.manage")
    .input(answerUpdateSchema)
    .mutation(({ ctx, input }) => updateAnswer(actorOf(ctx), input)),
  archive: permittedProcedure("answers.manage")
    .input(answerIdSchema)
    .mutation(({ ctx, input }) => setAnswerArchived(actorOf(ctx), input.id, true)),
  restore: permittedProcedure("answers.manage")
    .input(answerIdSchema)
    .mutation(({ ctx, input }) => setAnswerArchived(actorOf(ctx), input.id, false)),
  /** The desk logs a question that had no answer. → `UnansweredQuestion` */
  logUnanswered: permittedProcedure("answers.read")
    .input(unansweredLogSchema)
    .mutation(({ ctx, input }) => logUnansweredQuestion(actorOf(ctx), input)),
  /** Open questions, oldest first. → `UnansweredQuestion[]` */
  unanswered: permittedProcedure("answers.manage")
    .input(unansweredListSchema)
    .query(({ ctx, input }) => openQuestionsOf(actorOf(ctx), input.officeId)),
  /** Writes the entry for an open question and marks it answered. → `{ question, answer }` */
  answerQuestion: permittedProcedure("answers.manage")
    .input(unansweredAnswerSchema)
    .mutation(({ ctx, input }) => answerQuestion(actorOf(ctx), input)),
  dismissQuestion: permittedProcedure("answers.manage")
    .input(unansweredDismissSchema)
    .mutation(({ ctx, input }) => dismissQuestion(actorOf(ctx), input.id)),
});
