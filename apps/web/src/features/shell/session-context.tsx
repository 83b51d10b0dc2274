import type { Office, Permission, SessionInfo } from "@frontoffice/domain";
import { createContext, use } from "react";

export const SessionContext = createContext<SessionInfo | null>(null);

/** The signed-in staff member, their organization, offices and permissions (inside the shell). */
export function useSession(): SessionInfo {
  const session = use(SessionContext);
  if (!session) throw new Error("useSession is only available inside the app shell");
  return session;
}

export function useCan(permission: Permission): boolean {
  return useSession().permissions.includes(permission);
}

export function useOffice(id: string | null | undefined): Office | undefined {
  const { offices } = useSession();
  return id ? offices.find((office) => office.id === id) : undefined;
}
