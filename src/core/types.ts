/** Plain data shared by the engine, the rules and every output. */

export type Severity = 'error' | 'warning' | 'notice';
export type SeveritySetting = Severity | 'off';
export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 };

export type MessageData = Record<string, string | number>;

/** One problem, at one place, in a form every renderer reads. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** JSON pointer of the offending key or value within the file. */
  pointer: string;
  entryId?: string;
  messageId: string;
  data: MessageData;
  /** Another place the message refers to, such as the first use of a duplicated id. */
  related?: { file: string; line: number; column: number };
}

export type EntryStatus = 'added' | 'modified' | 'removed' | 'unchanged';

export interface EntryCounts {
  added: number;
  modified: number;
  removed: number;
  unchanged: number;
}

export interface Summary {
  files: number;
  entries: EntryCounts;
  errors: number;
  warnings: number;
  notices: number;
}

export interface FileChange {
  status: 'added' | 'modified' | 'deleted' | 'renamed' | 'unchanged';
  path: string;
  previousPath?: string;
}

/** One entry whose published values changed, as shown in the entry diff. */
export interface EntryChange {
  status: EntryStatus;
  entryId: string;
  file: string;
  line?: number;
  fields?: Array<{ pointer: string; before: unknown; after: unknown }>;
}

export interface Report {
  reportVersion: 1;
  base: string;
  head: string;
  locale: Locale;
  summary: Summary;
  findings: Finding[];
  files: FileChange[];
  entries: EntryChange[];
  /** Results the regression rules compared, for the regression table. */
  comparisons: Comparison[];
  /** Findings dropped per file beyond the configured maximum, counted so no cut is silent. */
  omitted: Array<{ file: string; count: number }>;
  /** Entries that could not be compared, with the configuration fields they lack. */
  uncompared: Array<{ entryId: string; file: string; missing: string[] }>;
}

export interface Comparison {
  entryId: string;
  file: string;
  line: number;
  metric: string;
  baseValue: number;
  newValue: number;
  /** Relative change, positive when the new value is worse. */
  worsening: number;
  /** Whether `worsening` is a share of the base value or absolute points of a fraction. */
  scale?: 'relative' | 'points';
  /** Which way is better for the metric. */
  direction?: 'lower' | 'higher';
  peers: number;
  severity: Severity | 'ok';
  acknowledged?: string;
}
