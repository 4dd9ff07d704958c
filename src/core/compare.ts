/**
 * Comparing a result with the published results of the same configuration:
 * which entries are comparable, their robust centre and spread, and how far
 * a value moved in the direction that matters for its metric.
 */

import type { Acknowledgement } from '../config/config';
import { configurationKey, DEFAULT_KEY_FIELDS, REQUIRED_KEY_FIELDS } from './configuration-key';
import type { Entry } from './model';
import type { Comparison, Severity } from './types';
import { field, isNumber, isObject } from '../rules/fields';

export type Direction = 'lower' | 'higher';

/**
 * How a change is measured: relative to the reference, or in absolute
 * points for fractions in [0, 1], where a relative change near zero is
 * mostly noise (an error rate going from 0.01 to 0.02 is "+100%").
 */
export type Scale = 'relative' | 'points';

export interface MetricKind {
  direction: Direction;
  scale: Scale;
  /** Compared by metric-regression without being named in its thresholds. */
  regression: boolean;
}

/** Directions of the data model's metrics. */
export const METRICS: Readonly<Record<string, MetricKind>> = {
  ttft_ms: { direction: 'lower', scale: 'relative', regression: true },
  tbt_ms: { direction: 'lower', scale: 'relative', regression: true },
  tpot_ms: { direction: 'lower', scale: 'relative', regression: true },
  throughput_tps: { direction: 'higher', scale: 'relative', regression: true },
  peak_mem_mb: { direction: 'lower', scale: 'relative', regression: true },
  error_rate: { direction: 'lower', scale: 'points', regression: true },
  prefix_hit_rate: { direction: 'higher', scale: 'points', regression: true },
  spec_accept_rate: { direction: 'higher', scale: 'points', regression: true },
  // Evictions follow cache pressure more than the build under test, and small
  // counts swing by whole multiples; they are compared only when configured.
  evict_count: { direction: 'lower', scale: 'relative', regression: false },
  evict_ms: { direction: 'lower', scale: 'relative', regression: false },
};

/**
 * The kind of a metric: from the table, else from its unit suffix (`_ms`
 * latencies, `_tps` and `_rps` throughputs), else unknown. Repositories add
 * metrics such as `p95_itl_ms` or `output_throughput_tps`.
 */
export function metricKind(name: string, extra: Readonly<Record<string, unknown>> = {}): MetricKind | undefined {
  const configured = extra[name];
  if (configured === 'lower' || configured === 'higher') {
    const known = METRICS[name];
    return { direction: configured, scale: known?.scale ?? 'relative', regression: true };
  }
  if (Object.prototype.hasOwnProperty.call(METRICS, name)) return METRICS[name];
  if (/_ms$/.test(name)) return { direction: 'lower', scale: 'relative', regression: true };
  if (/_(tps|rps)$/.test(name)) return { direction: 'higher', scale: 'relative', regression: true };
  return undefined;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median absolute deviation from the median. */
export function mad(values: readonly number[], centre = median(values)): number {
  return median(values.map((value) => Math.abs(value - centre)));
}

/** 0.6745 is the 0.75 quantile of the standard normal, so the score reads like a z-score for normal data. */
const MAD_TO_Z = 0.6745;

/**
 * Modified z-score of Iglewicz and Hoaglin: 0.6745 (x − median) / MAD. The
 * MAD is raised to `minSpread` times the median, because peers that agree to
 * the last digit would otherwise make any difference infinitely unlikely.
 * NaN when the median and the MAD are both 0: there is no scale to judge by.
 */
export function robustZ(value: number, centre: number, spread: number, minSpread: number): number {
  const scale = Math.max(spread, Math.abs(centre) * minSpread);
  if (scale === 0) return Number.NaN;
  return (MAD_TO_Z * (value - centre)) / scale;
}

/**
 * How much worse `value` is than `reference`: positive when worse, negative
 * when better. Relative changes divide by the reference; points subtract.
 * Undefined when a relative change has a zero reference.
 */
export function worsening(value: number, reference: number, kind: MetricKind): number | undefined {
  const delta = kind.direction === 'lower' ? value - reference : reference - value;
  if (kind.scale === 'points') return delta;
  if (reference === 0) return undefined;
  return delta / Math.abs(reference);
}

export interface Thresholds {
  warning: number;
  error: number;
  /** Improvement beyond which a result is too good to pass without a second look. */
  improvement: number;
}

export interface UnitHint {
  /** Message id of the hint in the rule's table. */
  id: string;
  factor: number;
}

function near(ratio: number, factor: number): boolean {
  // Within a factor of two of the slip: 500 to 2000 for 1000, 50 to 200 for 100.
  return ratio >= factor / 2 && ratio <= factor * 2;
}

/**
 * Names the likely unit slip when a value is about 1000 or 100 times its
 * reference: seconds for milliseconds, percent for a fraction, GB for MB.
 */
export function unitHint(metric: string, value: number, reference: number): UnitHint | undefined {
  if (value === 0 || reference === 0 || Math.sign(value) !== Math.sign(reference)) return undefined;
  const ratio = value / reference;
  const larger = ratio >= 1;
  const size = larger ? ratio : 1 / ratio;
  if (near(size, 1000)) {
    if (/_ms$/.test(metric)) return { id: larger ? 'hint-microseconds' : 'hint-seconds', factor: 1000 };
    if (/_mb$/.test(metric)) return { id: larger ? 'hint-kilobytes' : 'hint-gigabytes', factor: 1000 };
    return { id: larger ? 'hint-larger' : 'hint-smaller', factor: 1000 };
  }
  if (near(size, 100)) {
    if (/_rate$/.test(metric) && larger) return { id: 'hint-percent', factor: 100 };
    return { id: larger ? 'hint-larger' : 'hint-smaller', factor: 100 };
  }
  return undefined;
}

/** A number for reading: four significant digits, grouped thousands, no float noise. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  const digits = Math.max(0, 3 - Math.floor(Math.log10(magnitude)));
  return String(Number(value.toFixed(Math.min(digits, 12))));
}

/** A change for reading: `+30.0%` or `+6.0 pp`, with its sign. */
export function formatChange(change: number, scale: Scale): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const magnitude = Math.abs(change) * 100;
  return scale === 'points' ? `${sign}${magnitude.toFixed(1)} pp` : `${sign}${magnitude.toFixed(1)}%`;
}

