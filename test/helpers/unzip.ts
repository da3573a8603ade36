import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";

/** Unpacks a zip into `dir` with yauzl (Debian's unzip may be missing); returns the file names. */
export async function unzipInto(zipFile: string, dir: string): Promise<string[]> {
  const zip = await yauzl.openPromise(zipFile);
  const names: string[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      // Directory entries end with "/" and are optional; files create their own parents.
      if (entry.fileName.endsWith("/")) continue;
      const target = path.join(dir, entry.fileName);
      mkdirSync(path.dirname(target), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target));
      names.push(entry.fileName);
    }
  } finally {
    zip.close();
  }
  return names;
}
