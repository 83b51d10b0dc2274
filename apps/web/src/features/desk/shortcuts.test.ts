import { describe, expect, it } from "vitest";
import { deskActionFor, type KeyLike } from "./shortcuts";

const press = (key: string, overrides: Partial<KeyLike> = {}): KeyLike => ({ key, target: document.body, ctrlKey: false, metaKey: false, altKey: false, ...overrides });

describe("deskActionFor", () => {
  it("maps the console's keys to actions, in either case", () => {
    expect(deskActionFor(press("a"))).toEqual({ kind: "answer" });
    expect(deskActionFor(press("H"))).toEqual({ kind: "holdOrResume" });
    expect(deskActionFor(press("t"))).toEqual({ kind: "transfer" });
    expect(deskActionFor(press("m"))).toEqual({ kind: "message" });
    expect(deskActionFor(press("k"))).toEqual({ kind: "callback" });
    expect(deskActionFor(press("e"))).toEqual({ kind: "hangUp" });
    expect(deskActionFor(press("3"))).toEqual({ kind: "select", line: 3 });
    expect(deskActionFor(press("ArrowDown"))).toEqual({ kind: "move", step: 1 });
    expect(deskActionFor(press("ArrowUp"))).toEqual({ kind: "move", step: -1 });
  });

  it("leaves other keys, modifiers and typing alone", () => {
    expect(deskActionFor(press("0"))).toBeNull();
    expect(deskActionFor(press("x"))).toBeNull();
    expect(deskActionFor(press("Enter"))).toBeNull();
    expect(deskActionFor(press("Escape"))).toBeNull();
    expect(deskActionFor(press("a", { ctrlKey: true }))).toBeNull();
    expect(deskActionFor(press("e", { metaKey: true }))).toBeNull();
    expect(deskActionFor(press("a", { defaultPrevented: true }))).toBeNull();
    for (const tag of ["input", "textarea", "select"]) {
      expect(deskActionFor(press("a", { target: document.createElement(tag) })), tag).toBeNull();
    }
    const editable = document.createElement("div");
    editable.setAttribute("contenteditable", "true");
    document.body.append(editable);
    expect(deskActionFor(press("e", { target: editable }))).toBeNull();
    editable.remove();
    const menu = document.createElement("div");
    menu.setAttribute("role", "menu");
    const item = document.createElement("div");
    menu.append(item);
    expect(deskActionFor(press("e", { target: item })), "a menu's type-ahead").toBeNull();
  });
});
