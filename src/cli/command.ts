export interface CliCommand {
  summary: string;
  /** Returns the process exit code; throws UserError for bad input. */
  run(args: readonly string[]): Promise<number>;
}
