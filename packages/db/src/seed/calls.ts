/**
 * The demo's calls setup: extensions, languages and skills for the staff, each department's queue
 * (one overflowing to another, one to voicemail, one to a call-back request), a few routing rules
 * per office, the receptionists and some colleagues available, and one client per office with a
 * known phone number, so a simulated call from {@link DEMO_CALLER_NUMBERS} is recognised.
 *
 * Deterministic: it draws nothing from the demo's generator.
 */
import { sql, type Transaction } from "kysely";
import { jsonb } from "../json.js";
import type { Database } from "../schema.js";

type OfficeKey = "madrid" | "milan" | "dublin" | "boston";
type Language = "en" | "es" | "it";

/**
 * One demo client per office answers from this number (their first phone): the number a
 * simulated call should come from to pop a known client's record.
 */
export const DEMO_CALLER_NUMBERS: Readonly<Record<OfficeKey, string>> = {
  madrid: "+34612345678",
  milan: "+393471234567",
  dublin: "+353871234567",
  boston: "+16175550123",
};

/**
 * Extensions, languages and skills of the demo staff, by display name. Extensions avoid every
 * office's department extensions (100–103, 200–203, 300–303, 400–402), so they never collide in
 * any office a person works in; the owner and the manager work everywhere (500, 501).
 */
export const DEMO_STAFF_PHONES: Readonly<Record<string, { extension: string; languages: Language[]; skills?: string[] }>> = {
  "Carmen Ortega": { extension: "500", languages: ["es", "en", "it"] },
  "Giulia Ferrari": { extension: "501", languages: ["it", "en", "es"] },
  "Lucía Romero": { extension: "211", languages: ["es", "en"], skills: ["citas"] },
  "Pilar Sánchez": { extension: "212", languages: ["es", "en"], skills: ["facturacion"] },
  "Andrés Gil": { extension: "213", languages: ["es", "en"] },
  "Javier Navarro": { extension: "214", languages: ["es", "en"] },
  "Marco Colombo": { extension: "221", languages: ["it", "en"] },
  "Lorenzo Bianchi": { extension: "222", languages: ["it", "en"] },
  "Chiara Greco": { extension: "223", languages: ["it", "en"] },
  // Milan's Spanish speaker, for the language rule.
  "Paolo Esposito": { extension: "224", languages: ["it", "en", "es"], skills: ["contenzioso"] },
  "Siobhán Byrne": { extension: "311", languages: ["en"] },
  "Declan Murphy": { extension: "312", languages: ["en"] },
  "Aoife Kelly": { extension: "313", languages: ["en"] },
  "Niamh O'Brien": { extension: "314", languages: ["en", "es"] },
  "Tyler Brooks": { extension: "411", languages: ["en"] },
  "Rachel Goldberg": { extension: "412", languages: ["en"] },
  "Marcus Johnson": { extension: "413", languages: ["en", "es"] },
  "Emily Chen": { extension: "414", languages: ["en"], skills: ["billing"] },
};

/** Who is at their phone when the demo starts; everyone else is off shift (no presence row). */
const DEMO_PRESENCE: Readonly<Record<string, "available" | "busy" | "on_break">> = {
  "Lucía Romero": "available",
  "Pilar Sánchez": "available",
  "Andrés Gil": "available",
  "Javier Navarro": "on_break",
  "Chiara Greco": "available",
  "Paolo Esposito": "available",
  "Lorenzo Bianchi": "busy",
  "Aoife Kelly": "available",
  "Niamh O'Brien": "available",
  "Marcus Johnson": "available",
  "Emily Chen": "available",
};

/**
 * Every office of the demo answers the phone at every hour, every day, so a demo (or an e2e spec)
 * works whenever it runs. Real offices keep the weekday default or set their own.
 */
const ALWAYS_OPEN = Object.fromEntries(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((day) => [day, [{ start: "00:00", end: "24:00" }]]));

/** Queues by the department's index in the office's preset. */
const QUEUES: readonly { index: number; strategy: "ring_all" | "longest_idle" | "round_robin"; timeoutSeconds: number; overflow: "next" | "voicemail" | "callback" }[] = [
  { index: 0, strategy: "longest_idle", timeoutSeconds: 20, overflow: "next" },
  { index: 1, strategy: "ring_all", timeoutSeconds: 30, overflow: "voicemail" },
  { index: 2, strategy: "round_robin", timeoutSeconds: 45, overflow: "callback" },
];

type DemoRule = { name: string; match: Record<string, unknown>; department: number };

