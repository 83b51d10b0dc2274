/// <reference types="vitest/config" />
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

const api = "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  // Workspace packages (domain) are used from source, as in tests and typecheck.
  resolve: { conditions: ["@frontoffice/source", ...defaultClientConditions] },
  server: {
    proxy: {
      "/trpc": { target: api, changeOrigin: false },
      "/api": { target: api, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    setupFiles: ["./src/test/setup.ts"],
    testTimeout: 30_000,
    css: false,
  },
});
