import { CLIENT_STATUSES, formatPhone, type ClientSummary } from "@frontoffice/domain";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Badge, Button, buttonClasses, EmptyState, ErrorState, Input, Select, Skeleton, Spinner } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC, useTRPCClient } from "../../lib/trpc";
import { useDebounced } from "../../lib/use-debounced";
import { useCan, useSession } from "../shell/session-context";
import { officeLabel } from "./office-label";

type Status = (typeof CLIENT_STATUSES)[number];
const isStatus = (value: string | null): value is Status => (CLIENT_STATUSES as readonly string[]).includes(value ?? "");

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function ClientsPage() {
  const { t, formatDay } = useI18n();
  const trpc = useTRPC();
  const api = useTRPCClient();
  const navigate = useNavigate();
  const { offices, staff } = useSession();
  const canWrite = useCan("clients.write");
  const [params, setParams] = useSearchParams();
  const status: Status = isStatus(params.get("status")) ? (params.get("status") as Status) : "active";
  const officeId = offices.some((office) => office.id === params.get("office")) ? (params.get("office") as string) : "";
  const [text, setText] = useState(params.get("q") ?? "");
  const query = useDebounced(text.trim(), 250);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // Keep the search in the address, so Back returns to the same results.
  useEffect(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (query) next.set("q", query);
        else next.delete("q");
        return next;
      },
      { replace: true },
    );
  }, [query, setParams]);

  // "/" focuses the search from anywhere on the page.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Pages are fetched by hand rather than with infiniteQueryOptions, which sends `cursor: null`
  // for the first page where the search schema expects the cursor to be absent.
  const input = { query, status, officeId: officeId || undefined, limit: 25 };
  const search = useInfiniteQuery({
    queryKey: trpc.clients.search.infiniteQueryKey(input),
    queryFn: ({ pageParam, signal }) => api.clients.search.query(pageParam ? { ...input, cursor: pageParam } : input, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items: ClientSummary[] = search.data?.pages.flatMap((page) => page.items) ?? [];
  const officeName = (id: string | null) => offices.find((office) => office.id === id)?.name;

  const setFilter = (key: "status" | "office", value: string, fallback: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value && value !== fallback) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const links = () => Array.from(listRef.current?.querySelectorAll<HTMLAnchorElement>("a[data-result]") ?? []);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      links()[0]?.focus();
    } else if (event.key === "Enter") {
      // Enter opens the first result once the results match what was typed.
      event.preventDefault();
      const first = items[0];
      if (first && text.trim() === query && !search.isPlaceholderData) void navigate(`/clients/${first.id}`);
    } else if (event.key === "Escape" && text) {
      event.preventDefault();
      setText("");
    }
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index === -1) return;
    const move = (to: number) => {
      event.preventDefault();
      if (to < 0) searchRef.current?.focus();
      else all[Math.min(to, all.length - 1)]?.focus();
    };
    if (event.key === "ArrowDown") move(index + 1);
    else if (event.key === "ArrowUp") move(index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(all.length - 1);
  };

  const emptyMessage = query ? t("clients.empty.search", { query }) : status === "archived" ? t("clients.empty.archived") : t("clients.empty.none");

  return (
    <div className="space-y-4">
      <title>{`${t("clients.title")} · ${t("app.name")}`}</title>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">{t("clients.title")}</h1>
        {canWrite ? (
          <Link to="/clients/new" className={buttonClasses("primary")}>
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
              <path d="M9.2 4h1.6v5.2H16v1.6h-5.2V16H9.2v-5.2H4V9.2h5.2V4Z" />
            </svg>
            {t("clients.new")}
          </Link>
        ) : null}
      </div>

      <div className="flex flex-col gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 md:flex-row md:items-end">
        <div className="flex-1 space-y-1.5">
          <label htmlFor="client-search" className="block text-sm font-medium text-slate-800">
            {t("clients.search.label")}
          </label>
          <div className="relative">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="pointer-events-none absolute top-1/2 left-3 h-4 w-4 -translate-y-1/2 fill-slate-500">
              <path d="M8.5 3a5.5 5.5 0 0 1 4.4 8.8l3.7 3.7-1.1 1.1-3.7-3.7A5.5 5.5 0 1 1 8.5 3Zm0 1.6a3.9 3.9 0 1 0 0 7.8 3.9 3.9 0 0 0 0-7.8Z" />
            </svg>
            <Input
              id="client-search"
              ref={searchRef}
              type="search"
              autoComplete="off"
              spellCheck={false}
              className="pr-10 pl-9"
              placeholder={t("clients.search.placeholder")}
              aria-describedby="client-search-hint"
              aria-controls="client-results"
              value={text}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={onSearchKey}
              autoFocus
            />
            {search.isFetching && !search.isFetchingNextPage ? <Spinner size="sm" className="absolute top-1/2 right-3 -translate-y-1/2" /> : null}
          </div>
          <p id="client-search-hint" className="text-xs text-slate-600">
            {t("clients.search.hint")}
          </p>
        </div>
        <div className="flex gap-3 md:mb-5">
          <label className="space-y-1.5 text-sm font-medium text-slate-800">
            <span className="block">{t("clients.filter.status")}</span>
            <Select value={status} onChange={(event) => setFilter("status", event.target.value, "active")} className="w-36">
              {CLIENT_STATUSES.map((option) => (
                <option key={option} value={option}>
                  {t(`clients.status.${option}`)}
                </option>
              ))}
            </Select>
          </label>
          {offices.length > 1 ? (
            <label className="space-y-1.5 text-sm font-medium text-slate-800">
              <span className="block">{t("clients.filter.office")}</span>
              <Select value={officeId} onChange={(event) => setFilter("office", event.target.value, "")} className="w-44">
                <option value="">{t("clients.filter.allOffices")}</option>
                {offices.map((office) => (
                  <option key={office.id} value={office.id}>
                    {officeLabel(office)}
                  </option>
                ))}
              </Select>
            </label>
          ) : null}
        </div>
      </div>

      <section aria-labelledby="client-results-title" className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2.5">
          <h2 id="client-results-title" className="text-sm font-semibold text-slate-800">
            {query ? t("clients.results") : t("clients.recent")}
          </h2>
          {search.isSuccess && items.length ? (
            <p className="text-xs text-slate-600" aria-live="polite">
              {t("clients.shown", { count: items.length })}
            </p>
          ) : null}
        </div>
        {search.isPending ? (
          <ul aria-hidden="true" className="divide-y divide-slate-100">
            {Array.from({ length: 6 }, (_, index) => (
              <li key={index} className="space-y-2 px-4 py-3">
                <Skeleton className="h-4 w-48" />
                <Skeleton className="h-3 w-72" />
              </li>
            ))}
          </ul>
        ) : search.isError && !items.length ? (
          <ErrorState title={t("clients.error")} message={errorMessage(t, search.error)} onRetry={() => void search.refetch()} retrying={search.isFetching} />
        ) : items.length === 0 ? (
          <EmptyState
            title={t("clients.empty.title")}
            action={
              canWrite && !query && status !== "archived" ? (
                <Link to="/clients/new" className={buttonClasses("primary")}>
                  {t("clients.new")}
                </Link>
              ) : undefined
            }
          >
            {emptyMessage}
          </EmptyState>
        ) : (
          <>
            <ul id="client-results" ref={listRef} onKeyDown={onListKey} className="divide-y divide-slate-100">
              {items.map((client) => (
                <li key={client.id}>
                  <Link
                    to={`/clients/${client.id}`}
                    data-result
                    className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 focus-visible:bg-brand-50 focus-visible:-outline-offset-2 sm:flex-row sm:items-center sm:justify-between"
                  >
                    <span className="min-w-0">
                      <span className="flex flex-wrap items-center gap-2">
                        <span className="font-medium text-slate-900">{client.displayName}</span>
                        {client.kind === "company" ? <Badge tone="info">{t("clients.kind.company")}</Badge> : null}
                        {client.archivedAt ? <Badge tone="warning">{t("clients.archivedBadge")}</Badge> : null}
                      </span>
                      <span className="mt-0.5 flex flex-wrap gap-x-4 gap-y-0.5 text-sm text-slate-600">
                        {client.primaryPhone ? <span>{formatPhone(client.primaryPhone)}</span> : null}
                        {client.primaryEmail ? <span className="break-all">{client.primaryEmail}</span> : null}
                        {client.nationalId ? <span>{client.nationalId}</span> : null}
                      </span>
                    </span>
                    <span className="shrink-0 text-xs text-slate-600 sm:text-right">
                      {officeName(client.officeId) ? <span className="block">{officeName(client.officeId)}</span> : null}
                      <span className="block">{t("clients.updated", { date: formatDay(client.updatedAt, staff.timeZone) })}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            {search.hasNextPage ? (
              <div className="border-t border-slate-100 p-3 text-center">
                <Button variant="secondary" onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
                  {t("common.loadMore")}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
