/** Turns pointers into lines and columns, scanning only the entries that need it. */

import { scanJson, type ScanResult, type Span } from '../json/scanner';
import { parentPointer, splitPointer } from '../json/pointer';
import type { ParsedFile } from './model';

export interface Range {
  start: number;
  end: number;
}

/**
 * Caches one position scan per entry (or per file for a one-entry file), so a
 * file with findings in a few entries costs a scan of those entries only.
 */
export class Locator {
  private readonly scans = new Map<string, Map<string, ScanResult>>();

  constructor(private readonly files: ReadonlyMap<string, ParsedFile>) {}

  /** Returns the scan of the entry or file region that contains a pointer. */
  scanFor(file: ParsedFile, pointer: string): ScanResult {
    let byRegion = this.scans.get(file.path);
    if (!byRegion) {
      byRegion = new Map();
      this.scans.set(file.path, byRegion);
    }

    const region = this.regionOf(file, pointer);
    const cached = byRegion.get(region.key);
    if (cached) return cached;
    const scan = scanJson(file.text, { start: region.start, end: region.end, basePointer: region.basePointer, record: true });
    byRegion.set(region.key, scan);
    return scan;
  }

  /** Finds the text range of the key or value at a pointer, falling back to the nearest ancestor. */
  range(path: string, pointer: string, target: 'key' | 'value' = 'value'): Range {
    const file = this.files.get(path);
    if (!file || file.value === undefined) return { start: 0, end: 0 };

    let current: string | undefined = pointer;
    let wantKey = target === 'key';
    while (current !== undefined) {
      const span: Span | undefined = this.scanFor(file, current).spans.get(current);
      if (span) {
        if (wantKey && span.keyStart !== undefined && span.keyEnd !== undefined) return { start: span.keyStart, end: span.keyEnd };
        return { start: span.start, end: firstLineEnd(file.text, span.start, span.end) };
      }
      // A missing member is reported at the object that lacks it, by its key when it has one.
      current = parentPointer(current);
      wantKey = true;
    }
    return { start: 0, end: 0 };
  }

  private regionOf(file: ParsedFile, pointer: string): { key: string; start: number; end: number; basePointer: string } {
    const whole = { key: '', start: 0, end: file.text.length, basePointer: '' };
    if (!Array.isArray(file.value)) return whole;

    const first = splitPointer(pointer)[0];
    if (first === undefined || !/^\d+$/.test(first)) return whole;
    const index = Number(first);
    const span = file.elementSpans?.[index];
    if (!span) return whole;
    return { key: first, start: span[0], end: span[1], basePointer: `/${first}` };
  }
}

/** Ends a multi-line value's range on its first line, so an annotation marks one line. */
function firstLineEnd(text: string, start: number, end: number): number {
  const newline = text.indexOf('\n', start);
  return newline >= 0 && newline < end ? newline : end;
}
