import type { AnswerHit } from "@frontoffice/domain";
import { fireEvent, screen, within } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderUi } from "../../test/render";
import { AnswerSearchView } from "./answer-search-panel";

const hit = (id: string, question: string, matched: string): AnswerHit => ({
  answer: { id, officeId: null, language: "en", category: "hours", question, body: `${question} body`, tags: [], active: true, version: 1, updatedAt: "2026-11-23T09:00:00.000Z" },
  rank: 1,
  matchedBy: "words",
  question: [
    { text: question.replace(matched, ""), match: false },
    { text: matched, match: true },
  ],
  excerpt: [{ text: "We open at nine.", match: false }],
});

const results = () => within(screen.getByRole("listbox", { name: "Answers found" })).getAllByRole("option");

const HITS = [hit("00000000-0000-4000-8000-000000000001", "What are your opening hours?", "hours"), hit("00000000-0000-4000-8000-000000000002", "Where can I park for two hours?", "hours")];

function Harness({ hits, onOpen, onLogQuestion }: { hits: AnswerHit[] | undefined; onOpen: (hit: AnswerHit) => void; onLogQuestion?: () => void }) {
  const [query, setQuery] = useState("hours");
  const [language, setLanguage] = useState<"en" | "es" | "it">("en");
  return (
    <>
      <textarea aria-label="Notes" />
      <AnswerSearchView query={query} onQueryChange={setQuery} language={language} onLanguageChange={setLanguage} hits={hits} searching={false} onOpen={onOpen} onLogQuestion={onLogQuestion} />
    </>
  );
}

describe("AnswerSearchView", () => {
  it("focuses the search on /, moves with the arrow keys and opens the chosen answer with Enter", () => {
    const onOpen = vi.fn();
    renderUi(<Harness hits={HITS} onOpen={onOpen} />);
    const search = screen.getByRole("combobox", { name: "Search the answers" });

    fireEvent.keyDown(document.body, { key: "/" });
    expect(document.activeElement).toBe(search);

    const options = results();
    expect(options.map((option) => option.getAttribute("aria-selected"))).toEqual(["true", "false"]);
    fireEvent.keyDown(search, { key: "ArrowDown" });
    fireEvent.keyDown(search, { key: "ArrowDown" });
    expect(search.getAttribute("aria-activedescendant")).toBe(options[1]!.id);
    fireEvent.keyDown(search, { key: "ArrowUp" });
    fireEvent.keyDown(search, { key: "ArrowDown" });
    fireEvent.keyDown(search, { key: "Enter" });
    expect(onOpen).toHaveBeenCalledWith(HITS[1]);
  });

  it("leaves / alone while the user types elsewhere", () => {
    renderUi(<Harness hits={HITS} onOpen={() => undefined} />);
    const notes = screen.getByRole("textbox", { name: "Notes" });
    notes.focus();
    fireEvent.keyDown(notes, { key: "/" });
    expect(document.activeElement).toBe(notes);
  });

  it("marks the words that matched", () => {
    renderUi(<Harness hits={HITS} onOpen={() => undefined} />);
    const marks = results()[0]!.querySelectorAll("mark");
    expect([...marks].map((mark) => mark.textContent)).toEqual(["hours"]);
  });

  it("offers to log the question when nothing is found", () => {
    const onLogQuestion = vi.fn();
    renderUi(<Harness hits={[]} onOpen={() => undefined} onLogQuestion={onLogQuestion} />);
    expect(screen.getByText("No answer for “hours”.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Log a question with no answer" }));
    expect(onLogQuestion).toHaveBeenCalledOnce();
  });
});
