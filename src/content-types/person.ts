import { z } from "zod";
import { commonFields, ids, placeholder, sourceIds, text } from "../content/schema.ts";
import type { ContentTypeDescriptor } from "./descriptor.ts";

const schema = z.strictObject({
  ...commonFields,
  name: text,
  description: text,
  campaigns: ids.optional(),
  sources: sourceIds,
});
export type PersonData = z.infer<typeof schema>;

export const personType: ContentTypeDescriptor<PersonData> = {
  name: "person",
  folder: "people",
  schema,
  titleField: "name",
  summaryField: "description",
  references: [
    { field: "campaigns", target: "campaign" },
    { field: "sources", target: "source" },
  ],
  order: "title",
  sections: [{ kind: "people", segment: "person", titleKey: "nav.people", descriptionKey: "people.description" }],
  layout: "kinds/person.njk",
  jsonLd: { type: "Person", thing: true },
  authoring: {
    required: ["name"],
    frontMatter: (request, sources) => ({
      name: request.name,
      description: placeholder("their public role, one sentence"),
      ...(request.campaigns?.length ? { campaigns: request.campaigns } : {}),
      sources,
    }),
  },
};
