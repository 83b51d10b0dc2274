import type { CallView } from "@frontoffice/domain";

/** For tests: a ringing call on line 1, offered at 09:00 UTC, changed as given. */
export function callFixture(id: string, overrides: Partial<CallView> = {}): CallView {
  return {
    id,
    officeId: "office",
    line: 1,
    source: "simulator",
    status: "ringing",
    outcome: null,
    callerNumber: "+34612345678",
    callerName: null,
    client: null,
    vip: false,
    language: null,
    extension: null,
    department: null,
    staff: null,
    decision: null,
    transfer: null,
    overflowHops: 0,
    offeredAt: "2026-11-23T09:00:00.000Z",
    answeredAt: null,
    endedAt: null,
    version: 1,
    ...overrides,
  };
}
