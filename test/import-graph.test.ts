import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./helpers/fixture.ts";

/**
 * The pipeline's stages, earliest first: a module may import from its own stage or an earlier
 * one, never from a later one. `import type` lines are left out: types carry no behaviour.
 */
const stages: Array<[string, RegExp]> = [
  [
    "tools",
    /^src\/(dates|urls|markdown|campaign-colours|browser|output-guard|output-swap|host-headers|precompress|static-server|dev-server-host)\.ts$/,
  ],
  ["content model", /^src\/(content|content-types)\//],
  ["archive", /^src\/archive\.ts$/],
  ["pages", /^src\/(site-pages|affected-pages|timeline-svg|long-lists|pagination|render-batches)\.ts$/],
  ["outputs", /^src\/(outputs\/|search-index\.ts|pagefind-canonical\.ts|bundle\.ts)/],
  ["site", /^src\/site\.ts$/],
  ["authoring", /^src\/(authoring|starter)\//],
  ["eleventy", /^src\/eleventy\//],
  ["build", /^src\/(build|build-site|theme|render|render-process)\.ts$/],
  ["bench", /^src\/bench\//],
  ["entry points", /^(scripts\/|src\/cli\/|src\/index\.ts$|eleventy\.config\.ts$)/],
];

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(file);
    return file.endsWith(".ts") && !file.endsWith(".d.ts") ? [file] : [];
  });
}

/** The project files a module imports at run time, as paths from the project root. */
export function runtimeImports(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+"(\.{1,2}\/[^"]+)"/gms)].map((m) => m[1] as string);
  return specifiers.map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)));
}

const stageOf = (file: string) => stages.findIndex(([, pattern]) => pattern.test(file));

const modules = [...filesUnder("src"), ...filesUnder("scripts"), "eleventy.config.ts"];
const graph = new Map(modules.map((file) => [file, runtimeImports(file, readFileSync(path.join(projectRoot, file), "utf8"))]));

describe("the import graph", () => {
  it("reads run-time imports and skips type-only ones", () => {
    const text =
      'import { a } from "../x.ts";\nimport type { B } from "./y.ts";\nimport {\n  c,\n  type D,\n} from "./z.ts";\nexport { e } from "./w.ts";';
    expect(runtimeImports("src/outputs/f.ts", text)).toEqual(["src/x.ts", "src/outputs/z.ts", "src/outputs/w.ts"]);
    expect(graph.get("src/render.ts")).toContain("src/site.ts");
  });

  it("places every module in a stage of the pipeline", () => {
    expect(modules.filter((file) => stageOf(file) < 0)).toEqual([]);
  });

  it("has no arrow from a stage back up to a later one (none into src/eleventy/ from the domain)", () => {
    const upward = [...graph].flatMap(([file, imports]) =>
      imports.filter((target) => stageOf(target) > stageOf(file)).map((target) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it("has no import cycle", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") return void cycles.push([...trail.slice(trail.indexOf(file)), file].join(" → "));
      state.set(file, "open");
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it("keeps scripts/ and src/ independent of test/", () => {
    const intoTests = [...graph].flatMap(([file, imports]) => imports.filter((t) => t.startsWith("test/")).map((t) => `${file} → ${t}`));
    expect(intoTests).toEqual([]);
  });

  it("keeps Eleventy and the content loader out of the build's own process, which waits beside Pagefind", () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const target of graph.get(file) ?? []) visit(target);
    };
    // The command loads its modules on use (dynamic imports): those are what its process runs.
    const command = "src/cli/commands/build.ts";
    const loadedOnUse = [...readFileSync(path.join(projectRoot, command), "utf8").matchAll(/import\("(\.{1,2}\/[^"]+)"\)/g)].map((m) =>
      path.posix.normalize(path.posix.join(path.posix.dirname(command), m[1] as string)),
    );
    for (const file of [command, ...loadedOnUse]) visit(file);
    expect(reached).toContain("src/build-site.ts");
    expect(reached).toContain("src/build.ts");
    expect(reached).toContain("src/search-index.ts");
    expect([...reached].filter((file) => /^src\/(site|render|archive)\.ts$|^src\/(eleventy|content-types)\//.test(file))).toEqual([]);
    const eleventy = [...reached].filter((file) => readFileSync(path.join(projectRoot, file), "utf8").includes('from "@11ty/eleventy"'));
    expect(eleventy).toEqual([]);
  });
});
