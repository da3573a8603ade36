import { z } from "zod";
import { fillString } from "../content/strings.ts";
import { commonFields, dateText, evidenceSchema, ids, placeholder, season, sourceIds, text } from "../content/schema.ts";
import { column, idsColumn, itemTable, optional, pageColumn, writtenTitle } from "./table-columns.ts";
import type { ContentTypeDescriptor } from "./descriptor.ts";

const schema = z.strictObject({
  ...commonFields,
  name: text,
  shortName: text,
  founded: dateText,
  foundedSeason: season.optional(),
  foundedApproximate: z.boolean().optional(),
  foundedNote: text.optional(),
  summary: text,
  chairs: ids.optional(),
  sources: sourceIds,
  evidence: evidenceSchema.optional(),
});
export type CampaignData = z.infer<typeof schema>;

export const campaignType: ContentTypeDescriptor<CampaignData> = {
  name: "campaign",
  folder: "campaigns",
  schema,
  titleField: "name",
  summaryField: "summary",
  bodyRequired: true,
  references: [
    { field: "chairs", target: "person" },
    { field: "sources", target: "source" },
  ],
  evidence: {},
  date: { field: "founded", season: "foundedSeason", approximate: "foundedApproximate", note: "foundedNote" },
  order: "date",
  sections: [{ kind: "campaigns", segment: "campaign", titleKey: "nav.campaigns", descriptionKey: "campaigns.description" }],
  subpages: (campaign, t) => [
    {
      kind: "campaign-timeline",
      segment: "timeline/",
      title: fillString(t("campaignTimeline.title"), { campaign: campaign.title }),
      description: fillString(t("campaignTimeline.description"), { campaign: campaign.title }),
      crumb: t("nav.timeline"),
    },
  ],
  layout: "kinds/campaign.njk",
  campaigns: (campaign) => [campaign.id],
  jsonLd: {
    type: "NGO",
    thing: true,
    properties: (campaign, { loc, ref, roles }) => ({
      alternateName: campaign.data.shortName,
      ...(campaign.date && campaign.date.precision !== "undated" ? { foundingDate: campaign.date.iso } : {}),
      member: roles(loc.membershipsByCampaign.get(campaign.id) ?? [], (m) => ({ member: ref(m.organization, "Organization") })),
    }),
  },
  tables: [
    itemTable<CampaignData>("campaigns", [
      column("id", "permanent identifier; the page is /{lang}/campaign/{id}/", (c) => c.id),
      column("name", "name", (c) => writtenTitle(c, "name")),
      column("short_name", "short name or acronym", (c) => c.data.shortName),
      column("founded", "ISO 8601 date of founding, as precise as the sources allow", (c) => c.data.founded),
      column("founded_text", "the founding date as the archive shows it in this language", (c) => optional(c.dateText)),
      idsColumn("chairs", "person ids of chairs or spokespeople", (c) => c.data.chairs ?? []),
      idsColumn("sources", "source ids", (c) => c.data.sources),
      column("summary", "one or two sentences", (c) => c.summary),
      pageColumn,
    ]),
  ],
  authoring: {
    required: ["name", "shortName", "date"],
    frontMatter: (request, sources) => ({
      name: request.name,
      shortName: request.shortName,
      founded: request.date,
      summary: placeholder("one or two sentences"),
      sources,
    }),
  },
};
