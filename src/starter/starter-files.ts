import { readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { contentSchemaVersion } from "../content/schema-version.ts";
import { starterText, type StarterText } from "./example-text.ts";

export interface StarterOptions {
  /** The archive's name, in every language until translated. */
  name: string;
  /** Language codes; the first is the default language. */
  languages: string[];
  baseUrl: string;
  /** "YYYY-MM-DD": the archive's first publication, for citations. */
  today: string;
  /** The package's interface strings, one `<lang>.yaml` per shipped language. */
  stringsDir: string;
}

export interface StarterFile {
  /** Relative to the new archive's folder. */
  path: string;
  text: string;
}

const exampleQuote = "An example: the document's exact words go here.";

const rtlLanguages = new Set(["ar", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"]);

function languageEntry(code: string) {
  const name = new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;
  return {
    code,
    name: name.charAt(0).toLocaleUpperCase(code) + name.slice(1),
    locale: code,
    dir: rtlLanguages.has(code.split("-")[0] as string) ? "rtl" : "ltr",
  };
}

const textOf = (lang: string): StarterText => starterText[lang] ?? (starterText.en as StarterText);
const yamlText = (data: unknown) => yaml.dump(data, { lineWidth: 120 });
const markdown = (data: Record<string, unknown>, body = "") =>
  `---\n# An example: replace it with your own, or delete it (in every language).\n${yamlText(data)}---\n${body}\n`;

/** Every file `init` writes: settings, strings, vocabulary, one example of each type per language, README, .gitignore, CI. */
export function starterFiles(options: StarterOptions): StarterFile[] {
  const [defaultLanguage = "en"] = options.languages;
  const perLanguage = (pick: (text: StarterText) => string) =>
    Object.fromEntries(options.languages.map((lang) => [lang, pick(textOf(lang))]));
  const settings = {
    schemaVersion: contentSchemaVersion,
    defaultLanguage,
    languages: options.languages.map(languageEntry),
    baseUrl: options.baseUrl,
    pathPrefix: "/",
    name: Object.fromEntries(options.languages.map((lang) => [lang, options.name])),
    description: perLanguage((t) => t.intro),
    publisher: `${options.name} editors`,
    licence: { name: "CC BY 4.0", id: "CC-BY-4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
    published: options.today,
  };
  const files: StarterFile[] = [
    { path: "content/site.yaml", text: `# Site settings: see the package's docs/content.md and docs/themes.md.\n${yamlText(settings)}` },
  ];
  // The document's exact words, the same in every language (a translation may add quoteTranslation).
  const shared = {
    source: { id: "example-source", kind: "campaign-statement", seed: "example-document.txt" },
    campaign: { id: "example-campaign", shortName: "EX", founded: "2020", sources: ["example-source"], chairs: ["example-person"] },
    event: {
      id: "example-event",
      date: "undated",
      campaigns: ["example-campaign"],
      places: ["example-place"],
      topics: ["example-topic"],
      organizations: ["example-organization"],
      sources: ["example-source"],
    },
    goal: { id: "example-goal", campaign: "example-campaign", kind: "goal", themes: ["example-theme"], sources: ["example-source"] },
    organization: {
      id: "example-organization",
      kind: "example-kind",
      roles: [{ campaign: "example-campaign", role: "anchor", sources: ["example-source"] }],
    },
    person: { id: "example-person", campaigns: ["example-campaign"], sources: ["example-source"] },
  };
  for (const lang of options.languages) {
    const t = textOf(lang);
    const evidence = [
      { source: "example-source", quote: exampleQuote, ...(lang === defaultLanguage ? {} : { quoteTranslation: t.quoteTranslation }) },
    ];
    const strings = yaml.load(readFileSync(path.join(options.stringsDir, `${starterText[lang] ? lang : "en"}.yaml`), "utf8")) as Record<
      string,
      Record<string, unknown>
    >;
    strings.home = { ...strings.home, intro: t.intro };
    strings.site = { ...strings.site, footer: t.footer };
    const untranslated = starterText[lang] ? "" : `# Copied from English: translate every string into ${lang}.\n`;
    files.push(
      { path: `content/strings/${lang}.yaml`, text: `${untranslated}${yamlText(strings)}` },
      {
        path: `content/${lang}/vocabulary.yaml`,
        text: yamlText({
          themes: { "example-theme": t.vocabulary.theme },
          topics: { "example-topic": t.vocabulary.topic },
          places: { "example-place": t.vocabulary.place },
          kinds: { "example-kind": t.vocabulary.kind },
        }),
      },
      {
        path: `content/${lang}/sources/example-source.md`,
        text: markdown({ ...shared.source, title: t.source.title, summary: t.source.summary }, t.source.body),
      },
      {
        path: `content/${lang}/campaigns/example-campaign.md`,
        text: markdown({ ...shared.campaign, evidence, name: t.campaign.name, summary: t.campaign.summary }, t.campaign.body),
      },
      {
        path: `content/${lang}/events/example-event.md`,
        text: markdown(
          { ...shared.event, evidence, title: t.event.title, summary: t.event.summary, dateNote: t.event.dateNote },
          t.event.body,
        ),
      },
      {
        path: `content/${lang}/goals/example-goal.md`,
        text: markdown({ ...shared.goal, evidence, title: t.goal.title, summary: t.goal.summary }),
      },
      {
        path: `content/${lang}/organizations/example-organization.md`,
        text: markdown({
          ...shared.organization,
          roles: shared.organization.roles.map((role) => ({ ...role, evidence })),
          name: t.organization.name,
          description: t.organization.description,
        }),
      },
      {
        path: `content/${lang}/people/example-person.md`,
        text: markdown({ ...shared.person, name: t.person.name, description: t.person.description }),
      },
      {
        path: `content/${lang}/pages/about.md`,
        text: `---\n${yamlText({ id: "about", title: t.about.title, summary: t.about.summary })}---\n${t.about.body}\n`,
      },
    );
  }
  files.push(
    // `check --seeds documents` looks for every quote in its document.
    {
      path: "documents/example-document.txt",
      text: `An example source document. ${exampleQuote} Keep each source's text here, named as its seed.\n`,
    },
    { path: "README.md", text: readmeText(options.name) },
    { path: ".gitignore", text: "node_modules/\n_site/\n_dev/\ndist/\n.site-*/\n" },
    { path: ".github/workflows/archive.yml", text: ciText() },
  );
  return files;
}

function readmeText(name: string): string {
  return `# ${name}

Built with campaign-archive. The content is in \`content/\`; the look can be changed in \`theme/\`.

\`\`\`sh
npx campaign-archive check --seeds documents   # validate the content and quotes, print every problem
npx campaign-archive build     # build _site/ with its search index
npx campaign-archive serve     # look at _site/ on http://127.0.0.1:8080/
npx campaign-archive dev       # while writing: rebuild on every save
npx campaign-archive new event --campaign example-campaign --date 2021-05 --title '…'
\`\`\`

The files named \`example-*\` show each type's fields: replace them with your own, in every
language. Every command has \`--help\`; the package's README and docs/ say more.
`;
}

function ciText(): string {
  return `# Checks the content and builds the archive on every push and pull request.
name: archive
on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - run: npx campaign-archive check --seeds documents
      - run: npx campaign-archive build
`;
}
