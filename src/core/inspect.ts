/** The position scan of new and changed entries: duplicate keys and numbers JSON.parse cannot keep. */

import type { RawFinding } from '../rules/rule';
import type { Locator } from './locate';
import type { Entry, ParsedFile } from './model';

export function inspectEntry(file: ParsedFile, entry: Entry, locator: Locator): RawFinding[] {
  // The scan is cached, so the findings of this entry later resolve without scanning again.
  const scan = locator.scanFor(file, entry.pointer === '' ? '' : `${entry.pointer}/`);
  const findings: RawFinding[] = [];

  for (const duplicate of scan.duplicateKeys) {
    findings.push({
      ruleId: 'duplicate-key',
      messageId: duplicate.normalization ? 'normalization' : 'duplicate',
      data: { key: duplicate.key, firstLine: file.lines.position(duplicate.firstKeyStart).line },
      file: file.path,
      pointer: duplicate.pointer,
      offset: { start: duplicate.keyStart, end: duplicate.keyEnd },
      entryId: entry.id,
    });
  }

  if (scan.numbers.length > 0) entry.inexact = true;
  for (const number of scan.numbers) {
    findings.push({
      ruleId: 'json-syntax',
      messageId: number.problem === 'overflow' ? 'number-overflow' : 'unsafe-integer',
      data: { raw: number.raw, rounded: String(Number(number.raw)) },
      file: file.path,
      pointer: number.pointer,
      offset: { start: number.start, end: number.end },
      entryId: entry.id,
    });
  }
  return findings;
}
