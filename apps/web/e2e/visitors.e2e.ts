/**
 * Visitors, end to end: a walk-in checks in on the Madrid office's kiosk in Spanish and picks
 * their host; the host, signed in in another browser, sees the notification; the receptionist
 * checks the visitor out and the on-site roll call is empty.
 */
import { describe, expect, it } from "vitest";
import { DEMO, settledTranslator, translator, useDemoBrowser } from "./harness";

const MADRID_OFFICE = "Clínica Dental Retiro";
/** A dentist of the Madrid clinic in the demo (Spanish interface): the host. */
const HOST = { name: "Andrés Gil", email: "andres.gil@demo.frontoffice.test", password: DEMO.manager.password };
const VISITOR = `Marta Visitante ${Date.now() % 10_000}`;

const { signedInPage, newPage } = useDemoBrowser();

describe("visitors at the Madrid clinic", () => {
  it("a walk-in checks in on the kiosk in Spanish, the host is notified, the desk checks them out", async () => {
    // A manager sets up the Madrid office's kiosk on the visitors page; its address shows once.
    const manager = await signedInPage(DEMO.manager.email, DEMO.manager.password);
    let managerT = await settledTranslator(manager, "clients.title");
    await manager.getByRole("navigation").getByRole("link", { name: managerT("nav.visitors"), exact: true }).click();
    managerT = await settledTranslator(manager, "visitors.title");
    await manager.getByLabel(managerT("visitors.office"), { exact: true }).selectOption({ label: MADRID_OFFICE });
    await manager.getByLabel(managerT("visitors.kiosks.label"), { exact: true }).fill("Entrada");
    await manager.getByRole("button", { name: managerT("visitors.kiosks.create"), exact: true }).click();
    const kioskAddress = (await manager.getByTestId("kiosk-address").textContent()) ?? "";
    expect(kioskAddress).toMatch(/\/kiosk\/[A-Za-z0-9_-]{43}$/);

    // The host is signed in elsewhere, with nothing new yet.
    const host = await signedInPage(HOST.email, HOST.password);
    const hostT = await settledTranslator(host, "clients.title");
    expect(hostT.locale).toBe("es");
    await host.getByRole("button", { name: hostT("notifications.title"), exact: true }).waitFor();

    // The tablet at the entrance: no one signed in, the visitor picks Spanish.
    const tablet = await newPage();
    await tablet.goto(new URL(kioskAddress).pathname);
    await tablet.getByText(MADRID_OFFICE).waitFor();
    expect(await tablet.getByRole("navigation").count()).toBe(0);
    await tablet.getByRole("button", { name: "Español", exact: true }).click();
    const es = translator("es");
    await tablet.getByRole("heading", { name: es("kiosk.welcome"), exact: true }).waitFor();
    await tablet.getByRole("button", { name: es("kiosk.arrive"), exact: true }).click();
    // Nothing filled in: the form says what is missing, in Spanish.
    await tablet.getByRole("button", { name: es("kiosk.checkIn"), exact: true }).click();
    await tablet.getByText(es("validation.required")).first().waitFor();
    await tablet.getByLabel(es("kiosk.name"), { exact: true }).fill(VISITOR);
    await tablet.getByLabel(new RegExp(`^${es("kiosk.company")}`)).fill("Suministros Dentales");
    await tablet.getByRole("radio", { name: HOST.name, exact: true }).click();
    await tablet.getByRole("button", { name: es("kiosk.checkIn"), exact: true }).click();
    await tablet.getByText(es("kiosk.welcomeDone", { name: VISITOR, host: HOST.name })).waitFor();
    const badgeCode = await tablet.getByTestId("kiosk-code").textContent();
    expect(badgeCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);

    // The host's bell picks it up on its next poll (every 15 s).
    const unread = host.getByRole("button", { name: hostT("notifications.unread", { count: 1 }), exact: true });
    await unread.waitFor({ timeout: 40_000 });
    await unread.click();
    await host.getByText(hostT("notifications.visitorArrived", { name: `${VISITOR} (Suministros Dentales)` })).waitFor();
    await host.keyboard.press("Escape");

    // The receptionist checks the visitor out at the desk.
    const desk = await signedInPage(DEMO.receptionist.email, DEMO.receptionist.password);
    let t = await settledTranslator(desk, "clients.title");
    await desk.getByRole("navigation").getByRole("link", { name: t("nav.visitors"), exact: true }).click();
    await desk.waitForURL("**/visitors");
    t = await settledTranslator(desk, "visitors.title");
    const officePicker = desk.getByLabel(t("visitors.office"), { exact: true });
    if ((await officePicker.count()) > 0) await officePicker.selectOption({ label: MADRID_OFFICE });
    const row = desk.getByTestId("visit-row").filter({ hasText: VISITOR });
    await row.getByText(t("visitors.status.checked_in"), { exact: true }).waitFor();
    await row.getByRole("button", { name: t("visitors.checkOut"), exact: true }).click();
    await row.getByText(t("visitors.status.checked_out"), { exact: true }).waitFor();

    // The roll call: nobody left in the building.
    await desk.getByRole("link", { name: t("visitors.onSite.open"), exact: true }).click();
    await desk.waitForURL("**/visitors/on-site**");
    await desk.getByRole("heading", { name: t("visitors.onSite.title"), exact: true }).waitFor();
    await desk.getByText(t("visitors.onSite.empty"), { exact: true }).waitFor();
    expect(await desk.getByTestId("on-site-row").count()).toBe(0);

    // A second check-out from the kiosk with the badge code is refused, in Spanish.
    await tablet.getByRole("button", { name: es("kiosk.finish"), exact: true }).click();
    await tablet.getByRole("button", { name: es("kiosk.leave"), exact: true }).click();
    await tablet.getByLabel(es("kiosk.code"), { exact: true }).fill(badgeCode!);
    await tablet.getByRole("button", { name: es("kiosk.checkOut"), exact: true }).click();
    await tablet.getByText(es("errors.VISIT_ALREADY_CHECKED_OUT")).waitFor();
  });
});
