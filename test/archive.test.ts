import { describe, expect, it } from "vitest";
import { buildArchive } from "../src/archive.ts";
import { loadContent, type LoadedContent } from "../src/content/load.ts";
import { baseItems, writeFixture } from "./helpers/fixture.ts";

function archiveOf(items = baseItems()) {
  const result = loadContent(writeFixture(items));
  expect(result.problems).toEqual([]);
  return buildArchive(result.content as LoadedContent);
}

describe("buildArchive", () => {
  it("shows an event with an end date as a span, in each language", () => {
    const items = baseItems();
    for (const item of items.filter((i) => i.data.id === "march-on-capitol")) item.data.endDate = "2013-09-14";
    const archive = archiveOf(items);
    expect(archive.byLanguage.get("en")?.byId.event.get("march-on-capitol")?.dateText).toBe("September 12, 2013 – September 14, 2013");
    expect(archive.byLanguage.get("es")?.byId.event.get("march-on-capitol")?.dateText).toBe(
      "12 de septiembre de 2013 – 14 de septiembre de 2013",
    );
  });

  it("falls back to the default language's text, marking its language and direction", () => {
    const items = baseItems().filter((i) => !(i.lang === "es" && i.data.id === "undated-fast"));
    const fallback = archiveOf(items).byLanguage.get("es")?.byId.event.get("undated-fast");
    expect(fallback).toMatchObject({
      fallback: true,
      textLang: "en",
      textDir: "ltr",
      lang: "es",
      title: "A fast",
      path: "es/event/undated-fast/",
    });
  });

  it("leaves drafts out of every list", () => {
    const items = baseItems();
    for (const item of items.filter((i) => i.data.id === "summer-protests")) item.data.draft = true;
    const en = archiveOf(items).byLanguage.get("en");
    expect(en?.events.map((e) => e.id)).toEqual(["march-on-capitol", "undated-fast"]);
    expect(en?.eventsByTopic.get("protest")?.map((e) => e.id)).toEqual(["march-on-capitol"]);
  });
});
