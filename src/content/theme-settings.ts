import { z } from "zod";

// Only values a stylesheet can hold safely: no ";", "{", "}" or "<" can leave the declaration.
const cssColour = z
  .string()
  .regex(/^(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([\w.,%\s/+-]*\))$/, 'a CSS colour such as "#0b4f9c" or "oklch(45% 0.1 250)"');
const fontStack = z.string().regex(/^[\w\s,"'.-]+$/, 'a CSS font stack such as "Georgia, serif"');

/** The stylesheet's colour custom properties (layouts/assets/site.css), each optional. */
const colours = z.strictObject({
  bg: cssColour.optional(),
  fg: cssColour.optional(),
  muted: cssColour.optional(),
  link: cssColour.optional(),
  accent: cssColour.optional(),
  line: cssColour.optional(),
  note: cssColour.optional(),
});

/** `theme` in site.yaml: colours for light and dark readers, and the type, as CSS custom properties. */
export const themeSettingsSchema = z.strictObject({
  light: colours.optional(),
  dark: colours.optional(),
  font: fontStack.optional().describe("the text's font stack (--font); system fonts only, no web fonts"),
});

export type ThemeSettings = z.infer<typeof themeSettingsSchema>;

/** The custom properties the settings set, as CSS appended after the stylesheet's defaults. */
export function themeCss(theme: ThemeSettings): string {
  const declarations = (values: Record<string, string | undefined>) =>
    Object.entries(values)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, value]) => `--${name}:${value}`)
      .join(";");
  const light = declarations({ ...theme.light, font: theme.font });
  const dark = declarations({ ...theme.dark });
  return [light && `:root{${light}}`, dark && `@media (prefers-color-scheme:dark){:root{${dark}}}`].filter(Boolean).join("\n");
}
