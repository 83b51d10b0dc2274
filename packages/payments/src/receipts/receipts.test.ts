import { decodePDFRawStream, PDFDocument, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { computeTotals, money, type Receipt, RECEIPT_LABELS, RECEIPT_LOCALES, refundBreakdown, renderReceiptHtml, renderReceiptPdf, receiptTotals, receiptView, type TaxRow, toWinAnsi } from "../index.js";

const eur = (amount: number) => money(amount, "EUR");

const sale: Receipt = {
  number: "2026-F-000123",
  kind: "sale",
  issuedAt: "2026-03-02T09:05:00Z",
  timeZone: "Europe/Madrid",
  office: { name: "Clínica Dental Sonrisa S.L.", taxId: "B64717839", address: ["Calle de Alcalá 10", "28014 Madrid"] },
  customer: { name: "José Núñez", taxId: "12345678Z" },
  currency: "EUR",
  prices: "tax_inclusive",
  lines: [
    { description: "Limpieza dental", quantity: 1, unitPrice: eur(6000), taxRateBasisPoints: 0 },
    { description: "Cepillo eléctrico", quantity: 2, unitPrice: eur(2420), discount: { kind: "percent", basisPoints: 1000 }, taxRateBasisPoints: 2100 },
  ],
  payments: [{ method: "card", amount: eur(10356), cardBrand: "visa", last4: "4242", approvalCode: "A1B2C3" }],
};

/** Windows-1252 differs from Latin-1 in 0x80–0x9F (€, quotes, dashes, the bullet…). */
const WIN_ANSI_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const fromWinAnsi = (byte: number) => (byte >= 0x80 && byte <= 0x9f ? WIN_ANSI_80_9F[byte - 0x80]! : String.fromCharCode(byte));

/** The text drawn on each page: the hex strings of the content streams, decoded from WinAnsi (windows-1252). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await PDFDocument.load(bytes);
  const texts: string[] = [];
  for (const page of document.getPages()) {
    const contents = page.node.Contents();
    const streams = contents && "asArray" in contents ? contents.asArray().map((ref) => document.context.lookup(ref)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const content = new TextDecoder("latin1").decode(decodePDFRawStream(stream).decode());
      for (const [, hex] of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) {
        texts.push((hex!.match(/../g) ?? []).map((pair) => fromWinAnsi(Number.parseInt(pair, 16))).join(""));
      }
    }
  }
  return texts.join("\n");
}

describe("receipt view", () => {
  it("lays out the lines, the tax breakdown, the total and the payment in the office's language", () => {
    const view = receiptView(sale, "es");
    const spaces = (text: string) => text.replace(/\s/g, " ");
    expect(view.title).toBe("Factura simplificada");
    expect(view.office).toEqual(["Clínica Dental Sonrisa S.L.", "NIF: B64717839", "Calle de Alcalá 10", "28014 Madrid"]);
    expect(view.meta).toEqual([["Número", "2026-F-000123"], ["Fecha", "2/3/26, 10:05"], ["Cliente", "José Núñez (12345678Z)"]]);
    expect(view.lines.map((cells) => cells.map(spaces))).toEqual([
      ["Limpieza dental", "1", "60,00 €", "", "0 %", "60,00 €"],
      ["Cepillo eléctrico", "2", "24,20 €", "10 %", "21 %", "43,56 €"],
    ]);
    // 43.56 × 21/121 = 7.56
    expect(view.taxes.map((cells) => cells.map(spaces))).toEqual([["21 %", "36,00 €", "7,56 €"], ["0 %", "60,00 €", "0,00 €"]]);
    expect(spaces(view.total[1])).toBe("103,56 €");
    expect(view.payments.map(spaces)).toEqual(["Tarjeta · Visa · •••• 4242 · Código de autorización A1B2C3 · 103,56 €"]);
  });

  it("prints a correction's amounts as negative, with the document it corrects and why", () => {
    const correction: Receipt = { ...sale, number: "2026-R-000004", kind: "correction", lines: [sale.lines[1]!], payments: [{ method: "card", amount: eur(4356), cardBrand: "visa", last4: "4242" }], corrects: { number: "2026-F-000123", reason: "customer_request" } };
    const view = receiptView(correction, "it");
    expect(view.title).toBe("Nota di credito");
    expect(view.correction).toEqual(["Rettifica il documento 2026-F-000123", "Motivo: Richiesta del cliente"]);
    expect(view.total[1].replace(/\s/g, " ")).toBe("-43,56 €");
    expect(() => receiptView({ ...correction, corrects: undefined }, "it")).toThrow(expect.objectContaining({ code: "RECEIPT_CORRECTION_INVALID" }));
  });

  it("prints the tax rows the ledger posted: three partial refunds give back exactly the sale's tax", () => {
    // €1.00 at 21 % and €12.10 at 10 %, tax included: €1.27 of tax. Refunded in three parts, a
    // breakdown recomputed from each correction's gross would print €1.29 in all.
    const lines = [
      { description: "Hilo dental", quantity: 1, unitPrice: eur(100), taxRateBasisPoints: 2100 },
      { description: "Cepillo", quantity: 1, unitPrice: eur(1210), taxRateBasisPoints: 1000 },
    ];
    const sold = computeTotals(lines, { currency: "EUR", prices: "tax_inclusive" });
    expect(sold.tax).toEqual(eur(127));
    const posted: TaxRow[][] = [];
    const printed: string[][][] = [];
    let printedTax = 0;
    for (const [index, part] of [436, 436, 438].entries()) {
      const taxes = refundBreakdown(sold, eur(part), posted);
      posted.push(taxes);
      const correction: Receipt = {
        ...sale,
        number: `2026-R-00000${index + 1}`,
        kind: "correction",
        prices: "tax_inclusive",
        lines: taxes.map((row) => ({ description: "Devolución", quantity: 1, unitPrice: row.gross, taxRateBasisPoints: row.rateBasisPoints })),
        taxes,
        payments: [{ method: "cash", amount: eur(part) }],
        corrects: { number: "2026-F-000123", reason: "customer_request" },
      };
      const view = receiptView(correction, "en");
      expect(view.totals.taxes).toEqual(taxes);
      expect(view.totals.total).toEqual(eur(part));
      printed.push(view.taxes.map((cells) => [...cells]));
      printedTax += view.totals.tax.amount;
    }
    expect(printedTax).toBe(sold.tax.amount);
    // The last correction takes what was left of each rate: €0.05 and €0.36, not the €0.06 and €0.37 its gross alone gives.
    expect(printed[2]).toEqual([["21%", "-€0.29", "-€0.05"], ["10%", "-€3.68", "-€0.36"]]);
    const recomputed = posted.map((taxes) => computeTotals(taxes.map((row) => ({ quantity: 1, unitPrice: row.gross, taxRateBasisPoints: row.rateBasisPoints })), { currency: "EUR", prices: "tax_inclusive" }).tax.amount);
    expect(recomputed.reduce((sum, tax) => sum + tax, 0)).toBe(129);
  });

  it("refuses tax rows that do not add up to the lines", () => {
    const taxes = [{ rateBasisPoints: 2100, base: eur(3600), tax: eur(756), gross: eur(4356) }];
    const lines = [sale.lines[1]!];
    expect(receiptTotals({ ...sale, lines, taxes }).tax).toEqual(eur(756));
    expect(() => receiptTotals({ ...sale, lines, taxes: [{ ...taxes[0]!, tax: eur(757) }] })).toThrow(expect.objectContaining({ code: "AMOUNT_INVALID" }));
    expect(() => receiptTotals({ ...sale, taxes })).toThrow(expect.objectContaining({ code: "AMOUNT_INVALID" }));
  });

  it("has every label in English, Spanish and Italian", () => {
    const keys = (value: object): string[] => Object.entries(value).flatMap(([key, inner]) => (typeof inner === "object" ? keys(inner).map((sub) => `${key}.${sub}`) : [key]));
    for (const locale of RECEIPT_LOCALES) {
      expect(keys(RECEIPT_LABELS[locale])).toEqual(keys(RECEIPT_LABELS.en));
      expect(Object.values(RECEIPT_LABELS[locale]).every((label) => label !== "")).toBe(true);
    }
    expect(() => receiptView(sale, "fr" as "en")).toThrow(expect.objectContaining({ code: "PAYMENT_DETAILS_INVALID" }));
    expect(() => receiptView({ ...sale, number: "123" }, "en")).toThrow(expect.objectContaining({ code: "RECEIPT_NUMBER_INVALID" }));
  });
});

describe("HTML receipt", () => {
  it("is a standalone page in the locale's language", () => {
    const html = renderReceiptHtml(sale, "en");
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain("<h1>Receipt</h1>");
    expect(html).toContain("2026-F-000123");
    expect(html).toContain("Tax base");
    expect(html).toContain("Card · Visa · •••• 4242");
    expect(html).not.toMatch(/<script|<link|src=/i);
  });

  it("escapes everything it prints", () => {
    const hostile: Receipt = {
      ...sale,
      office: { name: `<script>alert("office")</script>`, taxId: `"><img src=x onerror=alert(1)>`, address: ["O'Brien & Sons"] },
      customer: { name: "<b>Bobby</b>" },
      lines: [{ ...sale.lines[0]!, description: `</td><script>alert('line')</script>` }],
    };
    const html = renderReceiptHtml(hostile, "it");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;office&quot;)&lt;/script&gt;");
    expect(html).toContain("O&#39;Brien &amp; Sons");
    expect(html).toContain("&lt;/td&gt;&lt;script&gt;alert(&#39;line&#39;)");
  });
});

describe("PDF receipt", () => {
  it.each(RECEIPT_LOCALES)("parses, and shows the number, lines, taxes and payment (%s)", async (locale) => {
    const bytes = await renderReceiptPdf(sale, locale);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const document = await PDFDocument.load(bytes);
    expect(document.getPageCount()).toBe(1);
    expect(document.getTitle()).toBe(`${RECEIPT_LABELS[locale].title.sale} 2026-F-000123`);
    expect(document.getCreationDate()?.toISOString()).toBe("2026-03-02T09:05:00.000Z");
    const text = await pdfText(bytes);
    expect(text).toContain("2026-F-000123");
    expect(text).toContain("Clínica Dental Sonrisa S.L.");
    expect(text).toContain("Cepillo eléctrico");
    expect(text).toContain(RECEIPT_LABELS[locale].taxBase);
    expect(text).toContain("•••• 4242");
    expect(text).toMatch(/103[.,]56/);
  });

  it("gives the same bytes for the same receipt, and breaks long receipts over pages", async () => {
    expect(await renderReceiptPdf(sale, "en")).toEqual(await renderReceiptPdf(sale, "en"));
    const long: Receipt = { ...sale, lines: Array.from({ length: 80 }, (_, index) => ({ description: `Item ${index + 1} ${"with a very long description ".repeat(4)}`, quantity: 1, unitPrice: eur(100), taxRateBasisPoints: 2100 })) };
    const document = await PDFDocument.load(await renderReceiptPdf(long, "en"));
    expect(document.getPageCount()).toBeGreaterThan(1);
  });

  it("draws text outside WinAnsi without failing", async () => {
    // Accents come off where Unicode can take them off (ź → z); other letters (Ł) become "?".
    expect(toWinAnsi("Łódź – Ørsted ✓ 1\u202f234,50\u00a0€")).toBe("?ódz – Ørsted ? 1 234,50 €");
    const bytes = await renderReceiptPdf({ ...sale, office: { ...sale.office, name: "Łódź 診療所" } }, "en");
    expect(await pdfText(bytes)).toContain("?ódz ???");
  });
});
