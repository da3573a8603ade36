import type { DevRebuild } from "./rebuild-timing.ts";
import type { FirstQuery } from "./first-query.ts";
import type { Percentiles } from "./site-weight.ts";

/** Everything measured for one archive size. */
export interface SizeResult {
  eventsPerLanguage: number;
  full: { wallMs: number; peakRssBytes: number; pages: number };
  bare: { wallMs: number; peakRssBytes: number; pages: number };
  /** Full build time over bare Eleventy's, in the same run. */
  ratioToBare: number;
  pagefind: { wallMs: number; indexBytes: number };
  firstQuery: FirstQuery[];
  pageWeight: Percentiles;
  dev: DevRebuild[];
}

export interface BenchReport {
  date: string;
  machine: { cpus: number; model: string; node: string; memoryBytes: number; load: number[] };
  sizes: SizeResult[];
  /** For consecutive sizes: how much more a build cost per page at the larger size (1 = linear). */
  scaling: Array<{ from: number; to: number; itemRatio: number; timeRatio: number; perPageRatio: number }>;
}

const s = (ms: number) => (ms / 1000).toFixed(1);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

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

/** The results as a Markdown table, ready for the README. */
export function formatTable(report: BenchReport): string {
  const head = [
    "events / lang",
    "pages",
    "full build",
    "bare Eleventy",
    "ratio",
    "pages/s",
    "peak RSS (full / bare)",
    "Pagefind",
    "index",
    "first query (en / es)",
    "page weight p50 / p90 / p99 / max (gzip)",
    "dev rebuild (watch / incremental)",
  ];
  const rows = report.sizes.map((r) => {
    const dev = (incremental: boolean) => r.dev.find((d) => d.incremental === incremental);
    const devText = r.dev.length ? `${s(dev(false)?.rebuildMs ?? NaN)} s / ${s(dev(true)?.rebuildMs ?? NaN)} s` : "not run";
    const w = r.pageWeight;
    return [
      r.eventsPerLanguage.toLocaleString("en-US"),
      r.full.pages.toLocaleString("en-US"),
      `${s(r.full.wallMs)} s`,
      `${s(r.bare.wallMs)} s (${r.bare.pages.toLocaleString("en-US")} pages)`,
      `${r.ratioToBare.toFixed(2)}×`,
      (r.full.pages / (r.full.wallMs / 1000)).toFixed(0),
      `${mb(r.full.peakRssBytes)} / ${mb(r.bare.peakRssBytes)} MB`,
      `${s(r.pagefind.wallMs)} s`,
      `${mb(r.pagefind.indexBytes)} MB`,
      r.firstQuery.map((q) => `${kb(q.bytes)} kB`).join(" / "),
      `${kb(w.p50)} / ${kb(w.p90)} / ${kb(w.p99)} / ${kb(w.max)} kB`,
      devText,
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const scaling = report.scaling.map(
    (g) =>
      `${g.from.toLocaleString("en-US")} → ${g.to.toLocaleString("en-US")} events: ${g.itemRatio}× the items took ${g.timeRatio.toFixed(1)}× the time (${g.perPageRatio.toFixed(2)}× per page).`,
  );
  return [line(head), line(head.map(() => "---")), ...rows.map(line), "", ...scaling].join("\n");
}
