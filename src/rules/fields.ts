/** Reading fields of an entry safely: own properties only, never the prototype. */

import type { Json, JsonObject } from '../core/model';

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads a dotted path such as `hardware.chip_count`. */
export function field(entry: unknown, path: string): Json | undefined {
  let current: unknown = entry;
  for (const name of path.split('.')) {
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
