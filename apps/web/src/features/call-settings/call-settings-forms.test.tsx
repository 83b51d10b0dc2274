import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { CallOfficeSettingsInput, DepartmentQueueInput, RoutingRuleCreateInput, StaffPhoneInput } from "@frontoffice/domain";
import { describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { renderUi } from "../../test/render";
import { DepartmentQueueForm } from "./department-queues-card";
import { OfficeLinesForm } from "./office-call-card";
import { RuleForm } from "./rules-card";
import type { CallRoutingSetupView } from "./setup";
import { StaffPhoneForm } from "./staff-phones-card";

const OFFICE = "00000000-0000-4000-8000-000000000001";
const RECEPTION = "00000000-0000-4000-8000-0000000000a1";
const BILLING = "00000000-0000-4000-8000-0000000000b1";
const ANA = "00000000-0000-4000-8000-0000000000c1";
const refusal = (data: Record<string, unknown>) => Object.assign(new Error("refused"), { name: "TRPCClientError", data });

const departments: CallRoutingSetupView["departments"] = [
  { id: RECEPTION, name: "Reception", extension: "100", strategy: "ring_all", timeoutSeconds: 30, overflow: { kind: "department", departmentId: BILLING }, callHours: null },
  { id: BILLING, name: "Billing", extension: "102", strategy: "ring_all", timeoutSeconds: 30, overflow: null, callHours: null },
];
const staff: CallRoutingSetupView["staff"] = [{ id: ANA, displayName: "Ana", extension: null, languages: [], skills: [], departmentIds: [RECEPTION], presence: "available" }];
const names = { departments: { [RECEPTION]: "Reception", [BILLING]: "Billing" }, staff: { [ANA]: "Ana" }, rules: {} };

describe("OfficeLinesForm", () => {
  const office: CallRoutingSetupView["office"] = { id: OFFICE, name: "Madrid", timeZone: "Europe/Madrid", locale: "es", callHours: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] }, callHolidays: [], callLines: 4, maxOverflowHops: 3, defaultDepartmentId: null };

  it("sends calls that name no one to the department chosen, or to no one again", async () => {
    const onSave = vi.fn(async (_changes: Partial<CallOfficeSettingsInput>) => undefined);
    renderUi(<OfficeLinesForm office={office} departments={departments} onSave={onSave} />);
    const select = screen.getByLabelText(en["callSettings.office.defaultDestination"]);
    expect(select).toHaveValue("");
    expect(screen.getAllByRole("option").map((option) => option.textContent)).toEqual([en["callSettings.office.defaultDestinationNone"], "Reception", "Billing"]);
    fireEvent.change(select, { target: { value: RECEPTION } });
    fireEvent.click(screen.getByRole("button", { name: en["callSettings.office.save"] }));
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith({ callLines: 4, maxOverflowHops: 3, callHolidays: [], defaultDepartmentId: RECEPTION }));
    fireEvent.change(select, { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: en["callSettings.office.save"] }));
    await waitFor(() => expect(onSave).toHaveBeenLastCalledWith({ callLines: 4, maxOverflowHops: 3, callHolidays: [], defaultDepartmentId: null }));
  });
});

describe("StaffPhoneForm", () => {
  it("saves an extension, the languages ticked and the skills typed", async () => {
    const onSave = vi.fn(async (_input: StaffPhoneInput) => undefined);
    renderUi(<StaffPhoneForm member={staff[0]!} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText("Extension of Ana"), { target: { value: "201" } });
    fireEvent.click(screen.getByLabelText("Ana speaks Spanish"));
    fireEvent.click(screen.getByLabelText("Ana speaks English"));
    fireEvent.change(screen.getByLabelText("Skills of Ana"), { target: { value: "billing, x-ray" } });
    fireEvent.click(screen.getByRole("button", { name: "Save the phone settings of Ana" }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ staffId: ANA, extension: "201", languages: ["en", "es"], skills: ["billing", "x-ray"] }));
  });

  it("says beside the extension that it is taken, and refuses a bad one without asking the server", async () => {
    const onSave = vi.fn(async () => Promise.reject(refusal({ code: "EXTENSION_TAKEN" })));
    renderUi(<StaffPhoneForm member={staff[0]!} onSave={onSave} />);
    const extension = screen.getByLabelText("Extension of Ana");
    fireEvent.change(extension, { target: { value: "1" } });
    fireEvent.click(screen.getByRole("button", { name: "Save the phone settings of Ana" }));
    expect(await screen.findByText(en["validation.extension_invalid"])).toBeInTheDocument();
    expect(onSave).not.toHaveBeenCalled();

    fireEvent.change(extension, { target: { value: "100" } });
    fireEvent.click(screen.getByRole("button", { name: "Save the phone settings of Ana" }));
    expect(await screen.findByText(en["callSettings.staff.extensionTaken"])).toBeInTheDocument();
    expect(extension).toHaveAttribute("aria-invalid", "true");
  });
});

