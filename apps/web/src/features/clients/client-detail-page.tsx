import { formatPhone } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Link, useParams } from "react-router";
import { BackLink } from "../../components/back-link";
import { Alert, Badge, Button, buttonClasses, Card, CardContent, CardHeader, CardTitle, ConfirmDialog, EmptyState, ErrorState, PageSpinner, useToast } from "../../components/ui";
import { LOCALE_NAMES, useI18n, type Translator } from "../../i18n";
import { errorCodeOf, errorMessage } from "../../lib/errors";
import { useTRPC, type RouterOutputs } from "../../lib/trpc";

type Client = RouterOutputs["clients"]["get"];
import { ClientPaymentsCard } from "../payments/client-payments-card";
import { useCan, useOffice, useSession } from "../shell/session-context";
import { ClientHistory } from "./client-history";
import { sectionFor, type ClientDetailsLike, type DetailsSection } from "./form-model";
import { officeLabel } from "./office-label";

const SECTIONS: readonly DetailsSection[] = ["medical", "legal", "education", "business"];

export function ClientDetailPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const trpc = useTRPC();
  const client = useQuery(trpc.clients.get.queryOptions({ id }));

  if (client.isPending) return <PageSpinner label={t("app.loading")} />;
  if (client.isError) {
    const notFound = ["NOT_FOUND", "VALIDATION_FAILED"].includes(errorCodeOf(client.error));
    return (
      <div className="space-y-4">
        <BackToClients />
        <Card>
          {notFound ? (
            <EmptyState title={t("client.notFound.title")}>{t("client.notFound.body")}</EmptyState>
          ) : (
            <ErrorState title={t("client.loadError")} message={errorMessage(t, client.error)} onRetry={() => void client.refetch()} retrying={client.isFetching} />
          )}
        </Card>
      </div>
    );
  }
  return <ClientView client={client.data} />;
}

function BackToClients() {
  const t = useI18n().t;
  return <BackLink to="/clients" label={t("client.back")} />;
}

