import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import type { ReceiptLocale } from "./labels.js";
import { type Receipt, receiptView } from "./receipt.js";

/**
 * Characters the PDF standard fonts can draw (WinAnsi): Latin-1 and a few more (€, dashes,
 * quotes). Others lose their accents when they have one, or become "?".
 */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

export function toWinAnsi(text: string): string {
  let result = "";
  for (const character of text.normalize("NFC")) {
    const code = character.codePointAt(0)!;
    if (code === 0x202f || code === 0x2009 || code === 0x00a0) result += " ";
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff) || WIN_ANSI_EXTRA.has(character)) result += character;
    else if (code === 0x2212) result += "-";
    else {
      const base = character.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      result += base.length > 0 && base !== character && /^[\x20-\x7e]+$/.test(base) ? base : "?";
    }
  }
  return result;
}

const PAGE: [number, number] = [595.28, 841.89]; // A4 in points
const MARGIN = 50;
const SIZE = 10;
const LEADING = 14;
/** Right edges of the numeric columns and the description's width. */
const COLUMNS = [MARGIN, 330, 395, 450, 490, PAGE[0] - MARGIN];
const DESCRIPTION_WIDTH = 230;

/**
 * The receipt in `locale` as a PDF (A4, the standard Helvetica fonts, nothing embedded), built
 * with pdf-lib, so it works in browsers too. Its title is the document's name and number, and its
 * dates are the receipt's: the same receipt always gives the same bytes.
 */
export async function renderReceiptPdf(receipt: Receipt, locale: ReceiptLocale): Promise<Uint8Array> {
  const view = receiptView(receipt, locale);
  const document = await PDFDocument.create({ updateMetadata: false });
  const issued = new Date(receipt.issuedAt);
  document.setTitle(toWinAnsi(`${view.title} ${receipt.number}`));
  document.setSubject(receipt.number);
  document.setAuthor(toWinAnsi(receipt.office.name));
  document.setCreator("Frontoffice");
  document.setProducer("@frontoffice/payments (pdf-lib)");
  document.setLanguage(locale);
  document.setCreationDate(issued);
  document.setModificationDate(issued);
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);

  let page: PDFPage = document.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const newLine = (height = LEADING) => {
    y -= height;
    if (y < MARGIN) {
      page = document.addPage(PAGE);
      y = PAGE[1] - MARGIN - height;
    }
  };
  const text = (value: string, x: number, font: PDFFont = regular, size = SIZE) => page.drawText(toWinAnsi(value), { x, y, size, font, color: rgb(0, 0, 0) });
  const right = (value: string, edge: number, font: PDFFont = regular) => text(value, edge - font.widthOfTextAtSize(toWinAnsi(value), SIZE), font);
  const fit = (value: string, width: number) => {
    let fitted = toWinAnsi(value);
    while (fitted.length > 1 && regular.widthOfTextAtSize(fitted, SIZE) > width) fitted = `${fitted.slice(0, -2)}…`;
    return fitted;
  };
  const row = (cells: readonly string[], font: PDFFont = regular) => {
    text(fit(cells[0] ?? "", DESCRIPTION_WIDTH), MARGIN, font);
    cells.slice(1).forEach((cell, index) => right(cell, COLUMNS[index + 1]!, font));
    newLine();
  };
  const rule = () => {
    page.drawLine({ start: { x: MARGIN, y: y + LEADING - 3 }, end: { x: PAGE[0] - MARGIN, y: y + LEADING - 3 }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
  };

  view.office.forEach((line, index) => {
    text(line, MARGIN, index === 0 ? bold : regular);
    newLine();
  });
  newLine();
  text(view.title, MARGIN, bold, 16);
  newLine(LEADING + 6);
  for (const [label, value] of view.meta) {
    text(`${label}: ${value}`, MARGIN, label === view.meta[0]![0] ? bold : regular);
    newLine();
  }
  for (const line of view.correction ?? []) {
    text(line, MARGIN);
    newLine();
  }
  newLine();
  row(view.headers, bold);
  rule();
  view.lines.forEach((cells) => row(cells));
  newLine();
  // Tax breakdown: rate, base and tax under the last three columns.
  const taxRow = (cells: readonly string[], font: PDFFont = regular) => {
    cells.forEach((cell, index) => right(cell, COLUMNS[index + 3]!, font));
    newLine();
  };
  taxRow(view.taxHeaders, bold);
  rule();
  view.taxes.forEach((cells) => taxRow(cells));
  newLine(LEADING / 2);
  text(view.total[0], COLUMNS[3]! - 60, bold, 12);
  right(view.total[1], COLUMNS[5]!, bold);
  newLine(LEADING + 4);
  text(view.priceNote, MARGIN);
  newLine(LEADING * 1.5);
  if (view.payments.length > 0) {
    text(view.paymentHeading, MARGIN, bold);
    newLine();
    for (const line of view.payments) {
      text(line, MARGIN);
      newLine();
    }
  }
  return document.save();
}
