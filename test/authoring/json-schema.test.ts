import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { contentJsonSchemas, schemaFileName, schemaFileText } from "../../src/authoring/json-schema.ts";
import { builtinTypes } from "../../src/content-types/index.ts";
import { readFrontMatter, readYaml } from "../../src/content/yaml.ts";
import { projectRoot } from "../helpers/fixture.ts";

const contentDir = path.join(projectRoot, "content");
const schemasDir = path.join(contentDir, "schemas");
const languages = ["en", "es"];

function validatorFor(name: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(schemasDir, schemaFileName(name)), "utf8")));
}

describe("the generated JSON Schemas", () => {
  it("are up to date with the content model (run `npm run schema` after changing it)", () => {
    const schemas = contentJsonSchemas(builtinTypes);
    expect([...schemas.keys()].sort()).toEqual([...builtinTypes.map((t) => t.name), "settings", "vocabulary"].sort());
    for (const [name, schema] of schemas) {
      expect(readFileSync(path.join(schemasDir, schemaFileName(name)), "utf8"), name).toBe(schemaFileText(schema));
    }
  });

  it("accept the front matter of every real content file", () => {
    let checked = 0;
    for (const { name: type, folder: typeFolder } of builtinTypes) {
      const validate = validatorFor(type);
      for (const lang of languages) {
        const folder = path.join(contentDir, lang, typeFolder);
        for (const name of readdirSync(folder).filter((n) => n.endsWith(".md"))) {
          const { data } = readFrontMatter(readFileSync(path.join(folder, name), "utf8"));
          expect(validate(data) ? [] : validate.errors, `${lang}/${typeFolder}/${name}`).toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("accept the real settings and vocabularies", () => {
    const settings = validatorFor("settings");
    expect(settings(readYaml(readFileSync(path.join(contentDir, "site.yaml"), "utf8"))), JSON.stringify(settings.errors)).toBe(true);
    const vocabulary = validatorFor("vocabulary");
    for (const lang of languages) {
      expect(vocabulary(readYaml(readFileSync(path.join(contentDir, lang, "vocabulary.yaml"), "utf8"))), lang).toBe(true);
    }
  });

  it("reject an event with an unknown field, a missing title and a bad id", () => {
    const validate = validatorFor("event");
    const bad = { id: "Not An Id", date: "2013-09-12", campaigns: ["c"], sources: ["s"], summary: "S.", colour: "red" };
    expect(validate(bad)).toBe(false);
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('required {"missingProperty":"title"}'),
        expect.stringContaining('additionalProperties {"additionalProperty":"colour"}'),
        expect.stringMatching(/^\/id pattern/),
      ]),
    );
  });

  it("reject settings whose language has no text direction", () => {
    const validate = validatorFor("settings");
    const settings = readYaml(readFileSync(path.join(contentDir, "site.yaml"), "utf8")) as { languages: Array<Record<string, unknown>> };
    delete settings.languages[0]?.dir;
    expect(validate(settings)).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: "/languages/0", params: { missingProperty: "dir" } });
  });
});
