import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves a built site the way a plain static host does: files as they are, directory URLs
 * to their index.html, unknown paths to the site's 404.html with status 404, optionally under a
 * path prefix ("/archive/"). Port 0 picks a free port.
 */
export async function startStaticServer(options: { root: string; port?: number; prefix?: string }): Promise<StaticServer> {
  const prefix = options.prefix ?? "/";
  const files = sirv(options.root, { dev: true, etag: true });
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    const notFound = () => {
      req.url = "/404.html";
      res.statusCode = 404;
      files(req, res, () => void res.end("Not found"));
    };
    if (!url.startsWith(prefix)) return notFound();
    req.url = `/${url.slice(prefix.length)}`;
    files(req, res, notFound);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    server,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
