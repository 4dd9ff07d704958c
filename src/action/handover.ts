/**
 * The hand-over file between the two workflows of the fork setup. The
 * unprivileged `pull_request` run (mode `check`) writes the report and the
 * pull request it belongs to. The `workflow_run` run (mode `report`) reads it
 * with a write token and posts it.
 *
 * A fork's pull request can change the workflow that writes the file, so
 * `parseHandover` treats every field as untrusted data: it checks each type,
 * size and enumerated value, rejects unknown fields, builds fresh objects
 * from the checked values only, and never evaluates anything.
 */

import type { Comparison, EntryChange, FileChange, Finding, Locale, MessageData, Report } from '../core/types';
import { LOCALES } from '../core/types';
import { measureDepth } from '../json/scanner';
import { RULES } from '../rules';
import {
  InvalidField,
  readArray,
  readEnum,
  readInteger,
  readNumber,
  readObject,
  readRecord,
  readSha,
  readString,
  showPointer,
  showValue,
  type Fields,
} from './strict-json';

export const HANDOVER_VERSION = 1;
/** The file's name, fixed so the report workflow finds it at the top of the downloaded artifact. */
export const HANDOVER_FILE_NAME = 'leaderboard-check-handover.json';
/** Largest hand-over file read. At about 600 bytes of JSON per finding (an estimate), it fits some 100,000 findings. */
export const MAX_HANDOVER_BYTES = 64 * 1024 * 1024;
/** Deepest nesting accepted. The format's own structure takes 6 levels, and data values nest at most as deep as data files may (64 by default). */
export const MAX_HANDOVER_DEPTH = 128;

const MAX_PATH = 4096;
const MAX_TEXT = 65_536;
const MAX_MESSAGE_ID = 100;
const MAX_ITEMS = 1_000_000;
const MAX_DATA_KEYS = 100;
/** Largest line or column, the range of the integers the GitHub API takes. */
const MAX_POSITION = 2_147_483_647;
const MAX_PULL_NUMBER = 2_147_483_647;
const MAX_COUNT = Number.MAX_SAFE_INTEGER;

const RULE_IDS: readonly string[] = RULES.map((rule) => rule.meta.id);
const SEVERITIES = ['error', 'warning', 'notice'] as const;

export interface HandoverPullRequest {
  number: number;
  /** The head commit the check ran on. */
  headSha: string;
  /** The base branch's tip when the check ran. */
  baseSha: string;
}

/** Lines a file's change added, which rank findings on changed lines first. */
export interface ChangedLines {
  file: string;
  lines: number[];
}

export interface Handover {
  handoverVersion: typeof HANDOVER_VERSION;
  /** `owner/name` of the repository the pull request targets. */
  repository: string;
  pullRequest: HandoverPullRequest;
  locale: Locale;
  changedLines: ChangedLines[];
  report: Report;
}

export function buildHandover(repository: string, pullRequest: HandoverPullRequest, changed: ReadonlyMap<string, ReadonlySet<number>>, report: Report): Handover {
  const changedLines = [...changed].map(([file, lines]) => ({ file, lines: [...lines].sort((a, b) => a - b) }));
  return { handoverVersion: HANDOVER_VERSION, repository, pullRequest, locale: report.locale, changedLines, report };
}

export function renderHandover(handover: Handover): string {
  return `${JSON.stringify(handover)}\n`;
}

export function changedLinesMap(handover: Handover): Map<string, Set<number>> {
  return new Map(handover.changedLines.map((entry) => [entry.file, new Set(entry.lines)]));
}

// Readers of the report's parts, in the order of the `Report` type.

function readPath(value: unknown, pointer: string): string {
  return readString(value, pointer, MAX_PATH, 1);
}

function readText(value: unknown, pointer: string): string {
  return readString(value, pointer, MAX_TEXT);
}

function readPosition(value: unknown, pointer: string): number {
  return readInteger(value, pointer, 1, MAX_POSITION);
}

function readCount(value: unknown, pointer: string): number {
  return readInteger(value, pointer, 0, MAX_COUNT);
}

