import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button, Card, CardContent, CardHeader, CardTitle, EmptyState, Field, Select, Skeleton } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC, type RouterOutputs } from "../../lib/trpc";

/**
 * The assistants (delegates) who keep a principal's calendar. The principal or a manager adds
 * and removes them.
 */
export function DelegatesCard({ principalStaffId, staff }: { principalStaffId: string; staff: RouterOutputs["staff"]["list"] }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const delegates = useQuery(trpc.agenda.delegates.queryOptions({ principalStaffId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.agenda.pathKey() });
  const add = useMutation({ ...trpc.agenda.addDelegate.mutationOptions(), onSuccess: refresh });
  const remove = useMutation({ ...trpc.agenda.removeDelegate.mutationOptions(), onSuccess: refresh });
  const taken = new Set([principalStaffId, ...(delegates.data ?? []).map((link) => link.delegateStaffId)]);
  const candidates = staff.filter((member) => member.active && !taken.has(member.id));
  const [chosen, setChosen] = useState("");
  const delegateStaffId = candidates.some((member) => member.id === chosen) ? chosen : (candidates[0]?.id ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (delegateStaffId) add.mutate({ principalStaffId, delegateStaffId });
  };
  const error = add.error ?? remove.error;

  return (
    <Card aria-labelledby="employer-day-delegates">
      <CardHeader>
        <CardTitle id="employer-day-delegates">{t("employerDay.delegates")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <p className="text-sm text-slate-600">{t("employerDay.delegatesHint")}</p>
        {delegates.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : delegates.isError ? (
          <Alert tone="error">{errorMessage(t, delegates.error)}</Alert>
        ) : delegates.data.length === 0 ? (
          <EmptyState title={t("employerDay.noDelegates")} />
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t("employerDay.delegates")}>
            {delegates.data.map((link) => (
              <li key={link.delegateStaffId} className="flex items-center justify-between gap-2 py-2 text-sm">
                <span className="font-medium text-slate-900">{link.delegateName}</span>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t("employerDay.removeDelegate", { name: link.delegateName })}
                  loading={remove.isPending && remove.variables?.delegateStaffId === link.delegateStaffId}
                  onClick={() => remove.mutate({ principalStaffId, delegateStaffId: link.delegateStaffId })}
                >
                  {t("employerDay.remove")}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {candidates.length > 0 ? (
          <form className="flex items-end gap-2" onSubmit={submit}>
            <Field label={t("employerDay.addDelegate")} className="flex-1">
              {(control) => (
                <Select {...control} value={delegateStaffId} onChange={(event) => setChosen(event.target.value)}>
                  {candidates.map((member) => (
                    <option key={member.id} value={member.id}>
                      {member.displayName}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Button type="submit" variant="secondary" loading={add.isPending}>
              {t("employerDay.addDelegateSubmit")}
            </Button>
          </form>
        ) : null}
        {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      </CardContent>
    </Card>
  );
}