/** What the comparison rules need beyond the change itself; filled by the engine from the configuration. */
export interface ComparisonSettings {
  /** Fields two entries must share; `configuration-key.ts` has the default. */
  keyFields: readonly string[];
  acknowledgements: readonly Acknowledgement[];
  /** A pull request label that acknowledges every regression. */
  acknowledgeLabel?: string;
  /** Receives what the rules compared and what they could not, for the report. */
  collector?: ComparisonCollector;
}

export function defaultComparisonSettings(): ComparisonSettings {
  return { keyFields: DEFAULT_KEY_FIELDS, acknowledgements: [] };
}

/** Required fields are those of the default list that the key still uses. */
export function requiredKeyFields(keyFields: readonly string[]): string[] {
  return REQUIRED_KEY_FIELDS.filter((name) => keyFields.includes(name));
}

export interface Peers {
  /** Comparable base entries, or undefined when the entry's key is incomplete. */
  entries?: Entry[];
  missing: string[];
}

/**
 * Groups base entries by configuration key once per change, so finding the
 * comparables of each checked entry is one lookup.
 */
export class PeerIndex {
  private readonly byKey = new Map<string, Entry[]>();
  private readonly required: string[];

  constructor(
    baseEntries: readonly Entry[],
    private readonly keyFields: readonly string[],
  ) {
    this.required = requiredKeyFields(keyFields);
    for (const entry of baseEntries) {
      const { key } = configurationKey(entry, keyFields, this.required);
      if (key === undefined) continue;
      const list = this.byKey.get(key);
      if (list) list.push(entry);
      else this.byKey.set(key, [entry]);
    }
  }

  peersOf(entry: Entry): Peers {
    const { key, missing } = configurationKey(entry, this.keyFields, this.required);
    if (key === undefined) return { missing };
    // A changed entry is not its own peer: entry-modified reports how it moved from its published version.
    const peers = (this.byKey.get(key) ?? []).filter((peer) => peer.key !== entry.key || entry.id === undefined);
    return { entries: peers, missing };
  }
}

/** The numeric values of one metric among entries; null and absent mean "not measured". */
export function metricValues(entries: readonly Entry[], metric: string): number[] {
  const values: number[] = [];
  for (const entry of entries) {
    const value = field(entry.value, `metrics.${metric}`);
    if (isNumber(value)) values.push(value);
  }
  return values;
}

/** Names of the numeric metrics of an entry, in the order written. */
export function numericMetrics(entry: Entry): string[] {
  const metrics = field(entry.value, 'metrics');
  if (!isObject(metrics)) return [];
  return Object.keys(metrics).filter((name) => isNumber(metrics[name]));
}

/** The acknowledgement of a regression, from the configuration or a label, or undefined. */
export function findAcknowledgement(settings: ComparisonSettings, labels: readonly string[], entryId: string | undefined, metric: string): string | undefined {
  const configured = settings.acknowledgements.find((item) => item.entry === entryId && (item.metric === undefined || item.metric === metric));
  if (configured) return configured.reason;
  if (settings.acknowledgeLabel !== undefined && labels.includes(settings.acknowledgeLabel)) return `label "${settings.acknowledgeLabel}"`;
  return undefined;
}

export interface ComparisonRecord extends Omit<Comparison, 'line'> {
  /** Pointer of the compared value in its file, resolved to a line by the engine. */
  pointer: string;
}

/**
 * Collects what the comparison rules compared, and the checked entries they
 * could not compare, once each however many rules ask.
 */
export class ComparisonCollector {
  readonly records: ComparisonRecord[] = [];
  private readonly uncompared = new Map<string, { entryId: string; file: string; missing: string[] }>();

  record(record: ComparisonRecord): void {
    const index = this.records.findIndex((item) => item.file === record.file && item.pointer === record.pointer);
    if (index < 0) this.records.push(record);
  }

  uncomparable(entry: Entry, missing: readonly string[]): void {
    // By place, not id: an id used twice is two entries, each listed.
    const key = `${entry.file}\u0000${entry.pointer}`;
    if (!this.uncompared.has(key)) this.uncompared.set(key, { entryId: entry.id ?? entry.key, file: entry.file, missing: [...missing] });
  }

  uncomparedEntries(): Array<{ entryId: string; file: string; missing: string[] }> {
    return [...this.uncompared.values()];
  }

  /** Comparisons with their lines, most severe first, then largest worsening. */
  comparisons(line: (file: string, pointer: string) => number): Comparison[] {
    const rank: Record<Severity | 'ok', number> = { error: 3, warning: 2, notice: 1, ok: 0 };
    return this.records
      .map(({ pointer, ...rest }) => ({ ...rest, line: line(rest.file, pointer) }))
      .sort((a, b) => rank[b.severity] - rank[a.severity] || Math.abs(b.worsening) - Math.abs(a.worsening) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  }
}
