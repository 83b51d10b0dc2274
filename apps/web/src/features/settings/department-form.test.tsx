import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { en } from "../../i18n/en";
import { renderUi } from "../../test/render";
import { DepartmentForm } from "./departments-card";

/** What the tRPC client throws for a refusal: the domain code in `data.code`. */
const refusal = (code: string) => Object.assign(new Error(code), { name: "TRPCClientError", data: { code } });

function setup(onSubmit: (values: { name: string; extension: string }) => Promise<void>) {
  renderUi(<DepartmentForm inline initial={{ name: "", extension: "" }} submitLabel="Add department" onSubmit={onSubmit} />);
  const name = screen.getByLabelText("Department name");
  const extension = screen.getByLabelText(/^Extension/);
  fireEvent.change(name, { target: { value: "Ortodoncia" } });
  fireEvent.change(extension, { target: { value: "110" } });
  return { name, extension, submit: () => fireEvent.click(screen.getByRole("button", { name: "Add department" })) };
}

describe("DepartmentForm", () => {
  it("shows a name the office already has beside the name, translated, and keeps what was typed", async () => {
    const { name, extension, submit } = setup(vi.fn(async () => Promise.reject(refusal("DEPARTMENT_NAME_TAKEN"))));
    submit();
    await screen.findByText(en["errors.DEPARTMENT_NAME_TAKEN"]);
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(extension).not.toHaveAttribute("aria-invalid");
    expect(name).toHaveValue("Ortodoncia");
    expect(extension).toHaveValue("110");

    // Typing a new name clears the message.
    fireEvent.change(name, { target: { value: "Ortodoncia infantil" } });
    expect(screen.queryByText(en["errors.DEPARTMENT_NAME_TAKEN"])).not.toBeInTheDocument();
  });

  it("shows a taken extension beside the extension", async () => {
    const { extension, submit } = setup(vi.fn(async () => Promise.reject(refusal("EXTENSION_TAKEN"))));
    submit();
    await screen.findByText(en["errors.EXTENSION_TAKEN"]);
    expect(extension).toHaveAttribute("aria-invalid", "true");
  });

  it("checks the extension before sending, and empties the form after adding", async () => {
    const onSubmit = vi.fn(async () => undefined);
    const { name, extension, submit } = setup(onSubmit);
    fireEvent.change(extension, { target: { value: "1" } });
    submit();
    await screen.findByText(en["validation.extension_invalid"]);
    expect(onSubmit).not.toHaveBeenCalled();

    fireEvent.change(extension, { target: { value: "110" } });
    submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ name: "Ortodoncia", extension: "110" }));
    await waitFor(() => expect(name).toHaveValue(""));
    expect(extension).toHaveValue("");
  });
});
