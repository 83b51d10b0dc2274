/** On paper: the sheet alone, black on white, no navigation and no controls. */
export const VISITORS_PRINT_CSS = `@media print {
  header, nav, [data-print="hide"], a[href="#main"], [aria-live] { display: none !important; }
  body { background: #fff !important; }
  main { max-width: none !important; padding: 0 !important; }
  tr { break-inside: avoid; }
}`;

/** A badge prints on its own small sheet (a label or an A6 card). */
export const BADGE_PRINT_CSS = `@media print {
  @page { size: A6 landscape; margin: 6mm; }
  [data-print="badge"] { border: 2px solid #000 !important; box-shadow: none !important; width: auto !important; }
}`;
