// Types of pin-release.mjs and check-release.mjs, for their tests.
export declare const REUSABLE_WORKFLOWS: string[];
export declare function pinWorkflow(text: string, sha: string, version: string): string;
