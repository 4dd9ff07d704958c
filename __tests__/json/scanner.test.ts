import { measureDepth, scanJson, scanStructure, splitTopLevelArray } from '../../src/json/scanner';
import { LineIndex, decodeText, findInvalidUtf8 } from '../../src/json/text';

function syntaxAt(text: string) {
  const issue = scanJson(text, { record: false, whole: true }).syntax;
  if (!issue) return undefined;
  const position = new LineIndex(text).position(issue.offset);
  return { problem: issue.problem, expected: issue.expected, line: position.line, column: position.column };
}

describe('scanJson syntax errors', () => {
  const cases: Array<[string, string, string, number, number]> = [
    ['trailing comma in array', '[1, 2,\n]', 'trailing-comma', 1, 6],
    ['trailing comma in object', '{"a": 1,\n  }', 'trailing-comma', 1, 8],
    ['line comment', '{\n  // note\n  "a": 1}', 'comment', 2, 3],
    ['block comment', '[/* x */ 1]', 'comment', 1, 2],
    ['NaN literal', '{"a": NaN}', 'non-json-literal', 1, 7],
    ['Infinity literal', '[-Infinity]', 'non-json-literal', 1, 3],
    ['single quotes', "{'a': 1}", 'single-quote', 1, 2],
    ['unquoted key', '{a: 1}', 'unexpected-token', 1, 2],
    ['missing comma', '{"a": 1\n "b": 2}', 'unexpected-token', 2, 2],
    ['missing colon', '{"a" 1}', 'unexpected-token', 1, 6],
    ['leading zero', '[01]', 'invalid-number', 1, 3],
    ['plus sign', '[+1]', 'invalid-number', 1, 2],
    ['bare dot fraction', '[1.]', 'invalid-number', 1, 4],
    ['hex number', '[0x10]', 'unexpected-token', 1, 3],
    ['raw newline in string', '["a\nb"]', 'control-character', 1, 4],
    ['bad escape', '["\\x41"]', 'invalid-escape', 1, 3],
    ['short unicode escape', '["\\u12"]', 'invalid-escape', 1, 3],
    ['unterminated string', '{"a": "b', 'unterminated-string', 1, 7],
    ['unexpected end', '{"a": [1, 2', 'unexpected-end', 1, 12],
    ['empty file', '', 'unexpected-end', 1, 1],
    ['extra data', '{} {}', 'extra-data', 1, 4],
    ['python None', '[None]', 'non-json-literal', 1, 2],
  ];

  test.each(cases)('%s', (_name, text, problem, line, column) => {
    const issue = syntaxAt(text);
    expect(issue?.problem).toBe(problem);
    expect(issue?.line).toBe(line);
    expect(issue?.column).toBe(column);
  });

  test('agrees with JSON.parse on valid input', () => {
    const valid = ['{}', '[]', ' [1, -0, 1e400, 2.5E-3, "a\\u00e9\\n", true, false, null] ', '{"a": {"b": [{}]}}', '"just a string"', '0'];
    for (const text of valid) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(syntaxAt(text)).toBeUndefined();
    }
  });
});

describe('scanJson positions', () => {
  const text = '[\n  {\n    "a": 1,\n    "b": {"c": [true, null]}\n  }\n]\n';
  const scan = scanJson(text);
  const lines = new LineIndex(text);
  const at = (pointer: string, key = false) => {
    const span = scan.spans.get(pointer);
    if (!span) return undefined;
    return lines.position(key ? (span.keyStart as number) : span.start);
  };

  test('value positions', () => {
    expect(at('/0')).toEqual({ line: 2, column: 3 });
    expect(at('/0/a')).toEqual({ line: 3, column: 10 });
    expect(at('/0/b/c/1')).toEqual({ line: 4, column: 23 });
  });

  test('key positions', () => {
    expect(at('/0/b', true)).toEqual({ line: 4, column: 5 });
  });

  test('escaped keys in pointers', () => {
    const escaped = scanJson('{"a/b": {"c~d": 1}}');
    expect(escaped.spans.has('/a~1b/c~0d')).toBe(true);
  });

  test('duplicate keys name the first', () => {
    const duplicated = '{\n  "a": 1,\n  "b": 2,\n  "a": 3\n}';
    const result = scanJson(duplicated);
    expect(result.duplicateKeys).toHaveLength(1);
    const duplicate = result.duplicateKeys[0];
    const index = new LineIndex(duplicated);
    expect(duplicate.pointer).toBe('/a');
    expect(duplicate.key).toBe('a');
    expect(index.position(duplicate.keyStart).line).toBe(4);
    expect(index.position(duplicate.firstKeyStart).line).toBe(2);
  });

  test('numbers beyond double precision', () => {
    const result = scanJson('{"big": 9007199254740993, "ok": 9007199254740991, "huge": 1e400, "fine": 123456789012345}');
    expect(result.numbers.map((number) => [number.problem, number.pointer])).toEqual([
      ['unsafe-integer', '/big'],
      ['overflow', '/huge'],
    ]);
  });
});

