import { type Receipt, receiptView } from "./receipt.js";
import type { ReceiptLocale } from "./labels.js";

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;color:#111;max-width:46rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.4rem;margin:0 0 .5rem}table{width:100%;border-collapse:collapse;margin:1rem 0}
th,td{padding:.25rem .5rem;border-bottom:1px solid #ddd;text-align:left}td.n,th.n{text-align:right;white-space:nowrap}
.office p,.meta p{margin:0}.total{font-size:1.2rem;font-weight:700}@media print{body{margin:0}}`;

/**
 * A standalone, printable HTML page of the receipt in `locale`. Every piece of text, the office's
 * and the customer's included, is escaped; the page loads nothing and runs no script.
 */
export function renderReceiptHtml(receipt: Receipt, locale: ReceiptLocale): string {
  const view = receiptView(receipt, locale);
  const e = escapeHtml;
  const numeric = (index: number) => (index === 0 ? "" : ' class="n"');
  const row = (cells: readonly string[], tag: "td" | "th") => `<tr>${cells.map((cell, index) => `<${tag}${numeric(index)}>${e(cell)}</${tag}>`).join("")}</tr>`;
  return [
    "<!doctype html>",
    `<html lang="${e(view.locale)}"><head><meta charset="utf-8"><title>${e(`${view.title} ${receipt.number}`)}</title><style>${STYLE}</style></head><body>`,
    `<div class="office">${view.office.map((line, index) => (index === 0 ? `<p><strong>${e(line)}</strong></p>` : `<p>${e(line)}</p>`)).join("")}</div>`,
    `<h1>${e(view.title)}</h1>`,
    `<div class="meta">${view.meta.map(([label, value]) => `<p>${e(label)}: <strong>${e(value)}</strong></p>`).join("")}</div>`,
    view.correction ? `<div class="correction">${view.correction.map((line) => `<p>${e(line)}</p>`).join("")}</div>` : "",
    `<table class="lines"><thead>${row(view.headers, "th")}</thead><tbody>${view.lines.map((cells) => row(cells, "td")).join("")}</tbody></table>`,
    `<table class="taxes"><thead>${row(view.taxHeaders, "th")}</thead><tbody>${view.taxes.map((cells) => row(cells, "td")).join("")}</tbody></table>`,
    `<p class="total">${e(view.total[0])}: ${e(view.total[1])}</p>`,
    `<p class="note">${e(view.priceNote)}</p>`,
    view.payments.length > 0 ? `<h2>${e(view.paymentHeading)}</h2><ul class="payments">${view.payments.map((line) => `<li>${e(line)}</li>`).join("")}</ul>` : "",
    "</body></html>",
  ].join("\n");
}
