/** The desk pages' header: title, live connection, office picker (the visitors pages') and the links between them. */
import type { ReactNode } from "react";
import { Link } from "react-router";
import { buttonClasses } from "../../components/ui";
import { useI18n, type MessageKey } from "../../i18n";
import { cn } from "../../lib/cn";
import { useCan } from "../shell/session-context";
import { OfficePicker } from "../visitors/visitors-page";
import type { LiveConnection } from "./use-live-calls";

const CONNECTION_TONE: Record<LiveConnection, string> = {
  connected: "bg-green-600",
  connecting: "bg-amber-500 animate-pulse",
  offline: "bg-red-600",
};

function ConnectionIndicator({ connection }: { connection: LiveConnection }) {
  const { t } = useI18n();
  return (
    <span role="status" className="inline-flex items-center gap-2 text-sm text-slate-700" data-connection={connection}>
      <span aria-hidden="true" className={cn("h-2.5 w-2.5 rounded-full", CONNECTION_TONE[connection])} />
      {t(`desk.connection.${connection}` as MessageKey)}
    </span>
  );
}

/** Links between the desk's pages: the console, the call log, my messages and the simulator. */
function DeskNav({ officeId }: { officeId: string | undefined }) {
  const { t } = useI18n();
  const canSimulate = useCan("calls.simulate");
  const query = officeId ? `?office=${officeId}` : "";
  return (
    <nav aria-label={t("desk.nav")} className="flex flex-wrap gap-2">
      <Link to={`/desk${query}`} className={buttonClasses("secondary", "sm")}>
        {t("desk.title")}
      </Link>
      <Link to={`/desk/log${query}`} className={buttonClasses("secondary", "sm")}>
        {t("desk.log.title")}
      </Link>
      <Link to={`/desk/messages${query}`} className={buttonClasses("secondary", "sm")}>
        {t("desk.messages.title")}
      </Link>
      {canSimulate ? (
        <Link to={`/desk/simulator${query}`} className={buttonClasses("secondary", "sm")}>
          {t("desk.simulator.title")}
        </Link>
      ) : null}
    </nav>
  );
}


/** A desk page's header: its title (with the live connection when it has one), the office picker, extra controls, the desk's links. */
export function DeskHeader({
  title,
  officeId,
  onOfficeChange,
  connection,
  children,
}: {
  title: ReactNode;
  officeId: string | undefined;
  /** Absent: the page is not about one office (my messages). */
  onOfficeChange?: (id: string) => void;
  connection?: LiveConnection;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end gap-4">
      <div className="flex-1">
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        {connection ? <ConnectionIndicator connection={connection} /> : null}
      </div>
      {onOfficeChange ? <OfficePicker officeId={officeId} onChange={onOfficeChange} /> : null}
      {children}
      <DeskNav officeId={officeId} />
    </div>
  );
}
