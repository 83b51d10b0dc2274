import { defineConfig } from "tsup";

// The server ships as one bundle of our own code; third-party dependencies stay external.
export default defineConfig({
  entry: ["src/cli.ts"],
  format: ["esm"],
  dts: false,
  sourcemap: true,
  clean: true,
  target: "node20",
  banner: { js: "#!/usr/bin/env node" },
});