describe('line index', () => {
  test('CRLF counts lines as git does', () => {
    const text = '[\r\n  1,\r\n  2\r\n]';
    const offset = text.indexOf('2');
    expect(new LineIndex(text).position(offset)).toEqual({ line: 3, column: 3 });
  });

  test('lone CR does not start a line', () => {
    const text = '[1,\r 2]';
    expect(new LineIndex(text).position(text.indexOf('2'))).toEqual({ line: 1, column: 6 });
  });

  test('BOM is not part of the text', () => {
    const decoded = decodeText(Buffer.from('\uFEFF{"a": 1}', 'utf8'));
    expect(decoded.bom).toBe(true);
    expect(decoded.text.startsWith('{')).toBe(true);
  });

  test('invalid UTF-8 is found at its offset', () => {
    const bytes = Buffer.concat([Buffer.from('{"a": "é'), Buffer.from([0xff]), Buffer.from('"}')]);
    expect(findInvalidUtf8(bytes)).toBe(9);
    const decoded = decodeText(bytes);
    expect(decoded.invalidUtf8At).toBe(8);
  });

  test('overlong and surrogate encodings are invalid', () => {
    expect(findInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0);
    expect(findInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(findInvalidUtf8(Buffer.from('中文 ✓ 😀'))).toBeUndefined();
  });
});

describe('cheap passes', () => {
  test('splitTopLevelArray finds element spans around tricky strings', () => {
    const text = '[ {"a": "x\\"]"}, "s,]", 3 ,{"b": [1,2]} ]';
    const spans = splitTopLevelArray(text) ?? [];
    expect(spans.map(([start, end]) => text.slice(start, end))).toEqual(['{"a": "x\\"]"}', '"s,]"', '3', '{"b": [1,2]}']);
  });

  test('measureDepth stops past the limit', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(measureDepth(deep, 64)).toBe(65);
    expect(measureDepth('{"a": "[[[[", "b": [[1]]}')).toBe(3);
  });

  test('deep nesting does not overflow the scanner', () => {
    const depth = 200_000;
    const result = scanJson('['.repeat(depth) + ']'.repeat(depth), { record: false, whole: true });
    expect(result.syntax).toBeUndefined();
    expect(result.maxDepth).toBe(depth);
  });
});

describe('scanJson limits', () => {
  test('a duplicated key takes the position of the value JSON.parse keeps', () => {
    const text = '{\n  "a": 1,\n  "a": "two"\n}';
    const span = scanJson(text).spans.get('/a');
    expect(new LineIndex(text).position(span?.start as number).line).toBe(3);
  });

  test('recording stops at the cap while checks go on', () => {
    const count = 300_000;
    const text = `[${Array.from({ length: count }, () => '1').join(',')}, {"k": 1, "k": 2}, 1e400]`;
    const result = scanJson(text, { whole: true });
    expect(result.syntax).toBeUndefined();
    expect(result.spans.size).toBe(250_000);
    expect(result.duplicateKeys.map((duplicate) => [duplicate.key, duplicate.pointer])).toEqual([['k', '']]);
    expect(result.numbers.map((number) => number.problem)).toEqual(['overflow']);
    expect(result.spans.get('')?.end).toBe(text.length);
  });
});

describe('scanStructure', () => {
  test('finds elements and the first too-deep bracket in one pass', () => {
    const text = '[{"a": "]"}, [[[1]]], "x"]';
    const structure = scanStructure(text, 3);
    expect(structure.tooDeepAt).toBe(text.indexOf('[[[1') + 2);
    expect(scanStructure(text).elements?.map(([start, end]) => text.slice(start, end))).toEqual(['{"a": "]"}', '[[[1]]]', '"x"']);
    expect(scanStructure('{"a": [1]}', 5)).toEqual({ elements: undefined, tooDeepAt: -1 });
  });
});
