/** The largest amount one line, payment or refund may carry: 1,000,000.00 in a 2-decimal currency. */
export const MAX_AMOUNT_MINOR = 100_000_000;
