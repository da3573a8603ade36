import { describe, expect, it } from "vitest";
import { runScript } from "../helpers/run-script.ts";
import { writeFixture } from "../helpers/fixture.ts";

const commands = ["init", "check", "build", "new", "dev", "serve", "bundle", "urls", "schema"];

describe("the campaign-archive command", () => {
  it("lists every command in its help", async () => {
    const run = await runScript("--help", []);
    expect(run.code).toBe(0);
    for (const command of commands) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
  });

  it.each(commands)("explains %s with --help and exits 0", async (command) => {
    const run = await runScript(command, ["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: campaign-archive ${command}`);
  });

  it("exits 2 on an unknown command or option, and 1 on content problems", async () => {
    expect((await runScript("publish", [])).code).toBe(2);
    const unknownOption = await runScript("check", ["--colour"]);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("unknown option '--colour'");
    const broken = writeFixture();
    const missing = await runScript("check", ["--content", `${broken}/no-such-folder`]);
    expect(missing.code).toBe(1);
  });

  it("exits 2 when new is given no type, listing each type's flags", async () => {
    const run = await runScript("new", ["--content", writeFixture()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ {2}event: --title --date --campaign/m);
  });
});
