import { fireEvent, screen, within } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderUi } from "../../test/render";
import { CallbackDialog, MessageDialog, TransferDialog, zonedDateTime, type CallbackValue, type MessageValue, type TransferValue } from "./call-dialogs";

const DEPARTMENTS = [
  { id: "00000000-0000-4000-8000-0000000000d1", name: "Appointments" },
  { id: "00000000-0000-4000-8000-0000000000d2", name: "Billing" },
];
const PEOPLE = [
  { id: "00000000-0000-4000-8000-0000000000a1", displayName: "Ana Ruiz", status: "available" as const },
  { id: "00000000-0000-4000-8000-0000000000a2", displayName: "Luca Bruno", status: "on_break" as const },
];

/** A dialog opened from a button, as on the console, so focus has somewhere to return to. */
function Opener({ children }: { children: (open: boolean, setOpen: (open: boolean) => void) => React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {children(open, setOpen)}
    </>
  );
}

describe("TransferDialog", () => {
  it("needs a target, then sends the department and the mode chosen", () => {
    const onSubmit = vi.fn<(value: TransferValue) => void>();
    renderUi(
      <Opener>{(open, setOpen) => <TransferDialog open={open} onOpenChange={setOpen} departments={DEPARTMENTS} people={PEOPLE} busy={false} error={null} onSubmit={onSubmit} />}</Opener>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Open" }));
    const dialog = screen.getByRole("dialog", { name: "Transfer the call" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Transfer" }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(within(dialog).getByText("This field is required.")).toBeInTheDocument();

    // People show their presence, so the receptionist sees who is free.
    expect(within(dialog).getByRole("option", { name: "Luca Bruno (On break)" })).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText("Transfer to"), { target: { value: `department:${DEPARTMENTS[1]!.id}` } });
    fireEvent.click(within(dialog).getByRole("radio", { name: /Announced/ }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Transfer" }));
    expect(onSubmit).toHaveBeenCalledWith({ mode: "announced", target: { kind: "department", departmentId: DEPARTMENTS[1]!.id } });
  });

  it("sends a person as a staff target, blind by default, and shows a refusal", () => {
    const onSubmit = vi.fn<(value: TransferValue) => void>();
    renderUi(<TransferDialog open onOpenChange={() => undefined} departments={DEPARTMENTS} people={PEOPLE} busy={false} error="This call has moved on." onSubmit={onSubmit} />);
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByRole("alert")).toHaveTextContent("This call has moved on.");
    fireEvent.change(within(dialog).getByLabelText("Transfer to"), { target: { value: `staff:${PEOPLE[0]!.id}` } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Transfer" }));
    expect(onSubmit).toHaveBeenCalledWith({ mode: "blind", target: { kind: "staff", staffId: PEOPLE[0]!.id } });
  });

  it("traps focus inside and closes with Escape", () => {
    renderUi(
      <Opener>{(open, setOpen) => <TransferDialog open={open} onOpenChange={setOpen} departments={DEPARTMENTS} people={PEOPLE} busy={false} error={null} onSubmit={() => undefined} />}</Opener>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Open" }));
    const dialog = screen.getByRole("dialog");
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

describe("MessageDialog", () => {
  it("is prefilled from the call and sends what was typed", () => {
    const onSubmit = vi.fn<(value: MessageValue) => void>();
    const call = { callerName: null, callerNumber: "+34612345678", client: { id: "c1", displayName: "María López" }, staff: { id: PEOPLE[1]!.id, displayName: "Luca Bruno" } };
    renderUi(<MessageDialog open onOpenChange={() => undefined} people={PEOPLE} call={call} busy={false} error={null} issueFor={() => null} onSubmit={onSubmit} />);
    const dialog = screen.getByRole("dialog", { name: "Take a message" });
    expect(within(dialog).getByLabelText("For")).toHaveValue(PEOPLE[1]!.id);
    expect(within(dialog).getByLabelText(/Caller's name/)).toHaveValue("María López");
    expect(within(dialog).getByLabelText(/Caller's number/)).toHaveValue("+34 612 34 56 78");
    fireEvent.change(within(dialog).getByLabelText("Message"), { target: { value: "  Please confirm Thursday.  " } });
    fireEvent.click(within(dialog).getByRole("checkbox", { name: "Urgent" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Send the message" }));
    expect(onSubmit).toHaveBeenCalledWith({
      forStaffId: PEOPLE[1]!.id,
      callerName: "María López",
      callerNumber: "+34 612 34 56 78",
      body: "Please confirm Thursday.",
      callbackRequested: false,
      urgent: true,
    });
  });

  it("shows the issues it is given beside their fields", () => {
    renderUi(
      <MessageDialog open onOpenChange={() => undefined} people={PEOPLE} call={null} busy={false} error={null} issueFor={(field) => (field === "body" ? "This field is required." : null)} onSubmit={() => undefined} />,
    );
    const body = screen.getByLabelText("Message");
    expect(body).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("This field is required.")).toBeInTheDocument();
  });
});

describe("CallbackDialog", () => {
  it("offers an hour from now in the office's time and sends that instant", () => {
    const onSubmit = vi.fn<(value: CallbackValue) => void>();
    // 09:05 in Madrid (UTC+1 in November): the default is 10:15 there.
    const now = Date.parse("2026-11-23T08:05:00.000Z");
    renderUi(<CallbackDialog open onOpenChange={() => undefined} people={PEOPLE} timeZone="Europe/Madrid" now={now} busy={false} error={null} issueFor={() => null} onSubmit={onSubmit} />);
    const dialog = screen.getByRole("dialog", { name: "Schedule a call-back" });
    expect(within(dialog).getByLabelText("Date")).toHaveValue("2026-11-23");
    expect(within(dialog).getByLabelText("Time")).toHaveValue("10:15");
    fireEvent.change(within(dialog).getByLabelText("Who calls back"), { target: { value: PEOPLE[0]!.id } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Schedule" }));
    expect(onSubmit).toHaveBeenCalledWith({ staffId: PEOPLE[0]!.id, dueAt: "2026-11-23T09:15:00.000Z", note: "" });
  });

  it("refuses an empty time", () => {
    const onSubmit = vi.fn();
    renderUi(<CallbackDialog open onOpenChange={() => undefined} people={PEOPLE} timeZone="Europe/Rome" now={Date.parse("2026-11-23T08:05:00.000Z")} busy={false} error={null} issueFor={() => null} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText("Time"), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Schedule" }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText("This field is required.")).toBeInTheDocument();
  });

  it("reads a local date and time in the office's zone, across a DST change", () => {
    expect(zonedDateTime("2026-03-29", "12:00", "Europe/Madrid")).toBe("2026-03-29T10:00:00.000Z");
    expect(zonedDateTime("2026-03-28", "12:00", "Europe/Madrid")).toBe("2026-03-28T11:00:00.000Z");
    expect(zonedDateTime("2026-03-28", "", "Europe/Madrid")).toBeNull();
  });
});
