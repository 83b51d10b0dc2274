import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Alert, Button, ErrorState, Skeleton, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC, useTRPCClient } from "../../lib/trpc";
import { useCan } from "../shell/session-context";

/** Base64 (as the server sends a PDF) to bytes. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * A receipt as the package renders it (printable HTML, in a sandboxed frame that runs nothing),
 * with print, PDF and email. Printing the page prints the receipt alone (the frame's own page).
 */
export function ReceiptDocument({ receiptId, canEmail = true }: { receiptId: string; canEmail?: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const api = useTRPCClient();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const mayEmail = useCan("payments.take") && canEmail;
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(480);
  const [pdfError, setPdfError] = useState<string | null>(null);
  const [pdfBusy, setPdfBusy] = useState(false);
  const receipt = useQuery(trpc.receipts.get.queryOptions({ id: receiptId }, { staleTime: Number.POSITIVE_INFINITY }));
  const email = useMutation(
    trpc.receipts.email.mutationOptions({
      onSuccess: (sent) => toast(sent.queued && sent.to ? t("receipt.emailed", { to: sent.to }) : t("receipt.noEmail"), sent.queued ? "success" : "info"),
    }),
  );

  const fitFrame = () => {
    const body = frame.current?.contentDocument?.documentElement;
    if (body) setHeight(body.scrollHeight + 16);
  };

  const print = () => frame.current?.contentWindow?.print();

  const openPdf = async () => {
    setPdfError(null);
    setPdfBusy(true);
    try {
      const pdf = await queryClient.fetchQuery({ queryKey: trpc.receipts.pdf.queryKey({ id: receiptId }), queryFn: () => api.receipts.pdf.query({ id: receiptId }), staleTime: Number.POSITIVE_INFINITY });
      const url = URL.createObjectURL(new Blob([base64ToBytes(pdf.base64)], { type: "application/pdf" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = pdf.fileName;
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      setPdfError(errorMessage(t, error));
    } finally {
      setPdfBusy(false);
    }
  };

  if (receipt.isPending) return <Skeleton className="h-64 w-full" />;
  if (receipt.isError) return <ErrorState title={t("receipt.loadError")} message={errorMessage(t, receipt.error)} onRetry={() => void receipt.refetch()} retrying={receipt.isFetching} />;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <Button onClick={print}>{t("receipt.print")}</Button>
        <Button variant="secondary" loading={pdfBusy} onClick={() => void openPdf()}>
          {t("receipt.pdf")}
        </Button>
        {mayEmail ? (
          <Button variant="secondary" loading={email.isPending} onClick={() => email.mutate({ id: receiptId })}>
            {t("receipt.email")}
          </Button>
        ) : null}
      </div>
      {pdfError ? <Alert tone="error">{pdfError}</Alert> : null}
      {email.isError ? <Alert tone="error">{errorMessage(t, email.error)}</Alert> : null}
      <iframe
        ref={frame}
        title={t("receipt.frameTitle", { number: receipt.data.number })}
        srcDoc={receipt.data.html}
        // Same origin so the page can size and print the frame; no scripts run in it.
        sandbox="allow-same-origin allow-modals"
        onLoad={fitFrame}
        className="w-full rounded-md bg-white ring-1 ring-slate-200 print:ring-0"
        style={{ height }}
      />
    </div>
  );
}
