import { describe, expect, it } from "vitest";
import { lazyFile } from "../src/outputs/published-files.ts";

describe("lazyFile", () => {
  it("makes its content only when read, and only once", () => {
    let made = 0;
    const file = lazyFile("en/data/events.csv", () => `made ${++made}`);
    expect(file.path).toBe("en/data/events.csv");
    expect(made).toBe(0);
    expect(file.content).toBe("made 1");
    expect(file.content).toBe("made 1");
    expect(made).toBe(1);
  });
});
