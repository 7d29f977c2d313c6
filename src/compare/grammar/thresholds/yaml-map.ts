/** Reading a YAML map of the block entry by entry, each key with its line (shared by thresholds and hypotheses). */
import { isAlias, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Field } from './draft.js';

/** The text of a scalar key or value as written; undefined for anything else (null, booleans, maps, aliases). */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'boolean') return undefined;
  return typeof node.source === 'string' ? node.source : typeof node.value === 'string' ? node.value : undefined;
}

export type FieldOf = (node: Node | null | undefined, raw: unknown, fallback: Field) => Field;
export type Report = (field: Pick<Field, 'line' | 'text'>, expected: string) => void;

/** Map entries with a text key; a repeated key is reported with the line of its first use. */
export function uniquePairs(map: YAMLMap, fieldOf: FieldOf, fallback: Field, report: Report, what: 'key' | 'metric') {
  const seen = new Map<string, number>();
  const pairs: Array<{ pair: Pair; name: string; key: Field }> = [];
  for (const pair of map.items) {
    const keyNode = pair.key as Node | null;
    const name = scalarText(keyNode);
    const key = fieldOf(keyNode, name, fallback);
    if (name === undefined) {
      const plain = what === 'metric' ? 'a metric path as the key, e.g. `profile.totals.wall_time_s`' : 'a plain text key';
      report(key, isAlias(keyNode) ? 'a metric path, not a YAML alias (a path cannot start with `*`)' : plain);
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      const hint = what === 'metric' ? '; for several rules on one metric write a list: `metric: ["<= -20%", "<= 60s"]`' : '';
      report(key, `\`${name}\` only once (first at line ${first})${hint}`);
      continue;
    }
    seen.set(name, key.line);
    pairs.push({ pair, name, key });
  }
  return pairs;
}
