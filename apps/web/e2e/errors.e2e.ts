import { describe, expect, it } from "vitest";
import { DEMO, pageTranslator, randomSpanishMobile, settledTranslator, signIn, useDemoPage } from "./harness";

const demo = useDemoPage();

describe("signing in", () => {
  it("says clearly when the password is wrong and stays on sign-in", async () => {
    await demo.page.goto("/sign-in");
    const t = await pageTranslator(demo.page);
    await signIn(demo.page, DEMO.receptionist.email, "not-the-password");
    await demo.page.getByRole("alert").filter({ hasText: t("auth.signIn.invalidCredentials") }).waitFor();
    expect(new URL(demo.page.url()).pathname).toBe("/sign-in");
    expect(await demo.page.getByLabel(t("auth.email"), { exact: true }).inputValue()).toBe(DEMO.receptionist.email);
    await demo.page.getByRole("heading", { level: 1, name: t("auth.signIn.title") }).waitFor();
  });
});

describe("the client form", () => {
  it("shows a translated error for an invalid DNI and keeps everything typed", async () => {
    await signIn(demo.page, DEMO.receptionist.email, DEMO.receptionist.password);
    await demo.page.waitForURL("**/clients");
    let t = await settledTranslator(demo.page, "clients.title");
    await demo.page.getByRole("link", { name: t("clients.new"), exact: true }).click();
    t = await settledTranslator(demo.page, "clientForm.newTitle");

    const office = demo.page.getByLabel(t("field.office"), { exact: true });
    const madrid = (await office.locator("option").allTextContents()).find((name) => /madrid/i.test(name));
    expect(madrid).toBeTruthy();
    await office.selectOption({ label: madrid as string });
    const phone = randomSpanishMobile();
    await demo.page.getByLabel(t("field.givenName"), { exact: true }).fill("Lucía");
    await demo.page.getByLabel(t("field.familyName"), { exact: true }).fill("Fernández");
    await demo.page.getByLabel(t("field.phoneNumber", { n: 1 }), { exact: true }).fill(phone);
    await demo.page.getByLabel(t("field.nationalIdType"), { exact: true }).selectOption("es_dni");
    const id = demo.page.getByLabel(new RegExp(`^${t("field.nationalIdValue")}`));
    await id.fill("12345678A");
    await demo.page.getByRole("button", { name: t("clientForm.create"), exact: true }).click();

    await demo.page.getByText(t("validation.national_id_invalid"), { exact: true }).waitFor();
    expect(await id.getAttribute("aria-invalid")).toBe("true");
    expect(await id.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(new URL(demo.page.url()).pathname).toBe("/clients/new");
    expect(await id.inputValue()).toBe("12345678A");
    expect(await demo.page.getByLabel(t("field.givenName"), { exact: true }).inputValue()).toBe("Lucía");
    expect(await demo.page.getByLabel(t("field.familyName"), { exact: true }).inputValue()).toBe("Fernández");
    expect(await demo.page.getByLabel(t("field.phoneNumber", { n: 1 }), { exact: true }).inputValue()).toBe(phone);
    expect(await office.inputValue()).not.toBe("");
  });
});

describe("a session that ends", () => {
  it("sends the user back to sign-in with a message, and back to where they were after signing in", async () => {
    // Signed in from the previous spec, on the new-client form. The session disappears (as when
    // it expires or is revoked from another device).
    let t = await pageTranslator(demo.page);
    await demo.page.context().clearCookies();
    await demo.page.getByRole("navigation").getByRole("link", { name: t("nav.clients"), exact: true }).click();
    // The next call to the server finds no session.
    await demo.page.getByLabel(t("clients.search.label"), { exact: true }).fill("garcía");

    await demo.page.waitForURL("**/sign-in");
    t = await pageTranslator(demo.page);
    await demo.page.getByText(t("auth.reason.expired"), { exact: true }).waitFor();

    await signIn(demo.page, DEMO.receptionist.email, DEMO.receptionist.password);
    // Back on the list, with the search that was under way.
    await demo.page.waitForURL(/\/clients\?q=/);
    t = await settledTranslator(demo.page, "clients.title");
    expect(await demo.page.getByLabel(t("clients.search.label"), { exact: true }).inputValue()).toBe("garcía");
  });
});
