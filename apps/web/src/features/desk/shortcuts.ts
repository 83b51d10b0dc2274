/**
 * The console's keyboard: one key per action, shown on screen. Keys never fire while the
 * receptionist types (an input, a text area, a select, anything editable) or when a modifier is
 * held (the browser's and the system's shortcuts stay theirs); `/` (focus the answers search) is
 * handled by the answers panel itself.
 */
export type DeskAction =
  | { kind: "select"; line: number }
  | { kind: "move"; step: 1 | -1 }
  | { kind: "answer" }
  | { kind: "holdOrResume" }
  | { kind: "transfer" }
  | { kind: "message" }
  | { kind: "callback" }
  | { kind: "hangUp" };

export type DeskActionKind = Exclude<DeskAction["kind"], "select" | "move">;

/** The action keys, in the order the console lists them. */
export const DESK_SHORTCUTS: readonly { key: string; action: DeskActionKind }[] = [
  { key: "A", action: "answer" },
  { key: "H", action: "holdOrResume" },
  { key: "T", action: "transfer" },
  { key: "M", action: "message" },
  { key: "K", action: "callback" },
  { key: "E", action: "hangUp" },
];

/** True while the user types somewhere, so a letter is a letter. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof target !== "object" || !("tagName" in target)) return false;
  const element = target as HTMLElement;
  // `isContentEditable` (jsdom lacks it), or an editable ancestor.
  if (element.isContentEditable || element.closest?.('[contenteditable]:not([contenteditable="false"])')) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

/** True inside a menu, dialog or list box: those widgets own their keys (type-ahead, arrows). */
function inWidget(target: EventTarget | null): boolean {
  if (!target || typeof target !== "object" || !("closest" in target)) return false;
  return (target as Element).closest('[role="menu"], [role="dialog"], [role="alertdialog"], [role="listbox"]') !== null;
}

export interface KeyLike {
  key: string;
  target: EventTarget | null;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented?: boolean;
}

/** The console action a key press asks for, or null. */
export function deskActionFor(event: KeyLike): DeskAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target) || inWidget(event.target)) return null;
  if (/^[1-9]$/.test(event.key)) return { kind: "select", line: Number(event.key) };
  if (event.key === "ArrowDown" || event.key === "ArrowRight") return { kind: "move", step: 1 };
  if (event.key === "ArrowUp" || event.key === "ArrowLeft") return { kind: "move", step: -1 };
  const shortcut = DESK_SHORTCUTS.find((entry) => entry.key === event.key.toUpperCase());
  return shortcut && event.key.length === 1 ? { kind: shortcut.action } : null;
}