/** Reads a rule id of the catalogue; renderers print rule ids inside code spans without escaping them, so no other text may pass. */
function readRuleId(value: unknown, pointer: string): string {
  const id = readString(value, pointer, MAX_MESSAGE_ID);
  if (!RULE_IDS.includes(id)) throw new InvalidField('handover.unknown-rule', { pointer: showPointer(pointer), value: showValue(id) });
  return id;
}

function readMessageData(value: unknown, pointer: string): MessageData {
  const fields = readRecord(value, pointer, MAX_DATA_KEYS);
  // A prototype-free object, so a member named `__proto__` stays a plain member.
  const data: MessageData = Object.create(null) as MessageData;
  for (const name of fields.names()) {
    readString(name, fields.at(name), MAX_MESSAGE_ID);
    const item = fields.get(name);
    // JSON writes NaN and the infinities as null, and a rule may have put one in its message data.
    if (item === null) data[name] = Number.NaN;
    else if (typeof item === 'number') data[name] = item;
    else data[name] = readText(item, fields.at(name));
  }
  return data;
}

function readFinding(value: unknown, pointer: string): Finding {
  const fields = readObject(
    value,
    pointer,
    ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'pointer', 'messageId', 'data'],
    ['entryId', 'related'],
  );
  const finding: Finding = {
    ruleId: readRuleId(fields.get('ruleId'), fields.at('ruleId')),
    severity: readEnum(fields.get('severity'), fields.at('severity'), SEVERITIES),
    message: readText(fields.get('message'), fields.at('message')),
    file: readPath(fields.get('file'), fields.at('file')),
    line: readPosition(fields.get('line'), fields.at('line')),
    column: readPosition(fields.get('column'), fields.at('column')),
    endLine: readPosition(fields.get('endLine'), fields.at('endLine')),
    endColumn: readPosition(fields.get('endColumn'), fields.at('endColumn')),
    pointer: readText(fields.get('pointer'), fields.at('pointer')),
    messageId: readString(fields.get('messageId'), fields.at('messageId'), MAX_MESSAGE_ID, 1),
    data: readMessageData(fields.get('data'), fields.at('data')),
  };
  if (fields.has('entryId')) finding.entryId = readText(fields.get('entryId'), fields.at('entryId'));
  if (fields.has('related')) {
    const related = readObject(fields.get('related'), fields.at('related'), ['file', 'line', 'column']);
    finding.related = {
      file: readPath(related.get('file'), related.at('file')),
      line: readPosition(related.get('line'), related.at('line')),
      column: readPosition(related.get('column'), related.at('column')),
    };
  }
  return finding;
}

function readFileChange(value: unknown, pointer: string): FileChange {
  const fields = readObject(value, pointer, ['status', 'path'], ['previousPath']);
  const change: FileChange = {
    status: readEnum(fields.get('status'), fields.at('status'), ['added', 'modified', 'deleted', 'renamed', 'unchanged'] as const),
    path: readPath(fields.get('path'), fields.at('path')),
  };
  if (fields.has('previousPath')) change.previousPath = readPath(fields.get('previousPath'), fields.at('previousPath'));
  return change;
}

function readFieldChange(value: unknown, pointer: string): NonNullable<EntryChange['fields']>[number] {
  // `before` or `after` is absent when the field was added or removed; the values are data of any JSON type.
  const fields = readObject(value, pointer, ['pointer'], ['before', 'after']);
  return { pointer: readText(fields.get('pointer'), fields.at('pointer')), before: fields.optional('before'), after: fields.optional('after') };
}

function readEntryChange(value: unknown, pointer: string): EntryChange {
  const fields = readObject(value, pointer, ['status', 'entryId', 'file'], ['line', 'fields']);
  const change: EntryChange = {
    status: readEnum(fields.get('status'), fields.at('status'), ['added', 'modified', 'removed', 'unchanged'] as const),
    entryId: readText(fields.get('entryId'), fields.at('entryId')),
    file: readPath(fields.get('file'), fields.at('file')),
  };
  if (fields.has('line')) change.line = readPosition(fields.get('line'), fields.at('line'));
  if (fields.has('fields')) change.fields = readArray(fields.get('fields'), fields.at('fields'), MAX_ITEMS, readFieldChange);
  return change;
}

