/**
 * A strict JSON scanner that accepts exactly what `JSON.parse` accepts and
 * records where every value and key sits in the text. It is iterative, so a
 * deeply nested document cannot overflow the call stack.
 */

import { escapePointerToken } from './pointer';

/** Offsets of one value in the text, and of its key when it is an object member. */
export interface Span {
  start: number;
  end: number;
  keyStart?: number;
  keyEnd?: number;
}

export type SyntaxProblem =
  | 'unexpected-end'
  | 'unexpected-token'
  | 'trailing-comma'
  | 'comment'
  | 'single-quote'
  | 'non-json-literal'
  | 'invalid-number'
  | 'control-character'
  | 'invalid-escape'
  | 'unterminated-string'
  | 'extra-data';

export type ExpectedToken =
  | 'value'
  | 'member'
  | 'member-name'
  | 'colon'
  | 'comma-or-brace'
  | 'comma-or-bracket'
  | 'closing-quote'
  | 'escaped-character'
  | 'hex-escape'
  | 'escape'
  | 'no-leading-zero'
  | 'digit'
  | 'fraction-digit'
  | 'exponent-digit'
  | 'end';

export interface SyntaxIssue {
  problem: SyntaxProblem;
  offset: number;
  /** The text found at the offset, shortened for messages. */
  found: string;
  /** The token the grammar allows at the offset, as a code the `json-syntax` messages name. */
  expected: ExpectedToken;
}

export interface DuplicateKey {
  /** The key as JSON.parse reads it. */
  key: string;
  /** Pointer of the member; empty once the scan has stopped recording positions. */
  pointer: string;
  keyStart: number;
  keyEnd: number;
  firstKeyStart: number;
  /** Set when the keys differ in their code points but are equal after NFC normalisation. */
  normalization?: boolean;
}

export type NumberProblem = 'overflow' | 'unsafe-integer';

export interface NumberIssue {
  problem: NumberProblem;
  pointer: string;
  start: number;
  end: number;
  raw: string;
}

export interface ScanResult {
  /** Set when the text is not strict JSON; then the other fields cover the part before it. */
  syntax?: SyntaxIssue;
  /** End offset of the scanned value. */
  end: number;
  spans: Map<string, Span>;
  duplicateKeys: DuplicateKey[];
  numbers: NumberIssue[];
  maxDepth: number;
}

const enum Ch {
  Tab = 9,
  Newline = 10,
  Return = 13,
  Space = 32,
  Quote = 34,
  Apostrophe = 39,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
}

interface Frame {
  kind: 'object' | 'array';
  pointer: string;
  /** The container's own span, whose end is set when it closes. */
  span?: Span;
  index: number;
  keys: Map<string, number> | undefined;
  /** NFC forms of the non-ASCII keys, created on the first such key. */
  normalizedKeys?: Map<string, number>;
  start: number;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Positions recorded by one scan at most. A real entry has about a hundred;
 * past the cap a hostile array of millions of numbers is still checked for
 * syntax, duplicate keys and numbers, but its members fall back to the
 * position of the nearest recorded ancestor.
 */
export const MAX_RECORDED_SPANS = 250_000;

class ScanError extends Error {
  constructor(readonly issue: SyntaxIssue) {
    super(issue.problem);
  }
}

function isWhitespace(code: number): boolean {
  return code === Ch.Space || code === Ch.Newline || code === Ch.Return || code === Ch.Tab;
}

function isDigit(code: number): boolean {
  return code >= Ch.Zero && code <= Ch.Nine;
}

/** Returns a short printable excerpt of the text at an offset, for messages. */
function excerptAt(text: string, offset: number): string {
  if (offset >= text.length) return '';
  const match = /^[A-Za-z_$][\w$]*/.exec(text.slice(offset, offset + 24));
  if (match) return match[0];
  return text[offset];
}

/**
 * Scans the JSON value that starts at `start` (after optional whitespace).
 * `basePointer` prefixes every recorded pointer. With `record` false only the
 * syntax check and the depth are computed, which is several times cheaper.
 * With `whole` set, anything but whitespace after the value is an error.
 */
export function scanJson(
  text: string,
  options: { start?: number; end?: number; basePointer?: string; record?: boolean; whole?: boolean } = {},
): ScanResult {
  const scanner = new Scanner(text, options.start ?? 0, options.end ?? text.length, options.record ?? true);
  const base = options.basePointer ?? '';
  try {
    scanner.run(base);
    if (options.whole) scanner.expectEnd();
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    return scanner.result(error.issue);
  }
  return scanner.result(undefined);
}

class Scanner {
  private pos: number;
  private readonly spans = new Map<string, Span>();
  private readonly duplicateKeys: DuplicateKey[] = [];
  private readonly numbers: NumberIssue[] = [];
  private maxDepth = 0;
  /** Whether positions are still being recorded; it turns off at the cap. */
  private recording: boolean;

