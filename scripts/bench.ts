// Benchmarks the build at archive scale against bare Eleventy: `npm run bench -- --items 1000 --items 10000`.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeBareSite } from "../src/bench/bare-eleventy.ts";
import { measureDevRebuild, type DevRebuild } from "../src/bench/rebuild-timing.ts";
import { measureFirstQuery } from "../src/bench/first-query.ts";
import { generateArchive } from "../src/bench/generate-archive.ts";
import { measureProcess, type Measured } from "../src/bench/measure-process.ts";
import { formatTable, scalingOf, type BenchReport, type SizeResult } from "../src/bench/report.ts";
import { filesUnder, indexBytes, pageWeights } from "../src/bench/site-weight.ts";

const { values } = parseArgs({
  options: {
    items: { type: "string", multiple: true, default: ["1000", "10000"] },
    seed: { type: "string", default: "1" },
    results: { type: "string", default: "bench-results" },
    "skip-dev": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});

const projectRoot = path.resolve(import.meta.dirname, "..");
const eleventyCli = path.join(projectRoot, "node_modules", "@11ty", "eleventy", "cmd.cjs");
const sizes = values.items.flatMap((v) => v.split(",")).map(Number);
const node = process.execPath;

function checked(step: string, run: Measured): Measured {
  if (run.code !== 0) throw new Error(`${step} failed (exit ${run.code}):\n${run.output.slice(-3000)}`);
  return run;
}

async function benchSize(events: number): Promise<SizeResult> {
  const work = mkdtempSync(path.join(os.tmpdir(), `archive-bench-${events}-`));
  const log = (what: string) => console.log(`[${events.toLocaleString("en-US")}] ${what}`);
  try {
    const content = path.join(work, "content");
    generateArchive(content, { events, seed: Number(values.seed), templateDir: path.join(projectRoot, "content") });
    log("generated the archive; full build…");
    const site = path.join(work, "site");
    const full = checked(
      "the full build",
      await measureProcess(node, ["bin/campaign-archive.js", "build", "--content", content, "--out", site], { cwd: projectRoot }),
    );
    const pages = filesUnder(site).filter((f) => f.endsWith(".html")).length;

    log(`full build ${(full.wallMs / 1000).toFixed(1)} s; bare Eleventy…`);
    const bareSite = writeBareSite(content, path.join(work, "bare"));
    const bare = checked(
      "bare Eleventy",
      await measureProcess(node, [eleventyCli, `--config=${bareSite.config}`, `--output=${path.join(work, "bare-site")}`, "--quiet"], {
        cwd: path.join(work, "bare"),
      }),
    );

    log(`bare Eleventy ${(bare.wallMs / 1000).toFixed(1)} s; Pagefind alone on the built site…`);
    rmSync(path.join(site, "pagefind"), { recursive: true, force: true });
    const indexScript = `import { writeSearchIndex } from ${JSON.stringify(path.join(projectRoot, "src", "search-index.ts"))}; await writeSearchIndex(${JSON.stringify(site)});`;
    const pagefind = checked(
      "Pagefind",
      await measureProcess(node, ["--import", "tsx", "--input-type=module", "-e", indexScript], { cwd: projectRoot }),
    );

    log("page weights and first queries…");
    const firstQuery = [await measureFirstQuery(site, "en", "women"), await measureFirstQuery(site, "es", "mujeres")];
    const weights = pageWeights(site);

    const dev: DevRebuild[] = [];
    if (!values["skip-dev"]) {
      const eventsDir = path.join(content, "en", "events");
      const eventFile = path.join(eventsDir, readdirSync(eventsDir).sort()[0] as string);
      for (const incremental of [false, true]) {
        log(`dev rebuild (${incremental ? "--incremental" : "watch"})…`);
        dev.push(
          await measureDevRebuild({
            projectRoot,
            contentDir: content,
            outDir: path.join(work, `dev-${incremental}`),
            eventFile,
            incremental,
          }),
        );
      }
    }
    return {
      eventsPerLanguage: events,
      full: { wallMs: full.wallMs, peakRssBytes: full.peakRssBytes, pages },
      bare: { wallMs: bare.wallMs, peakRssBytes: bare.peakRssBytes, pages: bareSite.pages },
      ratioToBare: full.wallMs / bare.wallMs,
      pagefind: { wallMs: pagefind.wallMs, indexBytes: indexBytes(site) },
      firstQuery,
      pageWeight: { p50: weights.p50, p90: weights.p90, p99: weights.p99, max: weights.max },
      dev,
    };
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
    else log(`kept ${work}`);
  }
}

const cpus = os.cpus();
const report: BenchReport = {
  date: new Date().toISOString(),
  machine: { cpus: cpus.length, model: cpus[0]?.model ?? "unknown", node: process.version, memoryBytes: os.totalmem(), load: os.loadavg() },
  sizes: [],
  scaling: [],
};
mkdirSync(values.results, { recursive: true });
const file = path.join(values.results, `bench-${report.date.replace(/[:.]/g, "-")}.json`);
// Written after every size, so a long run that is stopped still leaves what it measured.
for (const events of sizes) {
  report.sizes.push(await benchSize(events));
  report.scaling = scalingOf(report.sizes);
  report.machine.load = os.loadavg();
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
console.log(
  `\n${report.machine.cpus} × ${report.machine.model}, Node ${report.machine.node}, load ${report.machine.load.map((l) => l.toFixed(1)).join(" ")}\n`,
);
console.log(formatTable(report));
console.log(`\nWrote ${file}`);
