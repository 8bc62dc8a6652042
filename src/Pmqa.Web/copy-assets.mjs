// Copies the front-end packages that package.json names into wwwroot/lib.
// Run by FrontEnd.targets after `npm ci`; wwwroot/lib is never committed.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const out = "wwwroot/lib";
const copy = (from, to) => {
  mkdirSync(join(out, to, ".."), { recursive: true });
  cpSync(join("node_modules", from), join(out, to));
};

copy("bootstrap/dist/css/bootstrap.min.css", "bootstrap/bootstrap.min.css");
copy("bootstrap/dist/js/bootstrap.bundle.min.js", "bootstrap/bootstrap.bundle.min.js");
copy("htmx.org/dist/htmx.min.js", "htmx/htmx.min.js");
copy("echarts/dist/echarts.min.js", "echarts/echarts.min.js");
// One stylesheet with only the Thai and Latin faces, so no request goes to a file we did not copy.
const faces = ["400", "600", "700"]
  .map((w) => readFileSync(`node_modules/@fontsource/sarabun/${w}.css`, "utf8"))
  .join("\n")
  .split(/(?=\/\* sarabun-)/)
  .filter((block) => /^\/\* sarabun-(thai|latin)-\d+-normal \*\//.test(block));
mkdirSync(join(out, "sarabun"), { recursive: true });
writeFileSync(join(out, "sarabun/sarabun.css"), faces.join("\n"));
const fonts = readdirSync("node_modules/@fontsource/sarabun/files")
  .filter((f) => /-(thai|latin)-(400|600|700)-normal\.woff2?$/.test(f));
for (const f of fonts) copy(`@fontsource/sarabun/files/${f}`, `sarabun/files/${f}`);
writeFileSync(join(out, ".stamp"), new Date().toISOString());
