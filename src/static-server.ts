import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import sirv from "sirv";
import { headersFor, parseHeadersFile, type HostHeaders } from "./host-headers.ts";

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Whether a Range header is one this server serves: a single "bytes=start-" or "bytes=start-end"
 * with start ≤ end, in numbers a file offset can be. sirv crashes the process on others
 * ("bytes=5-1", "bytes=0-18446744073709551615").
 */
export function isServableRange(range: string): boolean {
  const match = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(range.trim());
  if (!match) return false;
  return match[2] === "" || Number(match[1]) <= Number(match[2]);
}

/**
 * Serves a built site the way a plain static host does: files as they are, directory URLs
 * to their index.html, unknown paths to the site's 404.html with status 404, optionally under a
 * path prefix ("/archive/"), with the headers the site's `_headers` file asks hosts for.
 * Only GET and HEAD; a malformed range gets 416 and the server keeps serving. Port 0 picks a free port.
 */
export async function startStaticServer(options: { root: string; port?: number; prefix?: string; host?: string }): Promise<StaticServer> {
  const prefix = options.prefix ?? "/";
  const host = options.host ?? "127.0.0.1";
  const files = sirv(options.root, { dev: true, etag: true });
  const rules = readHeaderRules(options.root);
  const notFound = (res: ServerResponse) => {
    const page = path.join(options.root, "404.html");
    res.writeHead(404, { ...headersFor(rules, "/404.html"), "Content-Type": existsSync(page) ? "text/html;charset=utf-8" : "text/plain" });
    res.end(existsSync(page) ? readFileSync(page) : "Not found");
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain" });
      return void res.end("Method not allowed");
    }
    const range = req.headers.range;
    if (range !== undefined && !isServableRange(range)) {
      // A suffix range ("bytes=-500") is valid but unused by browsers here: the whole file is sent.
      if (/^bytes=-\d{1,15}$/.test(range.trim())) delete req.headers.range;
      else {
        res.writeHead(416, { "Content-Type": "text/plain" });
        return void res.end("Range not satisfiable");
      }
    }
    const url = req.url ?? "/";
    if (!url.startsWith(prefix)) return notFound(res);
    const sitePath = `/${url.slice(prefix.length)}`;
    req.url = sitePath;
    for (const [name, value] of Object.entries(headersFor(rules, sitePath.split("?")[0] as string))) res.setHeader(name, value);
    files(req, res, () => notFound(res));
  };
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
      res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}${prefix}`,
    server,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

function readHeaderRules(root: string): HostHeaders {
  const file = path.join(root, "_headers");
  return existsSync(file) ? parseHeadersFile(readFileSync(file, "utf8")) : [];
}
