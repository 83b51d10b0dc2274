import type { Office } from "@frontoffice/domain";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "./session-context";

/** The organization's offices with their departments: fresh from the server, the session's meanwhile. */
export function useOffices(): readonly Office[] {
  const trpc = useTRPC();
  const session = useSession();
  const offices = useQuery({ ...trpc.offices.list.queryOptions(), placeholderData: session.offices });
  return offices.data ?? session.offices;
}
