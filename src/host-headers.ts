/**
 * The HTTP headers the archive asks its host for, in one place: the Content-Security-Policy of
 * the pages' meta tags, and the `_headers` file (the format Netlify and Cloudflare Pages read)
 * that adds what a meta tag cannot say: framing, MIME sniffing, referrers, caching.
 * `npm start` serves the same file; docs/hosting-headers.md gives the nginx equivalent.
 */

/** The policy of every page's meta tag: no script runs except on the search page. */
export function contentSecurityPolicy(page: "page" | "search"): string {
  const scripts = page === "search" ? "'self' 'wasm-unsafe-eval'" : "'none'";
  return `default-src 'self'; script-src ${scripts}; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'`;
}

/**
 * The header policy, for every path: the search page's (the loosest of the site) with framing
 * forbidden. Browsers enforce it together with each page's meta tag, so a page gets the stricter
 * of the two: `script-src 'none'` everywhere but search. One rule per header, never two matching
 * one path: Cloudflare Pages joins repeated headers with commas, where Netlify keeps the last.
 */
export const headerPolicy = `${contentSecurityPolicy("search")}; frame-ancestors 'none'`;

export type HostHeaders = Array<{ path: string; headers: Record<string, string> }>;

export const hostHeaderRules: HostHeaders = [
  {
    path: "/*",
    headers: {
      "Content-Security-Policy": headerPolicy,
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "no-referrer",
    },
  },
  // Stylesheet and script have content-hashed names: a changed file is a new name.
  { path: "/assets/*", headers: { "Cache-Control": "public, max-age=31536000, immutable" } },
  // Pagefind's entry file keeps its name from build to build: revalidate it.
  { path: "/pagefind/*", headers: { "Cache-Control": "public, max-age=3600, must-revalidate" } },
];

export function formatHeadersFile(rules: HostHeaders = hostHeaderRules): string {
  const lines = ["# Headers for static hosts that read this file (Netlify, Cloudflare Pages). See docs/hosting-headers.md."];
  for (const rule of rules) {
    lines.push(rule.path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`));
  }
  return `${lines.join("\n")}\n`;
}

export function parseHeadersFile(text: string): HostHeaders {
  const rules: HostHeaders = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
    else {
      const colon = line.indexOf(":");
      const rule = rules[rules.length - 1];
      if (rule && colon > 0) rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

/** The headers for one request path: every matching rule, later ones overriding (as Netlify does). */
export function headersFor(rules: HostHeaders, requestPath: string): Record<string, string> {
  const matches = (pattern: string) => (pattern.endsWith("*") ? requestPath.startsWith(pattern.slice(0, -1)) : requestPath === pattern);
  return Object.assign({}, ...rules.filter((rule) => matches(rule.path)).map((rule) => rule.headers));
}
