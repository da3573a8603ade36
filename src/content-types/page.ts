import { z } from "zod";
import { commonFields, placeholder, text } from "../content/schema.ts";
import type { ContentTypeDescriptor } from "./descriptor.ts";

const schema = z.strictObject({ ...commonFields, title: text, summary: text });
export type PageData = z.infer<typeof schema>;

/** A page of running text about the archive (about, methodology); its parent is the home page. */
export const pageType: ContentTypeDescriptor<PageData> = {
  name: "page",
  folder: "pages",
  schema,
  titleField: "title",
  summaryField: "summary",
  bodyRequired: true,
  order: "title",
  layout: "kinds/page.njk",
  jsonLd: { type: "CreativeWork" },
  authoring: { required: ["title"], frontMatter: (request) => ({ title: request.title, summary: placeholder("one sentence") }) },
};
