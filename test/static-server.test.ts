import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy, headerPolicy, hostHeaderRules, parseHeadersFile } from "../src/host-headers.ts";
import { listFiles } from "../src/bundle.ts";
import { isServableRange, startStaticServer, type StaticServer } from "../src/static-server.ts";
import { buildFixtureSite } from "./helpers/build.ts";
import { projectRoot, writeFixture } from "./helpers/fixture.ts";

/** One raw HTTP request (fetch would refuse some of these headers and methods). */
function send(url: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("npm start's server", () => {
  let site: string;
  let server: StaticServer;
  beforeAll(async () => {
    site = await buildFixtureSite(writeFixture(), { search: false });
    server = await startStaticServer({ root: site });
  });
  afterAll(async () => server?.close());

  for (const range of ["bytes=5-1", "bytes=0-18446744073709551615", "bytes=x-y", "bytes=0-1,5-6"]) {
    it(`answers a malformed Range (${range}) with 416 and keeps serving`, async () => {
      const bad = await send(`${server.url}en/`, { headers: { Range: range } });
      expect(bad.status).toBe(416);
      expect((await send(`${server.url}en/`)).status).toBe(200);
    });
  }

  it("still serves a valid range", async () => {
    const part = await send(`${server.url}en/index.html`, { headers: { Range: "bytes=0-9" } });
    expect(part.status).toBe(206);
    expect(part.body).toBe(readFileSync(path.join(site, "en/index.html"), "utf8").slice(0, 10));
    expect(isServableRange("bytes=10-")).toBe(true);
  });

  it("answers a missing page with status 404 and the site's 404 page", async () => {
    const missing = await send(`${server.url}en/event/no-such-event/`);
    expect(missing.status).toBe(404);
    expect(missing.body).toBe(readFileSync(path.join(site, "404.html"), "utf8"));
  });

  for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
    it(`answers ${method} with 405`, async () => {
      const answer = await send(`${server.url}en/`, { method });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe("GET, HEAD");
    });
  }

  it("sends the headers of the site's _headers file", async () => {
    const page = await send(`${server.url}en/`);
    expect(page.headers["content-security-policy"]).toBe(headerPolicy);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
    const css = listFiles(site).find((f) => f.startsWith("assets/") && f.endsWith(".css"));
    expect((await send(`${server.url}${css}`)).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await send(`${server.url}nowhere/`)).headers["content-security-policy"]).toBe(headerPolicy);
  });
});

describe("the host policy", () => {
  let site: string;
  beforeAll(async () => {
    site = await buildFixtureSite(writeFixture(), { search: false });
  });
  const directives = (policy: string) =>
    new Map(
      policy
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(" ")]),
    );

  it("writes _headers, and it agrees with every page's meta tag: same directives, scripts only on search, framing denied", () => {
    const rules = parseHeadersFile(readFileSync(path.join(site, "_headers"), "utf8"));
    expect(rules).toEqual(hostHeaderRules);
    const header = directives(rules[0]?.headers["Content-Security-Policy"] ?? "");
    expect(header.get("frame-ancestors")).toBe("'none'");
    header.delete("frame-ancestors");
    const pages = listFiles(site).filter((f) => f.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const meta = load(readFileSync(path.join(site, file), "utf8"))('meta[http-equiv="Content-Security-Policy"]').attr("content") ?? "";
      const search = /^[a-z]+\/search\/index\.html$/.test(file);
      expect(meta, file).toBe(contentSecurityPolicy(search ? "search" : "page"));
      const own = directives(meta);
      expect([...own.keys()], file).toEqual([...header.keys()]);
      for (const [name, value] of own) {
        if (name === "script-src" && !search) expect(value, file).toBe("'none'");
        else expect(value, `${file} ${name}`).toBe(header.get(name));
      }
    }
  });

  it("the nginx snippet in docs/ sends the same headers", () => {
    const doc = readFileSync(path.join(projectRoot, "docs", "hosting-headers.md"), "utf8");
    for (const rule of hostHeaderRules) {
      for (const [name, value] of Object.entries(rule.headers)) expect(doc).toContain(`add_header ${name} "${value}" always;`);
    }
  });
});

describe("npm run dev", () => {
  const freePort = async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    return port;
  };
  /** Starts the dev server; resolves with its output once it says where it listens, or with its exit. */
  function startDev(port: number, contentDir: string) {
    const child = spawn(
      process.execPath,
      [
        path.join(projectRoot, "bin", "campaign-archive.js"),
        "dev",
        "--port",
        String(port),
        "--out",
        path.join(contentDir, "..", `dev-${port}`),
      ],
      {
        cwd: projectRoot,
        env: { ...process.env, ARCHIVE_CONTENT_DIR: contentDir },
      },
    );
    let output = "";
    const settled = new Promise<{ output: string; code: number | null }>((resolve) => {
      const onData = (chunk: Buffer) => {
        output += chunk;
        if (output.includes("Serving the draft archive")) resolve({ output, code: null });
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("close", (code) => resolve({ output, code }));
    });
    return { child, settled };
  }

  it("listens on 127.0.0.1 only, and says so", async () => {
    const port = await freePort();
    const dev = startDev(port, writeFixture());
    try {
      const { output } = await dev.settled;
      expect(output).toContain(`http://127.0.0.1:${port}/ (this computer only`);
      expect((await send(`http://127.0.0.1:${port}/en/`)).status).toBe(200);
    } finally {
      dev.child.kill();
    }
  });

  it("stops with a clear message when its port is taken, instead of moving to another", async () => {
    const taken = createServer((_, res) => res.end("someone else"));
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const { output, code } = await startDev(port, writeFixture()).settled;
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} is taken by another program`);
      expect(output).not.toContain("Serving the draft archive");
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
