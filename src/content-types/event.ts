import { z } from "zod";
import type { Item } from "../archive.ts";
import { commonFields, dateText, evidenceSchema, ids, placeholder, season, sourceIds, text } from "../content/schema.ts";
import { shortFormsOf } from "./search-words.ts";
import { column, idsColumn, itemTable, optional, pageColumn, writtenTitle } from "./table-columns.ts";
import type { ContentTypeDescriptor } from "./descriptor.ts";

const schema = z.strictObject({
  ...commonFields,
  title: text,
  date: dateText,
  season: season.optional(),
  approximate: z.boolean().optional(),
  dateNote: text.optional(),
  endDate: dateText.optional(),
  campaigns: ids.min(1, "at least one campaign id"),
  places: ids.optional(),
  topics: ids.optional(),
  organizations: ids.optional(),
  people: ids.optional(),
  sources: sourceIds,
  evidence: evidenceSchema.optional(),
  highlight: z.boolean().optional(),
  summary: text,
});
export type EventData = z.infer<typeof schema>;

export const eventType: ContentTypeDescriptor<EventData> = {
  name: "event",
  folder: "events",
  schema,
  titleField: "title",
  summaryField: "summary",
  bodyRequired: true,
  references: [
    { field: "campaigns", target: "campaign" },
    { field: "organizations", target: "organization" },
    { field: "people", target: "person" },
    { field: "sources", target: "source" },
  ],
  vocabulary: [
    { field: "topics", list: "topics" },
    { field: "places", list: "places" },
  ],
  evidence: {},
  date: { field: "date", season: "season", approximate: "approximate", note: "dateNote" },
  endDate: "endDate",
  order: "date",
  sections: [{ kind: "timeline", segment: "timeline", titleKey: "nav.timeline", descriptionKey: "timeline.description" }],
  layout: "kinds/event.njk",
  // The short forms of the organizations it names: "NDWA" finds the events of that alliance.
  searchWords: (event, loc) =>
    (event.data.organizations ?? []).flatMap((id) => {
      const organization = loc.byId.organization?.get(id);
      return organization ? shortFormsOf(organization as Item<{ name: string; acronym?: string }>) : [];
    }),
  jsonLd: {
    type: "Event",
    thing: true,
    properties: (event, { loc, url, ref }) => ({
      ...(event.date && event.date.precision !== "undated" ? { startDate: event.date.iso } : {}),
      ...(event.data.endDate ? { endDate: event.data.endDate } : {}),
      location: (event.data.places ?? []).map((id) => ({ "@type": "Place", name: loc.termById.places.get(id)?.label })),
      superEvent: event.data.campaigns
        .map((id) => {
          const campaign = loc.byId.campaign?.get(id);
          return campaign ? { "@type": "EventSeries", name: campaign.title, url: url(`${campaign.path}timeline/`) } : undefined;
        })
        .filter(Boolean),
      organizer: (event.data.organizations ?? [])
        .map((id) => {
          const organization = loc.byId.organization?.get(id);
          return organization ? ref(organization, "Organization") : undefined;
        })
        .filter(Boolean),
    }),
  },
  tables: [
    itemTable<EventData>("events", [
      column("id", "permanent identifier; the page is /{lang}/event/{id}/", (e) => e.id),
      column("title", "title", (e) => writtenTitle(e, "title")),
      column("date", 'ISO 8601 date as precise as the sources allow ("2013-09-12", "2013-09", "2013") or "undated"', (e) => e.data.date),
      column("season", "spring, summer, autumn or winter, with a year-only date", (e) => optional(e.data.season)),
      column("approximate", "the source gives the date loosely", (e) => e.data.approximate ?? false, "boolean"),
      column("end_date", "last day of a span, same format as date", (e) => optional(e.data.endDate)),
      column("date_text", "the date as the archive shows it in this language", (e) => optional(e.dateText)),
      idsColumn("campaigns", "campaign ids", (e) => e.data.campaigns),
      idsColumn("places", "place ids", (e) => e.data.places ?? []),
      idsColumn("topics", "topic ids", (e) => e.data.topics ?? []),
      idsColumn("organizations", "organization ids", (e) => e.data.organizations ?? []),
      idsColumn("people", "person ids", (e) => e.data.people ?? []),
      idsColumn("sources", "source ids", (e) => e.data.sources),
      column("summary", "one sentence", (e) => e.summary),
      pageColumn,
    ]),
  ],
  authoring: {
    required: ["title", "date", "campaigns"],
    frontMatter: (request, sources) => ({
      title: request.title,
      date: request.date,
      campaigns: request.campaigns ?? [],
      sources,
      summary: placeholder("one sentence"),
    }),
  },
};
