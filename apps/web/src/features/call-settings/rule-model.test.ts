import { describe, expect, it } from "vitest";
import { createTranslator } from "../../i18n/translate";
import { en } from "../../i18n/en";
import { es } from "../../i18n/es";
import { checkRuleDraft, emptyRuleDraft, moveRule, ruleDraftOf, ruleInputFrom, ruleSentence, type RoutingNames } from "./rule-model";

const OFFICE = "00000000-0000-4000-8000-000000000001";
const BILLING = "00000000-0000-4000-8000-0000000000b1";
const RECEPTION = "00000000-0000-4000-8000-0000000000a1";
const ANA = "00000000-0000-4000-8000-0000000000c1";
const names: RoutingNames = { departments: { [BILLING]: "Billing", [RECEPTION]: "Reception" }, staff: { [ANA]: "Ana" } };
const t = createTranslator("en", en);

describe("ruleSentence", () => {
  it("reads a language rule as 'Calls in Spanish → Billing'", () => {
    expect(ruleSentence(t, { match: { language: ["es"] }, action: { kind: "department", departmentId: BILLING } }, names)).toBe("Calls in Spanish → Billing");
  });

  it("joins conditions with 'and' and choices with 'or', and names skills, people and unknown ids", () => {
    const sentence = ruleSentence(t, { match: { ivrChoice: ["1", "2"], priority: ["vip"] }, action: { kind: "department", departmentId: RECEPTION, requiredSkills: ["billing"] } }, names);
    expect(sentence).toBe("Calls choosing 1 or 2 in the menu and from VIPs → Reception (only people with billing)");
    expect(ruleSentence(t, { match: {}, action: { kind: "callback" } }, names)).toBe("Every call → A call-back request");
    expect(ruleSentence(t, { match: { dialled: ["201"] }, action: { kind: "voicemail", staffId: ANA } }, names)).toBe("Calls to 201 → Voicemail of Ana");
    expect(ruleSentence(t, { match: {}, action: { kind: "staff", staffId: "gone" } }, names)).toBe("Every call → (no longer there)");
  });

  it("speaks the interface language", () => {
    const spanish = createTranslator("es", es);
    expect(ruleSentence(spanish, { match: { language: ["es", "en"] }, action: { kind: "department", departmentId: BILLING } }, names)).toBe("Llamadas en español o inglés → Billing");
  });
});

describe("the rule form's draft", () => {
  it("turns typed lists into the input, leaving out empty conditions, and reads back the same", () => {
    const draft = { ...emptyRuleDraft(), name: "Menu 1", ivrChoices: "1, 2", dialled: " ", languages: ["es" as const], targetDepartmentId: RECEPTION, requiredSkills: "billing x-ray" };
    const input = ruleInputFrom(OFFICE, draft);
    expect(input).toEqual({
      officeId: OFFICE,
      name: "Menu 1",
      match: { language: ["es"], ivrChoice: ["1", "2"], dialled: undefined, departmentId: undefined, priority: undefined },
      action: { kind: "department", departmentId: RECEPTION, requiredSkills: ["billing", "x-ray"] },
      active: true,
    });
    expect(ruleDraftOf({ name: input.name, match: { language: ["es"], ivrChoice: ["1", "2"] }, action: { kind: "department", departmentId: RECEPTION, requiredSkills: ["billing", "x-ray"] }, active: true })).toEqual({
      ...draft,
      ivrChoices: "1, 2",
      dialled: "",
      requiredSkills: "billing, x-ray",
    });
  });

  it("names the fields the schema refuses: no name, a bad number, no department chosen", () => {
    const checked = checkRuleDraft(OFFICE, { ...emptyRuleDraft(), dialled: "12a" });
    expect("issues" in checked && Object.fromEntries(Object.entries(checked.issues).map(([field, issue]) => [field, issue?.key]))).toEqual({
      name: "validation.required",
      dialled: "validation.dialled_invalid",
      targetDepartmentId: "validation.id_invalid",
    });
    expect("input" in checkRuleDraft(OFFICE, { ...emptyRuleDraft(), name: "Ana", actionKind: "staff", targetStaffId: ANA })).toBe(true);
  });
});

describe("moveRule", () => {
  it("swaps a rule with its neighbour and leaves the ends alone", () => {
    expect(moveRule(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveRule(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveRule(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveRule(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});
