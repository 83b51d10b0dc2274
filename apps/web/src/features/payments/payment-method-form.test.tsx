import type { PaymentDetailsInput } from "@frontoffice/domain";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { renderUi } from "../../test/render";
import { PaymentMethodForm } from "./payment-method-form";

function renderForm(onSubmit: (details: PaymentDetailsInput) => Promise<void>) {
  return renderUi(<PaymentMethodForm amountMinor={4356} currency="EUR" today="2026-11-23" busy={false} submitLabel="Take €43.56" onSubmit={onSubmit} />);
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

function typeCard(number: string, month: string, year: string, cvc: string) {
  fireEvent.change(field(en["payments.card.number"]), { target: { value: number } });
  fireEvent.change(field(en["payments.card.expMonth"]), { target: { value: month } });
  fireEvent.change(field(en["payments.card.expYear"]), { target: { value: year } });
  fireEvent.change(field(en["payments.card.cvc"]), { target: { value: cvc } });
}

describe("PaymentMethodForm", () => {
  it("checks the card before sending anything, naming each wrong field", async () => {
    const sent: PaymentDetailsInput[] = [];
    renderForm(async (details) => void sent.push(details));
    typeCard("4242 4242 4242 4241", "10", "2026", "12");
    fireEvent.click(screen.getByRole("button", { name: "Take €43.56" }));
    await screen.findByText(en["errors.CARD_NUMBER_INVALID"]);
    expect(screen.getByText(en["errors.CARD_EXPIRED"])).toBeInTheDocument();
    expect(screen.getByText(en["validation.card_cvc_invalid"])).toBeInTheDocument();
    expect(field(en["payments.card.number"])).toHaveAttribute("aria-invalid", "true");
    expect(sent).toEqual([]);
  });

  it("sends a good card once and empties its number and security code when the request settles", async () => {
    const sent: PaymentDetailsInput[] = [];
    renderForm(async (details) => void sent.push(details));
    typeCard("4000 0000 0000 9995", "12", "30", "123");
    fireEvent.click(screen.getByRole("button", { name: "Take €43.56" }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ method: "card", card: { number: "4000000000009995", expMonth: 12, expYear: 2030, cvc: "123" }, capture: true });
    await waitFor(() => expect(field(en["payments.card.number"]).value).toBe(""));
    expect(field(en["payments.card.cvc"]).value).toBe("");
    // The expiry is not secret and stays for a retry with another card.
    expect(field(en["payments.card.expMonth"]).value).toBe("12");
  });

  it("empties the card even when the payment fails", async () => {
    renderForm(async () => {
      throw new Error("declined");
    });
    typeCard("4000 0000 0000 0002", "12", "30", "123");
    fireEvent.click(screen.getByRole("button", { name: "Take €43.56" }));
    await waitFor(() => expect(field(en["payments.card.number"]).value).toBe(""));
  });

  it("counts the change for cash and refuses too little", async () => {
    const sent: PaymentDetailsInput[] = [];
    renderForm(async (details) => void sent.push(details));
    fireEvent.click(screen.getByRole("radio", { name: en["payments.method.cash"] }));
    fireEvent.change(field(en["payments.tendered"] + ` (${en["common.optional"]})`), { target: { value: "50" } });
    expect(screen.getByTestId("change-due")).toHaveTextContent("€6.44");
    fireEvent.change(field(en["payments.tendered"] + ` (${en["common.optional"]})`), { target: { value: "40" } });
    fireEvent.click(screen.getByRole("button", { name: "Take €43.56" }));
    await screen.findByText(en["errors.CASH_TENDERED_INSUFFICIENT"]);
    fireEvent.change(field(en["payments.tendered"] + ` (${en["common.optional"]})`), { target: { value: "50" } });
    fireEvent.click(screen.getByRole("button", { name: "Take €43.56" }));
    await waitFor(() => expect(sent).toEqual([{ method: "cash", tenderedMinor: 5000 }]));
  });

  it("takes the terminal's approval code and the card's last four", async () => {
    const sent: PaymentDetailsInput[] = [];
    renderForm(async (details) => void sent.push(details));
    fireEvent.click(screen.getByRole("radio", { name: en["payments.method.terminal"] }));
    fireEvent.change(field(en["payments.last4"]), { target: { value: "42" } });
    fireEvent.click(screen.getByRole("button", { name: "Take €43.56" }));
    await screen.findByText(en["payments.approvalCode.invalid"]);
    expect(screen.getByText(en["payments.last4.invalid"])).toBeInTheDocument();
    fireEvent.change(field(en["payments.approvalCode"]), { target: { value: "A1B2C3" } });
    fireEvent.change(field(en["payments.last4"]), { target: { value: "4242" } });
    fireEvent.click(screen.getByRole("button", { name: "Take €43.56" }));
    await waitFor(() => expect(sent).toEqual([{ method: "terminal", approvalCode: "A1B2C3", last4: "4242" }]));
  });
});
