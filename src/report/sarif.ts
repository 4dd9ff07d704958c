/**
 * The SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers: one
 * run whose driver lists every rule of the registry with its docs page, and
 * one result per finding with its region.
 *
 * Columns are UTF-16 code units, as the JSON text index counts them, and end
 * positions are exclusive, both as SARIF defines them by default.
 */

import { createHash } from 'node:crypto';
import type { Finding, Locale, Report, Severity } from '../core/types';
import { RULES } from '../rules';
import type { RuleDefinition } from '../rules/rule';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/intellistream/leaderboard-check';
/** Docs pages are linked at the major tag, so a link keeps working for every 1.x release. */
const DOCS_BASE = `${INFORMATION_URI}/blob/v1/docs/rules`;
/** Key of the tool's fingerprint. GitHub's upload adds its own `primaryLocationLineHash` beside it. */
export const FINGERPRINT_KEY = 'leaderboardCheck/v1';
/** Base id that artifact URIs are relative to: the top of the repository. */
export const SOURCE_ROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', notice: 'note' };

const TEXT: Record<Locale, { help: string; category: string; severity: string }> = {
  en: {
    help: '{description} What the rule checks, why, its options and examples: {uri}',
    category: 'Category: {category}.',
    severity: 'Default severity: {severity}.',
  },
  'zh-CN': {
    help: '{description} 规则检查的内容、原因、选项和示例见：{uri}',
    category: '类别：{category}。',
    severity: '默认严重级别：{severity}。',
  },
};

export interface SarifOptions {
  /** The tool's version, as `--version` prints it. */
  version: string;
}

/** The parts of the SARIF object model this log uses. The SARIF 2.1.0 schema has the rest. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

export interface SarifRun {
  tool: { driver: SarifDriver };
  language: Locale;
  columnKind: 'utf16CodeUnits';
  originalUriBaseIds: Record<string, { description: { text: string } }>;
  results: SarifResult[];
  properties: { base: string; head: string };
}

export interface SarifDriver {
  name: string;
  version: string;
  semanticVersion: string;
  informationUri: string;
  rules: SarifRule[];
}

export interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
}

export interface SarifPhysicalLocation {
  artifactLocation: { uri: string; uriBaseId: string };
  region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: Array<{ physicalLocation: SarifPhysicalLocation }>;
  relatedLocations?: Array<{ id: number; physicalLocation: SarifPhysicalLocation }>;
  partialFingerprints: Record<string, string>;
  properties?: { entryId: string };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

export function ruleDocsUri(id: string, locale: Locale): string {
  return `${DOCS_BASE}/${id}${locale === 'en' ? '' : `.${locale}`}.md`;
}

function sarifRule(rule: RuleDefinition, locale: Locale): SarifRule {
  const { id, category, defaultSeverity, description } = rule.meta;
  const text = TEXT[locale];
  const uri = ruleDocsUri(id, locale);
  const summary = description[locale];
  return {
    id,
    shortDescription: { text: summary },
    fullDescription: { text: `${summary} ${fill(text.category, { category })} ${fill(text.severity, { severity: defaultSeverity })}` },
    help: {
      text: fill(text.help, { description: summary, uri }),
      markdown: fill(text.help, { description: summary, uri: `[${id}](${uri})` }),
    },
    helpUri: uri,
    defaultConfiguration: { level: LEVELS[defaultSeverity] },
    properties: { tags: ['leaderboard', category] },
  };
}

/** Encodes each path segment, so names with spaces or `#` stay valid URI references. */
export function artifactUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function physicalLocation(file: string, region: SarifPhysicalLocation['region']): SarifPhysicalLocation {
  return { artifactLocation: { uri: artifactUri(file), uriBaseId: SOURCE_ROOT }, region };
}

/**
 * Identifies a finding by what it is about, not where it sits: rule, message
 * id, file, entry and pointer. An edit above a finding then keeps its alert;
 * a change of the offending value at the same place does too, by design.
 */
export function findingFingerprint(finding: Finding): string {
  const parts = [finding.ruleId, finding.messageId, finding.file, finding.entryId ?? '', finding.pointer];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

export function toSarifLog(report: Report, options: SarifOptions): SarifLog {
  const locale = report.locale;
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.meta.id, index]));

  // Findings with the same identity, such as two problems at one pointer, get ordinals because fingerprints must differ.
  const seen = new Map<string, number>();
  const results = report.findings.map((finding): SarifResult => {
    const index = ruleIndex.get(finding.ruleId);
    if (index === undefined) throw new Error(`finding of unknown rule ${finding.ruleId}`);

    const hash = findingFingerprint(finding);
    const ordinal = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, ordinal);

    const result: SarifResult = {
      ruleId: finding.ruleId,
      ruleIndex: index,
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: physicalLocation(finding.file, {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          }),
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${ordinal}` },
    };
    if (finding.related) {
      result.relatedLocations = [{ id: 1, physicalLocation: physicalLocation(finding.related.file, { startLine: finding.related.line, startColumn: finding.related.column }) }];
    }
    if (finding.entryId !== undefined) result.properties = { entryId: finding.entryId };
    return result;
  });

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'leaderboard-check',
            version: options.version,
            semanticVersion: options.version,
            informationUri: INFORMATION_URI,
            rules: RULES.map((rule) => sarifRule(rule, locale)),
          },
        },
        language: locale,
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SOURCE_ROOT]: { description: { text: locale === 'en' ? 'The top of the repository.' : '仓库根目录。' } } },
        results,
        properties: { base: report.base, head: report.head },
      },
    ],
  };
}

export function renderSarif(report: Report, options: SarifOptions): string {
  return `${JSON.stringify(toSarifLog(report, options), null, 2)}\n`;
}
