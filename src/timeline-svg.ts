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

export interface TimelineSvgOptions {
  events: TimelineEvent[];
  lanes: TimelineLane[];
  strings: Strings;
  /** Prefix that turns a site path into a link from the page the picture is on. */
  root: string;
}

const width = 720;
const laneLabelWidth = 64;
const margin = 12;
const rowGap = 14;
const radius = 5;
const axisHeight = 28;
/** Room at the right for half of the last year's label, which is centred on its tick. */
const labelRoom = 16;

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

/**
 * Draws events on a time axis, one lane per campaign, as an SVG string made at build time.
 * Each dot links to its event; undated events cannot sit on an axis, so the text alternative
 * counts them instead.
 */
export function timelineSvg({ events, lanes, strings, root }: TimelineSvgOptions): string {
  const placed = events.flatMap((event) => {
    const at = event.date ? axisPosition(event.date) : undefined;
    return at === undefined ? [] : [{ event, at }];
  });
  const undated = events.length - placed.length;
  const t = (key: string, values: Record<string, string | number> = {}) => fillString(strings[key] ?? key, values);

  const firstYear = placed.length ? Math.floor(Math.min(...placed.map((p) => p.at))) : 0;
  const lastYear = placed.length ? Math.floor(Math.max(...placed.map((p) => p.at))) : 0;
  const step = yearStep(lastYear + 1 - firstYear);
  const start = Math.floor(firstYear / step) * step;
  const end = Math.ceil((lastYear + 1) / step) * step;
  const plotWidth = width - laneLabelWidth - 2 * margin - labelRoom;
  const x = (at: number) => laneLabelWidth + margin + ((at - start) / (end - start)) * plotWidth;

  // Dots closer than a diameter move to another row of their lane, so none hides another.
  const drawn = lanes
    .map((lane) => {
      const rows: number[] = [];
      const dots = placed
        .filter((p) => p.event.data.campaigns.includes(lane.id))
        .sort((a, b) => a.at - b.at)
        .map(({ event, at }) => {
          const cx = x(at);
          let row = rows.findIndex((lastX) => cx - lastX > 2 * radius + 1);
          if (row === -1) row = rows.push(cx) - 1;
          else rows[row] = cx;
          return { event, cx, row };
        });
      return { lane, dots, rows: Math.max(rows.length, 1) };
    })
    .filter((lane) => lane.dots.length > 0);

  let y = margin;
  const laneParts: string[] = [];
  for (const { lane, dots, rows } of drawn) {
    const height = rows * rowGap + rowGap;
    const middle = y + height / 2;
    const firstRow = middle - ((rows - 1) * rowGap) / 2;
    laneParts.push(
      `<g class="lane"><text x="${margin}" y="${middle + 4}"><title>${escapeHtml(lane.title)}</title>${escapeHtml(lane.data.shortName)}</text>` +
        `<line x1="${laneLabelWidth + margin}" x2="${x(end)}" y1="${middle}" y2="${middle}" stroke-dasharray="2 4"/>` +
        dots
          .map(
            ({ event, cx, row }) =>
              `<a href="${escapeHtml(relativeHref(event.path, root))}"><title>${escapeHtml(`${event.title} (${event.dateText ?? ""})`)}</title>` +
              `<circle cx="${cx.toFixed(1)}" cy="${(firstRow + row * rowGap).toFixed(1)}" r="${radius}"/></a>`,
          )
          .join("") +
        `</g>`,
    );
    y += height;
  }

  const axisY = y + 4;
  const ticks: string[] = [];
  for (let year = start; year <= end; year += step) {
    const tx = x(year).toFixed(1);
    ticks.push(`<path d="M${tx} ${axisY}v5"/><text x="${tx}" y="${axisY + 18}" text-anchor="middle">${year}</text>`);
  }
  const height = axisY + axisHeight;
  const description = [
    placed.length ? t("timeline.figureDated", { count: placed.length, from: firstYear, to: lastYear }) : "",
    undated ? t("timeline.figureUndated", { count: undated }) : "",
  ]
    .filter(Boolean)
    .join(" ");

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-labelledby="timeline-title" aria-describedby="timeline-desc">` +
    `<title id="timeline-title">${escapeHtml(t("timeline.figure"))}</title>` +
    `<desc id="timeline-desc">${escapeHtml(description)}</desc>` +
    laneParts.join("") +
    `<g class="axis"><line x1="${laneLabelWidth + margin}" x2="${x(end)}" y1="${axisY}" y2="${axisY}"/>${ticks.join("")}</g>` +
    `</svg>`
  );
}