function ClientView({ client }: { client: Client }) {
  const { t, formatDate, formatDay, regionName } = useI18n();
  const { staff } = useSession();
  const office = useOffice(client.officeId);
  const canWrite = useCan("clients.write");
  const canArchive = useCan("clients.archive");
  const canReadHistory = useCan("audit.read");
  const canReadPayments = useCan("payments.read");
  const archived = client.archivedAt !== null;

  const section = sectionFor(office);
  const sections = section ? [section] : SECTIONS.filter((candidate) => client.details[candidate] !== undefined);

  return (
    <div className="space-y-4">
      <title>{`${client.displayName} · ${t("app.name")}`}</title>
      <BackToClients />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold text-slate-900">
            {client.displayName}
            {client.kind === "company" ? <Badge tone="info">{t("clients.kind.company")}</Badge> : null}
            {archived ? <Badge tone="warning">{t("clients.archivedBadge")}</Badge> : null}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {office ? officeLabel(office) : t("client.noOffice")} · {t("client.createdOn", { date: formatDay(client.createdAt, staff.timeZone) })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canWrite && !archived ? (
            <Link to={`/clients/${client.id}/edit`} className={buttonClasses("primary")}>
              {t("common.edit")}
            </Link>
          ) : null}
          {canArchive ? <ArchiveButton client={client} /> : null}
        </div>
      </div>

      {archived && client.archivedAt ? <Alert tone="warning">{t("client.archivedOn", { date: formatDay(client.archivedAt, staff.timeZone) })}</Alert> : null}

      <div className={canReadHistory ? "grid gap-4 lg:grid-cols-3" : "max-w-4xl"}>
        <div className={canReadHistory ? "space-y-4 lg:col-span-2" : "space-y-4"}>
          <Card aria-labelledby="contact-title">
            <CardHeader>
              <CardTitle id="contact-title">{t("client.contact")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-4 sm:grid-cols-2">
                <Item label={t("field.phones")}>
                  {client.phones.length ? (
                    <ul className="space-y-1">
                      {client.phones.map((phone, index) => (
                        <li key={index}>
                          <a href={`tel:${phone.number}`} className="text-brand-700 hover:underline">
                            {formatPhone(phone.number)}
                          </a>{" "}
                          <span className="text-xs text-slate-600">· {t(`contactLabel.${phone.label}`)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Muted>{t("client.noPhones")}</Muted>
                  )}
                </Item>
                <Item label={t("field.emails")}>
                  {client.emails.length ? (
                    <ul className="space-y-1">
                      {client.emails.map((email, index) => (
                        <li key={index} className="break-all">
                          <a href={`mailto:${email.address}`} className="text-brand-700 hover:underline">
                            {email.address}
                          </a>{" "}
                          <span className="text-xs text-slate-600">· {t(`contactLabel.${email.label}`)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Muted>{t("client.noEmails")}</Muted>
                  )}
                </Item>
                <Item label={t("field.addresses")} className="sm:col-span-2">
                  {client.addresses.length ? (
                    <ul className="grid gap-3 sm:grid-cols-2">
                      {client.addresses.map((address, index) => (
                        <li key={index}>
                          <address className="text-sm not-italic">
                            <span className="block text-xs text-slate-600">{t(`contactLabel.${address.label}`)}</span>
                            {address.line1}
                            {address.line2 ? <>, {address.line2}</> : null}
                            <br />
                            {[address.postalCode, address.city].filter(Boolean).join(" ")}
                            {address.region ? ` (${address.region})` : null}
                            <br />
                            {regionName(address.country)}
                          </address>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <Muted>{t("client.noAddresses")}</Muted>
                  )}
                </Item>
              </dl>
            </CardContent>
          </Card>

          <Card aria-labelledby="identity-title">
            <CardHeader>
              <CardTitle id="identity-title">{t("client.identity")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-4 sm:grid-cols-2">
                <Item label={t("field.nationalId")}>
                  {client.nationalId ? (
                    <>
                      <span className="font-mono">{client.nationalId.value}</span>{" "}
                      <span className="text-xs text-slate-600">· {t(`nationalIdType.${client.nationalId.type}`)}</span>
                    </>
                  ) : (
                    <Muted>{t("client.noNationalId")}</Muted>
                  )}
                </Item>
                <Item label={t("client.preferredLocale")}>{LOCALE_NAMES[client.preferredLocale]}</Item>
              </dl>
            </CardContent>
          </Card>

          {sections.map((kind) => (
            <Card key={kind} aria-labelledby={`section-${kind}`}>
              <CardHeader>
                <CardTitle id={`section-${kind}`}>{t(`client.section.${kind}`)}</CardTitle>
              </CardHeader>
              <CardContent>
                <DetailsView section={kind} details={client.details} t={t} formatDate={formatDate} />
              </CardContent>
            </Card>
          ))}

          <Card aria-labelledby="notes-title">
            <CardHeader>
              <CardTitle id="notes-title">{t("client.notes")}</CardTitle>
            </CardHeader>
            <CardContent>{client.notes.trim() ? <p className="text-sm whitespace-pre-wrap text-slate-800">{client.notes}</p> : <Muted>{t("client.noNotes")}</Muted>}</CardContent>
          </Card>

          {canReadPayments ? <ClientPaymentsCard clientId={client.id} /> : null}
        </div>
        {canReadHistory ? (
          <div>
            <ClientHistory clientId={client.id} />
          </div>
        ) : null}
      </div>
    </div>
  );
}

function Item({ label, children, className }: { label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-sm text-slate-600">{children}</span>;
}

function DetailsView({ section, details, t, formatDate }: { section: DetailsSection; details: ClientDetailsLike; t: Translator; formatDate: (iso: string) => string }) {
  const empty = <Muted>{t("client.section.empty")}</Muted>;
  if (section === "medical") {
    const medical = details.medical;
    if (!medical) return empty;
    return (
      <dl className="grid gap-4 sm:grid-cols-3">
        <Item label={t("field.dateOfBirth")}>{medical.dateOfBirth ? formatDate(medical.dateOfBirth) : "—"}</Item>
        <Item label={t("field.insuranceProvider")}>{medical.insurance?.provider ?? "—"}</Item>
        <Item label={t("field.policyNumber")}>{medical.insurance?.policyNumber ?? "—"}</Item>
      </dl>
    );
  }
  if (section === "legal") {
    const matters = details.legal?.matters ?? [];
    if (!matters.length) return empty;
    return (
      <ul className="divide-y divide-slate-100">
        {matters.map((matter, index) => (
          <li key={index} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <span className="font-mono text-sm text-slate-700">{matter.reference}</span> <span className="text-sm text-slate-900">{matter.title}</span>
            </span>
            <Badge tone={(matter.status ?? "open") === "open" ? "success" : "neutral"}>{t(`matterStatus.${matter.status ?? "open"}`)}</Badge>
          </li>
        ))}
      </ul>
    );
  }
  if (section === "education") {
    const education = details.education;
    if (!education) return empty;
    return (
      <div className="space-y-4">
        <dl className="grid gap-4 sm:grid-cols-3">
          <Item label={t("field.studentDateOfBirth")}>{education.student?.dateOfBirth ? formatDate(education.student.dateOfBirth) : "—"}</Item>
          <Item label={t("field.grade")}>{education.student?.grade ?? "—"}</Item>
          <Item label={t("field.studentNumber")}>{education.student?.studentNumber ?? "—"}</Item>
        </dl>
        <div>
          <h3 className="text-xs font-medium tracking-wide text-slate-600 uppercase">{t("field.guardians")}</h3>
          {education.guardians?.length ? (
            <ul className="mt-1 space-y-2">
              {education.guardians.map((guardian, index) => (
                <li key={index} className="text-sm">
                  <span className="font-medium text-slate-900">{guardian.name}</span>
                  {guardian.relationship ? <span className="text-slate-600"> · {guardian.relationship}</span> : null}
                  <span className="block text-slate-700">
                    {[guardian.phone ? formatPhone(guardian.phone) : null, guardian.email].filter(Boolean).join(" · ")}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1">
              <Muted>{t("clientForm.noGuardians")}</Muted>
            </p>
          )}
        </div>
      </div>
    );
  }
  const business = details.business;
  if (!business) return empty;
  return (
    <dl className="grid gap-4 sm:grid-cols-2">
      <Item label={t("field.companyName")}>{business.companyName ?? "—"}</Item>
      <Item label={t("field.vatNumber")}>{business.vatNumber ? <span className="font-mono">{business.vatNumber}</span> : "—"}</Item>
    </dl>
  );
}

function ArchiveButton({ client }: { client: Client }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const archived = client.archivedAt !== null;

  const onDone = async (updated: Client) => {
    queryClient.setQueryData(trpc.clients.get.queryKey({ id: client.id }), updated);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.clients.search.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.clients.history.queryKey({ id: client.id }) }),
    ]);
  };
  const archive = useMutation(trpc.clients.archive.mutationOptions({ onSuccess: onDone }));
  const restore = useMutation(trpc.clients.restore.mutationOptions({ onSuccess: onDone }));

  const confirm = async () => {
    setError(null);
    try {
      await (archived ? restore : archive).mutateAsync({ id: client.id });
      toast(t(archived ? "client.restore.done" : "client.archive.done", { name: client.displayName }));
    } catch (caught) {
      setError(`${t("client.actionFailed")} ${errorMessage(t, caught)}`);
      throw caught;
    }
  };

  return (
    <>
      <Button
        variant={archived ? "secondary" : "danger"}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {archived ? t("client.restore") : t("client.archive")}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={t(archived ? "client.restore.title" : "client.archive.title", { name: client.displayName })}
        description={t(archived ? "client.restore.body" : "client.archive.body")}
        confirmLabel={archived ? t("client.restore") : t("client.archive")}
        tone={archived ? "primary" : "danger"}
        onConfirm={confirm}
        error={error}
      />
    </>
  );
}
