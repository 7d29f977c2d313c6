export interface CliCommand {
  /** Returns the process exit code; throws UserError for bad input. */
  run(args: readonly string[]): Promise<number>;
}

/** A command as the CLI lists it: its module is loaded only when it runs, so `freeze` starts the pipeline fast. */
export interface CliCommandEntry {
  summary: string;
  load(): Promise<CliCommand>;
}
