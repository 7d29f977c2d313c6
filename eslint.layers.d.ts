// Types of eslint.layers.js for test/static/layers.test.ts.
import type { Linter } from 'eslint';

export declare function layersAt(basePath: string): Linter.Config[];
export declare const layers: Linter.Config[];
