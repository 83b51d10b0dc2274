import { describe, expect, it } from "vitest";
import { formatAppointmentTime, renderReminder, type ReminderFacts } from "./reminder-templates.js";

// 10:30 in Madrid and Rome (CET, UTC+1) on Tuesday 3 March 2026.
const startsAt = new Date("2026-03-03T09:30:00Z");

const facts = (overrides: Partial<ReminderFacts> = {}): ReminderFacts => ({
  locale: "es",
  officeName: "Clínica Dental Sol",
  officeKind: "medical",
  officePhone: "+34 910 000 000",
  timeZone: "Europe/Madrid",
  startsAt,
  clientName: "Lucía",
  serviceName: "Endodoncia",
  ...overrides,
});

describe("reminder templates", () => {
  it("writes the time in the office's zone, the client's way", () => {
    expect(formatAppointmentTime(startsAt, "es", "Europe/Madrid")).toMatch(/martes, 3 de marzo de 2026.*10:30/);
    expect(formatAppointmentTime(startsAt, "it", "Europe/Rome")).toMatch(/martedì 3 marzo 2026.*10:30/);
    expect(formatAppointmentTime(startsAt, "en", "America/New_York")).toMatch(/Tuesday.*3 March 2026.*04:30/);
  });

  it("speaks each language", () => {
    const es = renderReminder(facts());
    expect(es.subject).toBe("Recordatorio: su cita en Clínica Dental Sol");
    expect(es.text).toContain("Hola, Lucía:");
    expect(es.text).toContain("Le recordamos su cita en Clínica Dental Sol el martes, 3 de marzo de 2026");
    expect(es.text).toContain("avísenos en el +34 910 000 000");

    const it_ = renderReminder(facts({ locale: "it", officeName: "Studio Rossi", officeKind: "legal", timeZone: "Europe/Rome", serviceName: "Consulenza" }));
    expect(it_.subject).toBe("Promemoria: il suo appuntamento presso Studio Rossi");
    expect(it_.text).toContain("Gentile Lucía,");
    expect(it_.text).toContain("appuntamento per Consulenza presso Studio Rossi il martedì 3 marzo 2026");

    const en = renderReminder(facts({ locale: "en", officeKind: "small_business", officePhone: null, serviceName: "Haircut" }));
    expect(en.subject).toBe("Reminder: your appointment at Clínica Dental Sol");
    expect(en.text).toContain("your appointment for Haircut at Clínica Dental Sol on Tuesday");
    expect(en.text).toContain("If you cannot come, please let us know.");
    expect(en.sms).toMatch(/^Reminder: your appointment for Haircut at Clínica Dental Sol on Tuesday/);
  });

  it("never names the service for a medical office, in any language or channel", () => {
    for (const locale of ["en", "es", "it"] as const) {
      const message = renderReminder(facts({ locale, serviceName: "Psychiatry follow-up" }));
      for (const part of Object.values(message)) {
        expect(part).not.toContain("Psychiatry");
        expect(part).toContain("Clínica Dental Sol");
      }
    }
    expect(renderReminder(facts({ officeKind: "legal" })).text).toContain("Endodoncia");
  });

  it("escapes names in the HTML", () => {
    const message = renderReminder(facts({ clientName: "<b>Ana</b>", officeName: "A & B" }));
    expect(message.html).toContain("&#60;b&#62;Ana&#60;/b&#62;");
    expect(message.html).toContain("A &#38; B");
    expect(message.html).toContain('lang="es"');
  });
});
