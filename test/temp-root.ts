import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Vitest's global setup: every temporary folder a test (or Chromium, or Pagefind) makes goes
 * under one folder of this run, through TMPDIR, and the run removes it at the end.
 */
export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), "archive-tests-"));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
