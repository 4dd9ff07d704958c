/** Reading one data file: encoding, strict JSON syntax, shape, and its entries. */

import { decodeText } from '../json/text';
import { LineIndex } from '../json/text';
import { scanJson, scanStructure } from '../json/scanner';
import type { RawFinding } from '../rules/rule';
import type { Entry, JsonObject, ParsedFile } from './model';

export interface ParseOptions {
  /** Files larger than this many bytes are reported and not parsed. */
  maxFileBytes: number;
  /** Nesting deeper than this is reported and the file is not checked further. */
  maxDepth: number;
  /** Top-level fields of an entry. A file whose objects have none of them contains no entries. */
  entryFields?: readonly string[];
}

export const DEFAULT_PARSE_OPTIONS: ParseOptions = { maxFileBytes: 50 * 1024 * 1024, maxDepth: 64 };

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function parseDataFile(path: string, bytes: Uint8Array, options: ParseOptions = DEFAULT_PARSE_OPTIONS): ParsedFile {
  const findings: RawFinding[] = [];
  const empty = (text: string): ParsedFile => ({
    path,
    text,
    lines: new LineIndex(text),
    size: bytes.length,
    value: undefined,
    entries: [],
    findings,
  });

  if (bytes.length > options.maxFileBytes) {
    findings.push({
      ruleId: 'file-too-large',
      messageId: 'too-large',
      data: { size: bytes.length, limit: options.maxFileBytes },
      file: path,
      pointer: '',
      offset: { start: 0, end: 0 },
    });
    return empty('');
  }

  const decoded = decodeText(bytes);
  const text = decoded.text;
  if (decoded.binary) {
    const nul = Math.max(0, text.indexOf('\u0000'));
    findings.push({ ruleId: 'file-encoding', messageId: 'binary', data: {}, file: path, pointer: '', offset: { start: nul, end: nul + 1 }, severity: 'error' });
    return empty(text);
  }
  if (decoded.bom) {
    findings.push({ ruleId: 'file-encoding', messageId: 'bom', data: {}, file: path, pointer: '', offset: { start: 0, end: 0 }, severity: 'warning' });
  }
  if (decoded.invalidUtf8At !== undefined) {
    const at = decoded.invalidUtf8At;
    findings.push({ ruleId: 'file-encoding', messageId: 'invalid-utf8', data: {}, file: path, pointer: '', offset: { start: at, end: at + 1 }, severity: 'error' });
  }

  // JSON.parse is iterative in V8 and the fastest check of strict syntax; the
  // scanner runs only on failure, to say where and why.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    findings.push(syntaxFinding(path, text));
    return empty(text);
  }

  // Validation, fingerprints and comparison recurse, so depth is bounded first.
  const structure = scanStructure(text, options.maxDepth);
  const tooDeep = structure.tooDeepAt;
  if (tooDeep >= 0) {
    findings.push({ ruleId: 'file-shape', messageId: 'too-deep', data: { limit: options.maxDepth }, file: path, pointer: '', offset: { start: tooDeep, end: tooDeep + 1 } });
    return empty(text);
  }

  const parsed: ParsedFile = { ...empty(text), value };
  if (Array.isArray(value)) parsed.elementSpans = structure.elements ?? [];
  parsed.entries = collectEntries(path, text, value, parsed.elementSpans, findings, options.entryFields);
  return parsed;
}

/**
 * Whether a file holds something other than entries, such as a timestamp or
 * release metadata stored beside the data: none of its objects has any field
 * of an entry.
 */
function holdsNoEntries(value: unknown, entryFields: readonly string[] | undefined): boolean {
  if (!entryFields || entryFields.length === 0) return false;
  const objects = Array.isArray(value) ? value : [value];
  if (objects.length === 0) return false;
  const hasEntryField = (item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item) && entryFields.some((name) => Object.prototype.hasOwnProperty.call(item, name));
  return objects.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item) && !hasEntryField(item));
}

function collectEntries(path: string, text: string, value: unknown, spans: Array<[number, number]> | undefined, findings: RawFinding[], entryFields?: readonly string[]): Entry[] {
  if (holdsNoEntries(value, entryFields)) {
    const keys = Object.keys(Array.isArray(value) ? value[0] : (value as object)).slice(0, 3).map((key) => JSON.stringify(key));
    findings.push({ ruleId: 'file-shape', messageId: 'no-entries', data: { keys: keys.join(', ') }, file: path, pointer: '', offset: { start: 0, end: 0 }, severity: 'notice' });
    return [];
  }

  const entryOf = (item: JsonObject, index: number, span?: [number, number]): Entry => {
    const id = typeof item.entry_id === 'string' ? item.entry_id : undefined;
    const pointer = index < 0 ? '' : `/${index}`;
    let fingerprint: string | undefined;
    return {
      file: path,
      index,
      pointer,
      value: item,
      id,
      key: id !== undefined ? `id:${id}` : `at:${path}#${index}`,
      span,
      // A slice shares the file text, and an unchanged entry then needs no fingerprint at all.
      source: span ? text.slice(span[0], span[1]) : undefined,
      get fingerprint() {
        fingerprint ??= JSON.stringify(item);
        return fingerprint;
      },
    };
  };

  if (Array.isArray(value)) {
    const entries: Entry[] = [];
    value.forEach((item: unknown, index) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        findings.push({ ruleId: 'file-shape', messageId: 'element-not-object', data: { index, type: describeType(item) }, file: path, pointer: `/${index}` });
        return;
      }
      entries.push(entryOf(item as JsonObject, index, spans?.[index]));
    });
    return entries;
  }
  if (value !== null && typeof value === 'object') {
    return [entryOf(value as JsonObject, -1, [0, text.length])];
  }
  findings.push({ ruleId: 'file-shape', messageId: 'not-entries', data: { type: describeType(value) }, file: path, pointer: '' });
  return [];
}

function syntaxFinding(path: string, text: string): RawFinding {
  const scan = scanJson(text, { record: false, whole: true });
  // NOTE: the scanner and JSON.parse accept the same grammar, so a failure of
  // one without the other would be a scanner bug; it is reported at 1:1.
  const issue = scan.syntax ?? { problem: 'unexpected-token' as const, offset: 0, found: text.slice(0, 1), expected: 'value' as const };
  return {
    ruleId: 'json-syntax',
    messageId: issue.problem,
    data: { found: issue.found, expected: `msg:expected-${issue.expected}` },
    file: path,
    pointer: '',
    offset: { start: issue.offset, end: issue.offset + Math.max(1, issue.found.length) },
  };
}
