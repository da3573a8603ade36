import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./helpers/fixture.ts";

const layoutsDir = path.join(projectRoot, "layouts");

// Attributes a reader sees or hears; their text must come from the strings files too. (`value` and
// `content` are left out: here they carry option values, viewport and CSP settings, not prose.)
const visibleAttributes = ["aria-label", "title", "alt", "placeholder", "label"];

/** Words written into a layout rather than taken from a strings file, in each line's text and visible attributes. */
export function literalWords(template: string): string[] {
  const code = template
    .replace(/^---\n[\s\S]*?\n---\n/, "")
    .replace(/\{#[\s\S]*?#\}/g, " ")
    .replace(/\{\{[\s\S]*?\}\}/g, " ")
    .replace(/\{%[\s\S]*?%\}/g, " ");
  const attributeText = [...code.matchAll(/\s([a-z-]+)="([^"]*)"/g)]
    .filter(([, name]) => visibleAttributes.includes(name as string))
    .map(([, , value]) => value as string);
  const text = code.replace(/<[^>]*>/g, " ").replace(/&[a-z]+;|&#\d+;/gi, " ");
  return [...attributeText, text].flatMap((part) => part.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []);
}

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return templates(file);
    return entry.name.endsWith(".njk") ? [file] : [];
  });
}

describe("layouts", () => {
  it("finds a literal word in text and in a visible attribute", () => {
    expect(literalWords('<p>{{ t["a"] }} Read more</p><nav aria-label="Pages">{# note #}</nav>')).toEqual(["Pages", "Read", "more"]);
    expect(literalWords('<a href="{{ x | href(root) }}" class="skip">{{ t["site.skip"] }}</a> · —')).toEqual([]);
  });

  it("contain no user-visible literal words: interface text comes from content/strings", () => {
    const files = templates(layoutsDir);
    expect(files.length).toBeGreaterThan(10);
    const found = files
      .map((file) => ({ file: path.relative(projectRoot, file), words: literalWords(readFileSync(file, "utf8")) }))
      .filter((f) => f.words.length > 0);
    expect(found).toEqual([]);
  });

  it('join inline lists only with the language\'s separator (Arabic writes "، "), never a comma, semicolon or dot written into the layout', () => {
    // Between two links or after a loop's item, the only text allowed is the strings file's separator.
    const written = /not loop\.last %\}(?!\{\{ t\["site\.listSeparator"\] \}\})[^{]|<\/a>\s*[,;·]\s*<a/;
    expect(written.test("{% if not loop.last %}; {% endif %}")).toBe(true);
    expect(written.test('<a href="x">A</a> · <a href="y">B</a>')).toBe(true);
    expect(written.test('{% if not loop.last %}{{ t["site.listSeparator"] }}{% endif %}')).toBe(false);
    const offending = templates(layoutsDir).filter((file) => written.test(readFileSync(file, "utf8")));
    expect(offending.map((file) => path.relative(projectRoot, file))).toEqual([]);
  });
});
