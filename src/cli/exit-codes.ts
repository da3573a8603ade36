/** Exit codes scripts can rely on (docs/cli.md). */
export const exitCode = {
  ok: 0,
  /** The content has problems, or the build, bundle or server failed. */
  failed: 1,
  /** The command line is wrong: an unknown command or option, a missing argument. */
  usage: 2,
} as const;

/** Thrown by a command that has printed its own message; main exits with `code`. */
export class CommandFailed extends Error {
  constructor(readonly code: number = exitCode.failed) {
    super(`exit ${code}`);
    this.name = "CommandFailed";
  }
}
