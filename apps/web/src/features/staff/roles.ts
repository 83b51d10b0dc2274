import { PERMISSIONS, ROLE_PERMISSIONS, ownerRuleRefusal, type Permission, type Role, type StaffStanding } from "@frontoffice/domain";
import type { Translator } from "../../i18n";

/**
 * What a role may do, in a sentence, derived from the permission matrix: "Can do everything"
 * for a role holding every permission, "everything except …" for one missing at most two, else
 * the list of what it can do.
 */
export function roleSummary(t: Translator, formatList: (items: readonly string[]) => string, role: Role): string {
  const granted = ROLE_PERMISSIONS[role];
  const label = (permission: Permission) => t(`permission.${permission}`);
  const missing = PERMISSIONS.filter((permission) => !granted.includes(permission));
  if (missing.length === 0) return t("role.summary.everything");
  if (missing.length <= 2) return t("role.summary.allExcept", { list: formatList(missing.map(label)) });
  return t("role.summary.list", { list: formatList(PERMISSIONS.filter((permission) => granted.includes(permission)).map(label)) });
}

/** Whether someone holding `actorRoles` may grant or take away `role` (the owner role is reserved to owners). */
export function mayGrant(actorRoles: readonly Role[], role: Role): boolean {
  return ownerRuleRefusal(actorRoles, null, { roles: [role], active: true }) === null;
}

/** Whether someone holding `actorRoles` may change this staff member at all (only owners change owners). */
export function mayChange(actorRoles: readonly Role[], staff: StaffStanding): boolean {
  return ownerRuleRefusal(actorRoles, staff, staff) === null;
}
