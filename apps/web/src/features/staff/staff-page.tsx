import type { StaffDetails } from "@frontoffice/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Badge, Button, buttonClasses, ConfirmDialog, EmptyState, ErrorState, Input, Label, Select, Skeleton, Spinner, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useDebounced } from "../../lib/use-debounced";
import { officeLabel } from "../clients/office-label";
import { useCan, useSession } from "../shell/session-context";
import { useOffices } from "../shell/use-offices";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { mayChange } from "./roles";

const STATUSES = ["active", "inactive", "all"] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (value: string | null): value is Status => (STATUSES as readonly string[]).includes(value ?? "");

/** Who works here: search, roles, offices; with `staff.manage`, add, edit, deactivate and reset passwords. */
export function StaffPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const session = useSession();
  const offices = useOffices();
  const canManage = useCan("staff.manage");
  const [params, setParams] = useSearchParams();
  const status: Status = isStatus(params.get("status")) ? (params.get("status") as Status) : "active";
  const [text, setText] = useState(params.get("q") ?? "");
  const query = useDebounced(text.trim(), 250);
  const [confirming, setConfirming] = useState<StaffDetails | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [resetting, setResetting] = useState<StaffDetails | null>(null);

  const list = useQuery({ ...trpc.staff.list.queryOptions({ query, includeInactive: status !== "active" }), placeholderData: keepPreviousData });
  const items = (list.data ?? []).filter((member) => status !== "inactive" || !member.active);
  const setActive = useMutation(trpc.staff.update.mutationOptions());

  const setStatus = (value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value !== "active") next.set("status", value);
        else next.delete("status");
        return next;
      },
      { replace: true },
    );

  const officeNames = (member: StaffDetails) =>
    member.officeIds.flatMap((id) => {
      const office = offices.find((candidate) => candidate.id === id);
      return office ? [officeLabel(office)] : [];
    });

  const toggleActive = async (member: StaffDetails) => {
    setConfirmError(null);
    try {
      await setActive.mutateAsync({ id: member.id, active: !member.active });
    } catch (error) {
      setConfirmError(errorMessage(t, error));
      throw error;
    }
    void queryClient.invalidateQueries({ queryKey: trpc.staff.pathKey() });
    toast(t(member.active ? "staff.deactivate.done" : "staff.reactivate.done", { name: member.displayName }));
  };

  const emptyMessage = query ? t("staff.empty.search", { query }) : status === "inactive" ? t("staff.empty.inactive") : t("staff.empty.none");

  return (
    <div className="space-y-4">
      <title>{`${t("staff.title")} · ${t("app.name")}`}</title>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">{t("staff.title")}</h1>
        {canManage ? (
          <Link to="/staff/new" className={buttonClasses("primary")}>
            {t("staff.new")}
          </Link>
        ) : null}
      </div>

      <div className="flex flex-col gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 md:flex-row md:items-end">
        <div className="flex-1 space-y-1.5">
          <Label htmlFor="staff-search">{t("staff.search.label")}</Label>
          <div className="relative">
            <Input
              id="staff-search"
              type="search"
              autoComplete="off"
              spellCheck={false}
              placeholder={t("staff.search.placeholder")}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
            {list.isFetching ? <Spinner size="sm" className="absolute top-1/2 right-3 -translate-y-1/2" /> : null}
          </div>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="staff-status">{t("staff.filter.status")}</Label>
          <Select id="staff-status" value={status} onChange={(event) => setStatus(event.target.value)} className="w-40">
            {STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(`staff.status.${option}`)}
              </option>
            ))}
          </Select>
        </div>
      </div>

      {canManage ? null : <p className="text-sm text-slate-600">{t("staff.readOnly")}</p>}

      <section aria-labelledby="staff-results" className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2.5">
          <h2 id="staff-results" className="text-sm font-semibold text-slate-800">
            {t("staff.people")}
          </h2>
          {list.isSuccess && items.length ? (
            <p className="text-xs text-slate-600" aria-live="polite">
              {t("staff.shown", { count: items.length })}
            </p>
          ) : null}
        </div>
        {list.isPending ? (
          <ul aria-hidden="true" className="divide-y divide-slate-100">
            {Array.from({ length: 5 }, (_, index) => (
              <li key={index} className="space-y-2 px-4 py-3">
                <Skeleton className="h-4 w-48" />
                <Skeleton className="h-3 w-72" />
              </li>
            ))}
          </ul>
        ) : list.isError && !items.length ? (
          <ErrorState title={t("staff.error")} message={errorMessage(t, list.error)} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        ) : items.length === 0 ? (
          <EmptyState title={t("staff.empty.title")}>{emptyMessage}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map((member) => {
              const isMe = member.id === session.staff.id;
              const manageable = canManage && mayChange(session.staff.roles, member);
              return (
                <li key={member.id} aria-label={member.displayName} className="flex flex-col gap-3 px-4 py-3 lg:flex-row lg:items-center lg:justify-between">
                  <div className="min-w-0 space-y-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900">{member.displayName}</span>
                      {isMe ? <Badge tone="info">{t("staff.youBadge")}</Badge> : null}
                      {member.active ? null : <Badge tone="warning">{t("staff.inactiveBadge")}</Badge>}
                    </p>
                    <p className="text-sm break-all text-slate-600">{member.email}</p>
                    <ul className="flex flex-wrap gap-1.5" aria-label={t("staffForm.roles")}>
                      {member.roles.map((role) => (
                        <li key={role}>
                          <Badge tone={role === "owner" || role === "manager" ? "success" : "neutral"}>{t(`role.${role}`)}</Badge>
                        </li>
                      ))}
                    </ul>
                    <p className="text-xs text-slate-600">{officeNames(member).join(" · ") || t("staff.noOffice")}</p>
                  </div>
                  {manageable ? (
                    <div className="flex shrink-0 flex-wrap gap-2">
                      <Link to={`/staff/${member.id}/edit`} className={buttonClasses("secondary", "sm")}>
                        {t("common.edit")}
                      </Link>
                      <Button variant="secondary" size="sm" onClick={() => setResetting(member)}>
                        {t("staff.resetPassword")}
                      </Button>
                      {isMe ? null : (
                        <Button
                          variant="secondary"
                          size="sm"
                          className={member.active ? "text-red-700" : undefined}
                          onClick={() => {
                            setConfirmError(null);
                            setConfirming(member);
                          }}
                        >
                          {member.active ? t("staff.deactivate") : t("staff.reactivate")}
                        </Button>
                      )}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => (open ? undefined : setConfirming(null))}
        title={confirming ? t(confirming.active ? "staff.deactivate.title" : "staff.reactivate.title", { name: confirming.displayName }) : ""}
        description={confirming ? t(confirming.active ? "staff.deactivate.body" : "staff.reactivate.body", { name: confirming.displayName }) : undefined}
        confirmLabel={confirming?.active ? t("staff.deactivate") : t("staff.reactivate")}
        tone={confirming?.active ? "danger" : "primary"}
        error={confirmError}
        onConfirm={() => (confirming ? toggleActive(confirming) : undefined)}
      />
      <ResetPasswordDialog staff={resetting} onOpenChange={(open) => (open ? undefined : setResetting(null))} />
    </div>
  );
}
