import { z } from "zod";
import { commonFields, evidenceSchema, idSchema, sourceIds, text } from "../content/schema.ts";
import { shortFormsOf } from "./search-words.ts";
import { field, ids as idsColumn, optional, page } from "./table-columns.ts";
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
    {
      name: "organizations",
      fields: [
        field("id", "permanent identifier; the page is /{lang}/organization/{id}/"),
        field("name", "official name, never translated"),
        field("acronym", "acronym"),
        field("kind", "kind of organization, where a source or the name says it"),
        field("description", "one sentence in this language"),
        page,
      ],
      rows: (organizations, url) =>
        organizations.map((o) => ({
          id: o.id,
          name: o.data.name,
          acronym: optional(o.data.acronym),
          kind: optional(o.data.kind),
          description: optional(o.data.description),
          page: url(o),
        })),
    },
    {
      name: "roles",
      fields: [
        field("organization", "organization id"),
        field("campaign", "campaign id"),
        field("role", "anchor, leader, convener, member, partner or referenced"),
        idsColumn("sources", "source ids that state the role"),
      ],
      rows: (organizations) =>
        organizations.flatMap((o) =>
          o.data.roles.map((r) => ({ organization: o.id, campaign: r.campaign, role: r.role, sources: r.sources })),
        ),
    },
  ],
  authoring: {
    required: ["name", "campaigns"],
    frontMatter: (request, sources) => ({
      name: request.name,
      roles: (request.campaigns ?? []).map((campaign) => ({ campaign, role: request.role ?? "member", sources })),
    }),
  },
};
