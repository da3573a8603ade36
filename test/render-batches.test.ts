import { describe, expect, it } from "vitest";
import { batchCount, pagesOfBatch } from "../src/render-batches.ts";

describe("rendering in batches", () => {
  it("takes one batch for a small site and more as it grows", () => {
    expect(batchCount(0, 100)).toBe(1);
    expect(batchCount(100, 100)).toBe(1);
    expect(batchCount(101, 100)).toBe(2);
  });

  it("gives every page to exactly one batch, in order", () => {
    const pages = Array.from({ length: 23 }, (_, i) => i);
    const count = batchCount(pages.length, 10);
    const batches = Array.from({ length: count }, (_, index) => pagesOfBatch(pages, { index, count }));
    expect(batches.map((b) => b.length)).toEqual([8, 8, 7]);
    expect(batches.flat()).toEqual(pages);
  });
});
