import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { encode } from "cborg";
import { describe, expect, it } from "vitest";
import { listFiles } from "../src/bundle.ts";
import { canonicalisePagefindFiles } from "../src/pagefind-canonical.ts";
import { buildFixtureSite } from "./helpers/build.ts";
import { writeFixture } from "./helpers/fixture.ts";

const pagefindData = (value: unknown) => gzipSync(Buffer.concat([Buffer.from("pagefind_dcd"), Buffer.from(encode(value))]));

describe("reproducible builds", () => {
  it("the same content and settings give byte-identical sites, search index included", async () => {
    const content = writeFixture();
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = "1700000000";
    try {
      const [first, second] = [await buildFixtureSite(content), await buildFixtureSite(content)] as [string, string];
      const files = listFiles(first);
      expect(files.filter((f) => f.startsWith("pagefind/filter/")).length).toBeGreaterThan(2);
      expect(listFiles(second)).toEqual(files);
      const differing = files.filter((f) => !readFileSync(path.join(first, f)).equals(readFileSync(path.join(second, f))));
      expect(differing).toEqual([]);
      // The access date comes from SOURCE_DATE_EPOCH, not from the day the test runs.
      expect(readFileSync(path.join(first, "en/event/march-on-capitol/cite.bib"), "utf8")).toContain("urldate = {2023-11-14}");
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it("Pagefind's filter and meta files get the same names and bytes whatever order its maps came in", () => {
    const values = [
      ["Event", [5, 6]],
      ["Source", [4]],
      ["Campaign", [1]],
    ];
    const run = (order: number[]) =>
      canonicalisePagefindFiles([
        { path: "filter/en_1111111.pf_filter", content: pagefindData(["type", order.map((i) => values[i])]) },
        {
          path: "pagefind.en_aaaaaaaaaa.pf_meta",
          content: pagefindData([
            "1.5.2",
            [["en_f", 3]],
            [],
            order[0] === 0
              ? [
                  ["type", "en_1111111"],
                  ["year", "en_2"],
                ]
              : [
                  ["year", "en_2"],
                  ["type", "en_1111111"],
                ],
            [
              ["newest", [0]],
              ["date", [0]],
            ],
            ["title"],
          ]),
        },
        {
          path: "pagefind-entry.json",
          content: Buffer.from(
            JSON.stringify({ version: "1.5.2", languages: { en: { hash: "en_aaaaaaaaaa", wasm: "en", page_count: 1 } } }),
          ),
        },
      ]);
    const a = run([0, 1, 2]);
    const b = run([2, 0, 1]);
    expect(a.map((f) => f.path)).toEqual(b.map((f) => f.path));
    for (const [i, file] of a.entries()) expect(Buffer.from(file.content).equals(Buffer.from(b[i]?.content ?? [])), file.path).toBe(true);
    const entry = JSON.parse(Buffer.from(a[2]?.content ?? []).toString()) as { languages: { en: { hash: string } } };
    expect(a[1]?.path).toBe(`pagefind.${entry.languages.en.hash}.pf_meta`);
    expect(a[0]?.path).toMatch(/^filter\/en_[0-9a-f]{7}\.pf_filter$/);
  });

  it("leaves a file it does not recognise as it was", () => {
    const odd = { path: "filter/en_x.pf_filter", content: new Uint8Array([1, 2, 3]) };
    expect(canonicalisePagefindFiles([odd])).toEqual([odd]);
  });
});
