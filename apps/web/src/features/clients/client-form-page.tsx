import type { ClientInput, Office } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { Alert, Button, buttonClasses, Card, EmptyState, ErrorState, PageSpinner, useToast } from "../../components/ui";
import { useI18n, type Translator } from "../../i18n";
import { errorCodeOf, errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC, type RouterOutputs } from "../../lib/trpc";

type Client = RouterOutputs["clients"]["get"];
import { useCan, useSession } from "../shell/session-context";
import { useOffices } from "../shell/use-offices";
import { ClientForm, type SubmitOutcome } from "./client-form";
import { clientToForm, emptyClientForm } from "./form-model";

const LAST_OFFICE_KEY = "frontoffice.lastOffice";

function outcomeOf(error: unknown, t: Translator): SubmitOutcome {
  const code = errorCodeOf(error);
  if (code === "VALIDATION_FAILED") {
    const issues = fieldIssuesOf(error);
    return { ok: false, issues, message: issues.length ? undefined : t("errors.VALIDATION_FAILED") };
  }
  return { ok: false, message: `${t("clientForm.saveFailed")} ${errorMessage(t, error)}` };
}

/**
 * The office a new client most likely belongs to: the last one used at this desk, else one in the
 * staff member's time zone and language, else the first.
 */
function defaultOffice(offices: readonly Office[], staff: { timeZone: string; locale: string }): Office | undefined {
  let remembered: string | null = null;
  try {
    remembered = window.localStorage.getItem(LAST_OFFICE_KEY);
  } catch {
    remembered = null;
  }
  return (
    offices.find((office) => office.id === remembered) ??
    offices.find((office) => office.timeZone === staff.timeZone && office.locale === staff.locale) ??
    offices.find((office) => office.timeZone === staff.timeZone) ??
    offices[0]
  );
}

function rememberOffice(officeId: string | null | undefined) {
  try {
    if (officeId) window.localStorage.setItem(LAST_OFFICE_KEY, officeId);
  } catch {
    // Only a convenience.
  }
}

function NoPermission() {
  const { t } = useI18n();
  return (
    <Card>
      <EmptyState title={t("errors.FORBIDDEN")} action={<Link to="/clients" className={buttonClasses("secondary")}>{t("client.back")}</Link>}>
        {t("clientForm.noPermission")}
      </EmptyState>
    </Card>
  );
}

export function NewClientPage() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { toast } = useToast();
  const canWrite = useCan("clients.write");
  const offices = useOffices();
  const { staff } = useSession();
  const [initial] = useState(() => emptyClientForm(defaultOffice(offices, staff), locale));
  const create = useMutation(trpc.clients.create.mutationOptions());

  if (!canWrite) return <NoPermission />;

  const submit = async (input: ClientInput): Promise<SubmitOutcome> => {
    try {
      const client = await create.mutateAsync(input);
      rememberOffice(client.officeId);
      queryClient.setQueryData(trpc.clients.get.queryKey({ id: client.id }), client);
      void queryClient.invalidateQueries({ queryKey: trpc.clients.search.pathKey() });
      toast(t("clientForm.created", { name: client.displayName }));
      await navigate(`/clients/${client.id}`);
      return { ok: true };
    } catch (error) {
      return outcomeOf(error, t);
    }
  };

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <title>{`${t("clientForm.newTitle")} · ${t("app.name")}`}</title>
      <h1 className="text-2xl font-semibold text-slate-900">{t("clientForm.newTitle")}</h1>
      <ClientForm
        offices={offices}
        initial={initial}
        submitLabel={t("clientForm.create")}
        submittingLabel={t("clientForm.creating")}
        cancelTo="/clients"
        onSubmit={submit}
      />
    </div>
  );
}

