/** Turning raw findings into located, localized findings with their final severity. */

import type { Config, Override, RuleSetting } from '../config/config';
import { renderMessage } from '../i18n/messages';
import { findRule } from '../rules';
import type { RawFinding } from '../rules/rule';
import type { Finding, Locale, Severity, SeveritySetting } from './types';
import type { Locator } from './locate';
import type { ParsedFile } from './model';
import { createFilter, type PathFilter } from './select';

/** Compiled globs of each override, so settings looked up once per finding do not compile them again. */
const overrideFilters = new WeakMap<Override, PathFilter>();

function overrideFilter(override: Override): PathFilter {
  let filter = overrideFilters.get(override);
  if (!filter) {
    filter = createFilter(override.files, []);
    overrideFilters.set(override, filter);
  }
  return filter;
}

/** Settings of one rule for one file: the base setting with matching overrides applied in order. */
export function ruleSetting(config: Config, ruleId: string, file: string): RuleSetting {
  const base = config.rules.get(ruleId);
  let setting: RuleSetting = { severity: base?.severity, options: { ...findRule(ruleId)?.meta.options, ...base?.options } };
  for (const override of config.overrides) {
    const own = override.rules.get(ruleId);
    if (!own || !overrideFilter(override)(file)) continue;
    setting = { severity: own.severity ?? setting.severity, options: { ...setting.options, ...own.options } };
  }
  return setting;
}

/**
 * The severity a finding ends with: the configured one when set, else the
 * one the rule chose for this finding, else the rule's default.
 */
export function finalSeverity(configured: SeveritySetting | undefined, chosen: Severity | undefined, fallback: Severity): SeveritySetting {
  return configured ?? chosen ?? fallback;
}

export interface ResolveContext {
  config: Config;
  locale: Locale;
  now: Date;
  files: ReadonlyMap<string, ParsedFile>;
  locator: Locator;
}

function isSuppressed(config: Config, raw: RawFinding, now: Date): boolean {
  if (raw.entryId === undefined) return false;
  return config.suppressions.some((suppression) => {
    if (suppression.rule !== raw.ruleId || suppression.entry !== raw.entryId) return false;
    if (suppression.expires === undefined) return true;
    // The expiry day itself is still covered.
    return now.getTime() < Date.parse(`${suppression.expires}T00:00:00Z`) + 86_400_000;
  });
}

export function resolveFinding(raw: RawFinding, context: ResolveContext): Finding | undefined {
  const rule = findRule(raw.ruleId);
  if (!rule) throw new Error(`unknown rule id ${raw.ruleId}`);
  const severity = finalSeverity(ruleSetting(context.config, raw.ruleId, raw.file).severity, raw.severity, rule.meta.defaultSeverity);
  if (severity === 'off' || isSuppressed(context.config, raw, context.now)) return undefined;

  const file = context.files.get(raw.file);
  const range = raw.offset ?? context.locator.range(raw.file, raw.pointer, raw.target);
  const lines = file?.lines;
  const start = lines ? lines.position(range.start) : { line: 1, column: 1 };
  const end = lines ? lines.position(Math.max(range.end, range.start)) : start;

  const data = { ...raw.data };
  let related: Finding['related'];
  if (raw.related) {
    const relatedFile = context.files.get(raw.related.file);
    const relatedRange = context.locator.range(raw.related.file, raw.related.pointer, raw.related.target);
    const position = relatedFile ? relatedFile.lines.position(relatedRange.start) : { line: 1, column: 1 };
    related = { file: raw.related.file, ...position };
    data.relatedLine = position.line;
  }

  const finding: Finding = {
    ruleId: raw.ruleId,
    severity,
    message: renderMessage(rule.meta, raw.messageId, data, context.locale),
    file: raw.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    pointer: raw.pointer,
    messageId: raw.messageId,
    data,
  };
  if (raw.entryId !== undefined) finding.entryId = raw.entryId;
  if (related) finding.related = related;
  return finding;
}
