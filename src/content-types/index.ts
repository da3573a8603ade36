import { campaignType } from "./campaign.ts";
import type { ContentTypeDescriptor } from "./descriptor.ts";
import { eventType } from "./event.ts";
import { goalType } from "./goal.ts";
import { organizationType } from "./organization.ts";
import { pageType } from "./page.ts";
import { personType } from "./person.ts";
import { sourceType } from "./source.ts";

/**
 * The archive's content types, in the order the loader reads them, feeds list them and the
 * data page offers their tables. To add a type, write its descriptor and its layout and add it
 * here (or pass it in `types` to the build, as test/fixtures/document-type.ts does).
 */
export const builtinTypes: ContentTypeDescriptor[] = [
  campaignType,
  eventType,
  goalType,
  organizationType,
  personType,
  sourceType,
  pageType,
];

/** The names of the built-in types, which the archive's own pages and relations name. */
export type BuiltinTypeName = "campaign" | "event" | "goal" | "organization" | "person" | "source" | "page";

export type { ContentTypeDescriptor } from "./descriptor.ts";
export type { CampaignData } from "./campaign.ts";
export type { EventData } from "./event.ts";
export type { GoalData } from "./goal.ts";
export type { OrganizationData, Role } from "./organization.ts";
export type { PageData } from "./page.ts";
export type { PersonData } from "./person.ts";
export type { SourceData } from "./source.ts";
