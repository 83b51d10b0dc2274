import { z } from "zod";

/** Roles a staff member can hold; one person often holds several in a small office. */
export const ROLES = [
  "owner",
  "manager",
  "receptionist",
  "file_clerk",
  "administrative_assistant",
  "employee",
] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES, { error: "validation.role_invalid" });
export const rolesSchema = z.array(roleSchema).min(1, "validation.roles_empty").max(ROLES.length);

/**
 * Everything the server guards. A procedure names exactly one permission; anything not listed
 * for a role is denied.
 */
export const PERMISSIONS = [
  "organization.manage",
  "offices.read",
  "offices.manage",
  "staff.read",
  "staff.manage",
  "clients.read",
  "clients.write",
  "clients.archive",
  "audit.read",
  "appointments.read",
  "appointments.write",
  "services.manage",
  /** Take payments at the desk, count the cash at close-out. */
  "payments.take",
  /** Ask for refunds and voids (above the office's threshold they wait for a manager). */
  "payments.refund",
  /** Approve refunds and voids above the threshold; sign off a desk's close-out; payment settings. */
  "payments.approve",
  /** Read charges, payments, receipts, balances and close-outs. */
  "payments.read",
  /** Keep the catalog of products and their prices and tax rates. */
  "products.manage",
  /** Search and read the knowledge base of answers; log a question that had no answer. */
  "answers.read",
  /** Write, change and archive answers; answer or dismiss the logged questions. */
  "answers.manage",
  /** See the day's visitors, who is on site, badges. */
  "visitors.read",
  /** Pre-register, check visitors in and out, cancel visits; kiosk tokens. */
  "visitors.manage",
  /** See the office's live calls and the call log; one's own messages. */
  "calls.read",
  /** Answer, hold, transfer and end calls; take messages, schedule call-backs; set one's own presence. */
  "calls.handle",
  /** Ring simulated calls into an office (training, demos). */
  "calls.simulate",
  /** Routing rules, call hours, queues, staff extensions and languages, telephony endpoints. */
  "calls.configure",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everything: readonly Permission[] = PERMISSIONS;

/** The permission matrix: which role may do what. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: everything,
  manager: everything.filter((permission) => permission !== "organization.manage"),
  receptionist: ["offices.read", "staff.read", "clients.read", "clients.write", "appointments.read", "appointments.write", "payments.take", "payments.refund", "payments.read", "answers.read", "visitors.read", "visitors.manage", "calls.read", "calls.handle"],
  file_clerk: ["offices.read", "staff.read", "clients.read", "clients.write", "clients.archive", "audit.read", "appointments.read", "payments.read", "answers.read", "visitors.read", "calls.read"],
  administrative_assistant: ["offices.read", "staff.read", "clients.read", "clients.write", "audit.read", "appointments.read", "appointments.write", "answers.read", "visitors.read", "calls.read", "calls.handle"],
  employee: ["offices.read", "staff.read", "clients.read", "appointments.read", "answers.read", "visitors.read", "calls.read", "calls.handle"],
};

/** The union of the permissions of every role held. */
export function permissionsFor(roles: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  return PERMISSIONS.filter((permission) => granted.has(permission));
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}
