import type { Office, StaffDetails } from "@frontoffice/domain";

/** The office asked for, else the first one the signed-in staff member works in, else the first. */
export function pickOffice(offices: readonly Office[], wanted: string | null, staff: readonly StaffDetails[] | undefined, me: string): Office | undefined {
  const mine = staff?.find((member) => member.id === me)?.officeIds ?? [];
  return offices.find((candidate) => candidate.id === wanted) ?? offices.find((candidate) => mine.includes(candidate.id)) ?? offices[0];
}