/** Rules per office, in order: a menu choice and a language, each to a department (by index). */
const RULES: Readonly<Record<OfficeKey, readonly DemoRule[]>> = {
  madrid: [
    { name: "Menú 1: recepción", match: { ivrChoice: ["1"] }, department: 0 },
    { name: "Menú 2: facturación", match: { ivrChoice: ["2"] }, department: 2 },
    { name: "Pacientes VIP a recepción", match: { priority: ["vip"] }, department: 0 },
  ],
  milan: [
    { name: "Menu 1: segreteria", match: { ivrChoice: ["1"] }, department: 0 },
    { name: "Chiamate in spagnolo al contenzioso", match: { language: ["es"] }, department: 1 },
  ],
  dublin: [
    { name: "Menu 1: front office", match: { ivrChoice: ["1"] }, department: 0 },
    { name: "Spanish callers to student records", match: { language: ["es"] }, department: 2 },
  ],
  boston: [
    { name: "Menu 1: front desk", match: { ivrChoice: ["1"] }, department: 0 },
    { name: "Spanish callers to the front desk", match: { language: ["es"] }, department: 0 },
  ],
};

export async function seedCalls(
  trx: Transaction<Database>,
  context: {
    now: Date;
    organizationId: string;
    offices: readonly OfficeKey[];
    officeId: (key: OfficeKey) => string;
    /** A department of an office by its index in the office's preset. */
    departmentId: (key: OfficeKey, index: number) => string | undefined;
    staffId: (displayName: string) => string | undefined;
    /** The office's clients in the order they were made, archived ones left out. */
    clientIds: (key: OfficeKey) => readonly string[];
  },
): Promise<void> {
  const { now, organizationId } = context;
  await trx
    .updateTable("office")
    .set({ call_hours: jsonb(ALWAYS_OPEN), call_holidays: jsonb([]) })
    .where("organization_id", "=", organizationId)
    .execute();

  for (const key of context.offices) {
    for (const queue of QUEUES) {
      const departmentId = context.departmentId(key, queue.index);
      if (!departmentId) continue;
      const next = context.departmentId(key, queue.index + 1);
      const overflow = queue.overflow === "next" ? (next ? { kind: "department", departmentId: next } : null) : { kind: queue.overflow };
      await trx
        .updateTable("department")
        .set({ queue_strategy: queue.strategy, timeout_seconds: queue.timeoutSeconds, overflow: overflow ? jsonb<unknown>(overflow) : null })
        .where("organization_id", "=", organizationId)
        .where("id", "=", departmentId)
        .execute();
    }
    const rules = RULES[key].flatMap((rule, position) => {
      const departmentId = context.departmentId(key, rule.department);
      return departmentId
        ? [{ organization_id: organizationId, office_id: context.officeId(key), position, name: rule.name, match: jsonb(rule.match), action: jsonb<Record<string, unknown>>({ kind: "department", departmentId }), created_at: now }]
        : [];
    });
    if (rules.length) await trx.insertInto("routing_rule").values(rules).execute();
    // A call to the main number that names no one (no IVR choice) goes to the reception.
    const reception = context.departmentId(key, 0);
    if (reception) await trx.updateTable("office").set({ call_default_department_id: reception }).where("organization_id", "=", organizationId).where("id", "=", context.officeId(key)).execute();
  }

  for (const [name, phone] of Object.entries(DEMO_STAFF_PHONES)) {
    const staffId = context.staffId(name);
    if (!staffId) continue;
    await trx
      .updateTable("staff")
      .set({ extension: phone.extension, languages: phone.languages, skills: phone.skills ?? [] })
      .where("organization_id", "=", organizationId)
      .where("id", "=", staffId)
      .execute();
  }
  const presence = Object.entries(DEMO_PRESENCE).flatMap(([name, status], index) => {
    const staffId = context.staffId(name);
    // Free for a few minutes each, in a fixed order, so longest-idle queues have someone first.
    const since = new Date(now.getTime() - (30 - index) * 60_000);
    return staffId ? [{ staff_id: staffId, organization_id: organizationId, status, changed_at: since, idle_since: status === "available" ? since : null }] : [];
  });
  if (presence.length) await trx.insertInto("staff_presence").values(presence).execute();

  // The known callers: the first client of each office answers from a known number.
  for (const key of context.offices) {
    const [clientId] = context.clientIds(key);
    if (!clientId) continue;
    const client = await trx.selectFrom("client").select(["phones"]).where("id", "=", clientId).executeTakeFirstOrThrow();
    const [first, ...rest] = client.phones;
    const known = DEMO_CALLER_NUMBERS[key];
    if (!first) continue;
    // The search text holds the number as stored and as bare digits: replace both.
    await trx
      .updateTable("client")
      .set({
        phones: jsonb([{ ...first, number: known }, ...rest]),
        search_text: sql<string>`replace(replace(search_text, ${first.number}, ${known}), ${first.number.replace(/\D/g, "")}, ${known.replace(/\D/g, "")})`,
      })
      .where("organization_id", "=", organizationId)
      .where("id", "=", clientId)
      .execute();
  }
}
