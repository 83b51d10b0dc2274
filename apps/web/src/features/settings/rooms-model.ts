import { resourceInputSchema, toFieldIssues, type FieldIssue, type Resource, type ResourceInput, type ResourceKind } from "@frontoffice/domain";
import type { AppErrorCode } from "../../lib/errors";
import { mapIssues, type FormErrors } from "./office-form-model";

/** What the room form holds: the capacity as typed. */
export interface RoomFormValues {
  name: string;
  kind: ResourceKind;
  capacity: string;
}
export type RoomField = keyof RoomFormValues;

export const EMPTY_ROOM: RoomFormValues = { name: "", kind: "room", capacity: "1" };

const FIELD_BY_PATH: Readonly<Record<string, RoomField>> = { name: "name", kind: "kind", capacity: "capacity" };

export function roomToForm(room: Resource): RoomFormValues {
  return { name: room.name, kind: room.kind, capacity: String(room.capacity) };
}

/** What `resources.create` takes (a blank or non-numeric capacity is refused by the schema). */
export function toRoomInput(officeId: string, values: RoomFormValues): ResourceInput {
  const capacity = values.capacity.trim() === "" ? Number.NaN : Number(values.capacity.trim());
  return { officeId, name: values.name, kind: values.kind, capacity };
}

/** Checks the form with the schema the server uses (updates take the same fields). */
export function roomFormErrors(values: RoomFormValues): FormErrors<RoomField> {
  const parsed = resourceInputSchema.safeParse(toRoomInput("00000000-0000-4000-8000-000000000000", values));
  return parsed.success ? { fields: {}, general: [] } : mapIssues(toFieldIssues(parsed.error.issues), FIELD_BY_PATH);
}

/**
 * Where a refusal of the server belongs: a name another resource of the office has, or a capacity
 * below the seats booked, beside its field; field issues beside their fields; anything else for
 * the whole form (undefined).
 */
export function roomServerErrors(code: AppErrorCode, issues: readonly FieldIssue[]): FormErrors<RoomField> | undefined {
  if (code === "RESOURCE_NAME_TAKEN") return { fields: { name: { path: ["name"], key: "errors.RESOURCE_NAME_TAKEN" } }, general: [] };
  if (code === "RESOURCE_CAPACITY_IN_USE") return { fields: { capacity: { path: ["capacity"], key: "errors.RESOURCE_CAPACITY_IN_USE" } }, general: [] };
  if (code === "VALIDATION_FAILED" && issues.length) return mapIssues(issues, FIELD_BY_PATH);
  return undefined;
}
