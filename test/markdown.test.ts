import { describe, expect, it } from "vitest";
import { renderMarkdown, typographicText } from "../src/markdown.ts";

describe("markdown and typography", () => {
  it("gives a title the curly quotes and apostrophes its body would have", () => {
    const title = `Children reclassified as "unaccompanied" by People's Action`;
    expect(typographicText(title)).toBe("Children reclassified as “unaccompanied” by People’s Action");
    expect(renderMarkdown(title)).toContain(typographicText(title));
  });

  it("keeps a title's other characters as they are, Markdown-looking ones included", () => {
    expect(typographicText("A *b* c_d_ [x](y) `k` & <b>")).toBe("A *b* c_d_ [x](y) `k` & <b>");
  });

  it("puts a table in a box that scrolls on its own, so a wide table cannot widen the page", () => {
    expect(renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |")).toMatch(
      /^<div class="table-scroll" tabindex="0">\n<table>[\s\S]*<\/table>\n<\/div>\n$/,
    );
  });
});