  constructor(
    private readonly text: string,
    start: number,
    private readonly limit: number,
    private readonly record: boolean,
  ) {
    this.pos = start;
    this.recording = record;
  }

  result(syntax: SyntaxIssue | undefined): ScanResult {
    return {
      syntax,
      end: this.pos,
      spans: this.spans,
      duplicateKeys: this.duplicateKeys,
      numbers: this.numbers,
      maxDepth: this.maxDepth,
    };
  }

  expectEnd(): void {
    this.skipWhitespace();
    if (this.pos < this.limit) this.fail('extra-data', 'end');
  }

  run(basePointer: string): void {
    const stack: Frame[] = [];
    let pendingKey: { pointer: string; keyStart: number; keyEnd: number } | undefined;
    let pointer = basePointer;

    // Each turn scans one value; containers push a frame and the loop then
    // walks their members, so depth costs heap, not call stack.
    for (;;) {
      this.skipWhitespace();
      const valueStart = this.pos;
      const code = this.peek();

      if (code === Ch.OpenBrace || code === Ch.OpenBracket) {
        this.pos++;
        const frame: Frame = {
          kind: code === Ch.OpenBrace ? 'object' : 'array',
          pointer,
          index: 0,
          keys: code === Ch.OpenBrace && this.record ? new Map() : undefined,
          start: valueStart,
        };
        if (this.recording) frame.span = this.recordSpan(pointer, valueStart, valueStart, pendingKey);
        pendingKey = undefined;
        stack.push(frame);
        if (stack.length > this.maxDepth) this.maxDepth = stack.length;

        this.skipWhitespace();
        const next = this.peek();
        if ((frame.kind === 'object' && next === Ch.CloseBrace) || (frame.kind === 'array' && next === Ch.CloseBracket)) {
          this.pos++;
          this.closeFrame(stack);
        } else if (frame.kind === 'object') {
          pendingKey = this.readMemberKey(frame);
          pointer = pendingKey.pointer;
          continue;
        } else {
          pointer = this.recording ? `${frame.pointer}/0` : '';
          continue;
        }
      } else {
        this.scanScalar(pointer);
        if (this.recording) this.recordSpan(pointer, valueStart, this.pos, pendingKey);
        pendingKey = undefined;
      }

      // After a value: close finished containers, or move to the next member.
      for (;;) {
        const frame = stack[stack.length - 1];
        if (frame === undefined) return;
        this.skipWhitespace();
        const next = this.peek();
        const close = frame.kind === 'object' ? Ch.CloseBrace : Ch.CloseBracket;
        if (next === close) {
          this.pos++;
          this.closeFrame(stack);
          continue;
        }
        if (next !== Ch.Comma) {
          this.fail(next === -1 ? 'unexpected-end' : 'unexpected-token', frame.kind === 'object' ? 'comma-or-brace' : 'comma-or-bracket');
        }
        const comma = this.pos;
        this.pos++;
        frame.index++;
        this.skipWhitespace();
        if (this.peek() === close) {
          this.pos = comma;
          this.fail('trailing-comma', frame.kind === 'object' ? 'member' : 'value');
        }
        if (frame.kind === 'object') {
          pendingKey = this.readMemberKey(frame);
          pointer = pendingKey.pointer;
        } else {
          pointer = this.recording ? `${frame.pointer}/${frame.index}` : '';
        }
        break;
      }
    }
  }

  private closeFrame(stack: Frame[]): void {
    const frame = stack.pop() as Frame;
    if (frame.span) frame.span.end = this.pos;
  }

  private recordSpan(
    pointer: string,
    start: number,
    end: number,
    key: { keyStart: number; keyEnd: number } | undefined,
  ): Span {
    const span: Span = { start, end };
    if (key) {
      span.keyStart = key.keyStart;
      span.keyEnd = key.keyEnd;
    }
    // A duplicate key takes the last member's span, because JSON.parse keeps
    // the last value and findings on that value belong there.
    this.spans.set(pointer, span);
    if (this.spans.size >= MAX_RECORDED_SPANS) this.recording = false;
    return span;
  }

