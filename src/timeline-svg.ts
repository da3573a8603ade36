import MarkdownIt from "markdown-it";
import { DateTime } from "luxon";
import type { PartialDate } from "./dates.ts";
import { fillString, type Strings } from "./content/strings.ts";
import { relativeHref, type SitePath } from "./urls.ts";

const { escapeHtml } = new MarkdownIt().utils;

/** What the picture needs of an event. */
export interface TimelineEvent {
  id: string;
  title: string;
  path: SitePath;
  date?: PartialDate;
  dateText?: string;
  data: { campaigns: string[] };
}

/** One lane of the picture: a campaign. */
export interface TimelineLane {
  id: string;
  title: string;
  data: { shortName: string };
}

/**
 * "wide": time runs left to right, one named lane per campaign (screens 52rem and wider);
 * "narrow": time runs down the page, one column per campaign, for phones. The stylesheet
 * shows one of the two; both are drawn here, at build time.
 */
export type TimelineLayout = "wide" | "narrow";

export interface TimelineSvgOptions {
  events: TimelineEvent[];
  lanes: TimelineLane[];
  strings: Strings;
  /** Prefix that turns a site path into a link from the page the picture is on. */
  root: string;
  layout?: TimelineLayout;
}

/** Width of the wide picture: drawn at 1:1 from the 52rem breakpoint up (52rem less the page's padding). */
export const wideWidth = 800;
/** Width of the narrow picture: 1:1 on a 320 px screen (320 px less the page's padding). */
export const narrowWidth = 288;
/**
 * Every link is a dot of radius 7 inside a transparent ring up to radius 12 (site.css): a
 * 24 px target (WCAG 2.5.8), so dots are set at least that far apart.
 */
export const targetSize = 24;
const radius = 7;
const margin = 12;

/**
 * The middle of the period a date may denote, in fractional years: a year-only date sits
 * mid-year, so the picture never claims more precision than the sources give.
 */
export function axisPosition(date: PartialDate): number | undefined {
  if (date.precision === "undated" || date.year === undefined) return undefined;
  const seasonMonth = { spring: 4, summer: 7, autumn: 10, winter: 12 } as const;
  if (date.precision === "year") return date.year + 0.5;
  if (date.precision === "season" && date.season) return date.year + (seasonMonth[date.season] - 0.5) / 12;
  if (date.precision === "month" && date.month) return date.year + (date.month - 0.5) / 12;
  const day = DateTime.fromObject({ year: date.year, month: date.month, day: date.day }, { zone: "utc" });
  return date.year + (day.ordinal - 0.5) / day.daysInYear;
}

/** A year step that keeps the axis to a dozen labels or fewer. */
function yearStep(span: number): number {
  return [1, 2, 5, 10, 20, 50, 100].find((step) => span / step <= 12) ?? 100;
}

interface Placed {
  event: TimelineEvent;
  at: number;
}

/** A link to one event, drawn as a dot at (cx, cy). */
function dot({ event }: Placed, cx: number, cy: number, root: string): string {
  return (
    `<a href="${escapeHtml(relativeHref(event.path, root))}"><title>${escapeHtml(`${event.title} (${event.dateText ?? ""})`)}</title>` +
    `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${radius}"/></a>`
  );
}

/**
 * Draws events on a time axis, one lane per campaign, as an SVG string made at build time.
 * Each dot links to its event; dots that would fall closer than a tap target move to another
 * row, so none hides another. Undated events cannot sit on an axis, so the text alternative
 * counts them instead.
 */
export function timelineSvg({ events, lanes, strings, root, layout = "wide" }: TimelineSvgOptions): string {
  const placed: Placed[] = events.flatMap((event) => {
    const at = event.date ? axisPosition(event.date) : undefined;
    return at === undefined ? [] : [{ event, at }];
  });
  const t = (key: string, values: Record<string, string | number> = {}) => fillString(strings[key] ?? key, values);
  const firstYear = placed.length ? Math.floor(Math.min(...placed.map((p) => p.at))) : 0;
  const lastYear = placed.length ? Math.floor(Math.max(...placed.map((p) => p.at))) : 0;
  const shown = lanes
    .map((lane) => ({ lane, placed: placed.filter((p) => p.event.data.campaigns.includes(lane.id)).sort((a, b) => a.at - b.at) }))
    .filter((lane) => lane.placed.length > 0);

  const { width, height, body } =
    layout === "wide" ? drawWide(shown, firstYear, lastYear, root) : drawNarrow(shown, firstYear, lastYear, root);
  const undated = events.length - placed.length;
  const description = [
    placed.length ? t("timeline.figureDated", { count: placed.length, from: firstYear, to: lastYear }) : "",
    undated ? t("timeline.figureUndated", { count: undated }) : "",
  ]
    .filter(Boolean)
    .join(" ");
  const id = layout === "wide" ? "timeline" : "timeline-narrow";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline-${layout}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-labelledby="${id}-title" aria-describedby="${id}-desc">` +
    `<title id="${id}-title">${escapeHtml(t("timeline.figure"))}</title>` +
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>` +
    body +
    `</svg>`
  );
}

