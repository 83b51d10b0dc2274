import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { VALIDATION_KEYS, toFieldIssues } from "./validation.js";

const issuesOf = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues ?? [];

describe("toFieldIssues", () => {
  const form = z.strictObject({
    name: z.string().min(1),
    nickname: z.string().min(3),
    notes: z.string().max(10),
    tags: z.array(z.string()).max(2),
    friends: z.array(z.string()).min(1),
    age: z.number().min(18).max(130),
    email: z.email().optional(),
    id: z.uuid().optional(),
    kind: z.enum(["a", "b"]).optional(),
    code: z.string().regex(/^\d+$/).optional(),
    custom: z.string().refine((value) => value !== "x", "validation.phone_invalid").optional(),
  });
  const valid = { name: "Ana", nickname: "Anita", notes: "", tags: [], friends: ["Luis"], age: 30 };

  it("passes translation keys through", () => {
    expect(toFieldIssues(issuesOf(form, { ...valid, custom: "x" }))).toEqual([{ path: ["custom"], key: "validation.phone_invalid" }]);
  });

  it("maps zod's own issues to keys with their limits", () => {
    const input = { ...valid, name: "", nickname: "An", notes: "x".repeat(11), tags: ["a", "b", "c"], friends: [], age: 12, email: "no", id: "no", kind: "c", code: "1a" };
    expect(toFieldIssues(issuesOf(form, input))).toEqual([
      { path: ["name"], key: "validation.required", params: { min: 1 } },
      { path: ["nickname"], key: "validation.too_short", params: { min: 3 } },
      { path: ["notes"], key: "validation.too_long", params: { max: 10 } },
      { path: ["tags"], key: "validation.too_many", params: { max: 2 } },
      { path: ["friends"], key: "validation.too_small", params: { min: 1 } },
      { path: ["age"], key: "validation.too_small", params: { min: 18 } },
      { path: ["email"], key: "validation.email_invalid" },
      { path: ["id"], key: "validation.id_invalid" },
      { path: ["kind"], key: "validation.invalid" },
      { path: ["code"], key: "validation.invalid" },
    ]);
    expect(toFieldIssues(issuesOf(form, { ...valid, age: 131 }))).toEqual([{ path: ["age"], key: "validation.too_big", params: { max: 130 } }]);
  });

  it("names unknown fields", () => {
    expect(toFieldIssues(issuesOf(form, { ...valid, admin: true, role: "owner" }))).toEqual([
      { path: [], key: "validation.unknown_field", params: { fields: "admin, role" } },
    ]);
  });

  it("tells a missing value (required) from a value of the wrong type (invalid)", () => {
    const input = { nickname: "Anita", notes: 42, tags: [], friends: ["Luis"], age: null };
    const expected = [
      { path: ["name"], key: "validation.required" },
      { path: ["notes"], key: "validation.invalid" },
      { path: ["age"], key: "validation.required" },
    ];
    expect(toFieldIssues(issuesOf(form, input))).toEqual(expected);
    expect(toFieldIssues(issuesOf(form, input), input)).toEqual(expected);
  });

  it("uses the parsed input when given, whatever zod's messages say", () => {
    const quiet = z.strictObject({ name: z.string({ error: () => "not a string" }), notes: z.string({ error: () => "not a string" }) });
    const input = { notes: 42 };
    expect(toFieldIssues(issuesOf(quiet, input), input)).toEqual([
      { path: ["name"], key: "validation.required" },
      { path: ["notes"], key: "validation.invalid" },
    ]);
  });

  it("uses the input zod reports when asked to", () => {
    const issues = z.strictObject({ name: z.string(), age: z.number() }).safeParse({ age: "9" }, { reportInput: true }).error?.issues ?? [];
    expect(toFieldIssues(issues)).toEqual([
      { path: ["name"], key: "validation.required" },
      { path: ["age"], key: "validation.invalid" },
    ]);
  });

  it("keeps array indexes in paths", () => {
    const list = z.array(z.strictObject({ number: z.string().min(1) }));
    expect(toFieldIssues(issuesOf(list, [{ number: "1" }, { number: "" }]))).toEqual([
      { path: [1, "number"], key: "validation.required", params: { min: 1 } },
    ]);
  });
});

describe("VALIDATION_KEYS", () => {
  it("has no duplicates", () => {
    expect(new Set(VALIDATION_KEYS).size).toBe(VALIDATION_KEYS.length);
  });

  it("lists every key the schemas use, so each locale can translate them all", () => {
    const folder = new URL(".", import.meta.url);
    const used = new Set<string>();
    for (const file of readdirSync(folder)) {
      if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
      const source = readFileSync(new URL(file, folder), "utf8");
      for (const match of source.matchAll(/"(validation\.[a-z_]+)"/g)) used.add(match[1] as string);
    }
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) expect(VALIDATION_KEYS).toContain(key);
  });
});

describe("toFieldIssues with mistyped values", () => {
  it("reports a value of the wrong type once, without zod's length checks on it", () => {
    const schema = z.strictObject({ phones: z.array(z.string()).max(5, "validation.too_many"), name: z.string().min(1) });
    const input = { phones: "612 345 678", name: "" };
    expect(toFieldIssues(issuesOf(schema, input))).toEqual([
      { path: ["phones"], key: "validation.invalid" },
      { path: ["name"], key: "validation.required", params: { min: 1 } },
    ]);
  });
});
