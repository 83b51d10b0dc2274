import { LOCALES, ROLES } from "@frontoffice/domain";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n";
import { en } from "../../i18n/en";
import { es } from "../../i18n/es";
import { it as italian } from "../../i18n/it";
import { mayChange, mayGrant, roleSummary } from "./roles";

const catalogs = { en, es, it: italian };
const summaryIn = (locale: (typeof LOCALES)[number], role: (typeof ROLES)[number]) => {
  const i18n = createI18n(locale, catalogs[locale], async () => undefined);
  return roleSummary(i18n.t, i18n.formatList, role);
};

describe("role summaries", () => {
  it("say what each role may do, from the permission matrix", () => {
    expect(summaryIn("en", "owner")).toBe("Can do everything, including the organization's settings.");
    expect(summaryIn("en", "manager")).toBe("Can do everything except change the organization's settings.");
    expect(summaryIn("en", "receptionist")).toBe("Can see the offices, see the staff, look up clients, add and edit clients, see the schedule, book, move and cancel appointments, take payments and count the cash, ask for refunds and voids, see payments, receipts and balances, search the answers for callers and log questions without one, see the visitors expected and on site, check visitors in and out and pre-register them, see the live calls and the call log, and answer, hold and transfer calls, take messages and schedule call-backs.");
    expect(summaryIn("en", "employee")).toBe("Can see the offices, see the staff, look up clients, see the schedule, search the answers for callers and log questions without one, see the visitors expected and on site, see the live calls and the call log, and answer, hold and transfer calls, take messages and schedule call-backs.");
    expect(summaryIn("es", "file_clerk")).toBe("Puede ver las oficinas, ver al personal, consultar clientes, dar de alta y editar clientes, archivar clientes, ver el historial de cambios, ver la agenda, ver cobros, tiques y saldos, buscar las respuestas para quien llama y anotar preguntas sin respuesta, ver las visitas previstas y presentes y ver las llamadas en curso y el registro de llamadas.");
    expect(summaryIn("it", "manager")).toBe("Può fare tutto tranne cambiare le impostazioni dell'organizzazione.");
  });

  it("are translated for every role in every language", () => {
    for (const locale of LOCALES) {
      for (const role of ROLES) expect(summaryIn(locale, role), `${locale} ${role}`).not.toMatch(/permission\.|role\./);
    }
  });
});

describe("who may grant what", () => {
  it("keeps the owner role to owners", () => {
    expect(mayGrant(["owner"], "owner")).toBe(true);
    expect(mayGrant(["manager"], "owner")).toBe(false);
    expect(mayGrant(["manager"], "manager")).toBe(true);
    expect(mayChange(["manager"], { roles: ["owner"], active: true })).toBe(false);
    expect(mayChange(["manager"], { roles: ["receptionist"], active: false })).toBe(true);
  });
});
