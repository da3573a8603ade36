import MarkdownIt from "markdown-it";

// Raw HTML is off: content is text written by many hands, and the archive ships a strict CSP.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true });

// A table wider than a phone scrolls in its own box (keyboard-reachable) instead of widening the page.
markdown.renderer.rules.table_open = () => '<div class="table-scroll" tabindex="0">\n<table>\n';
markdown.renderer.rules.table_close = () => "</table>\n</div>\n";

/** Renders an item's Markdown body to HTML, one level below the page's h1. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** Markdown rendered inline (no paragraph), for short fields such as notes. */
export function renderInline(source: string): string {
  return markdown.renderInline(source);
}

// Only the typographer: quotes, apostrophes and dashes, no Markdown syntax.
const typographer = new MarkdownIt("zero", { typographer: true }).enable(["replacements", "smartquotes"]);

/**
 * Plain text with the typographer's quotes and apostrophes, as the bodies have them ("Women’s",
 * “zero-tolerance”), for titles: a title stays text, every other character kept.
 */
export function typographicText(source: string): string {
  // Every title passes here on every load (a dev rebuild reloads them all); few change.
  let text = typographic.get(source);
  if (text === undefined) {
    text = (typographer.parseInline(source, {})[0]?.children ?? []).map((t) => t.content).join("");
    typographic.set(source, text);
  }
  return text;
}
const typographic = new Map<string, string>();
