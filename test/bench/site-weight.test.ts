import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pageBudgetBytes, pageWeights } from "../../src/bench/site-weight.ts";

describe("page weights", () => {
  it("names every page over the budget, gzipped with the site's stylesheet, heaviest first", () => {
    const site = mkdtempSync(path.join(tmpdir(), "weights-"));
    mkdirSync(path.join(site, "en", "big"), { recursive: true });
    writeFileSync(path.join(site, "site.css"), "body{margin:0}");
    writeFileSync(path.join(site, "en", "index.html"), "<p>small</p>");
    // Random bytes do not compress: this page is over the budget however gzip does.
    writeFileSync(path.join(site, "en", "big", "index.html"), `<p>${randomBytes(pageBudgetBytes).toString("base64")}</p>`);
    const weights = pageWeights(site);
    expect(weights.pages).toBe(2);
    expect(weights.overBudget.map((p) => p.page)).toEqual([path.join("en", "big", "index.html")]);
    expect(weights.overBudget[0]?.bytes).toBeGreaterThan(pageBudgetBytes);
  });
});