  private readMemberKey(frame: Frame): { pointer: string; keyStart: number; keyEnd: number } {
    this.skipWhitespace();
    const keyStart = this.pos;
    if (this.peek() !== Ch.Quote) this.failValueStart('member-name');
    const key = this.readString();
    const keyEnd = this.pos;
    this.skipWhitespace();
    if (this.peek() !== Ch.Colon) this.fail(this.peek() === -1 ? 'unexpected-end' : 'unexpected-token', 'colon');
    this.pos++;

    const memberPointer = this.recording ? `${frame.pointer}/${escapePointerToken(key)}` : '';
    if (frame.keys) {
      const first = frame.keys.get(key);
      if (first !== undefined) {
        this.duplicateKeys.push({ key, pointer: memberPointer, keyStart, keyEnd, firstKeyStart: first });
      } else {
        frame.keys.set(key, keyStart);
        this.checkNormalization(frame, key, memberPointer, keyStart, keyEnd);
      }
    }
    return { pointer: memberPointer, keyStart, keyEnd };
  }

  /**
   * Reports a key that looks the same as an earlier one but differs in code
   * points, such as a precomposed `é` and `e` with a combining accent. Only
   * keys outside ASCII can differ this way, so ASCII keys skip the work.
   */
  private checkNormalization(frame: Frame, key: string, pointer: string, keyStart: number, keyEnd: number): void {
    if (/^[\u0000-\u007f]*$/.test(key)) return;
    const normalized = key.normalize('NFC');
    frame.normalizedKeys ??= new Map();
    const first = frame.normalizedKeys.get(normalized);
    if (first !== undefined) this.duplicateKeys.push({ key, pointer, keyStart, keyEnd, firstKeyStart: first, normalization: true });
    else frame.normalizedKeys.set(normalized, keyStart);
  }

