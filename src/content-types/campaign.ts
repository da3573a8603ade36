import { z } from "zod";
import { fillString } from "../content/strings.ts";
import { commonFields, dateText, evidenceSchema, ids, placeholder, season, sourceIds, text } from "../content/schema.ts";
import { field, ids as idsColumn, optional, page, writtenTitle } from "./table-columns.ts";
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
    {
      name: "campaigns",
      fields: [
        field("id", "permanent identifier; the page is /{lang}/campaign/{id}/"),
        field("name", "name"),
        field("short_name", "short name or acronym"),
        field("founded", "ISO 8601 date of founding, as precise as the sources allow"),
        field("founded_text", "the founding date as the archive shows it in this language"),
        idsColumn("chairs", "person ids of chairs or spokespeople"),
        idsColumn("sources", "source ids"),
        field("summary", "one or two sentences"),
        page,
      ],
      rows: (campaigns, url) =>
        campaigns.map((c) => ({
          id: c.id,
          name: writtenTitle(c, "name"),
          short_name: c.data.shortName,
          founded: c.data.founded,
          founded_text: optional(c.dateText),
          chairs: c.data.chairs ?? [],
          sources: c.data.sources,
          summary: c.summary,
          page: url(c),
        })),
    },
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
