// Writes a results file's tables again from the raw figures it holds, without measuring:
// for when the report itself changed (a new column, a budget's wording, an interval).
//
//   node bench/report.mjs bench/results.json [bench/results-100k.json ...]
//
// Each `results<suffix>.json` (or the smoke run's `RESULTS-smoke.json`) gets its
// `RESULTS<suffix>.md` beside it rewritten, and its summaries and budget verdicts brought up
// to date in place; every sample stays as measured.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { report } from "./lib/report.mjs";

const files = process.argv.slice(2);
if (!files.length) {
  console.error("usage: node bench/report.mjs RESULTS_JSON...");
  process.exit(2);
}
for (const file of files) {
  const name = basename(file);
  if (!/^results.*\.json$/i.test(name)) {
    console.error(`report: ${file} is not a results*.json file`);
    process.exit(2);
  }
  const results = JSON.parse(readFileSync(file, "utf8"));
  // The summaries are made again from the samples, as run.mjs makes them.
  for (const entry of results.corpora) delete entry.sums;
  const { markdown } = report(results);
  const markdownFile = join(dirname(file), name.replace(/^results/i, "RESULTS").replace(/\.json$/, ".md"));
  writeFileSync(markdownFile, markdown);
  writeFileSync(file, JSON.stringify(results, null, 1));
  console.log(`report: wrote ${markdownFile} and ${file}`);
}
