/** The configuration that makes two results comparable, and a stable text form of it. */

import type { Entry } from './model';
import { field } from '../rules/fields';

/** Fields that two entries must share to be compared; a configuration may replace the list. */
export const DEFAULT_KEY_FIELDS: readonly string[] = [
  'config_type',
  'hardware.vendor',
  'hardware.chip_model',
  'hardware.chip_count',
  'model.name',
  'model.precision',
  'model.quantization',
  'workload.input_length',
  'workload.output_length',
  'workload.batch_size',
  'workload.concurrent_requests',
  'workload.dataset',
];

/** Fields without which no comparison is meaningful. */
export const REQUIRED_KEY_FIELDS: readonly string[] = [
  'config_type',
  'hardware.chip_model',
  'hardware.chip_count',
  'model.name',
  'model.precision',
  'workload.input_length',
  'workload.output_length',
];

export interface ConfigurationKey {
  /** Text form, equal for comparable entries; undefined when required fields are missing. */
  key?: string;
  missing: string[];
}

/**
 * Builds the comparison key of an entry. Optional fields that are absent
 * count as null, so "not given" matches "not given" but nothing else.
 */
export function configurationKey(entry: Entry, fields: readonly string[] = DEFAULT_KEY_FIELDS, required: readonly string[] = REQUIRED_KEY_FIELDS): ConfigurationKey {
  const missing = required.filter((name) => {
    const value = field(entry.value, name);
    return value === undefined || value === null || value === '';
  });
  if (missing.length > 0) return { missing };
  const values = fields.map((name) => field(entry.value, name) ?? null);
  return { key: JSON.stringify(values), missing };
}

/** Stable text of a value with object keys sorted, so key order does not matter. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}
