import { ANSWER_QUERY_MAX_LENGTH, type AnswerHit, type HighlightSegment, type Locale } from "@frontoffice/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Alert, Badge, Button, Input, Select, Spinner } from "../../components/ui";
import { useI18n } from "../../i18n";
import { LanguageOptions } from "./language-options";
import { cn } from "../../lib/cn";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useDebounced } from "../../lib/use-debounced";

/** Text with the words that matched the search marked. */
export function Highlighted({ segments }: { segments: readonly HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
            {segment.text}
          </mark>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}

/** True when a key press happens while the user types somewhere, so `/` is a character there. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export interface AnswerSearchViewProps {
  query: string;
  onQueryChange: (query: string) => void;
  language: Locale;
  onLanguageChange: (language: Locale) => void;
  /** undefined until a search has run. */
  hits: readonly AnswerHit[] | undefined;
  searching: boolean;
  error?: string | null;
  onOpen: (hit: AnswerHit) => void;
  /** Offered when a search finds nothing: log the question for a manager. */
  onLogQuestion?: (() => void) | undefined;
  compact?: boolean;
}

/**
 * The search box and its ranked results, usable by keyboard: `/` anywhere focuses the search,
 * the arrow keys move through the results and Enter opens the one selected.
 */
export function AnswerSearchView({ query, onQueryChange, language, onLanguageChange, hits, searching, error, onOpen, onLogQuestion, compact = false }: AnswerSearchViewProps) {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const listId = `${ids}-results`;
  // The selected result belongs to one list of hits: new hits start again at the first.
  const [selection, setSelection] = useState({ hits, index: 0 });
  const active = selection.hits === hits ? selection.index : 0;
  const setActive = (next: (index: number) => number) => setSelection({ hits, index: next(active) });
  useEffect(() => {
    const focusSearch = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener("keydown", focusSearch);
    return () => document.removeEventListener("keydown", focusSearch);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!hits || hits.length === 0) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, hits.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const hit = hits[active];
      if (hit) onOpen(hit);
    }
  };

  const optionId = (index: number) => `${ids}-option-${index}`;
  const hasHits = !!hits && hits.length > 0;
  return (
    <div className="space-y-3" data-answer-search>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1 space-y-1.5">
          <label htmlFor={`${ids}-query`} className="text-sm font-medium text-slate-900">
            {t("answers.search.label")}
          </label>
          <Input
            ref={inputRef}
            id={`${ids}-query`}
            type="search"
            role="combobox"
            aria-expanded={hasHits}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={hasHits ? optionId(active) : undefined}
            aria-keyshortcuts="/"
            placeholder={t("answers.search.placeholder")}
            maxLength={ANSWER_QUERY_MAX_LENGTH}
            value={query}
            onChange={(event) => onQueryChange(event.target.value)}
            onKeyDown={onKeyDown}
            autoComplete="off"
          />
        </div>
        <div className="w-36 space-y-1.5">
          <label htmlFor={`${ids}-language`} className="text-sm font-medium text-slate-900">
            {t("answers.search.language")}
          </label>
          <Select id={`${ids}-language`} value={language} onChange={(event) => onLanguageChange(event.target.value as Locale)}>
            <LanguageOptions />
          </Select>
        </div>
      </div>
      {compact ? null : <p className="text-xs text-slate-600">{t("answers.search.keyboardHint")}</p>}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div aria-live="polite" className="sr-only">
        {hits ? t("answers.search.count", { count: hits.length }) : ""}
      </div>
      {searching && !hits ? <Spinner size="sm" label={t("answers.search.searching")} /> : null}
      {hits && hits.length === 0 && query.trim() ? (
        <div className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-700">
          <p>{t("answers.search.none", { query: query.trim() })}</p>
          {onLogQuestion ? (
            <Button variant="secondary" size="sm" className="mt-2" onClick={onLogQuestion}>
              {t("answers.log.open")}
            </Button>
          ) : null}
        </div>
      ) : null}
      <ul id={listId} role="listbox" aria-label={t("answers.search.results")} className={cn("divide-y divide-slate-100 rounded-md", hasHits && "ring-1 ring-slate-200")}>
        {hits?.map((hit, index) => (
          <li
            key={hit.answer.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            data-answer-hit={hit.answer.id}
            className={cn("cursor-pointer px-3 py-2", index === active ? "bg-brand-50" : "hover:bg-slate-50")}
            onMouseEnter={() => setActive(() => index)}
            onClick={() => onOpen(hit)}
          >
            <div className="flex items-start justify-between gap-2">
              <p className="font-medium text-slate-900">
                <Highlighted segments={hit.question} />
              </p>
              <Badge>{t(`answers.category.${hit.answer.category}`)}</Badge>
            </div>
            {compact ? null : (
              <p className="mt-1 text-sm text-slate-700">
                <Highlighted segments={hit.excerpt} />
              </p>
            )}
            {hit.matchedBy === "words" ? null : <p className="mt-1 text-xs text-slate-500">{t(`answers.match.${hit.matchedBy}`)}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The knowledge-base search for a desk: ranked answers in the chosen language (the office's by
 * default), this office's entries and those for every office. The Answers page uses it, and the
 * reception console can embed it beside a live call (`compact`).
 */
export function AnswerSearchPanel({
  officeId,
  defaultLanguage,
  onOpen,
  onLogQuestion,
  compact,
}: {
  officeId?: string | undefined;
  defaultLanguage: Locale;
  onOpen: (hit: AnswerHit) => void;
  onLogQuestion?: ((question: string, language: Locale) => void) | undefined;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const [language, setLanguage] = useState<Locale>(defaultLanguage);
  const debounced = useDebounced(query.trim());
  const search = useQuery({
    ...trpc.answers.search.queryOptions({ query: debounced, language, ...(officeId ? { officeId } : {}) }),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
  });
  const showing = query.trim().length > 0 && debounced.length > 0;
  return (
    <AnswerSearchView
      query={query}
      onQueryChange={setQuery}
      language={language}
      onLanguageChange={setLanguage}
      hits={showing ? search.data : undefined}
      searching={search.isFetching}
      error={search.isError ? errorMessage(t, search.error) : null}
      onOpen={onOpen}
      onLogQuestion={onLogQuestion ? () => onLogQuestion(query.trim(), language) : undefined}
      compact={compact ?? false}
    />
  );
}
