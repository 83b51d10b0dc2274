import { useMemo, type ComponentProps } from "react";
import { Select } from "./ui";

/** Every IANA zone the browser knows, with the current value first when the browser does not know it. */
export function timeZoneOptions(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

/** A native select of IANA time zones (`Europe/Madrid`). */
export function TimeZoneSelect({ value, ...props }: Omit<ComponentProps<typeof Select>, "children" | "value"> & { value: string }) {
  const zones = useMemo(() => timeZoneOptions(value), [value]);
  return (
    <Select {...props} value={value}>
      {value ? null : <option value="" />}
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </Select>
  );
}
