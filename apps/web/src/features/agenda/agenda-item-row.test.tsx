import type { AgendaEntry, AgendaItem } from "@frontoffice/domain";
import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderUi } from "../../test/render";
import { useScheduleFormat } from "../schedule/format";
import { AgendaItemRow } from "./agenda-item-row";

const MONDAY = "2026-11-30T08:00:00.000Z";
const TUESDAY = "2026-12-01T08:00:00.000Z";

/** A daily task ticked done on Monday only. */
const task: AgendaEntry = {
  id: "task",
  staffId: "ana",
  kind: "task",
  title: "Read the mail",
  notes: "",
  start: MONDAY,
  end: null,
  timeZone: "Europe/Madrid",
  rrule: "FREQ=DAILY;COUNT=3",
  exdates: [],
  doneOccurrences: [MONDAY],
  clientId: null,
  clientName: null,
  phone: null,
  status: "open",
  doneAt: null,
  source: "manual",
  version: 2,
  updatedAt: MONDAY,
};

const occurrence = (start: string): AgendaItem => ({ type: "entry", key: `task@${start}`, start, end: null, occurrenceStart: start, done: task.doneOccurrences.includes(start), entry: task });

function Day({ items, onComplete }: { items: AgendaItem[]; onComplete: (input: unknown) => Promise<void> }) {
  const format = useScheduleFormat("Europe/Madrid");
  return (
    <table>
      <tbody>
        {items.map((item) => (
          <AgendaItemRow key={item.key} item={item} format={format} error={null} cancelling={false} skipping={false} onComplete={onComplete} onCancel={() => {}} onSkip={() => {}} />
        ))}
      </tbody>
    </table>
  );
}

describe("a repeating task in the employer's day", () => {
  it("shows each occurrence ticked or not, and ticks only the occurrence clicked", () => {
    const onComplete = vi.fn(() => Promise.resolve());
    renderUi(<Day items={[occurrence(MONDAY), occurrence(TUESDAY)]} onComplete={onComplete} />);
    const [monday, tuesday] = screen.getAllByRole("checkbox", { name: "Read the mail: done" }) as HTMLInputElement[];
    expect(monday?.checked).toBe(true);
    expect(tuesday?.checked).toBe(false);

    fireEvent.click(tuesday!);
    expect(onComplete).toHaveBeenCalledWith({ id: "task", version: 2, done: true, occurrenceStart: TUESDAY });
    fireEvent.click(monday!);
    expect(onComplete).toHaveBeenLastCalledWith({ id: "task", version: 2, done: false, occurrenceStart: MONDAY });
  });
});
