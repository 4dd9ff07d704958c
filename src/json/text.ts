/** Turning file bytes into text, and text offsets into lines and columns. */

import { isUtf8 } from 'node:buffer';

export interface DecodedText {
  text: string;
  /** The file started with a UTF-8 byte-order mark, which is not part of `text`. */
  bom: boolean;
  /** Offset in `text` of the first byte sequence that is not UTF-8. */
  invalidUtf8At?: number;
  /** Git's test for binary content: a NUL byte among the first 8,000 bytes. */
  binary: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeText(bytes: Uint8Array): DecodedText {
  const binary = bytes.subarray(0, 8000).includes(0);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const text = utf8.decode(body);

  // The native check is cheap, so the scan in JS runs only to find where the first bad byte is.
  const invalid = isUtf8(body) ? undefined : findInvalidUtf8(body);
  const decoded: DecodedText = { text, bom, binary };
  if (invalid !== undefined) decoded.invalidUtf8At = utf8.decode(body.subarray(0, invalid)).length;
  return decoded;
}

/** Returns the byte offset of the first malformed UTF-8 sequence, if any. */
export function findInvalidUtf8(bytes: Uint8Array): number | undefined {
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const byte = bytes[i];
    if (byte < 0x80) {
      i++;
      continue;
    }
    let needed: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) {
      needed = 1;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      needed = 2;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      needed = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + needed >= length) return i;
    let codePoint = byte & (0x3f >> needed);
    for (let k = 1; k <= needed; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (codePoint < min || (codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) return i;
    i += needed + 1;
  }
  return undefined;
}

export interface Position {
  line: number;
  column: number;
}

/**
 * Maps offsets to 1-based lines and columns. Only LF ends a line, as in git,
 * so CRLF files number their lines as git diff does and a lone CR does not
 * start a line. Columns count UTF-16 code units, as editors do.
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  get lineCount(): number {
    return this.lineStarts().length;
  }

  position(offset: number): Position {
    const starts = this.lineStarts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - starts[low] + 1 };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    const starts = this.lineStarts();
    return starts[Math.max(0, Math.min(line - 1, starts.length - 1))];
  }

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    let index = this.text.indexOf('\n');
    while (index >= 0) {
      starts.push(index + 1);
      index = this.text.indexOf('\n', index + 1);
    }
    this.starts = starts;
    return starts;
  }
}
