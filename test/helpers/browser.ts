import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";

export { launchBrowser } from "../../src/browser.ts";

/** A fresh page with JavaScript on or off; every request that leaves `origin` is recorded. */
export async function openPage(
  browser: Browser,
  options: { javaScript: boolean; origin?: string; viewport?: { width: number; height: number } },
): Promise<{ page: Page; context: BrowserContext; foreignRequests: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript, viewport: options.viewport });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (options.origin && !url.startsWith(options.origin) && !url.startsWith("data:") && !url.startsWith("file:"))
      foreignRequests.push(url);
  });
  return { page, context, foreignRequests };
}

/** axe-core violations at WCAG 2.2 AA on the page as it is now. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; nodes: number; help: string }>> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.length, help: v.help }));
}
