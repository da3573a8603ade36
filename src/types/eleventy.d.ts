// Eleventy ships no TypeScript types: this declares the part of its API we use.
declare module "@11ty/eleventy" {
  export interface PageInfo {
    url: string;
    inputPath: string;
    outputPath: string;
    lang?: string;
  }

  export interface UserConfig {
    dir: { input: string; output: string; includes: string; layouts?: string };
    addGlobalData(name: string, value: unknown): void;
    addFilter(name: string, fn: (this: { page: PageInfo }, ...args: never[]) => unknown): void;
    addShortcode(name: string, fn: (...args: never[]) => string): void;
    addPlugin<T>(plugin: (config: UserConfig, options: T) => void, options?: T): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addWatchTarget(path: string): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    setLibrary(name: string, lib: unknown): void;
    setQuietMode(quiet: boolean): void;
    setServerPassthroughCopyBehavior(behavior: string): void;
    on(event: string, handler: (...args: never[]) => unknown): void;
    ignores: { add(glob: string): void; delete(glob: string): boolean };
    watchIgnores: { add(glob: string): void };
    setUseGitIgnore(use: boolean): void;
    addNunjucksGlobal(name: string, value: unknown): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    pathPrefix: string;
  }

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    runMode?: "build" | "watch" | "serve";
    config?: (config: UserConfig) => void | Promise<void>;
  }

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    init(): Promise<void>;
    watch(): Promise<void>;
    serve(port: number): Promise<void>;
    stopWatch(): Promise<void>;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
  }

  export function I18nPlugin(config: UserConfig, options: { defaultLanguage: string; errorMode?: string }): void;
}

// The dev server's class, whose one listen call src/dev-server-host.ts replaces.
declare module "@11ty/eleventy-dev-server" {
  const EleventyDevServer: { prototype: object };
  export default EleventyDevServer;
}