describe("RuleForm", () => {
  it("adds a language rule, reading it back as a sentence while typed", async () => {
    const onSave = vi.fn(async (_input: RoutingRuleCreateInput) => undefined);
    renderUi(<RuleForm officeId={OFFICE} setup={{ departments, staff }} names={names} title="New rule" onSave={onSave} onCancel={() => undefined} />);
    fireEvent.change(screen.getByLabelText(en["callSettings.rules.name"]), { target: { value: "Spanish callers" } });
    fireEvent.click(screen.getByLabelText("Spanish"));
    fireEvent.change(screen.getByLabelText(en["callSettings.rules.targetDepartment"]), { target: { value: BILLING } });
    expect(screen.getByText("Calls in Spanish → Billing")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: en["callSettings.rules.save"] }));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        officeId: OFFICE,
        name: "Spanish callers",
        match: { language: ["es"], ivrChoice: undefined, dialled: undefined, departmentId: undefined, priority: undefined },
        action: { kind: "department", departmentId: BILLING },
        active: true,
      }),
    );
  });

  it("shows a rule that could never apply refused, naming the rule before it", async () => {
    const onSave = vi.fn(async () => Promise.reject(refusal({ code: "ROUTING_UNREACHABLE_RULE", details: { routingProblems: [{ code: "ROUTING_UNREACHABLE_RULE", details: { ruleId: "new", shadowedBy: "r1" } }] } })));
    renderUi(<RuleForm officeId={OFFICE} setup={{ departments, staff }} names={{ ...names, rules: { r1: "Everyone else" } }} title="New rule" onSave={onSave} onCancel={() => undefined} />);
    fireEvent.change(screen.getByLabelText(en["callSettings.rules.name"]), { target: { value: "VIPs" } });
    fireEvent.change(screen.getByLabelText(en["callSettings.rules.action"]), { target: { value: "callback" } });
    fireEvent.click(screen.getByRole("button", { name: en["callSettings.rules.save"] }));
    expect(await screen.findByRole("alert")).toHaveTextContent(`${en["errors.ROUTING_UNREACHABLE_RULE"]} It comes after “Everyone else”, which takes every call.`);
  });
});

describe("DepartmentQueueForm", () => {
  it("sends strategy, time-out and overflow, and shows a refused circle with the departments' names", async () => {
    const onSave = vi.fn(async (_input: DepartmentQueueInput) =>
      Promise.reject(refusal({ code: "ROUTING_OVERFLOW_CYCLE", details: { routingProblems: [{ code: "ROUTING_OVERFLOW_CYCLE", details: { cycle: [RECEPTION, BILLING] } }] } })),
    );
    renderUi(<DepartmentQueueForm department={departments[1]!} departments={departments} timeZone="Europe/Madrid" names={names} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText(`${en["callSettings.departments.strategy"]} (Billing)`), { target: { value: "round_robin" } });
    fireEvent.change(screen.getByLabelText(`${en["callSettings.departments.timeout"]} (Billing)`), { target: { value: "45" } });
    fireEvent.change(screen.getByLabelText(`${en["callSettings.departments.overflow"]} (Billing)`), { target: { value: `department:${RECEPTION}` } });
    fireEvent.click(screen.getByRole("button", { name: en["callSettings.departments.save"] }));
    expect(await screen.findByRole("alert")).toHaveTextContent(`${en["errors.ROUTING_OVERFLOW_CYCLE"]} They go round: Reception → Billing → Reception.`);
    expect(onSave).toHaveBeenCalledWith({ departmentId: BILLING, strategy: "round_robin", timeoutSeconds: 45, overflow: { kind: "department", departmentId: RECEPTION }, callHours: null });
  });
});
