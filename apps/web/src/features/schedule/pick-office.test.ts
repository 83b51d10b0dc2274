import type { Office, StaffDetails } from "@frontoffice/domain";
import { describe, expect, it } from "vitest";
import { pickOffice } from "./pick-office";

const office = (id: string) => ({ id, name: id }) as Office;
const member = (id: string, officeIds: string[]) => ({ id, officeIds }) as StaffDetails;

describe("pickOffice", () => {
  const offices = [office("boston"), office("madrid"), office("milan")];

  it("opens the office asked for, else the signed-in staff member's own, else the first", () => {
    expect(pickOffice(offices, "milan", [member("me", ["madrid"])], "me")?.id).toBe("milan");
    expect(pickOffice(offices, null, [member("me", ["madrid"])], "me")?.id).toBe("madrid");
    expect(pickOffice(offices, "gone", undefined, "me")?.id).toBe("boston");
  });
});
