import { CARD_BRANDS } from "../cards.js";
import { money } from "../money.js";
import { type AmountRequest, assertPositiveAmount, type AuthorizeRequest, type AuthorizeResult, decline, type GatewayId, type OperationRequest, type OperationResult, type PaymentGateway, stableTag } from "./gateway.js";

/**
 * The gateways of money that does not pass through us: cash, checks and a standalone card
 * terminal. Each takes the money at once (nothing to capture) and records what the desk entered;
 * a refund is handed back the same way. Their ids derive from the caller's reference, so a
 * repeated request gets the same answer.
 */

function offlineGateway(id: Exclude<GatewayId, "sandbox">, authorize: (request: AuthorizeRequest, transactionId: string) => AuthorizeResult): PaymentGateway {
  const method = id === "terminal" ? "terminal" : id;
  return {
    id,
    method,
    capturesOnAuthorize: true,
    async authorize(request) {
      assertPositiveAmount(request.amount);
      if (request.details.method !== method) return decline("invalid_details", `the ${id} gateway takes ${method} payments`);
      return authorize(request, `${id}_${stableTag(request.reference)}`);
    },
    async capture(request: AmountRequest): Promise<OperationResult> {
      assertPositiveAmount(request.amount);
      return { ok: true, operationId: `${request.transactionId}_capture`, amount: request.amount };
    },
    async void(request: OperationRequest): Promise<OperationResult> {
      return { ok: true, operationId: `${request.transactionId}_void_${stableTag(request.reference)}` };
    },
    async refund(request: AmountRequest): Promise<OperationResult> {
      assertPositiveAmount(request.amount);
      return { ok: true, operationId: `${request.transactionId}_refund_${stableTag(request.reference)}`, amount: request.amount };
    },
  };
}

/** Cash at the desk; with `tendered`, the change to hand back (too little tendered is declined). */
export function cashGateway(): PaymentGateway {
  return offlineGateway("cash", (request, transactionId) => {
    if (request.details.method !== "cash") return decline("invalid_details", "cash details expected");
    const { tendered } = request.details;
    if (tendered !== undefined && (!Number.isSafeInteger(tendered) || tendered < request.amount.amount)) {
      return decline("invalid_details", "less cash tendered than the amount");
    }
    const change = tendered === undefined ? undefined : money(tendered - request.amount.amount, request.amount.currency);
    return { ok: true, transactionId, status: "captured", amount: request.amount, ...(change ? { change } : {}) };
  });
}

/** A check: its number (1–20 letters and digits) is recorded. */
export function checkGateway(): PaymentGateway {
  return offlineGateway("check", (request, transactionId) => {
    if (request.details.method !== "check") return decline("invalid_details", "check details expected");
    const checkNumber = request.details.checkNumber.trim();
    if (!/^[A-Za-z0-9-]{1,20}$/.test(checkNumber)) return decline("invalid_details", "a check number has 1–20 letters and digits");
    return { ok: true, transactionId, status: "captured", amount: request.amount, checkNumber };
  });
}

/**
 * A card paid on a standalone terminal: staff record the approval code the terminal printed
 * (4–12 letters and digits) and the card's last four digits (and its brand when they see it).
 */
export function terminalGateway(): PaymentGateway {
  return offlineGateway("terminal", (request, transactionId) => {
    if (request.details.method !== "terminal") return decline("invalid_details", "terminal details expected");
    const approvalCode = request.details.approvalCode.trim().toUpperCase();
    const { last4, brand } = request.details;
    if (!/^[A-Z0-9]{4,12}$/.test(approvalCode)) return decline("invalid_details", "an approval code has 4–12 letters and digits");
    if (!/^\d{4}$/.test(last4)) return decline("invalid_details", "the last four are four digits");
    if (brand !== undefined && !CARD_BRANDS.includes(brand)) return decline("invalid_details", "unknown card brand");
    return {
      ok: true,
      transactionId,
      status: "captured",
      amount: request.amount,
      approvalCode,
      cardLast4: last4,
      ...(brand ? { cardBrand: brand } : {}),
    };
  });
}