function readComparison(value: unknown, pointer: string): Comparison {
  const fields = readObject(
    value,
    pointer,
    ['entryId', 'file', 'line', 'metric', 'baseValue', 'newValue', 'worsening', 'peers', 'severity'],
    ['scale', 'direction', 'acknowledged'],
  );
  const comparison: Comparison = {
    entryId: readText(fields.get('entryId'), fields.at('entryId')),
    file: readPath(fields.get('file'), fields.at('file')),
    line: readPosition(fields.get('line'), fields.at('line')),
    metric: readText(fields.get('metric'), fields.at('metric')),
    baseValue: readNumber(fields.get('baseValue'), fields.at('baseValue')),
    newValue: readNumber(fields.get('newValue'), fields.at('newValue')),
    worsening: readNumber(fields.get('worsening'), fields.at('worsening')),
    peers: readCount(fields.get('peers'), fields.at('peers')),
    severity: readEnum(fields.get('severity'), fields.at('severity'), ['error', 'warning', 'notice', 'ok'] as const),
  };
  if (fields.has('scale')) comparison.scale = readEnum(fields.get('scale'), fields.at('scale'), ['relative', 'points'] as const);
  if (fields.has('direction')) comparison.direction = readEnum(fields.get('direction'), fields.at('direction'), ['lower', 'higher'] as const);
  if (fields.has('acknowledged')) comparison.acknowledged = readText(fields.get('acknowledged'), fields.at('acknowledged'));
  return comparison;
}

function readOmission(value: unknown, pointer: string): Report['omitted'][number] {
  const fields = readObject(value, pointer, ['file', 'count']);
  return { file: readPath(fields.get('file'), fields.at('file')), count: readCount(fields.get('count'), fields.at('count')) };
}

function readUncompared(value: unknown, pointer: string): Report['uncompared'][number] {
  const fields = readObject(value, pointer, ['entryId', 'file', 'missing']);
  return {
    entryId: readText(fields.get('entryId'), fields.at('entryId')),
    file: readPath(fields.get('file'), fields.at('file')),
    missing: readArray(fields.get('missing'), fields.at('missing'), MAX_DATA_KEYS, readText),
  };
}

function readSummary(value: unknown, pointer: string): Report['summary'] {
  const fields = readObject(value, pointer, ['files', 'entries', 'errors', 'warnings', 'notices']);
  const entries = readObject(fields.get('entries'), fields.at('entries'), ['added', 'modified', 'removed', 'unchanged']);
  return {
    files: readCount(fields.get('files'), fields.at('files')),
    entries: {
      added: readCount(entries.get('added'), entries.at('added')),
      modified: readCount(entries.get('modified'), entries.at('modified')),
      removed: readCount(entries.get('removed'), entries.at('removed')),
      unchanged: readCount(entries.get('unchanged'), entries.at('unchanged')),
    },
    errors: readCount(fields.get('errors'), fields.at('errors')),
    warnings: readCount(fields.get('warnings'), fields.at('warnings')),
    notices: readCount(fields.get('notices'), fields.at('notices')),
  };
}

/**
 * Checks that the counts, which decide the step's result, agree with the
 * findings: each severity counts at least its listed findings, and all
 * counts together equal the listed findings plus the omitted ones.
 */
function checkCounts(report: Report, pointer: string): void {
  const listed = { error: 0, warning: 0, notice: 0 };
  for (const finding of report.findings) listed[finding.severity]++;
  const omitted = report.omitted.reduce((sum, omission) => sum + omission.count, 0);
  const { errors, warnings, notices } = report.summary;
  const agree = errors >= listed.error && warnings >= listed.warning && notices >= listed.notice && errors + warnings + notices === report.findings.length + omitted;
  if (!agree) {
    throw new InvalidField('handover.counts', { pointer: showPointer(`${pointer}/summary`), counted: errors + warnings + notices, listed: report.findings.length, omitted });
  }
}

