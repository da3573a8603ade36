import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashAsset, minifyCss } from "../src/eleventy/assets-plugin.ts";
import { projectRoot } from "./helpers/fixture.ts";

describe("published assets", () => {
  it("minifies a stylesheet: comments and layout whitespace go, rules stay", () => {
    const css = minifyCss("a.css", Buffer.from("/* why */\n.a {\n  color: red;\n}\n\n.b,\n.c {\n  margin: 0 auto;\n}\n")).toString();
    expect(css).toBe(".a{color:red}.b,.c{margin:0 auto}");
  });

  it("names the stylesheet by the hash of what is published, smaller than its readable source", () => {
    const source = path.join(projectRoot, "layouts", "assets", "site.css");
    const asset = hashAsset(source);
    expect(asset.path).toMatch(/^assets\/site\.[0-9a-f]{10}\.css$/);
    expect(asset.contents.length).toBeLessThan(readFileSync(source).length);
    expect(asset.contents.toString()).not.toContain("/*");
  });

  it("publishes a script as it is written", () => {
    const source = path.join(projectRoot, "layouts", "assets", "search.js");
    expect(hashAsset(source).contents.equals(readFileSync(source))).toBe(true);
  });
});
