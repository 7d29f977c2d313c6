// Types of check-release.mjs, for its test.
export declare function releaseProblems(tag: string, io?: { read?: (file: string) => string; exists?: (file: string) => boolean; git?: (...args: string[]) => string }): string[];
