import type { ReactNode } from "react";
import { EmptyState, ErrorState, Skeleton } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";

/** On paper: the sheet alone on A4, black on white, no navigation and no controls. */
const PRINT_CSS = `@media print {
  @page { size: A4; margin: 14mm; }
  header, nav, [data-print="hide"], a[href="#main"], [aria-live] { display: none !important; }
  body { background: #fff !important; }
  main { max-width: none !important; padding: 0 !important; }
  [data-print="sheet"] { box-shadow: none !important; border: 0 !important; padding: 0 !important; }
  tr { break-inside: avoid; }
}`;

export interface AgendaColumn {
  label: string;
  /** Read by screen readers only (a column of buttons). */
  hidden?: boolean;
  /** Left off the paper. */
  screenOnly?: boolean;
}

/**
 * A day's agenda as a printable sheet: a heading, then a table of the day's lines in time order
 * (or its loading, error or empty state) and how many there are. The office's day and the
 * employer's day both print through it; each brings its own columns and rows.
 */
export function PrintableAgenda({
  titleId,
  heading,
  subheading,
  columns,
  query,
  emptyTitle,
  countLabel,
  children,
}: {
  titleId: string;
  heading: string;
  subheading: string;
  columns: readonly AgendaColumn[];
  /** What the rows come from: pending, failed (with a retry) or loaded with `rowCount` rows. */
  query: { isPending: boolean; error: unknown; refetch: () => unknown; rowCount: number };
  emptyTitle: string;
  countLabel: string;
  /** The rows (`<tr>`), one per line of the day. */
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <article data-print="sheet" aria-labelledby={titleId} className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <style>{PRINT_CSS}</style>
      <div className="mb-4 border-b border-slate-200 pb-3">
        <h1 id={titleId} className="text-xl font-semibold text-slate-900">
          {heading}
        </h1>
        <p className="text-sm text-slate-700">{subheading}</p>
      </div>
      {query.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : query.error ? (
        <ErrorState title={t("schedule.loadError")} message={errorMessage(t, query.error)} onRetry={() => void query.refetch()} />
      ) : query.rowCount === 0 ? (
        <EmptyState title={emptyTitle} />
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-600 uppercase">
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col" className={index === columns.length - 1 ? "py-2 font-semibold" : "py-2 pr-3 font-semibold"} {...(column.screenOnly ? { "data-print": "hide" } : {})}>
                  {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">{children}</tbody>
        </table>
      )}
      <p className="mt-4 text-xs text-slate-500">{countLabel}</p>
    </article>
  );
}
