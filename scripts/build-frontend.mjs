// Compiles Safeguard's stylesheet and copies the front-end packages' built files into the web app.
// Run by the Web project's build (see Safeguard.Web.csproj) after `npm ci`; the output is git-ignored.
import * as sass from "sass";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "src/Safeguard.Web/wwwroot/lib");
const modules = join(root, "node_modules");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const css = sass.compile(join(root, "src/Safeguard.Web/Styles/safeguard.scss"), {
  loadPaths: [root],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
  logger: sass.Logger.silent,
});
writeFileSync(join(out, "safeguard.css"), css.css);

const copy = (from, to) => cpSync(join(modules, from), join(out, to), { recursive: true });
copy("govuk-frontend/dist/govuk/govuk-frontend.min.js", "govuk/govuk-frontend.min.js");
copy("govuk-frontend/dist/govuk/assets/images", "govuk/assets/images");
copy("@ministryofjustice/frontend/moj/assets/images", "govuk/assets/images");
copy("@ministryofjustice/frontend/moj/moj-frontend.min.js", "moj/moj-frontend.min.js");
copy("cytoscape/dist/cytoscape.min.js", "cytoscape/cytoscape.min.js");
console.log(`front-end assets written to ${out}`);
