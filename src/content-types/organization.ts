import { z } from "zod";
import type { Item } from "../archive.ts";
import { commonFields, evidenceSchema, idSchema, sourceIds, text } from "../content/schema.ts";
import { shortFormsOf } from "./search-words.ts";
import { column, idsColumn, itemTable, optional, pageColumn, table } from "./table-columns.ts";
import type { ContentTypeDescriptor } from "./descriptor.ts";

export const roleNames = ["anchor", "leader", "convener", "member", "partner", "referenced"] as const;
export type Role = (typeof roleNames)[number];
const schema = z.strictObject({
  ...commonFields,
  name: text,
  acronym: text.optional(),
  kind: idSchema.optional(),
  description: text.optional(),
  roles: z
    .array(z.strictObject({ campaign: idSchema, role: z.enum(roleNames), sources: sourceIds, evidence: evidenceSchema.optional() }))
    .min(1, "at least one role in a campaign"),
});
export type OrganizationData = z.infer<typeof schema>;

export const organizationType: ContentTypeDescriptor<OrganizationData> = {
  name: "organization",
  folder: "organizations",
  schema,
  titleField: "name",
  summaryField: "description",
  references: [
    { field: "roles.campaign", target: "campaign" },
    { field: "roles.sources", target: "source" },
  ],
  vocabulary: [{ field: "kind", list: "kinds" }],
  // Each role in a campaign quotes the sources that state it.
  evidence: { in: "roles" },
  order: "title",
  sections: [
    { kind: "organizations", segment: "organization", titleKey: "nav.organizations", descriptionKey: "organizations.description" },
    { kind: "shared-organizations", segment: "coalitions", titleKey: "shared.title", descriptionKey: "shared.description" },
  ],
  layout: "kinds/organization.njk",
  searchWords: (organization) => shortFormsOf(organization),
  jsonLd: {
    type: "Organization",
    thing: true,
    properties: (organization, { loc, ref, roles }) => ({
      legalName: organization.data.name,
      ...(organization.data.acronym ? { alternateName: organization.data.acronym } : {}),
      memberOf: roles(loc.membershipsByOrganization.get(organization.id) ?? [], (m) => ({ memberOf: ref(m.campaign, "NGO") })),
    }),
  },
  tables: [
    itemTable<OrganizationData>("organizations", [
      column("id", "permanent identifier; the page is /{lang}/organization/{id}/", (o) => o.id),
      column("name", "official name, never translated", (o) => o.data.name),
      column("acronym", "acronym", (o) => optional(o.data.acronym)),
      column("kind", "kind of organization, where a source or the name says it", (o) => optional(o.data.kind)),
      column("description", "one sentence in this language", (o) => optional(o.data.description)),
      pageColumn,
    ]),
    table(
      "roles",
      (organizations: Array<Item<OrganizationData>>) =>
        organizations.flatMap((o) => o.data.roles.map((role) => ({ organization: o.id, ...role }))),
      [
        column("organization", "organization id", (r) => r.organization),
        column("campaign", "campaign id", (r) => r.campaign),
        column("role", "anchor, leader, convener, member, partner or referenced", (r) => r.role),
        idsColumn("sources", "source ids that state the role", (r) => r.sources),
      ],
    ),
  ],
  authoring: {
    required: ["name", "campaigns"],
    frontMatter: (request, sources) => ({
      name: request.name,
      roles: (request.campaigns ?? []).map((campaign) => ({ campaign, role: request.role ?? "member", sources })),
    }),
  },
};
