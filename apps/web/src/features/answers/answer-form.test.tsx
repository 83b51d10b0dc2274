import type { AnswerData, Office } from "@frontoffice/domain";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderUi } from "../../test/render";
import { AnswerForm, answerFromDraft, type AnswerDraft } from "./answer-form";

const milan = { id: "8d3c7d0e-0d3b-4bfa-9a57-5f8f7f0c1a02", name: "Studio Legale Milano", locale: "it" } as Office;
const empty: AnswerDraft = { officeId: milan.id, language: "it", category: "hours", question: "", body: "", tags: "" };

describe("answerFromDraft", () => {
  it("splits the tags on commas, drops empty ones, and reads an empty office as every office", () => {
    const result = answerFromDraft({ ...empty, officeId: "", question: " Orari? ", body: "Dalle 9 alle 18.", tags: "orari, , apertura ," });
    expect(result).toEqual({ ok: true, answer: { officeId: null, language: "it", category: "hours", question: "Orari?", body: "Dalle 9 alle 18.", tags: ["orari", "apertura"] } });
  });

  it("names each field that is wrong", () => {
    const result = answerFromDraft({ ...empty, question: " ", tags: "x".repeat(41) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.question?.key).toBe("validation.required");
    expect(result.issues.body?.key).toBe("validation.required");
    expect(result.issues.tags?.key).toBe("validation.too_long");
  });
});

describe("AnswerForm", () => {
  it("shows the problems beside the fields and sends nothing until they are fixed", async () => {
    const onSubmit = vi.fn(async (_answer: AnswerData) => undefined);
    renderUi(<AnswerForm offices={[milan]} initial={empty} submitLabel="Save the answer" onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole("button", { name: "Save the answer" }));
    expect(await screen.findAllByText("This field is required.")).toHaveLength(2);
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText("Question"), { target: { value: "A che ora aprite?" } });
    fireEvent.change(screen.getByLabelText("Answer"), { target: { value: "Dalle 9 alle 18." } });
    fireEvent.click(screen.getByRole("button", { name: "Save the answer" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ officeId: milan.id, language: "it", category: "hours", question: "A che ora aprite?", body: "Dalle 9 alle 18.", tags: [] }));
  });
});