function readReport(value: unknown, pointer: string): Report {
  const fields = readObject(value, pointer, ['reportVersion', 'base', 'head', 'locale', 'summary', 'findings', 'files', 'entries', 'comparisons', 'omitted', 'uncompared']);
  const report: Report = {
    reportVersion: readEnum(fields.get('reportVersion'), fields.at('reportVersion'), [1] as const),
    base: readSha(fields.get('base'), fields.at('base')),
    head: readSha(fields.get('head'), fields.at('head')),
    locale: readEnum(fields.get('locale'), fields.at('locale'), LOCALES),
    summary: readSummary(fields.get('summary'), fields.at('summary')),
    findings: readArray(fields.get('findings'), fields.at('findings'), MAX_ITEMS, readFinding),
    files: readArray(fields.get('files'), fields.at('files'), MAX_ITEMS, readFileChange),
    entries: readArray(fields.get('entries'), fields.at('entries'), MAX_ITEMS, readEntryChange),
    comparisons: readArray(fields.get('comparisons'), fields.at('comparisons'), MAX_ITEMS, readComparison),
    omitted: readArray(fields.get('omitted'), fields.at('omitted'), MAX_ITEMS, readOmission),
    uncompared: readArray(fields.get('uncompared'), fields.at('uncompared'), MAX_ITEMS, readUncompared),
  };
  checkCounts(report, pointer);
  return report;
}

function readChangedLines(value: unknown, pointer: string): ChangedLines {
  const fields = readObject(value, pointer, ['file', 'lines']);
  return { file: readPath(fields.get('file'), fields.at('file')), lines: readArray(fields.get('lines'), fields.at('lines'), MAX_ITEMS, readPosition) };
}

function readPullRequest(fields: Fields): HandoverPullRequest {
  const pull = readObject(fields.get('pullRequest'), fields.at('pullRequest'), ['number', 'headSha', 'baseSha']);
  return {
    number: readInteger(pull.get('number'), pull.at('number'), 1, MAX_PULL_NUMBER),
    headSha: readSha(pull.get('headSha'), pull.at('headSha')),
    baseSha: readSha(pull.get('baseSha'), pull.at('baseSha')),
  };
}

function mismatch(pointer: string, value: string, other: string, expected: string): never {
  throw new InvalidField('handover.mismatch', { pointer, value: JSON.stringify(value), other, expected: JSON.stringify(expected) });
}

/**
 * Parses and checks a hand-over file's text. Throws `InvalidField` naming the
 * first field that is not what a `check` run writes.
 */
export function parseHandover(text: string): Handover {
  if (measureDepth(text, MAX_HANDOVER_DEPTH) > MAX_HANDOVER_DEPTH) throw new InvalidField('handover.too-deep', { max: MAX_HANDOVER_DEPTH });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidField('handover.not-json', { message: error instanceof Error ? error.message.slice(0, 200) : String(error) });
  }

  const fields = readObject(value, '', ['handoverVersion', 'repository', 'pullRequest', 'locale', 'changedLines', 'report']);
  readEnum(fields.get('handoverVersion'), fields.at('handoverVersion'), [HANDOVER_VERSION] as const);
  const repository = readString(fields.get('repository'), fields.at('repository'), 200);
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new InvalidField('handover.not-repository', { pointer: '/repository' });
  const pullRequest = readPullRequest(fields);
  const locale = readEnum(fields.get('locale'), fields.at('locale'), LOCALES);
  const changedLines = readArray(fields.get('changedLines'), fields.at('changedLines'), MAX_ITEMS, readChangedLines);
  const report = readReport(fields.get('report'), fields.at('report'));

  if (report.head !== pullRequest.headSha) mismatch('/report/head', report.head, '/pullRequest/headSha', pullRequest.headSha);
  if (report.locale !== locale) mismatch('/report/locale', report.locale, '/locale', locale);

  return { handoverVersion: HANDOVER_VERSION, repository, pullRequest, locale, changedLines, report };
}

/** The context a report run reads the file in: its repository and the head commit of the workflow run that uploaded the file. */
export interface HandoverOrigin {
  repository: string;
  runHeadSha: string;
}

/**
 * Checks that the file reports on this repository and on the commit the
 * uploading run checked, so a file cannot steer the writes elsewhere.
 */
export function checkHandoverOrigin(handover: Handover, origin: HandoverOrigin): void {
  if (handover.repository !== origin.repository) throw new InvalidField('handover.other-repository', { value: JSON.stringify(handover.repository), expected: origin.repository });
  if (handover.pullRequest.headSha !== origin.runHeadSha) throw new InvalidField('handover.run-head', { value: handover.pullRequest.headSha, expected: origin.runHeadSha });
}