type Lanes = Array<{ lane: TimelineLane; placed: Placed[] }>;

/** Time left to right; each lane named above its rows of dots; the year axis below. */
function drawWide(lanes: Lanes, firstYear: number, lastYear: number, root: string) {
  const step = yearStep(lastYear + 1 - firstYear);
  const start = Math.floor(firstYear / step) * step;
  const end = Math.ceil((lastYear + 1) / step) * step;
  // Room at either end for half of a year's label, which is centred on its tick.
  const plotWidth = wideWidth - 2 * margin - 32;
  const x = (at: number) => margin + 16 + ((at - start) / (end - start)) * plotWidth;

  let y = 0;
  const parts = lanes.map(({ lane, placed }) => {
    const rows: number[] = [];
    const dots = placed.map((p) => {
      const cx = x(p.at);
      let row = rows.findIndex((lastX) => cx - lastX >= targetSize);
      if (row === -1) row = rows.push(cx) - 1;
      else rows[row] = cx;
      return { p, cx, row };
    });
    const top = y + 22;
    const firstRow = top + targetSize / 2 + 4;
    y = top + rows.length * targetSize + 12;
    return (
      `<g class="lane cc-${lane.id}"><text class="lane-name" x="${margin}" y="${top}">${escapeHtml(lane.title)}</text>` +
      `<line x1="${margin}" x2="${x(end).toFixed(1)}" y1="${firstRow}" y2="${firstRow}"/>` +
      dots.map(({ p, cx, row }) => dot(p, cx, firstRow + row * targetSize, root)).join("") +
      `</g>`
    );
  });

  const axisY = y + 4;
  const ticks: string[] = [];
  for (let year = start; year <= end; year += step) {
    const tx = x(year).toFixed(1);
    ticks.push(`<path d="M${tx} ${axisY}v5"/><text x="${tx}" y="${axisY + 20}" text-anchor="middle">${year}</text>`);
  }
  const axis = `<g class="axis"><line x1="${margin}" x2="${x(end).toFixed(1)}" y1="${axisY}" y2="${axisY}"/>${ticks.join("")}</g>`;
  return { width: wideWidth, height: axisY + 30, body: parts.join("") + axis };
}

/**
 * Time down the page, a row per year, a column per campaign headed by its short name. A year's
 * dots in a column fill it line by line, a tap target apart; years without events shrink to a
 * thin gap, and every year that has events is labelled.
 */
function drawNarrow(lanes: Lanes, firstYear: number, lastYear: number, root: string) {
  const yearColumn = 40;
  const columnWidth = Math.max(targetSize, (narrowWidth - yearColumn) / Math.max(lanes.length, 1));
  const width = Math.max(narrowWidth, yearColumn + columnWidth * lanes.length);
  const perLine = Math.max(1, Math.floor(columnWidth / targetSize));
  const column = (i: number) => yearColumn + i * columnWidth;

  const header = lanes
    .map(
      ({ lane }, i) =>
        `<text class="lane-name cc-${lane.id}" x="${(column(i) + columnWidth / 2).toFixed(1)}" y="16" text-anchor="middle">${escapeHtml(lane.data.shortName)}</text>`,
    )
    .join("");
  let y = 28;
  const rows: string[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const inYear = lanes.map(({ placed }) => placed.filter((p) => Math.floor(p.at) === year));
    const lines = Math.max(0, ...inYear.map((list) => Math.ceil(list.length / perLine)));
    if (lines === 0) {
      y += 6;
      continue;
    }
    // Each campaign's dots sit in a group carrying its colour class.
    const columns = inYear.map((list, i) => {
      if (list.length === 0) return "";
      const used = Math.min(list.length, perLine) * targetSize;
      const left = column(i) + (columnWidth - used) / 2 + targetSize / 2;
      const dots = list.map((p, k) =>
        dot(p, left + (k % perLine) * targetSize, y + targetSize / 2 + Math.floor(k / perLine) * targetSize, root),
      );
      return `<g class="cc-${lanes[i]?.lane.id}">${dots.join("")}</g>`;
    });
    rows.push(`<line x1="0" x2="${width}" y1="${y}" y2="${y}"/><text x="0" y="${y + 16}">${year}</text>${columns.join("")}`);
    y += lines * targetSize + 4;
  }
  const guides = lanes.map((_, i) => `<path d="M${(column(i) + columnWidth / 2).toFixed(1)} 26V${y}"/>`).join("");
  return { width, height: y + 4, body: `<g class="axis">${header}${guides}</g>${rows.join("")}` };
}
