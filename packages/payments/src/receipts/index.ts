export { escapeHtml, renderReceiptHtml } from "./html.js";
export { RECEIPT_LABELS, RECEIPT_LOCALES, REFUND_REASONS, type ReceiptLabels, type ReceiptLocale, type RefundReason } from "./labels.js";
export { renderReceiptPdf, toWinAnsi } from "./pdf.js";
export { type FiscalIdentity, type Receipt, type ReceiptLine, type ReceiptPayment, type ReceiptView, receiptTotals, receiptView } from "./receipt.js";
