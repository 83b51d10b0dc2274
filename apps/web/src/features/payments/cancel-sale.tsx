import { useState } from "react";
import { Button } from "../../components/ui";
import { useI18n } from "../../i18n";
import { useTRPCClient, type RouterOutputs } from "../../lib/trpc";
import { useMoneyAction } from "./attempt";
import { useRefreshMoney } from "./desk";

type CancelledCharge = RouterOutputs["charges"]["cancel"];

/**
 * "Cancel sale" for an open sale with nothing paid on it, asked twice (a click, then a
 * confirmation). The cancellation is one money attempt with its idempotency key: what the client
 * owes for the sale is taken off (the server reverses it in the ledger).
 */
export function CancelSaleButton({ chargeId, onCancelled, size = "md" }: { chargeId: string; onCancelled?: (charge: CancelledCharge) => void; size?: "sm" | "md" }) {
  const { t } = useI18n();
  const api = useTRPCClient();
  const refreshMoney = useRefreshMoney();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMoneyAction(
    (idempotencyKey) => api.charges.cancel.mutate({ idempotencyKey, id: chargeId }),
    async (charge) => {
      setConfirming(false);
      onCancelled?.(charge);
      await refreshMoney();
    },
  );

  if (!confirming) {
    return (
      <Button variant="secondary" size={size} onClick={() => setConfirming(true)}>
        {t("payments.cancelSale")}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={t("payments.cancelSale")} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-800">{t("payments.cancelSale.confirm")}</span>
      <Button variant="danger" size={size} loading={cancel.busy} onClick={() => void cancel.start()}>
        {t("payments.cancelSale.yes")}
      </Button>
      <Button variant="ghost" size={size} disabled={cancel.busy} onClick={() => setConfirming(false)}>
        {t("payments.cancelSale.keep")}
      </Button>
      {cancel.error ? (
        <p role="alert" className="w-full text-red-700">
          {cancel.error}
        </p>
      ) : null}
    </div>
  );
}
