import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, Card, CardContent, CardHeader, CardTitle, Field, Input, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

/**
 * A manager's kiosk credentials for an office: make one (its address is shown this once, to open
 * on the tablet), see which exist, withdraw one.
 */
export function KiosksCard({ officeId }: { officeId: string }) {
  const { t, formatDateTime } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [address, setAddress] = useState<string | null>(null);
  const kiosks = useQuery(trpc.visitors.kioskTokens.queryOptions({ officeId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.visitors.kioskTokens.pathKey() });
  const onError = (error: unknown) => toast(errorMessage(t, error), "error");
  const create = useMutation(
    trpc.visitors.createKioskToken.mutationOptions({
      onSuccess: (kiosk) => {
        setAddress(`${window.location.origin}/kiosk/${kiosk.token}`);
        void refresh();
      },
      onError,
    }),
  );
  const revoke = useMutation(trpc.visitors.revokeKioskToken.mutationOptions({ onSuccess: () => void refresh(), onError }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const label = String(new FormData(event.currentTarget).get("label") ?? "").trim();
    if (label) create.mutate({ officeId, label });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("visitors.kiosks.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <ul className="space-y-2 text-sm">
          {(kiosks.data ?? []).map((kiosk) => (
            <li key={kiosk.id} className="flex items-center gap-2">
              <span className="flex-1">
                {kiosk.label}
                <span className="block text-xs text-slate-600">
                  {kiosk.revokedAt ? t("visitors.kiosks.revokedAt", { when: formatDateTime(kiosk.revokedAt) }) : t("visitors.kiosks.createdAt", { when: formatDateTime(kiosk.createdAt) })}
                </span>
              </span>
              {kiosk.revokedAt ? null : (
                <Button size="sm" variant="ghost" onClick={() => revoke.mutate({ id: kiosk.id })}>
                  {t("visitors.kiosks.revoke")}
                </Button>
              )}
            </li>
          ))}
        </ul>
        {address ? (
          <div role="status" className="space-y-1 rounded-md bg-brand-50 p-3 text-sm">
            <p>{t("visitors.kiosks.addressOnce")}</p>
            <p className="font-mono text-xs break-all" data-testid="kiosk-address">
              {address}
            </p>
          </div>
        ) : null}
        <form onSubmit={submit} className="flex items-end gap-2">
          <Field label={t("visitors.kiosks.label")} className="flex-1">
            {(control) => <Input {...control} name="label" maxLength={100} />}
          </Field>
          <Button type="submit" variant="secondary" loading={create.isPending}>
            {t("visitors.kiosks.create")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
