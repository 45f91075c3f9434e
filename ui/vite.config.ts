/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from "vite";
import preact from "@preact/preset-vite";
import { readFileSync } from "node:fs";

// The bundled font is under the SIL Open Font License, which travels with it.
const fontLicence: Plugin = {
  name: "doyak-font-licence",
  generateBundle() {
    this.emitFile({
      type: "asset",
      fileName: "fonts/OFL-PretendardGOV.txt",
      source: readFileSync("node_modules/pretendard-gov/dist/LICENSE.txt"),
    });
  },
};

// The desk loads its page from the app bundle (tauri://localhost), so every
// asset path is relative and nothing is fetched from the network.
export default defineConfig({
  plugins: [preact(), fontLicence],
  base: "./",
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "safari16",
    // The fonts are large (Korean glyphs) and must stay files, not data: URLs.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
  },
});
