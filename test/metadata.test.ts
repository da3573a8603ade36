import { beforeAll, describe, expect, it } from "vitest";
import { loadSite, type SiteData } from "../src/site.ts";
import { jsonLdText, ogLocale, pageMetadata } from "../src/outputs/metadata.ts";
import type { SitePage } from "../src/site-pages.ts";
import { writeFixture } from "./helpers/fixture.ts";

describe("page metadata", () => {
  let site: SiteData;
  const page = (path: string) => site.pages.find((p) => p.path === path) as SitePage;
  const graph = (path: string) => pageMetadata(page(path), site.archive).jsonLd?.["@graph"] as Array<Record<string, unknown>>;
  beforeAll(() => {
    site = loadSite({ contentDir: writeFixture(), pathPrefix: "/archive/" });
  });

  it("gives a canonical URL and hreflang alternates as absolute URLs under the prefix", () => {
    const meta = pageMetadata(page("es/event/march-on-capitol/"), site.archive);
    expect(meta.canonical).toBe("https://fixture.example.org/archive/es/event/march-on-capitol/");
    expect(meta.alternates).toEqual([
      { hreflang: "en", href: "https://fixture.example.org/archive/en/event/march-on-capitol/" },
      { hreflang: "es", href: "https://fixture.example.org/archive/es/event/march-on-capitol/" },
      { hreflang: "x-default", href: "https://fixture.example.org/archive/en/event/march-on-capitol/" },
    ]);
    expect(meta.title).toBe("Marcha al Capitolio · Archivo de prueba");
  });

  it("describes an event in Open Graph and Dublin Core tags as a web page of the archive", () => {
    const meta = pageMetadata(page("en/event/march-on-capitol/"), site.archive);
    expect(meta.og).toContainEqual({ property: "og:url", content: meta.canonical });
    expect(meta.og).toContainEqual({ property: "og:locale:alternate", content: "es_ES" });
    const dc = Object.fromEntries(meta.dublinCore.map((t) => [t.name, t.content]));
    // The page's date is the edition's: Zotero would otherwise date the record 2013.
    expect(dc).toMatchObject({
      "DCTERMS.title": "March on the Capitol",
      "DCTERMS.date": site.archive.settings.published,
      "DCTERMS.language": "en",
      "DCTERMS.identifier": meta.canonical,
    });
    expect(meta.dublinCore.filter((t) => t.name === "DCTERMS.subject").map((t) => t.content)).toEqual([
      "First Campaign",
      "Protest",
      "Washington, D.C.",
    ]);
    // Zotero reads DCTERMS.source as the journal an article appeared in.
    expect(meta.dublinCore).toContainEqual({ name: "DCTERMS.references", content: "About the campaign" });
    expect(meta.dublinCore.map((t) => t.name)).not.toContain("DCTERMS.source");
  });

  it("writes Open Graph locales as language_TERRITORY, a bare language with its likely territory", () => {
    expect(ogLocale("en-US")).toBe("en_US");
    expect(ogLocale("es")).toBe("es_ES");
    expect(ogLocale("ar")).toBe("ar_EG");
  });

  it("names the publisher in the page's language where the settings give one", () => {
    const settings = { ...site.archive.settings, publisher: { en: "Archive project", es: "Proyecto del archivo" } };
    const dc = (path: string) =>
      pageMetadata(page(path), { ...site.archive, settings }).dublinCore.find((t) => t.name === "DCTERMS.publisher")?.content;
    expect(dc("es/event/march-on-capitol/")).toBe("Proyecto del archivo");
    expect(dc("en/event/march-on-capitol/")).toBe("Archive project");
  });

  it("describes an event as a schema.org Event in its campaign's series, with breadcrumbs", () => {
    const [event, crumbs] = graph("en/event/march-on-capitol/");
    expect(event).toMatchObject({ "@type": "Event", startDate: "2013-09-12", location: [{ "@type": "Place", name: "Washington, D.C." }] });
    expect(event?.superEvent).toEqual([
      { "@type": "EventSeries", name: "First Campaign", url: "https://fixture.example.org/archive/en/campaign/first-campaign/timeline/" },
    ]);
    expect(crumbs?.["@type"]).toBe("BreadcrumbList");
    expect((crumbs?.itemListElement as unknown[]).length).toBe(3);
  });

  it("gives an undated event no startDate", () => {
    expect(graph("en/event/undated-fast/")[0]).not.toHaveProperty("startDate");
  });

  it("links a coalition and its members both ways", () => {
    const [campaign] = graph("en/campaign/first-campaign/");
    expect(campaign?.["@type"]).toBe("NGO");
    expect(JSON.stringify(campaign?.member)).toContain("alliance-one");
    const [organization] = graph("en/organization/alliance-one/");
    expect(organization?.["@type"]).toBe("Organization");
    expect(organization?.memberOf).toMatchObject([
      { "@type": "OrganizationRole", roleName: "anchor", memberOf: { "@type": "NGO", name: "First Campaign" } },
    ]);
  });

  it("describes the home page as the archive's Collection and the data page as a Dataset", () => {
    expect(graph("en/")[0]?.["@type"]).toBe("Collection");
    expect(graph("en/data/")[0]?.["@type"]).toBe("Dataset");
  });

  it("escapes JSON-LD so that text cannot close its script element", () => {
    const text = jsonLdText({ name: "</script><script>alert(1)</script>" });
    expect(text).not.toContain("</");
    expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script>" });
  });
});
