import { cardDigits, checkCard } from "../cards.js";
import { type AmountRequest, assertPositiveAmount, type AuthorizeResult, decline, type DeclineCode, type OperationRequest, type OperationResult, type PaymentGateway, stableTag } from "./gateway.js";

/**
 * A card processor simulator for training and demos. Nothing leaves the process: the outcome
 * depends only on the card number typed (the test cards below), the card's own checks and the
 * date passed in, so the same request always gets the same answer.
 *
 * Any other card with a valid number, expiry and security code is approved. The number and
 * security code are checked and dropped: the result carries a `CardSummary` with a token made
 * from the caller's reference.
 */
export const SANDBOX_TEST_CARDS: readonly { readonly number: string; readonly brand: string; readonly outcome: "approved" | DeclineCode }[] = [
  { number: "4242424242424242", brand: "visa", outcome: "approved" },
  { number: "5555555555554444", brand: "mastercard", outcome: "approved" },
  { number: "378282246310005", brand: "amex", outcome: "approved" },
  { number: "6011111111111117", brand: "discover", outcome: "approved" },
  { number: "4000000000000002", brand: "visa", outcome: "card_declined" },
  { number: "4000000000009995", brand: "visa", outcome: "insufficient_funds" },
  { number: "4000000000000069", brand: "visa", outcome: "expired_card" },
  { number: "4000000000000127", brand: "visa", outcome: "incorrect_cvc" },
  { number: "4000000000000119", brand: "visa", outcome: "processing_error" },
];

const OUTCOMES: ReadonlyMap<string, "approved" | DeclineCode> = new Map(SANDBOX_TEST_CARDS.map((card) => [card.number, card.outcome]));

const MESSAGES: Readonly<Record<DeclineCode, string>> = {
  card_declined: "The card was declined.",
  insufficient_funds: "The card has insufficient funds.",
  expired_card: "The card has expired.",
  incorrect_cvc: "The card's security code is incorrect.",
  processing_error: "An error occurred while processing the card.",
  invalid_number: "The card number is not valid.",
  invalid_expiry: "The card's expiry date is not valid.",
  invalid_details: "The payment details are not valid.",
};

export interface SandboxGatewayOptions {
  /** Today's date in the office's time zone (`"2026-11-23"`), for expiry checks. */
  readonly today: () => string;
}

export function sandboxGateway(options: SandboxGatewayOptions): PaymentGateway {
  const declined = (code: DeclineCode) => decline(code, MESSAGES[code]);
  return {
    id: "sandbox",
    method: "card",
    capturesOnAuthorize: false,
    async authorize(request): Promise<AuthorizeResult> {
      assertPositiveAmount(request.amount);
      if (request.details.method !== "card") return declined("invalid_details");
      const { card } = request.details;
      const check = checkCard(card, options.today());
      if (!check.ok) {
        const fields = new Set(check.problems.map((problem) => problem.code));
        if (fields.has("CARD_NUMBER_INVALID")) return declined("invalid_number");
        if (fields.has("CARD_EXPIRY_INVALID")) return declined("invalid_expiry");
        if (fields.has("CARD_EXPIRED")) return declined("expired_card");
        return declined("incorrect_cvc");
      }
      const outcome = OUTCOMES.get(cardDigits(card.number)) ?? "approved";
      if (outcome !== "approved") return declined(outcome);
      const tag = stableTag(request.reference);
      return {
        ok: true,
        transactionId: `sbx_${tag}`,
        status: "authorized",
        amount: request.amount,
        approvalCode: tag.slice(0, 6).toUpperCase(),
        card: { token: `tok_sbx_${tag}`, brand: check.brand, last4: check.last4, expMonth: check.expMonth, expYear: check.expYear },
      };
    },
    async capture(request: AmountRequest): Promise<OperationResult> {
      assertPositiveAmount(request.amount);
      if (!request.transactionId.startsWith("sbx_")) return declined("invalid_details");
      return { ok: true, operationId: `${request.transactionId}_capture`, amount: request.amount };
    },
    async void(request: OperationRequest): Promise<OperationResult> {
      if (!request.transactionId.startsWith("sbx_")) return declined("invalid_details");
      return { ok: true, operationId: `${request.transactionId}_void` };
    },
    async refund(request: AmountRequest): Promise<OperationResult> {
      assertPositiveAmount(request.amount);
      if (!request.transactionId.startsWith("sbx_")) return declined("invalid_details");
      return { ok: true, operationId: `${request.transactionId}_refund_${stableTag(request.reference)}`, amount: request.amount };
    },
  };
}
