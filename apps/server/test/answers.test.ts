import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseConnection } from "@frontoffice/db";
import type { AnswerHit, AnswerInput } from "@frontoffice/domain";
import { addStaff, callerFor, errorCodeOf, failureOf, setUpOrganization, signIn, testTargets, createTestServer, type TestServer } from "./harness.js";

const milanOffice = {
  name: "Studio Legale Bianchi",
  kind: "legal",
  locale: "it",
  timeZone: "Europe/Rome",
  currency: "EUR",
  fiscalName: "Studio Legale Bianchi S.r.l.",
  taxId: "01114601006",
  address: { line1: "Via Manzoni 12", city: "Milano", postalCode: "20121", country: "IT" },
} as const;

const questionsOf = (hits: AnswerHit[]) => hits.map((hit) => hit.answer.question);

describe.each(testTargets())("answers on %s", (target) => {
  let server: TestServer;
  let madridId: string;
  let milanId: string;
  let manager: ReturnType<typeof callerFor>;
  let desk: ReturnType<typeof callerFor>;
  let milanDesk: ReturnType<typeof callerFor>;

  const entry = (input: Partial<AnswerInput> & Pick<AnswerInput, "question" | "body" | "language">): AnswerInput => ({ officeId: null, category: "other", tags: [], ...input });

  beforeAll(async () => {
    server = await createTestServer(target);
    const organization = await setUpOrganization(server, "Grupo Sol", "owner@sol.test");
    madridId = organization.officeId;
    const owner = callerFor(server, await signIn(server, "owner@sol.test"));
    milanId = (await owner.offices.create(milanOffice)).id;
    await addStaff(server, organization.organizationId, madridId, "gerente@sol.test", ["manager"]);
    await addStaff(server, organization.organizationId, madridId, "recepcion@sol.test", ["receptionist"]);
    await addStaff(server, organization.organizationId, milanId, "reception@milano.test", ["receptionist"]);
    manager = callerFor(server, await signIn(server, "gerente@sol.test"));
    desk = callerFor(server, await signIn(server, "recepcion@sol.test"));
    milanDesk = callerFor(server, await signIn(server, "reception@milano.test"));

    for (const input of [
      entry({ officeId: madridId, language: "es", category: "hours", question: "¿Cuál es el horario de atención de la clínica?", body: "Abrimos de lunes a viernes de 9:00 a 20:00 y los sábados de 10:00 a 14:00.", tags: ["horario", "abierto"] }),
      entry({ officeId: madridId, language: "es", category: "directions", question: "¿Cómo llego a la clínica?", body: "Estamos en la calle de Alcalá 120, a dos minutos del metro Goya (línea 2 y 4). Dirección exacta en la web." }),
      entry({ officeId: madridId, language: "es", category: "prices", question: "¿Cuánto cuesta una limpieza dental?", body: "La limpieza dental cuesta 60 € e incluye revisión." }),
      entry({ officeId: milanId, language: "it", category: "hours", question: "Orari di apertura dello studio", body: "Siamo aperti dal lunedì al venerdì, dalle 9 alle 18. Il sabato riceviamo solo su appuntamento.", tags: ["orari", "apertura"] }),
      entry({ officeId: milanId, language: "it", category: "prices", question: "Quanto costa la prima consulenza?", body: "La prima consulenza di 30 minuti costa 80 € più IVA." }),
      entry({ officeId: null, language: "it", category: "policies", question: "Si può disdire un appuntamento?", body: "Sì, fino a 24 ore prima senza costi." }),
      entry({ officeId: null, language: "en", category: "hours", question: "What are your opening hours?", body: "We are open Monday to Friday, 9 am to 6 pm." }),
      entry({ officeId: null, language: "en", category: "directions", question: "Where can I park?", body: "There is a public car park behind the building; the first two hours are free for clients with an appointment." }),
    ]) {
      await manager.answers.create(input);
    }
  });
  afterAll(async () => server?.close());

  it("finds Spanish entries through stemming and without accents: 'horarios' finds 'horario', 'direccion' finds 'Dirección'", async () => {
    const plural = await desk.answers.search({ query: "horarios", language: "es" });
    expect(questionsOf(plural)[0]).toBe("¿Cuál es el horario de atención de la clínica?");
    expect(plural[0]?.matchedBy).toBe("words");
    expect(plural[0]?.question.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(["horario"]);

    const unaccented = await desk.answers.search({ query: "direccion metro", language: "es" });
    expect(questionsOf(unaccented)).toEqual(["¿Cómo llego a la clínica?"]);
    expect(unaccented[0]?.excerpt.some((segment) => segment.match && segment.text === "Dirección")).toBe(true);
  });

  it("finds the Italian opening hours for 'a che ora aprite?' (the caller's words begin like the entry's) and for 'orario di apertura'", async () => {
    const spoken = await milanDesk.answers.search({ query: "A che ora aprite?", language: "it", officeId: milanId });
    expect(questionsOf(spoken)[0]).toBe("Orari di apertura dello studio");
    expect(spoken[0]?.matchedBy).toBe("some_words");

    const written = await milanDesk.answers.search({ query: "orario di apertura", language: "it", officeId: milanId });
    expect(questionsOf(written)).toEqual(["Orari di apertura dello studio"]);
    expect(written[0]?.matchedBy).toBe("words");
    expect(written[0]?.question.filter((segment) => segment.match).map((segment) => segment.text)).toEqual(["Orari", "apertura"]);
  });

  it("ranks the English entry about hours above the one that only mentions hours in passing", async () => {
    const hits = await desk.answers.search({ query: "opening hours", language: "en" });
    expect(questionsOf(hits)).toEqual(["What are your opening hours?"]);
    const broader = await desk.answers.search({ query: "hours", language: "en" });
    expect(questionsOf(broader)).toEqual(["What are your opening hours?", "Where can I park?"]);
    expect(broader[0]!.rank).toBeGreaterThan(broader[1]!.rank);
  });

  it("falls back to similar spelling when no word matches", async () => {
    const hits = await desk.answers.search({ query: "limpiesa", language: "es" });
    expect(questionsOf(hits)).toEqual(["¿Cuánto cuesta una limpieza dental?"]);
    expect(hits[0]?.matchedBy).toBe("similar");
  });

  it("searches one language and one office plus the entries for every office", async () => {
    // Italian words searched as Spanish find nothing Italian.
    expect(questionsOf(await desk.answers.search({ query: "consulenza", language: "es" }))).toEqual([]);
    // Milan's own entry and the one for every office; Madrid sees only the latter.
    const italianPolicies = ["Quanto costa la prima consulenza?", "Si può disdire un appuntamento?"];
    expect(questionsOf(await milanDesk.answers.search({ query: "consulenza OR disdire", language: "it", officeId: milanId })).sort()).toEqual(italianPolicies);
    expect(questionsOf(await milanDesk.answers.search({ query: "consulenza OR disdire", language: "it", officeId: madridId }))).toEqual(["Si può disdire un appuntamento?"]);
    expect(questionsOf(await desk.answers.search({ query: "horario", language: "es", officeId: milanId }))).toEqual([]);
  });

  it("refuses bad searches with the field that is wrong", async () => {
    expect(await failureOf(desk.answers.search({ query: "   ", language: "es" }))).toEqual({ code: "VALIDATION_FAILED", issues: [expect.objectContaining({ path: ["query"], key: "validation.required" })] });
    expect(await failureOf(desk.answers.search({ query: "horario", language: "fr" as "es" }))).toEqual({ code: "VALIDATION_FAILED", issues: [expect.objectContaining({ path: ["language"], key: "validation.locale_invalid" })] });
    expect(await failureOf(desk.answers.search({ query: "horario ".repeat(1250), language: "es" }))).toEqual({ code: "VALIDATION_FAILED", issues: [expect.objectContaining({ path: ["query"], key: "validation.too_long" })] });
    expect(await errorCodeOf(desk.answers.search({ query: "horario", language: "es", officeId: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
  });

  it("turns a question with no answer into an entry that search then finds", async () => {
    expect(await desk.answers.search({ query: "¿Aceptáis mascotas?", language: "es" })).toEqual([]);
    const logged = await desk.answers.logUnanswered({ question: "¿Aceptáis mascotas en la sala de espera?", language: "es", officeId: madridId });
    expect(logged).toMatchObject({ status: "open", answerId: null, askedBy: { name: "recepcion" } });
    expect(await errorCodeOf(desk.answers.unanswered({}))).toBe("FORBIDDEN");
    expect(await errorCodeOf(desk.answers.answerQuestion({ id: logged.id, answer: entry({ language: "es", question: "x", body: "y" }) }))).toBe("FORBIDDEN");

    const open = await manager.answers.unanswered({ officeId: madridId });
    expect(open.map((question) => question.question)).toContain("¿Aceptáis mascotas en la sala de espera?");
    const { question, answer } = await manager.answers.answerQuestion({
      id: logged.id,
      answer: entry({ officeId: madridId, language: "es", category: "policies", question: "¿Se admiten mascotas?", body: "Solo perros guía; las demás mascotas deben esperar fuera.", tags: ["mascotas", "perros"] }),
    });
    expect(question).toMatchObject({ status: "answered", answerId: answer.id });
    expect(questionsOf(await desk.answers.search({ query: "¿Aceptáis mascotas?", language: "es", officeId: madridId }))).toEqual(["¿Se admiten mascotas?"]);
    expect((await manager.answers.unanswered({})).map((item) => item.id)).not.toContain(logged.id);
    expect(await errorCodeOf(manager.answers.dismissQuestion({ id: logged.id }))).toBe("QUESTION_ALREADY_RESOLVED");

    const other = await desk.answers.logUnanswered({ question: "¿Puedo pagar con bitcoin?", language: "es" });
    expect(await manager.answers.dismissQuestion({ id: other.id })).toMatchObject({ status: "dismissed", answerId: null });
    const audited = await server.db.selectFrom("audit_log").select(["action", "entity_type"]).where("entity_id", "in", [logged.id, other.id, answer.id]).execute();
    expect(audited).toHaveLength(5);
  });

  it("saves a new version with the loaded one, refuses a stale one, and archives out of search", async () => {
    const [hit] = await desk.answers.search({ query: "limpieza", language: "es" });
    const current = hit!.answer;
    const { id: _id, active: _active, version, updatedAt: _updatedAt, ...data } = current;
    const saved = await manager.answers.update({ id: current.id, version, answer: { ...data, body: "La limpieza dental cuesta 65 € e incluye revisión." } });
    expect(saved.version).toBe(version + 1);
    expect(await errorCodeOf(manager.answers.update({ id: current.id, version, answer: { ...data, body: "Gratis" } }))).toBe("ANSWER_VERSION_CONFLICT");
    expect(await errorCodeOf(desk.answers.update({ id: current.id, version: saved.version, answer: data }))).toBe("FORBIDDEN");

    await manager.answers.archive({ id: current.id });
    expect(await desk.answers.search({ query: "limpieza", language: "es" })).toEqual([]);
    expect((await desk.answers.get({ id: current.id })).active).toBe(false);
    await manager.answers.restore({ id: current.id });
    expect((await desk.answers.search({ query: "limpieza", language: "es" }))[0]?.excerpt.map((segment) => segment.text).join("")).toContain("65 €");
    const actions = await server.db.selectFrom("audit_log").select("action").where("entity_id", "=", current.id).orderBy("at").execute();
    expect(actions.map((row) => row.action)).toEqual(["create", "update", "archive", "restore"]);
  });
});

describe.runIf(testTargets().includes("postgres"))("answering one logged question at once (PostgreSQL)", () => {
  let server: TestServer;
  let pool: DatabaseConnection;

  beforeAll(async () => {
    server = await createTestServer("postgres");
    await setUpOrganization(server, "Carrera", "owner@carrera.test");
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${server.database.name!}`;
    pool = await createDatabase({ databaseUrl: url.toString(), maxConnections: 10 });
  }, 60_000);
  afterAll(async () => {
    await pool?.close();
    await server?.close();
  });

  it("lets exactly one of ten managers turn it into an entry; the others are told it is resolved", async () => {
    const headers = await signIn(server, "owner@carrera.test");
    const owner = callerFor(server, headers);
    const logged = await owner.answers.logUnanswered({ question: "¿Hay wifi para pacientes?", language: "es" });
    // Callers over a pool: each call runs in its own connection and transaction, simultaneously.
    const pooled = callerFor({ ...server, db: pool.db }, headers);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        pooled.answers
          .answerQuestion({ id: logged.id, answer: { officeId: null, language: "es", category: "other", question: `¿Hay wifi? (${index})`, body: "Sí, la red «Clinica-Invitados».", tags: [] } })
          .then(() => "answered", (error: unknown) => errorCodeOf(Promise.reject(error))),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === "answered")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "QUESTION_ALREADY_RESOLVED")).toHaveLength(9);
    const entries = await server.db.selectFrom("answer").select("id").execute();
    expect(entries).toHaveLength(1);
    const question = await server.db.selectFrom("unanswered_question").selectAll().where("id", "=", logged.id).executeTakeFirstOrThrow();
    expect(question).toMatchObject({ status: "answered", answer_id: entries[0]!.id });
  });
});
