import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { renderUi } from "../../test/render";
import { OfficeFields } from "./office-fields";
import { initialOfficeValues } from "./office-form-model";

const values = { ...initialOfficeValues("es", ["es-ES"], "Europe/Madrid"), name: "Clínica Turia", city: "Valencia" };

describe("OfficeFields", () => {
  it("shows an existing office's kind without letting it change, and says why", () => {
    renderUi(<OfficeFields legend="Office" values={values} errors={{}} onChange={vi.fn()} kindLocked />);
    expect(screen.getByLabelText(en["office.kind"])).toBeDisabled();
    expect(screen.getByText(en["office.kindFixed"])).toBeInTheDocument();
  });

  it("reports each change by field, and shows a problem beside its field", () => {
    const onChange = vi.fn();
    renderUi(<OfficeFields legend="Office" values={values} errors={{ taxId: { path: ["taxId"], key: "validation.tax_id_invalid" } }} onChange={onChange} />);
    expect(screen.getByLabelText(en["office.kind"])).toBeEnabled();
    expect(screen.getByLabelText(en["office.taxId"])).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText(en["validation.tax_id_invalid"])).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText(en["office.locale"]), { target: { value: "it" } });
    fireEvent.change(screen.getByLabelText(en["office.timeZone"]), { target: { value: "Europe/Rome" } });
    fireEvent.change(screen.getByLabelText(en["address.city"]), { target: { value: "Roma" } });
    expect(onChange.mock.calls).toEqual([
      ["locale", "it"],
      ["timeZone", "Europe/Rome"],
      ["city", "Roma"],
    ]);
  });
});
