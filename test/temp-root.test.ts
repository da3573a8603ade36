import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("temporary folders of a test run", () => {
  it("all sit under the run's own folder, which the run removes when it ends", () => {
    expect(path.basename(tmpdir())).toMatch(/^archive-tests-/);
  });
});
