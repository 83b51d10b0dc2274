import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { es } from "../../i18n/es";
import { it as italian } from "../../i18n/it";
import { createTranslator } from "../../i18n/translate";
import { renderUi } from "../../test/render";
import { explainStep, RoutingExplanation } from "./routing-explanation";
import type { RoutingNames } from "./rule-model";

const names: RoutingNames = { departments: { rec: "Reception", bil: "Billing" }, staff: { ana: "Ana", ben: "Ben" }, rules: { r1: "Spanish callers" } };
const format = { dateTime: (iso: string) => `<${iso}>`, list: (items: readonly string[]) => items.join(" & ") };

describe("RoutingExplanation", () => {
  it("tells each step as a sentence, with names for ids", () => {
    renderUi(
      <RoutingExplanation
        names={names}
        steps={[
          { code: "rule_matched", params: { ruleId: "r1" } },
          { code: "department_selected", params: { departmentId: "rec" } },
          { code: "staff_available", params: { departmentId: "rec", count: 2 } },
          { code: "language_preferred", params: { language: "es", count: 1 } },
          { code: "strategy_applied", params: { strategy: "longest_idle", targets: ["ana"] } },
        ]}
      />,
    );
    const list = screen.getByRole("list", { name: en["routing.explanation"] });
    expect(within(list).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "The rule “Spanish callers” matched.",
      "The call is for Reception.",
      "Free in Reception: 2.",
      "1 free person speaks Spanish: they are offered the call first.",
      "Whoever has been free longest: ringing Ana.",
    ]);
  });

  it("renders nothing without steps", () => {
    const { container } = renderUi(<RoutingExplanation names={names} steps={[]} />);
    expect(container.querySelector("ol")).toBeNull();
  });
});

describe("explainStep", () => {
  it("translates overflows, closing times, voicemail and unknown codes in every language", () => {
    const t = createTranslator("en", en);
    expect(explainStep(t, { code: "overflowed", params: { from: "rec", to: "bil", hops: 1 } }, names, format)).toBe("Overflowed from Reception to Billing (overflow 1).");
    expect(explainStep(t, { code: "closed", params: { reason: "holiday", opensAt: "2026-12-26T08:00:00Z", departmentId: null } }, names, format)).toBe("Closed for the office (a holiday); opens <2026-12-26T08:00:00Z>.");
    expect(explainStep(t, { code: "voicemail", params: { for: "staff", id: "ben" } }, names, format)).toBe("To the voicemail of Ben.");
    expect(explainStep(t, { code: "staff_unavailable", params: { staffId: "ana", status: "on_break" } }, names, format)).toBe("Ana is not available (On a break).");
    expect(explainStep(t, { code: "something_new", params: {} }, names, format)).toBe("Step something_new.");
    expect(explainStep(createTranslator("es", es), { code: "no_staff_available", params: { departmentId: "bil" } }, names, format)).toBe("No hay nadie libre en Billing.");
    expect(explainStep(createTranslator("it", italian), { code: "caller_priority", params: { priority: "vip" } }, names, format)).toBe("Chi chiama è un cliente VIP: passa avanti nella coda.");
  });

  it("says where a call that names no one goes by default, in every language", () => {
    const step = { code: "default_destination", params: { departmentId: "rec" } };
    expect(explainStep(createTranslator("en", en), step, names, format)).toBe("No rule matched: the call goes to Reception, where the office's calls go by default.");
    expect(explainStep(createTranslator("es", es), step, names, format)).toBe("Ninguna regla coincide: la llamada va a Reception, adonde van por defecto las llamadas de la oficina.");
    expect(explainStep(createTranslator("it", italian), step, names, format)).toBe("Nessuna regola corrisponde: la chiamata va a Reception, dove vanno di default le chiamate dell'ufficio.");
  });
});
