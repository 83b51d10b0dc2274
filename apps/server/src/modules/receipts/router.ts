import { byIdSchema, localeSchema, receiptEmailInputSchema, receiptListSchema } from "@frontoffice/domain";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { enqueueReceiptEmail, receiptDocument, receiptPdf, receiptsOf } from "./service.js";

const documentInput = byIdSchema.extend({ locale: localeSchema.optional() });

/** Issued receipts: sales (series F) and corrections (series R), immutable, numbered without gaps. */
export const receiptsRouter = router({
  /** Receipts, newest first, by office, client, part of the number or dates. → `ReceiptSummary[]` */
  list: permittedProcedure("payments.read")
    .input(receiptListSchema)
    .query(({ ctx, input }) => receiptsOf(actorOf(ctx), input)),
  /** One receipt with its printable HTML (in `locale`, default the one it was issued in), for reprints. */
  get: permittedProcedure("payments.read")
    .input(documentInput)
    .query(({ ctx, input }) => receiptDocument(actorOf(ctx), input.id, input.locale)),
  /** The receipt as a PDF: `{ number, fileName, base64 }`. */
  pdf: permittedProcedure("payments.read")
    .input(documentInput)
    .query(({ ctx, input }) => receiptPdf(actorOf(ctx), input.id, input.locale)),
  /**
   * Queues the receipt by email in the client's language (HTML body; the outbox has no
   * attachments). Once per receipt and address. → `{ queued, to }`
   */
  email: permittedProcedure("payments.take")
    .input(receiptEmailInputSchema)
    .mutation(({ ctx, input }) => enqueueReceiptEmail(ctx.db, ctx.organizationId, input.id, input.to, ctx.clock.now())),
});
