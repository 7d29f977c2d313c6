// Types of example-report.mjs, for the test that keeps the README's example report what the gate renders.
export const EXAMPLE_ARGS: readonly string[];
export const START: string;
export const END: string;

export function excerpt(report: string): string;

export function placeBetween(text: string, body: string, file: string): { text: string; problem: string | undefined };

export function placeReport(report: string, files: { readme: string; page: string }): { readme: string; page: string; problems: string[] };
