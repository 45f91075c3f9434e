// Builds ui/dist for the Tauri window: the page, its script and style, and the
// bundled Pretendard GOV font (OFL) so Korean renders the same on every
// machine, including ones without any CJK font.
import { cpSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");
const fontDir = join(here, "node_modules", "pretendard-gov", "dist");
if (!existsSync(fontDir)) {
  console.error("pretendard-gov is not installed: run `npm ci` in ui/ first");
  process.exit(1);
}
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, "fonts"), { recursive: true });
cpSync(join(here, "src"), dist, { recursive: true });
for (const weight of ["Regular", "Bold"]) {
  cpSync(
    join(fontDir, "web", "static", "woff2", `PretendardGOV-${weight}.woff2`),
    join(dist, "fonts", `PretendardGOV-${weight}.woff2`),
  );
}
cpSync(join(fontDir, "LICENSE.txt"), join(dist, "fonts", "OFL-PretendardGOV.txt"));
console.log("ui/dist ready");
