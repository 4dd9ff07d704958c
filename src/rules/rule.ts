/** The shape of a rule module, and the contexts the engine hands to rules. */

import type { Locale, MessageData, Severity } from '../core/types';
import type { Entry, ParsedFile } from '../core/model';
import type { ComparisonSettings } from '../core/compare';

export type Localized = Record<Locale, string>;
export type MessageTable = Record<Locale, Record<string, string>>;

export type RuleCategory = 'file' | 'schema' | 'entry' | 'change' | 'comparison';

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** One line, shown by `leaderboard-check rules`. */
  description: Localized;
  /** Message templates; `{name}` is replaced by the finding's data. */
  messages: MessageTable;
  /** Default options; a configuration may override any of them. */
  options?: Record<string, unknown>;
  /** JSON Schemas that configured option values must meet, beyond the default's type. */
  optionSchemas?: Record<string, Record<string, unknown>>;
}

/** A rule's report: a place given by a pointer, resolved to a line later. */
export interface RawFinding {
  ruleId: string;
  messageId: string;
  data: MessageData;
  file: string;
  /** JSON pointer within the file. */
  pointer: string;
  /** Report at the member name rather than the value. */
  target?: 'key' | 'value';
  /** An exact offset in the file text, used instead of the pointer. */
  offset?: { start: number; end: number };
  entryId?: string;
  /** Set by rules whose findings differ in severity, such as a BOM versus bytes that are not UTF-8. */
  severity?: Severity;
  related?: { file: string; pointer: string; target?: 'key' | 'value' };
}

export interface EntryReport {
  /** Pointer relative to the entry. */
  pointer: string;
  messageId: string;
  data?: MessageData;
  target?: 'key' | 'value';
  severity?: Severity;
}

export interface EntryRuleContext {
  options: Record<string, unknown>;
  now: Date;
  report(finding: EntryReport): void;
}

export interface ChangeRuleContext {
  options: Record<string, unknown>;
  report(finding: Omit<RawFinding, 'ruleId'>): void;
}

export interface ChangeSet {
  baseFiles: ReadonlyMap<string, ParsedFile>;
  headFiles: ReadonlyMap<string, ParsedFile>;
  /** Entries of head that are new or changed, the ones entry rules check. */
  checked: readonly Entry[];
  baseEntries: readonly Entry[];
  headEntries: readonly Entry[];
  /** Base entries whose identity no longer exists at head. */
  removed: readonly Entry[];
  /** Pairs of a changed entry at head and its version at base. */
  modified: ReadonlyArray<{ base: Entry; head: Entry }>;
  /** Paths of non-data files the change touched, such as the schema and the configuration. */
  touchedPaths: readonly string[];
  /** Paths of the schema and of the configuration candidates, whether or not they exist at base. */
  schemaPaths: readonly string[];
  configPaths: readonly string[];
  labels: readonly string[];
  /** Key fields, acknowledgements and the collector of the comparison rules; the defaults when absent. */
  comparison?: ComparisonSettings;
}

export interface RuleDefinition {
  meta: RuleMeta;
  checkEntry?(entry: Entry, context: EntryRuleContext): void;
  checkChange?(change: ChangeSet, context: ChangeRuleContext): void;
}
