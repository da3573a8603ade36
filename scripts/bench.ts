// Benchmarks the build at archive scale against bare baselines: `npm run bench -- --items 1000 --items 10000`.
// Exits non-zero, naming them, when pages are over the page budget.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeBareSite } from "../src/bench/bare-eleventy.ts";
import { hugoVersion, writeHugoSite } from "../src/bench/bare-hugo.ts";
import { measureDevRebuild, type DevRebuild } from "../src/bench/rebuild-timing.ts";
import { measureFirstQuery } from "../src/bench/first-query.ts";
import { generateArchive } from "../src/bench/generate-archive.ts";
import { distinctIndexWords } from "../src/bench/index-words.ts";
import { measureProcess, type Measured } from "../src/bench/measure-process.ts";
import { formatTable, scalingOf, type BenchReport, type Baseline, type Run, type SizeResult } from "../src/bench/report.ts";
import { indexBytes, pageBudgetBytes, pageWeights, siteSize } from "../src/bench/site-weight.ts";
import { pagefindBinary } from "../src/search-index.ts";

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
const hugo = hugoVersion();

function checked(step: string, run: Measured): Measured {
  if (run.code !== 0) throw new Error(`${step} failed (exit ${run.code}):\n${run.output.slice(-3000)}`);
  return run;
}

const runOf = (m: Measured): Run => ({ wallMs: m.wallMs, peakRssBytes: m.peakRssBytes });

/** Pagefind's command with its default settings on a baseline's output, as a site without our build would use it. */
async function pagefindOn(site: string): Promise<Run> {
  return runOf(
    checked("Pagefind on a baseline", await measureProcess(pagefindBinary(), ["--site", site, "--quiet"], { cwd: projectRoot })),
  );
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
    const searchMs = 1000 * Number(/search index ([\d.]+) s/.exec(full.output)?.[1] ?? NaN);
    const peakOf = (command: RegExp) =>
      Math.max(
        0,
        ...Object.entries(full.peakRssByCommand)
          .filter(([name]) => command.test(name))
          .map(([, bytes]) => bytes),
      );
    const weights = pageWeights(site);

    log(`full build ${(full.wallMs / 1000).toFixed(1)} s; bare Eleventy…`);
    const bareSite = writeBareSite(content, path.join(work, "bare"));
    const bareOut = path.join(work, "bare-site");
    const bareBuild = checked(
      "bare Eleventy",
      await measureProcess(node, [eleventyCli, `--config=${bareSite.config}`, `--output=${bareOut}`, "--quiet"], {
        cwd: path.join(work, "bare"),
      }),
    );
    const bare: Baseline = {
      name: "bare Eleventy",
      build: runOf(bareBuild),
      pagefind: await pagefindOn(bareOut),
      pages: bareSite.pages,
      indexWords: distinctIndexWords(bareOut),
    };
    rmSync(path.join(work, "bare"), { recursive: true, force: true });
    rmSync(bareOut, { recursive: true, force: true });

    let hugoBaseline: Baseline | undefined;
    if (hugo) {
      log("Hugo…");
      const hugoDir = path.join(work, "hugo");
      const hugoSite = writeHugoSite(content, hugoDir);
      const hugoOut = path.join(hugoDir, "public");
      const hugoBuild = checked("Hugo", await measureProcess("hugo", ["--quiet", "--destination", hugoOut], { cwd: hugoDir }));
      hugoBaseline = {
        name: "Hugo",
        build: runOf(hugoBuild),
        pagefind: await pagefindOn(hugoOut),
        pages: hugoSite.pages,
        indexWords: distinctIndexWords(hugoOut),
      };
      rmSync(hugoDir, { recursive: true, force: true });
    }

    log("first searches…");
    const firstQuery = [await measureFirstQuery(site, "en", "women"), await measureFirstQuery(site, "es", "mujeres")];

    let dev: DevRebuild | undefined;
    if (!values["skip-dev"]) {
      const eventsDir = path.join(content, "en", "events");
      const eventFile = path.join(eventsDir, readdirSync(eventsDir).sort()[0] as string);
      log("dev rebuild…");
      dev = await measureDevRebuild({ projectRoot, contentDir: content, outDir: path.join(work, "dev"), eventFile });
    }
    const size = siteSize(site);
    return {
      eventsPerLanguage: events,
      full: {
        ...runOf(full),
        nodePeakRssBytes: peakOf(/^node$/),
        pagefindPeakRssBytes: peakOf(/^pagefind/),
        searchMs,
        pages: weights.pages,
        files: size.files,
        bytes: size.bytes,
      },
      bare,
      hugo: hugoBaseline,
      indexWords: distinctIndexWords(site),
      indexBytes: indexBytes(site),
      firstQuery,
      pageWeight: { p50: weights.p50, p90: weights.p90, p99: weights.p99, max: weights.max },
      overBudget: weights.overBudget,
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
  machine: {
    cpus: cpus.length,
    model: cpus[0]?.model ?? "unknown",
    node: process.version,
    memoryBytes: os.totalmem(),
    load: os.loadavg(),
    hugo,
  },
  budgetBytes: pageBudgetBytes,
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
  `\n${report.machine.cpus} × ${report.machine.model}, Node ${report.machine.node}, load ${report.machine.load.map((l) => l.toFixed(1)).join(" ")}${hugo ? `, ${hugo}` : ""}\n`,
);
console.log(formatTable(report));
console.log(`\nWrote ${file}`);

const over = report.sizes.flatMap((r) =>
  r.overBudget.map((p) => `${r.eventsPerLanguage.toLocaleString("en-US")} events: ${p.page} ${p.bytes} B`),
);
if (over.length > 0) {
  console.error(
    `\n${over.length} page(s) over the budget of ${pageBudgetBytes} B (gzipped, with CSS):\n${over.slice(0, 50).join("\n")}${over.length > 50 ? `\n… and ${over.length - 50} more` : ""}`,
  );
  process.exitCode = 1;
}
