import MarkdownIt from "markdown-it";

// Raw HTML is off: content is text written by many hands, and the archive ships a strict CSP.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true });

/** Renders an item's Markdown body to HTML, one level below the page's h1. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** Markdown rendered inline (no paragraph), for short fields such as notes. */
export function renderInline(source: string): string {
  return markdown.renderInline(source);
}
