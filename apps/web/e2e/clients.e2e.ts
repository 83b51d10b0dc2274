import { describe, expect, it } from "vitest";
import {
  DEMO,
  pageTranslator,
  randomDni,
  randomSpanishMobile,
  settledTranslator,
  signIn,
  translator,
  useDemoPage,
} from "./harness";

const demo = useDemoPage();

async function chooseOffice(city: RegExp) {
  const t = await pageTranslator(demo.page);
  const select = demo.page.getByLabel(t("field.office"), { exact: true });
  const options = await select.locator("option").allTextContents();
  const office = options.find((name) => city.test(name));
  if (!office) throw new Error(`No office matching ${city} among: ${options.join(", ")}`);
  await select.selectOption({ label: office });
}

describe("a receptionist at the Madrid desk", () => {
  const phone = randomSpanishMobile();
  const dni = randomDni();
  const givenName = "Íñigo";
  const familyName = `Peñalver Núñez ${Math.random().toString(36).slice(2, 6)}`;
  const fullName = `${givenName} ${familyName}`;

  it("signs in and lands on the client list", async () => {
    await demo.page.goto("/");
    await demo.page.waitForURL("**/sign-in");
    await signIn(demo.page, DEMO.receptionist.email, DEMO.receptionist.password);
    await demo.page.waitForURL("**/clients");
    await settledTranslator(demo.page, "clients.title");
  });

  it("creates a client with a phone typed the Spanish way and a DNI", async () => {
    let t = await pageTranslator(demo.page);
    await demo.page.getByRole("link", { name: t("clients.new"), exact: true }).click();
    await demo.page.waitForURL("**/clients/new");
    t = await settledTranslator(demo.page, "clientForm.newTitle");

    await chooseOffice(/madrid/i);
    await demo.page.getByLabel(t("field.givenName"), { exact: true }).fill(givenName);
    await demo.page.getByLabel(t("field.familyName"), { exact: true }).fill(familyName);
    await demo.page.getByLabel(t("field.phoneNumber", { n: 1 }), { exact: true }).fill(phone);
    await demo.page.getByLabel(t("field.nationalIdType"), { exact: true }).selectOption("es_dni");
    await demo.page.getByLabel(new RegExp(`^${t("field.nationalIdValue")}`)).fill(dni);
    await demo.page.getByRole("button", { name: t("clientForm.create"), exact: true }).click();

    await demo.page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await demo.page.getByRole("heading", { level: 1, name: fullName }).waitFor();
    // Stored in E.164 and shown the international way.
    const digits = phone.replaceAll(" ", "");
    await demo.page.getByRole("link", { name: new RegExp(`\\+34 ${digits.slice(0, 3)}`) }).waitFor();
    await demo.page.getByText(dni, { exact: true }).waitFor();
  });

  it("finds the client by part of the phone number", async () => {
    const t = await pageTranslator(demo.page);
    await demo.page.getByRole("navigation").getByRole("link", { name: t("nav.clients"), exact: true }).click();
    await demo.page.waitForURL("**/clients");
    const search = demo.page.getByLabel(t("clients.search.label"), { exact: true });
    await search.fill(phone.replaceAll(" ", "").slice(2));
    await demo.page.getByRole("link", { name: new RegExp(fullName) }).waitFor();
  });

  it("finds the client by name typed without accents, and opens it from the keyboard", async () => {
    const t = await pageTranslator(demo.page);
    const search = demo.page.getByLabel(t("clients.search.label"), { exact: true });
    const unaccented = fullName.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
    expect(unaccented).toMatch(/^inigo penalver nunez /);
    await search.fill(unaccented);
    const result = demo.page.getByRole("link", { name: new RegExp(fullName) });
    await result.waitFor();
    expect(await demo.page.getByRole("link", { name: new RegExp(fullName) }).count()).toBe(1);

    // "/" focuses the search; the arrow keys move into the results; Enter opens one.
    await demo.page.getByRole("heading", { level: 1 }).click();
    await demo.page.keyboard.press("/");
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
    await demo.page.keyboard.press("ArrowDown");
    await demo.page.keyboard.press("Enter");
    await demo.page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await demo.page.getByRole("heading", { level: 1, name: fullName }).waitFor();
  });

  it("switches the interface to Italian", async () => {
    const t = await pageTranslator(demo.page);
    await demo.page.getByRole("button", { name: new RegExp(`^${t("shell.accountMenu")}`) }).click();
    await demo.page.getByRole("menuitemradio", { name: "Italiano" }).click();

    const itT = translator("it");
    await demo.page.getByRole("navigation").getByRole("link", { name: "Clienti", exact: true }).waitFor();
    expect(await demo.page.evaluate(() => document.documentElement.lang)).toBe("it");
    await demo.page.getByRole("link", { name: itT("client.back") }).click();
    await demo.page.getByRole("heading", { level: 1, name: "Clienti" }).waitFor();
    await demo.page.getByLabel("Cerca clienti", { exact: true }).waitFor();
    await demo.page.getByRole("link", { name: "Nuovo cliente" }).waitFor();
  });

  it("keeps Italian after reloading, because it was saved for the staff member", async () => {
    // Forget this computer's choice: the language must come back from the server.
    await demo.page.evaluate(() => window.localStorage.clear());
    await demo.page.reload();
    await demo.page.getByRole("heading", { level: 1, name: "Clienti" }).waitFor();
    expect(await demo.page.evaluate(() => document.documentElement.lang)).toBe("it");
  });

  it("signs out", async () => {
    await demo.page.getByRole("button", { name: /^Menu dell'account/ }).click();
    await demo.page.getByRole("menuitem", { name: "Esci", exact: true }).click();
    await demo.page.waitForURL("**/sign-in");
    await demo.page.getByRole("heading", { level: 1, name: "Accedi" }).waitFor();
    await demo.page.getByText(translator("it")("auth.reason.signedOut")).waitFor();

    // The session is really gone: the app sends us back to sign-in.
    await demo.page.goto("/clients");
    await demo.page.waitForURL("**/sign-in");
  });
});
