/** Reading fields of an entry safely: own properties only, never the prototype. */

import type { Json, JsonObject } from '../core/model';

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Split forms of the dotted paths rules read, because rules read the same few paths for every entry. */
const splitPaths = new Map<string, string[]>();

function splitPath(path: string): string[] {
  let names = splitPaths.get(path);
  if (!names) {
    names = path.split('.');
    // Paths come from rule code and configuration, so the cache stays small; a bound keeps it so.
    if (splitPaths.size < 1000) splitPaths.set(path, names);
  }
  return names;
}

/** Reads a dotted path such as `hardware.chip_count`. */
export function field(entry: unknown, path: string): Json | undefined {
  let current: unknown = entry;
  for (const name of splitPath(path)) {
    if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, name)) return undefined;
    current = current[name];
  }
  return current as Json;
}

/** Turns a dotted path into a JSON pointer relative to the entry. */
export function pointerOf(path: string): string {
  return `/${path.split('.').join('/')}`;
}

export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A field counts as given when it is neither missing, null nor an empty string. */
export function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** The hardware interconnect, under the data model's name or the shorter one some repositories use. */
export function interconnectPath(entry: unknown): string {
  return field(entry, 'hardware.intra_node_interconnect') === undefined && field(entry, 'hardware.interconnect') !== undefined
    ? 'hardware.interconnect'
    : 'hardware.intra_node_interconnect';
}