  private scanScalar(pointer: string): void {
    const code = this.peek();
    if (code === Ch.Quote) {
      this.readString();
      return;
    }
    if (code === Ch.Minus || isDigit(code)) {
      this.readNumber(pointer);
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.pos) && this.pos + literal.length <= this.limit) {
        this.pos += literal.length;
        return;
      }
    }
    this.failValueStart('value');
  }

  /** Fails at a place where a value or key should start, naming the usual culprits. */
  private failValueStart(expected: ExpectedToken): never {
    const code = this.peek();
    if (code === -1) this.fail('unexpected-end', expected);
    if (code === Ch.Slash) this.fail('comment', expected);
    if (code === Ch.Apostrophe) this.fail('single-quote', expected);
    if (code === Ch.CloseBrace || code === Ch.CloseBracket) this.fail('unexpected-token', expected);
    const word = excerptAt(this.text, this.pos);
    if (/^(NaN|Infinity|undefined|True|False|None|nan|inf)$/.test(word)) this.fail('non-json-literal', expected);
    if (code === Ch.Plus || code === Ch.Dot) this.fail('invalid-number', expected);
    this.fail('unexpected-token', expected);
  }

  private readString(): string {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    let hasEscape = false;
    for (;;) {
      if (i >= this.limit) {
        this.pos = start;
        this.fail('unterminated-string', 'closing-quote');
      }
      const code = text.charCodeAt(i);
      if (code === Ch.Quote) break;
      if (code < 0x20) {
        this.pos = i;
        this.fail('control-character', 'escaped-character');
      }
      if (code === Ch.Backslash) {
        hasEscape = true;
        const next = text.charCodeAt(i + 1);
        if (next === 117 /* u */) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            this.pos = i;
            this.fail('invalid-escape', 'hex-escape');
          }
          i += 6;
          continue;
        }
        // " \ / b f n r t
        if (!(next === 34 || next === 92 || next === 47 || next === 98 || next === 102 || next === 110 || next === 114 || next === 116)) {
          this.pos = i;
          this.fail('invalid-escape', 'escape');
        }
        i += 2;
        continue;
      }
      i++;
    }
    this.pos = i + 1;
    if (!this.record) return '';
    const raw = text.slice(start + 1, i);
    return hasEscape ? (JSON.parse(text.slice(start, i + 1)) as string) : raw;
  }

  private readNumber(pointer: string): void {
    const text = this.text;
    const start = this.pos;
    let i = start;
    if (text.charCodeAt(i) === Ch.Minus) i++;
    const intStart = i;
    if (text.charCodeAt(i) === Ch.Zero) {
      i++;
      if (isDigit(text.charCodeAt(i))) {
        this.pos = i;
        this.fail('invalid-number', 'no-leading-zero');
      }
    } else if (isDigit(text.charCodeAt(i))) {
      while (isDigit(text.charCodeAt(i))) i++;
    } else {
      this.pos = i;
      this.failValueStart('digit');
    }
    const intEnd = i;
    let isInteger = true;
    if (text.charCodeAt(i) === Ch.Dot) {
      isInteger = false;
      i++;
      if (!isDigit(text.charCodeAt(i))) {
        this.pos = i;
        this.fail('invalid-number', 'fraction-digit');
      }
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const exponent = text.charCodeAt(i);
    if (exponent === 101 || exponent === 69) {
      isInteger = false;
      i++;
      const sign = text.charCodeAt(i);
      if (sign === Ch.Plus || sign === Ch.Minus) i++;
      if (!isDigit(text.charCodeAt(i))) {
        this.pos = i;
        this.fail('invalid-number', 'exponent-digit');
      }
      while (isDigit(text.charCodeAt(i))) i++;
    }
    this.pos = i;

    if (!this.record) return;
    // Integers of up to 15 digits are always exact in a double.
    if (isInteger && intEnd - intStart <= 15) return;
    const raw = text.slice(start, i);
    if (isInteger) {
      const big = BigInt(raw);
      if (big > MAX_SAFE || big < -MAX_SAFE) this.numbers.push({ problem: 'unsafe-integer', pointer, start, end: i, raw });
    } else if (!Number.isFinite(Number(raw))) {
      this.numbers.push({ problem: 'overflow', pointer, start, end: i, raw });
    }
  }

  private skipWhitespace(): void {
    while (this.pos < this.limit && isWhitespace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  private peek(): number {
    return this.pos < this.limit ? this.text.charCodeAt(this.pos) : -1;
  }

  private fail(problem: SyntaxProblem, expected: ExpectedToken): never {
    throw new ScanError({ problem, offset: this.pos, found: excerptAt(this.text, this.pos), expected });
  }
}

export interface Structure {
  /** Offsets of each element when the top-level value is an array. */
  elements?: Array<[number, number]>;
  /** Offset of the first bracket nested deeper than the limit, or -1. */
  tooDeepAt: number;
}

/**
 * Walks an already valid JSON text once, without building anything: it finds
 * the element offsets of a top-level array and the first bracket nested
 * deeper than `limit`. Large files pay one cheap pass for both.
 */
export function scanStructure(text: string, limit = Infinity): Structure {
  let i = 0;
  while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
  const isArray = text.charCodeAt(i) === Ch.OpenBracket;
  const elements: Array<[number, number]> = [];
  let depth = 0;
  let elementStart = -1;

  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === Ch.Quote) {
      if (depth === 1 && elementStart < 0) elementStart = i;
      i = closingQuote(text, i);
      if (i < 0) break;
    } else if (code === Ch.OpenBrace || code === Ch.OpenBracket) {
      if (depth === 1 && elementStart < 0) elementStart = i;
      depth++;
      if (depth > limit) return { elements: isArray ? elements : undefined, tooDeepAt: i };
    } else if (code === Ch.CloseBrace || code === Ch.CloseBracket) {
      depth--;
      if (depth === 0 && isArray && elementStart >= 0) {
        elements.push([elementStart, trimEnd(text, elementStart, i)]);
        elementStart = -1;
      }
    } else if (depth === 1 && code === Ch.Comma) {
      elements.push([elementStart, trimEnd(text, elementStart, i)]);
      elementStart = -1;
    } else if (depth === 1 && elementStart < 0 && !isWhitespace(code)) {
      elementStart = i;
    }
  }
  return { elements: isArray ? elements : undefined, tooDeepAt: -1 };
}

/**
 * Splits an already valid JSON array into the offsets of its elements.
 * Returns undefined when the top-level value is not an array.
 */
export function splitTopLevelArray(text: string): Array<[number, number]> | undefined {
  return scanStructure(text).elements;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Returns the offset of the quote that closes the string opening at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  let j = open;
  for (;;) {
    j = text.indexOf('"', j + 1);
    if (j < 0) return -1;
    // A quote closes the string when an even run of backslashes precedes it.
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === Ch.Backslash) backslashes++;
    if (backslashes % 2 === 0) return j;
  }
}

/**
 * Returns the deepest nesting of an already valid JSON text, stopping early
 * once `limit` is passed. It is a cheap pass with no allocation.
 */
export function measureDepth(text: string, limit = Infinity): number {
  return scanDepth(text, limit).depth;
}

function scanDepth(text: string, limit: number): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === Ch.Quote) {
      i = closingQuote(text, i);
      if (i < 0) break;
    } else if (code === Ch.OpenBrace || code === Ch.OpenBracket) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return { depth: max, offset: i };
      }
    } else if (code === Ch.CloseBrace || code === Ch.CloseBracket) {
      depth--;
    }
  }
  return { depth: max, offset: -1 };
}
