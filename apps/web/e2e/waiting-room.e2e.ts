/**
 * The waiting-room board, end to end: a manager sets the Madrid clinic's wait threshold to one
 * minute in its visitor settings; the receptionist opens the board from the navigation, marks an
 * expected patient arrived (the keyboard), moves them to a room (a button) and to the doctor (the
 * keyboard again); another arrival left waiting is flagged once the minute has passed: the row
 * highlighted, the count in the header, the announcement in the live region.
 */
import { describe, expect, it } from "vitest";
import { DEMO, callApi, settledTranslator, translator, useDemoBrowser } from "./harness";

const MADRID_OFFICE = "Clínica Dental Retiro";
const RUN = Date.now() % 10_000;
const PATIENT = `Paula Paciente ${RUN}`;
const WAITER = `Walter Espera ${RUN}`;

const { signedInPage } = useDemoBrowser();

describe("the waiting room at the Madrid clinic", () => {
  it("moves a patient to a room and to the doctor, and flags a wait over the office's threshold", { timeout: 240_000 }, async () => {
    // The manager shortens the Madrid clinic's wait threshold to one minute.
    const manager = await signedInPage(DEMO.manager.email, DEMO.manager.password);
    let managerT = await settledTranslator(manager, "clients.title");
    await manager.getByRole("navigation").getByRole("link", { name: managerT("nav.visitors"), exact: true }).click();
    managerT = await settledTranslator(manager, "visitors.title");
    await manager.getByLabel(managerT("visitors.office"), { exact: true }).selectOption({ label: MADRID_OFFICE });
    const threshold = manager.getByLabel(managerT("visitors.settings.waitThreshold"), { exact: true });
    await threshold.fill("1");
    await manager.locator("form").filter({ has: threshold }).getByRole("button", { name: managerT("common.save"), exact: true }).click();
    await manager.getByText(managerT("visitors.settings.saved")).first().waitFor();

    // Two people are expected at the clinic soon (pre-registered, as the desk does).
    const desk = await signedInPage(DEMO.receptionist.email, DEMO.receptionist.password);
    const offices = await callApi<{ id: string; name: string }[]>(desk, "query", "offices.list", {});
    const officeId = offices.find((office) => office.name === MADRID_OFFICE)!.id;
    const me = await callApi<{ staff: { id: string } }>(desk, "query", "session.me", {});
    const expectedAt = new Date(Date.now() + 10 * 60_000).toISOString();
    for (const visitorName of [WAITER, PATIENT]) {
      await callApi(desk, "mutation", "visitors.preRegister", { officeId, visitorName, hostStaffId: me.staff.id, expectedAt });
    }

    // The receptionist (Spanish interface) opens the board from the navigation.
    const t = await settledTranslator(desk, "clients.title");
    expect(t.locale).toBe("es");
    await desk.getByRole("navigation").getByRole("link", { name: t("nav.waitingRoom"), exact: true }).click();
    await settledTranslator(desk, "waitingRoom.title");
    const es = translator("es");
    await desk.getByLabel(es("visitors.office"), { exact: true }).selectOption({ label: MADRID_OFFICE });
    const rowOf = (name: string) => desk.getByTestId("waiting-row").filter({ hasText: name });
    await rowOf(PATIENT).waitFor();
    expect(await rowOf(PATIENT).getAttribute("data-stage")).toBe("expected");

    // The one who will wait arrives first (their row's button).
    await desk.getByRole("button", { name: es("waitingRoom.moveTo", { name: WAITER, stage: es("waitingRoom.stage.arrived") }), exact: true }).click();
    await desk.locator(`[data-testid="waiting-row"][data-stage="arrived"]`, { hasText: WAITER }).waitFor();

    // The patient arrives: choose their row, Enter.
    await rowOf(PATIENT).getByText(PATIENT).click();
    await desk.keyboard.press("Enter");
    await desk.locator(`[data-testid="waiting-row"][data-stage="arrived"]`, { hasText: PATIENT }).waitFor();
    // Into a room, with the row's button.
    await desk.getByRole("button", { name: es("waitingRoom.moveTo", { name: PATIENT, stage: es("waitingRoom.stage.in_room") }), exact: true }).click();
    await desk.locator(`[data-testid="waiting-row"][data-stage="in_room"]`, { hasText: PATIENT }).waitFor();
    // To the doctor, with the keyboard's N on the chosen row.
    await rowOf(PATIENT).getByText(PATIENT).click();
    await desk.keyboard.press("n");
    const withDoctor = desk.locator(`[data-testid="waiting-row"][data-stage="with_provider"]`, { hasText: PATIENT });
    await withDoctor.waitFor();
    await withDoctor.getByText(es("waitingRoom.stage.with_provider.medical"), { exact: true }).waitFor();

    // The visit went along: the patient is checked in on the visitors' side.
    const day = await callApi<{ visits: { visitorName: string; status: string }[] }>(desk, "query", "visitors.day", { officeId });
    expect(day.visits.find((visit) => visit.visitorName === PATIENT)?.status).toBe("checked_in");

    // A minute later the one still waiting is flagged, and counted in the header (with anyone
    // of the demo's day who was already waiting), the patient with the doctor is not.
    await desk.locator(`[data-testid="waiting-row"][data-over="true"]`, { hasText: WAITER }).waitFor({ timeout: 100_000 });
    const flagged = await desk.locator(`[data-testid="waiting-row"][data-over="true"]`).count();
    await desk.getByText(es("waitingRoom.overThreshold", { count: flagged, minutes: 1 }), { exact: true }).waitFor();
    expect(await desk.getByTestId("waiting-announcement").textContent()).toContain(WAITER);
    expect(await withDoctor.getAttribute("data-over")).toBe("false");
  });
});
