// The command line's entry point: parses, runs one command, exits with a code scripts can rely on.
import { CommanderError } from "commander";
import { CommandFailed, exitCode } from "./exit-codes.ts";
import { createProgram } from "./program.ts";

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommandFailed) process.exit(error.code);
  if (error instanceof CommanderError) {
    // --help and --version end through here too, with commander's code 0.
    process.exit(error.exitCode === 0 ? exitCode.ok : exitCode.usage);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(exitCode.failed);
}
