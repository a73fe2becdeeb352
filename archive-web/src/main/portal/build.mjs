// Bundles the portal's sources into the assets the WAR serves (portal.Assets): the query page's, the account
// page's, the Jobs page's and the My tables page's scripts and style sheets (query.js, query.css, account.js,
// account.css, jobs.js, jobs.css, my-tables.js, my-tables.css), the style sheet every page shares (site.css), the script of the pages without one of their own
// (site.js: home and landing pages) and the back office's (office.js, office.css), minified, for the browsers
// of the last few years (ES2020), plus licenses.txt with the licence of every package inside the bundles
// (CodeMirror and its dependencies, and uPlot in the Jobs page's plots, are MIT: their notices ship with them).
// Run by the Maven build (archive-web, phase generate-resources) after `npm ci`:
//   node build.mjs OUTPUT_DIRECTORY
// Plain Node 18 (Debian 12's nodejs): no newer language or library features here.
import * as esbuild from "esbuild";
import { mkdir, readFile, writeFile, readdir } from "node:fs/promises";
import path from "node:path";

const outdir = process.argv[2];
if (!outdir) {
  console.error("usage: node build.mjs OUTPUT_DIRECTORY");
  process.exit(2);
}
await mkdir(outdir, { recursive: true });

const result = await esbuild.build({
  entryPoints: ["src/query.js", "src/query.css", "src/account.js", "src/account.css", "src/site.js", "src/site.css",
    "src/jobs.js", "src/jobs.css", "src/my-tables.js", "src/my-tables.css", "src/office.js", "src/office.css"],
  outdir,
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  charset: "utf8",
  legalComments: "none", // the notices are in licenses.txt, named by the banner
  banner: { js: "/* The VO Archive Server's pages. Bundled packages and their licences: licenses.txt */" },
  metafile: true,
  logLevel: "warning",
});

// the packages whose files went into a bundle, each once, in name order
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) {
    packages.set(match[1], path.join("node_modules", match[1]));
  }
}
const sections = [];
for (const name of [...packages.keys()].sort()) {
  const dir = packages.get(name);
  const manifest = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"));
  const licenceFile = (await readdir(dir)).find((f) => /^licen[cs]e/i.test(f));
  if (!licenceFile) {
    throw new Error(`${name} has no licence file: its notice could not ship with the bundle`);
  }
  const text = (await readFile(path.join(dir, licenceFile), "utf8")).trim();
  sections.push(`${name} ${manifest.version} (${manifest.license})\n\n${text}\n`);
}
await writeFile(path.join(outdir, "licenses.txt"),
  "Packages bundled into the portal's scripts, with their licences.\n\n" + sections.join("\n" + "-".repeat(72) + "\n\n"));
console.log(`portal assets in ${outdir}: ${Object.keys(result.metafile.outputs).length} bundles, ${packages.size} packages`);
