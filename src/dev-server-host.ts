import EleventyDevServer from "@11ty/eleventy-dev-server";

/**
 * Makes Eleventy's dev server listen on `host` only, and stop with `onPortTaken` when its port is
 * in use. Left alone it listens on every interface and silently moves to the next free port,
 * which puts a draft archive on the network and the author's bookmarks on another site.
 * The dev server has no option for either, so its one listen call is replaced.
 */
export function bindDevServer(options: { host: string; onListening: (url: string) => void; onPortTaken: (port: number) => void }): void {
  const proto = EleventyDevServer.prototype as unknown as {
    server: import("node:http").Server;
    _serverListen(port: number): void;
  };
  proto._serverListen = function (this: typeof proto, port: number) {
    this.server.prependListener("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") options.onPortTaken(port);
    });
    this.server.once("listening", () => options.onListening(`http://${options.host}:${port}/`));
    this.server.listen({ port, host: options.host });
  };
}
