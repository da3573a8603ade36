import { describe, expect, it } from "vitest";
import { dateSortKey, formatPartialDate, isPartialDate, parsePartialDate, type DateWords, type PartialDate } from "../src/dates.ts";

const en: DateWords = {
  undated: "Undated",
  approximately: "about",
  seasonPattern: "{season} {year}",
  seasons: { spring: "spring", summer: "summer", autumn: "autumn", winter: "winter" },
};
const es: DateWords = {
  undated: "Sin fecha",
  approximately: "hacia",
  seasonPattern: "{season} de {year}",
  seasons: { spring: "primavera", summer: "verano", autumn: "otoño", winter: "invierno" },
};

function parsed(text: string, options = {}): PartialDate {
  const date = parsePartialDate(text, options);
  if (!isPartialDate(date)) throw new Error(date.error);
  return date;
}

describe("parsePartialDate", () => {
  it("keeps the precision the text gives", () => {
    expect(parsed("2013-09-12").precision).toBe("day");
    expect(parsed("2013-09").precision).toBe("month");
    expect(parsed("2015").precision).toBe("year");
    expect(parsed("2018", { season: "summer" }).precision).toBe("season");
    expect(parsed("undated").precision).toBe("undated");
  });

  it("rejects a date whose month is 13", () => {
    expect(parsePartialDate("2013-13")).toHaveProperty("error");
  });

  it("rejects February 30", () => {
    expect(parsePartialDate("2015-02-30")).toHaveProperty("error");
  });

  it("rejects text that is not ISO 8601", () => {
    expect(parsePartialDate("September 15 to 13, 2015")).toHaveProperty("error");
  });

  it("rejects a season on a date more precise than a year", () => {
    expect(parsePartialDate("2018-06", { season: "summer" })).toHaveProperty("error");
  });
});

describe("formatPartialDate", () => {
  it("formats a day in English and Spanish", () => {
    expect(formatPartialDate(parsed("2013-09-12"), "en-US", en)).toBe("September 12, 2013");
    expect(formatPartialDate(parsed("2013-09-12"), "es", es)).toBe("12 de septiembre de 2013");
  });

  it("formats a month without inventing a day", () => {
    expect(formatPartialDate(parsed("2015-09"), "en-US", en)).toBe("September 2015");
    expect(formatPartialDate(parsed("2015-09"), "es", es)).toBe("septiembre de 2015");
  });

  it("formats a season and an undated item with the language's words", () => {
    expect(formatPartialDate(parsed("2018", { season: "summer" }), "es", es)).toBe("verano de 2018");
    expect(formatPartialDate(parsed("undated"), "en-US", en)).toBe("Undated");
  });

  it("marks an approximate date", () => {
    expect(formatPartialDate(parsed("2011", { approximate: true }), "en-US", en)).toBe("about 2011");
  });
});

describe("dateSortKey", () => {
  it("orders days, months, seasons and undated items", () => {
    const keys = ["undated", "2018-06-20", "2013-09-12", "2018-04"].map((t) => dateSortKey(parsed(t)));
    keys.push(dateSortKey(parsed("2018", { season: "summer" })));
    expect([...keys].sort()).toEqual([keys[2], keys[3], keys[1], keys[4], keys[0]]);
  });
});