export function EditClientPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const trpc = useTRPC();
  const canWrite = useCan("clients.write");
  const client = useQuery({ ...trpc.clients.get.queryOptions({ id }), refetchOnWindowFocus: false, staleTime: Infinity });

  if (!canWrite) return <NoPermission />;
  if (client.isPending) return <PageSpinner label={t("app.loading")} />;
  if (client.isError) {
    const notFound = ["NOT_FOUND", "VALIDATION_FAILED"].includes(errorCodeOf(client.error));
    return (
      <Card>
        {notFound ? (
          <EmptyState title={t("client.notFound.title")}>{t("client.notFound.body")}</EmptyState>
        ) : (
          <ErrorState title={t("client.loadError")} message={errorMessage(t, client.error)} onRetry={() => void client.refetch()} retrying={client.isFetching} />
        )}
      </Card>
    );
  }
  return <EditClient client={client.data} />;
}

function EditClient({ client }: { client: Client }) {
  const { t, formatDay } = useI18n();
  const { staff } = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { toast } = useToast();
  const offices = useOffices();
  const update = useMutation(trpc.clients.update.mutationOptions());

  // The version the form was loaded at; a save against a newer one is a conflict to resolve.
  const [loaded, setLoaded] = useState(client);
  const [formKey, setFormKey] = useState(0);
  const [conflict, setConflict] = useState<Client | null>(null);
  const lastInput = useRef<ClientInput | null>(null);
  const initial = useMemo(() => clientToForm(loaded, offices.find((office) => office.id === loaded.officeId)), [loaded, offices]);

  const save = async (input: ClientInput, version: number): Promise<SubmitOutcome> => {
    lastInput.current = input;
    try {
      const saved = await update.mutateAsync({ id: loaded.id, version, client: input });
      setConflict(null);
      queryClient.setQueryData(trpc.clients.get.queryKey({ id: saved.id }), saved);
      void queryClient.invalidateQueries({ queryKey: trpc.clients.search.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.clients.history.queryKey({ id: saved.id }) });
      toast(t("clientForm.saved", { name: saved.displayName }));
      await navigate(`/clients/${saved.id}`);
      return { ok: true };
    } catch (error) {
      if (errorCodeOf(error) === "CLIENT_VERSION_CONFLICT") {
        const latest = await queryClient.fetchQuery({ ...trpc.clients.get.queryOptions({ id: loaded.id }), staleTime: 0 }).catch(() => null);
        setConflict(latest);
        return { ok: false };
      }
      return outcomeOf(error, t);
    }
  };

  if (loaded.archivedAt) {
    return (
      <div className="mx-auto max-w-4xl space-y-4">
        <Alert tone="warning" actions={<Link to={`/clients/${loaded.id}`} className={buttonClasses("secondary")}>{t("common.back")}</Link>}>
          {t("client.archivedOn", { date: formatDay(loaded.archivedAt, staff.timeZone) })}
        </Alert>
      </div>
    );
  }

  const banner = conflict ? (
    <Alert
      tone="warning"
      title={t("clientForm.conflict.title")}
      actions={
        <>
          <Button
            onClick={() => {
              const input = lastInput.current;
              if (input) void save(input, conflict.version);
            }}
            loading={update.isPending}
          >
            {t("clientForm.conflict.overwrite")}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setLoaded(conflict);
              setConflict(null);
              setFormKey((key) => key + 1);
            }}
          >
            {t("clientForm.conflict.discard")}
          </Button>
        </>
      }
    >
      {t("clientForm.conflict.body")}
    </Alert>
  ) : null;

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <title>{`${t("clientForm.editTitle", { name: loaded.displayName })} · ${t("app.name")}`}</title>
      <h1 className="text-2xl font-semibold text-slate-900">{t("clientForm.editTitle", { name: loaded.displayName })}</h1>
      <ClientForm
        key={formKey}
        offices={offices}
        initial={initial}
        baseDetails={loaded.details}
        submitLabel={t("common.save")}
        submittingLabel={t("common.saving")}
        cancelTo={`/clients/${loaded.id}`}
        banner={banner}
        onSubmit={(input) => save(input, loaded.version)}
      />
    </div>
  );
}
