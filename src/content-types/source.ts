import { z } from "zod";
import { commonFields, dateText, placeholder, text, webUrl } from "../content/schema.ts";
import { column, itemTable, optional, pageColumn, writtenTitle } from "./table-columns.ts";
import type { Item } from "../archive.ts";
import type { ContentTypeDescriptor } from "./descriptor.ts";

export const sourceKinds = ["encyclopedia-article", "campaign-statement", "organization-page", "report", "web-page"] as const;
const schema = z.strictObject({
  ...commonFields,
  title: text,
  kind: z.enum(sourceKinds),
  author: text.optional(),
  publisher: text.optional(),
  date: dateText.optional(),
  dateNote: text.optional(),
  url: webUrl.optional(),
  seed: text,
  summary: text,
});
export type SourceData = z.infer<typeof schema>;

export const sourceType: ContentTypeDescriptor<SourceData> = {
  name: "source",
  folder: "sources",
  schema,
  titleField: "title",
  summaryField: "summary",
  date: { field: "date", note: "dateNote" },
  order: "title",
  sections: [{ kind: "sources", segment: "source", titleKey: "nav.sources", descriptionKey: "sources.description" }],
  layout: "kinds/source.njk",
  // A document belongs to the campaigns in whose name something cites it.
  campaigns: (source, loc, campaignsOf) => [
    ...new Set((loc.citedBy.get(source.id) ?? []).flatMap((citing) => campaignsCiting(source.id, citing, campaignsOf))),
  ],
  jsonLd: {
    type: "CreativeWork",
    properties: (source) => ({
      ...(source.data.author ? { author: source.data.author } : {}),
      ...(source.data.date && source.data.date !== "undated" ? { dateCreated: source.data.date } : {}),
      ...(source.data.url ? { sameAs: source.data.url } : {}),
    }),
  },
  tables: [
    itemTable<SourceData>("sources", [
      column("id", "permanent identifier; the page is /{lang}/source/{id}/", (s) => s.id),
      column("title", "the document's own title", (s) => writtenTitle(s, "title")),
      column("kind", "encyclopedia-article, campaign-statement, organization-page, report or web-page", (s) => s.data.kind),
      column("author", "person or organization credited", (s) => optional(s.data.author)),
      column("publisher", "publisher", (s) => optional(s.data.publisher)),
      column("date", "ISO 8601 date the document gives", (s) => optional(s.data.date)),
      column("url", "where the document was found", (s) => optional(s.data.url)),
      column("seed", "file name of the seed document", (s) => s.data.seed),
      column("summary", "what the document is", (s) => s.summary),
      pageColumn,
    ]),
  ],
  authoring: {
    required: ["title", "kind", "seed"],
    frontMatter: (request) => ({
      title: request.title,
      kind: request.kind,
      seed: request.seed,
      summary: placeholder("what the document is"),
    }),
  },
};

/**
 * The campaigns in whose name an item cites a source. An organization cites a source for one
 * role, so only that role's campaign counts: taking all its campaigns would tag a source with
 * campaigns it never mentions.
 */
function campaignsCiting(sourceId: string, citing: Item, campaignsOf: (item: Item) => string[]): string[] {
  if (citing.type === "source") return [];
  const roles = (citing.data as { roles?: Array<{ campaign: string; sources: string[] }> }).roles;
  if (!roles) return campaignsOf(citing);
  return roles.filter((r) => r.sources.includes(sourceId)).map((r) => r.campaign);
}
