import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { en } from "../../i18n/en";
import { renderUi } from "../../test/render";
import { SaleLines } from "./sale-lines";
import { saleTotals, type CartLine } from "./sale-model";

const brush = { id: "brush", name: "Toothbrush", unitPriceMinor: 2420, taxRateBasisPoints: 2100 };
const cleaning = { id: "cleaning", name: "Cleaning", unitPriceMinor: 6000, taxRateBasisPoints: 0 };

function renderLines(lines: CartLine[], changes: { index: number; line: CartLine }[] = []) {
  const settings = { currency: "EUR", pricesIncludeTax: true };
  return renderUi(
    <SaleLines
      lines={lines}
      totals={saleTotals(lines, settings)}
      currency="EUR"
      pricesIncludeTax
      locked={false}
      onChange={(index, line) => changes.push({ index, line })}
      onRemove={() => undefined}
    />,
  );
}

describe("SaleLines", () => {
  it("shows each line's amount and the tax per rate with the total", () => {
    renderLines([
      { product: cleaning, quantity: "1", discount: "" },
      { product: brush, quantity: "2", discount: "4.84" },
    ]);
    const rows = screen.getAllByTestId("sale-line");
    expect(within(rows[1]!).getByText("€43.56")).toBeInTheDocument();
    const totals = screen.getByLabelText(en["payments.totals"]);
    expect(within(totals).getByText("Tax 21% on €36.00")).toBeInTheDocument();
    expect(within(totals).getByText("€7.56")).toBeInTheDocument();
    expect(within(totals).getByText("Tax 0% on €60.00")).toBeInTheDocument();
    expect(screen.getByTestId("sale-total")).toHaveTextContent("€103.56");
  });

  it("names the wrong field of a line and shows no totals until it is right", () => {
    const changes: { index: number; line: CartLine }[] = [];
    renderLines([{ product: brush, quantity: "1", discount: "30" }], changes);
    expect(screen.getByText(en["validation.discount_invalid"])).toBeInTheDocument();
    expect(screen.getByLabelText("Discount on Toothbrush")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("sale-total")).toBeNull();
    fireEvent.change(screen.getByLabelText("Quantity of Toothbrush"), { target: { value: "2" } });
    expect(changes).toEqual([{ index: 0, line: { product: brush, quantity: "2", discount: "30" } }]);
  });

  it("keeps an appointment's line as the server charges it: one, no discount", () => {
    renderLines([{ product: cleaning, quantity: "1", discount: "", fromAppointment: true }]);
    expect(screen.getByText(en["payments.line.fromAppointment"])).toBeInTheDocument();
    expect(screen.getByLabelText("Quantity of Cleaning")).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Remove Cleaning" })).toBeNull();
  });
});
