import { z } from "zod";
import { commonFields, evidenceSchema, idSchema, ids, placeholder, sourceIds, text } from "../content/schema.ts";
import { column, idsColumn, itemTable, pageColumn, writtenTitle } from "./table-columns.ts";
import type { ContentTypeDescriptor } from "./descriptor.ts";

export const goalKinds = ["goal", "policy-call", "issue-area"] as const;
const schema = z.strictObject({
  ...commonFields,
  title: text,
  campaign: idSchema,
  themes: ids.min(1, "at least one theme id"),
  kind: z.enum(goalKinds),
  sources: sourceIds,
  evidence: evidenceSchema.optional(),
  summary: text,
});
export type GoalData = z.infer<typeof schema>;

export const goalType: ContentTypeDescriptor<GoalData> = {
  name: "goal",
  folder: "goals",
  schema,
  titleField: "title",
  summaryField: "summary",
  references: [
    { field: "campaign", target: "campaign" },
    { field: "sources", target: "source" },
  ],
  vocabulary: [{ field: "themes", list: "themes" }],
  evidence: {},
  // A campaign's goals together, campaigns in their own order.
  order: { referenceOrder: "campaign" },
  sections: [{ kind: "goals", segment: "goal", titleKey: "nav.goals", descriptionKey: "goals.description" }],
  layout: "kinds/goal.njk",
  jsonLd: { type: "CreativeWork" },
  tables: [
    itemTable<GoalData>("goals", [
      column("id", "permanent identifier; the page is /{lang}/goal/{id}/", (g) => g.id),
      column("title", "title", (g) => writtenTitle(g, "title")),
      column("campaign", "campaign id", (g) => g.data.campaign),
      column("kind", "goal (stated aim), policy-call (a demand on lawmakers) or issue-area (an area of work)", (g) => g.data.kind),
      idsColumn("themes", "theme ids", (g) => g.data.themes),
      idsColumn("sources", "source ids", (g) => g.data.sources),
      column("summary", "one sentence", (g) => g.summary),
      pageColumn,
    ]),
  ],
  authoring: {
    required: ["title", "campaigns", "themes"],
    frontMatter: (request, sources) => ({
      title: request.title,
      campaign: request.campaigns?.[0],
      themes: request.themes,
      kind: request.kind ?? "goal",
      sources,
      summary: placeholder("one sentence"),
    }),
  },
};
