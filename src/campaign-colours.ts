/**
 * Each campaign's colour, chosen in the settings (`campaignColours` in content/site.yaml) and
 * published as a rule of the stylesheet: `.cc-<campaign id>` sets `--cc`, which lanes, labels,
 * badges and cards use. Pages may not carry inline styles (the CSP forbids them), so the rules
 * join the one shared stylesheet at build time.
 */

/** A campaign's colour on light pages and on dark pages, each "#rrggbb". */
export interface CampaignColour {
  light: string;
  dark: string;
}

/**
 * The page and panel backgrounds of layouts/assets/site.css (--bg and --surface), light and dark:
 * a campaign colour is text on both, so it must reach 4.5:1 against each (WCAG 1.4.3).
 */
export const backgrounds = {
  light: ["#fbfaf7", "#f1eee7"],
  dark: ["#17181a", "#24262a"],
} as const satisfies Record<keyof CampaignColour, readonly string[]>;

export const minimumContrast = 4.5;

/** WCAG 2.x relative luminance of a "#rrggbb" colour. */
function luminance(colour: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(colour.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two "#rrggbb" colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** The lowest contrast a colour has against the backgrounds of its scheme, the page's replaced by `pageBackground` when a theme sets it. */
export function lowestContrast(colour: string, scheme: keyof CampaignColour, pageBackground?: string): number {
  const [page, surface] = backgrounds[scheme];
  return Math.min(...[pageBackground ?? page, surface].map((background) => contrastRatio(colour, background)));
}

/** The stylesheet rules that give each campaign's class its colour, light and dark. */
export function campaignColourCss(colours: Record<string, CampaignColour>): string {
  const entries = Object.entries(colours);
  if (entries.length === 0) return "";
  const rules = (scheme: keyof CampaignColour) => entries.map(([id, colour]) => `.cc-${id}{--cc:${colour[scheme]}}`).join("");
  return `\n/* campaign colours, from the settings */\n${rules("light")}\n@media (prefers-color-scheme:dark){${rules("dark")}}\n@media print{${rules("light")}}\n`;
}
