import type { DevRebuild } from "./rebuild-timing.ts";
import type { FirstQuery } from "./first-query.ts";
import type { Percentiles } from "./site-weight.ts";

/** One measured run of a command: wall time and peak resident memory of its process tree. */
export interface Run {
  wallMs: number;
  peakRssBytes: number;
}

/** A baseline: a site generator on the same Markdown bodies, then Pagefind's command on its output. */
export interface Baseline {
  name: string;
  build: Run;
  pagefind: Run;
  pages: number;
  /** Distinct words in the index Pagefind made of its output. */
  indexWords: number;
}

/** Everything measured for one archive size. */
export interface SizeResult {
  eventsPerLanguage: number;
  full: Run & {
    /** Highest resident memory of one Node process (the render) and of Pagefind, in the same build. */
    nodePeakRssBytes: number;
    pagefindPeakRssBytes: number;
    /** The search index phase of the full build, as it reported it. */
    searchMs: number;
    pages: number;
    files: number;
    bytes: number;
  };
  bare: Baseline;
  /** Hugo on the same bodies, when `hugo` is installed. */
  hugo?: Baseline;
  indexWords: number;
  indexBytes: number;
  firstQuery: FirstQuery[];
  pageWeight: Percentiles;
  /** Pages over the budget, heaviest first. */
  overBudget: Array<{ page: string; bytes: number }>;
  /** `campaign-archive dev`: absent when the run skipped it. */
  dev?: DevRebuild;
}

export interface BenchReport {
  date: string;
  machine: { cpus: number; model: string; node: string; memoryBytes: number; load: number[]; hugo?: string };
  budgetBytes: number;
  sizes: SizeResult[];
  /** For consecutive sizes: how much more a build cost per page at the larger size (1 = linear). */
  scaling: Array<{ from: number; to: number; itemRatio: number; timeRatio: number; perPageRatio: number }>;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const n = (value: number) => value.toLocaleString("en-US");
const times = (ratio: number) => `${ratio.toFixed(2)}×`;

/** Full build over the bare baseline (its generator plus Pagefind's command on its output). */
export function ratioToBare(r: SizeResult): number {
  return r.full.wallMs / (r.bare.build.wallMs + r.bare.pagefind.wallMs);
}

/** The full build without its search phase, over the bare generator alone. */
export function renderRatioToBare(r: SizeResult): number {
  return (r.full.wallMs - r.full.searchMs) / r.bare.build.wallMs;
}

/** Per-page cost growth between consecutive sizes: 1.0 means the build grows linearly. */
export function scalingOf(sizes: SizeResult[]): BenchReport["scaling"] {
  return sizes.slice(1).map((size, i) => {
    const previous = sizes[i] as SizeResult;
    const timeRatio = size.full.wallMs / previous.full.wallMs;
    const pageRatio = size.full.pages / previous.full.pages;
    return {
      from: previous.eventsPerLanguage,
      to: size.eventsPerLanguage,
      itemRatio: size.eventsPerLanguage / previous.eventsPerLanguage,
      timeRatio,
      perPageRatio: timeRatio / pageRatio,
    };
  });
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/** The results as Markdown tables, ready for docs/performance.md. */
export function formatTable(report: BenchReport): string {
  const baseline = (b: Baseline | undefined) => (b ? `${s(b.build.wallMs)} + ${s(b.pagefind.wallMs)}` : "not installed");
  const time = table(
    [
      "events / lang",
      "HTML pages (files, size)",
      "full build (search phase)",
      "ms / page",
      "bare Eleventy + Pagefind",
      "full / bare",
      "without search / bare Eleventy",
      "Hugo + Pagefind",
      "full / Hugo",
    ],
    report.sizes.map((r) => [
      n(r.eventsPerLanguage),
      `${n(r.full.pages)} (${n(r.full.files)}, ${mb(r.full.bytes)})`,
      `${s(r.full.wallMs)} (${s(r.full.searchMs)})`,
      (r.full.wallMs / r.full.pages).toFixed(2),
      baseline(r.bare),
      times(ratioToBare(r)),
      times(renderRatioToBare(r)),
      baseline(r.hugo),
      r.hugo ? times(r.full.wallMs / (r.hugo.build.wallMs + r.hugo.pagefind.wallMs)) : "–",
    ]),
  );
  const memory = table(
    ["events / lang", "peak RSS, process tree", "Node (render)", "Pagefind", "bare Eleventy / its Pagefind", "Hugo / its Pagefind"],
    report.sizes.map((r) => [
      n(r.eventsPerLanguage),
      mb(r.full.peakRssBytes),
      mb(r.full.nodePeakRssBytes),
      mb(r.full.pagefindPeakRssBytes),
      `${mb(r.bare.build.peakRssBytes)} / ${mb(r.bare.pagefind.peakRssBytes)}`,
      r.hugo ? `${mb(r.hugo.build.peakRssBytes)} / ${mb(r.hugo.pagefind.peakRssBytes)}` : "–",
    ]),
  );
  const output = table(
    [
      "events / lang",
      "index words (bare, Hugo)",
      "index size",
      "first search en / es (+ opening the filter menus)",
      "page weight p50 / p90 / p99 / max (gzip, with CSS)",
      `pages over ${n(report.budgetBytes)} B`,
      "dev rebuild, 1st / 2nd save (start-up)",
    ],
    report.sizes.map((r) => {
      const w = r.pageWeight;
      return [
        n(r.eventsPerLanguage),
        `${n(r.indexWords)} (${n(r.bare.indexWords)}${r.hugo ? `, ${n(r.hugo.indexWords)}` : ""})`,
        mb(r.indexBytes),
        r.firstQuery.map((q) => `${kb(q.bytes)} (+${kb(q.menuBytes)})`).join(" / "),
        `${kb(w.p50)} / ${kb(w.p90)} / ${kb(w.p99)} / ${kb(w.max)}`,
        r.overBudget.length === 0
          ? "none"
          : `${n(r.overBudget.length)}, largest ${r.overBudget[0]?.page} ${kb(r.overBudget[0]?.bytes ?? 0)}`,
        r.dev ? `${r.dev.rebuildMs.map(s).join(" / ")} (${s(r.dev.firstBuildMs)})` : "not run",
      ];
    }),
  );
  const scaling = report.scaling.map(
    (g) =>
      `${n(g.from)} → ${n(g.to)} events: ${g.itemRatio}× the items took ${g.timeRatio.toFixed(1)}× the time (${g.perPageRatio.toFixed(2)}× per page).`,
  );
  return [time, "", memory, "", output, "", ...scaling].join("\n");
}
