import { DEMO_LOGINS } from "@frontoffice/db";
import { describe, expect, it } from "vitest";
import { pageTranslator, settledTranslator, signIn, useDemoPage } from "./harness";

const owner = DEMO_LOGINS.find((login) => login.role === "owner")!;
const demo = useDemoPage();

/** The departments listed for the office on screen whose name is exactly `name`. */
async function departmentsNamed(name: string) {
  const { page } = demo;
  const t = await pageTranslator(page);
  const list = page.getByRole("region", { name: t("settings.departments.title") }).getByRole("listitem");
  const names = await list.locator("span.font-medium").allTextContents();
  return names.filter((text) => text === name);
}

describe("the owner manages the organization's offices", () => {
  it("signs in and opens settings from the navigation", async () => {
    const { page } = demo;
    await page.goto("/");
    await page.waitForURL("**/sign-in");
    await signIn(page, owner.email, owner.password);
    await page.waitForURL("**/clients");
    const t = await settledTranslator(page, "clients.title");
    await page.getByRole("navigation").getByRole("link", { name: t("nav.settings"), exact: true }).click();
    await page.waitForURL("**/settings");
    await page.getByRole("heading", { level: 1, name: t("settings.title") }).waitFor();
    // The demo's four offices, each with its city.
    for (const city of ["Madrid", "Milano", "Dublin", "Boston"]) await page.getByRole("row").filter({ hasText: city }).first().waitFor();
  });

  it("adds the department Ortodoncia on extension 110 to the Madrid clinic", async () => {
    const { page } = demo;
    let t = await pageTranslator(page);
    await page.getByRole("row").filter({ hasText: "Madrid" }).getByRole("link").click();
    await page.waitForURL(/\/settings\/offices\/[0-9a-f-]{36}$/);
    t = await settledTranslator(page, "settings.departments.title", "heading");

    await page.getByLabel(t("settings.departments.name"), { exact: true }).fill("Ortodoncia");
    await page.getByLabel(new RegExp(`^${t("settings.departments.extension")}`)).fill("110");
    await page.getByRole("button", { name: t("settings.departments.add"), exact: true }).click();

    await page.getByRole("status").filter({ hasText: t("settings.departments.added", { name: "Ortodoncia" }) }).waitFor();
    await page.getByRole("listitem").filter({ hasText: t("settings.departments.extensionValue", { extension: "110" }) }).filter({ hasText: "Ortodoncia" }).waitFor();
    expect(await departmentsNamed("Ortodoncia")).toHaveLength(1);
    // The form is empty again, ready for the next one.
    expect(await page.getByLabel(t("settings.departments.name"), { exact: true }).inputValue()).toBe("");
  });

  it("is told, in their language, that the office already has it", async () => {
    const { page } = demo;
    const t = await pageTranslator(page);
    const name = page.getByLabel(t("settings.departments.name"), { exact: true });
    await name.fill("Ortodoncia");
    await page.getByLabel(new RegExp(`^${t("settings.departments.extension")}`)).fill("110");
    await page.getByRole("button", { name: t("settings.departments.add"), exact: true }).click();

    await page.getByText(t("errors.DEPARTMENT_NAME_TAKEN"), { exact: true }).waitFor();
    expect(t.locale).toBe(owner.locale);
    expect(await name.getAttribute("aria-invalid")).toBe("true");
    expect(await name.inputValue()).toBe("Ortodoncia");
    expect(await departmentsNamed("Ortodoncia")).toHaveLength(1);
  });

  it("adds a medical office in Valencia, which starts with its departments in Spanish", async () => {
    const { page } = demo;
    let t = await pageTranslator(page);
    await page.getByRole("link", { name: t("settings.back") }).click();
    await page.waitForURL("**/settings");
    await page.getByRole("link", { name: t("settings.offices.add"), exact: true }).click();
    await page.waitForURL("**/settings/offices/new");
    t = await settledTranslator(page, "settings.office.newTitle");

    const field = (key: Parameters<typeof t>[0]) => page.getByLabel(t(key), { exact: true });
    await field("office.name").fill("Clínica Dental Turia");
    await field("office.kind").selectOption("medical");
    await field("office.locale").selectOption("es");
    await field("office.timeZone").selectOption("Europe/Madrid");
    await field("office.currency").selectOption("EUR");
    await field("office.fiscalName").fill("Clínica Dental Turia, S.L.");
    await field("office.taxId").fill("B12345674");
    await field("address.line1").fill("Calle de Colón 20");
    await field("address.city").fill("Valencia");
    await field("address.country").selectOption("ES");
    await page.getByRole("button", { name: t("settings.office.create"), exact: true }).click();

    await page.waitForURL(/\/settings\/offices\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: "Clínica Dental Turia" }).waitFor();
    expect(await departmentsNamed("Recepción")).toHaveLength(1);
    expect(await departmentsNamed("Citas")).toHaveLength(1);
  });

  it("finds the Valencia office among the choices of the client form", async () => {
    const { page } = demo;
    let t = await pageTranslator(page);
    await page.getByRole("navigation").getByRole("link", { name: t("nav.clients"), exact: true }).click();
    await page.waitForURL("**/clients");
    await page.getByRole("link", { name: t("clients.new"), exact: true }).click();
    t = await settledTranslator(page, "clientForm.newTitle");
    const options = await page.getByLabel(t("field.office"), { exact: true }).locator("option").allTextContents();
    expect(options.some((option) => /Clínica Dental Turia.*Valencia/.test(option))).toBe(true);
  });

  it("adds the service Blanqueamiento to the Madrid clinic, gives its dentist Saturday hours, and can book it", async () => {
    const { page } = demo;
    let t = await pageTranslator(page);
    await page.getByRole("navigation").getByRole("link", { name: t("nav.settings"), exact: true }).click();
    await page.waitForURL("**/settings");
    t = await settledTranslator(page, "settings.services.cardTitle");
    const href = await page.getByRole("row").filter({ hasText: "Madrid" }).first().getByRole("link").getAttribute("href");
    const madridId = /[0-9a-f-]{36}$/.exec(href ?? "")?.[0];
    expect(madridId).toBeTruthy();
    await page.getByLabel(t("settings.services.office"), { exact: true }).selectOption(madridId!);

    await page.getByRole("button", { name: t("settings.services.add"), exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(t("settings.services.name"), { exact: true }).fill("Blanqueamiento");
    await dialog.getByLabel(t("settings.services.duration"), { exact: true }).fill("60");
    await dialog.getByRole("checkbox", { name: "Javier Navarro" }).check();
    await dialog.getByRole("button", { name: t("settings.services.create"), exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    const services = page.getByRole("region", { name: t("settings.services.title"), exact: true });
    await services.getByRole("row").filter({ hasText: "Blanqueamiento" }).filter({ hasText: "Javier Navarro" }).waitFor();

    // Saturday 10:00–13:00 for the dentist, the day named as the interface's language names it.
    await page.getByLabel(t("settings.hours.staff"), { exact: true }).selectOption({ label: "Javier Navarro" });
    const saturday = new Intl.DateTimeFormat(t.locale, { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, 6));
    const clear = page.getByRole("button", { name: t("settings.hours.clearDay", { day: saturday }), exact: true });
    await page.getByRole("button", { name: t("settings.hours.addInterval", { day: saturday }), exact: true }).waitFor();
    if (await clear.count()) await clear.click();
    await page.getByRole("button", { name: t("settings.hours.addInterval", { day: saturday }), exact: true }).click();
    await page.getByLabel(t("settings.hours.from", { day: saturday, number: 1 }), { exact: true }).fill("10:00");
    await page.getByLabel(t("settings.hours.until", { day: saturday, number: 1 }), { exact: true }).fill("13:00");
    await page.getByRole("button", { name: t("settings.hours.save"), exact: true }).click();
    await page.getByText(t("settings.hours.saved", { name: "Javier Navarro" }), { exact: true }).waitFor();

    await page.goto(`/schedule?office=${madridId}`);
    t = await settledTranslator(page, "schedule.newAppointment", "button");
    await page.getByRole("button", { name: t("schedule.newAppointment"), exact: true }).click();
    const service = page.getByRole("dialog").getByLabel(t("schedule.field.service"), { exact: true });
    const option = t("schedule.service.option", { name: "Blanqueamiento", minutes: 60 });
    await service.locator("option", { hasText: option }).waitFor({ state: "attached" });
    await service.selectOption({ label: option });
    const staffOptions = await page.getByRole("dialog").getByLabel(t("schedule.field.staff"), { exact: true }).locator("option").allTextContents();
    expect(staffOptions).toContain("Javier Navarro");
  });
});
