/**
 * Feeds generated and mutated entries and files through the whole pipeline.
 * CI runs a fixed seed; a larger local run:
 *   LBC_PROPERTY_RUNS=2000 LBC_PROPERTY_SEED=$RANDOM npx jest __tests__/hostile/property
 */

import fc from 'fast-check';
import { exitCodeFor } from '../../src/cli/main';
import { checkRepository } from '../../src/core/check';
import { RULE_IDS } from '../../src/rules';
import { example, json, TempRepo } from '../helpers/repo';

const RUNS = Number(process.env.LBC_PROPERTY_RUNS ?? 60);
const SEED = Number(process.env.LBC_PROPERTY_SEED ?? 20261204);

const PATHS = [
  'entry_id',
  'config_type',
  'hardware.chip_count',
  'hardware.vendor',
  'hardware.chips_per_node',
  'model.precision',
  'workload.input_length',
  'metrics.ttft_ms',
  'metrics.throughput_tps',
  'metrics.error_rate',
  'metrics.peak_mem_mb',
  'cluster',
  'cluster.node_count',
  'versions.comm',
  'environment.cuda_version',
  'environment.cann_version',
  'metadata.submitted_at',
  'metadata.reproducible_cmd',
  '__proto__',
  'constructor',
];

const anyValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 100_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', 'NVIDIA', 'Huawei', 'single_gpu', 'multi_node', 'BF16', '2026-13-01T00:00:00Z', '2099-01-01T00:00:00Z'),
  fc.constant({}),
  fc.constant([]),
);

const mutation = fc.record({ path: fc.constantFrom(...PATHS), value: fc.option(anyValue, { nil: undefined }) });

function setPath(entry: Record<string, unknown>, path: string, value: unknown): void {
  const names = path.split('.');
  let target: Record<string, unknown> = entry;
  for (const name of names.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(target, name) ? target[name] : undefined;
    if (next === null || typeof next !== 'object') return;
    target = next as Record<string, unknown>;
  }
  const last = names[names.length - 1];
  if (value === undefined) delete target[last];
  else Object.defineProperty(target, last, { value, enumerable: true, writable: true, configurable: true });
}

const entryArbitrary = fc.record({
  template: fc.constantFrom('single_gpu', 'multi_gpu', 'multi_node' as const),
  mutations: fc.array(mutation, { maxLength: 4 }),
  keepId: fc.boolean(),
});

/** Text edits that break files the way hand edits do. */
const textEdit = fc.oneof(
  fc.record({ kind: fc.constant('none' as const) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(',', '}', '"', '//x', 'NaN', '\u0000', '\r', '\uFEFF', '1e400', '"a": 1,') }),
);

function applyEdit(text: string, edit: { kind: 'none' } | { kind: 'delete'; at: number; length: number } | { kind: 'insert'; at: number; text: string }): string {
  if (edit.kind === 'none') return text;
  const at = edit.at % (text.length + 1);
  if (edit.kind === 'delete') return text.slice(0, at) + text.slice(at + edit.length);
  return text.slice(0, at) + edit.text + text.slice(at);
}

describe('whole pipeline on generated input', () => {
  let repo: TempRepo;
  let base: string;

  beforeAll(() => {
    repo = new TempRepo();
    base = repo.commit({ 'data/board.json': json([example('single_gpu'), example('multi_node')]) });
  });

  afterAll(() => repo.cleanup());

  test('no exception, findings inside the file, errors fail the run', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entryArbitrary, { minLength: 1, maxLength: 4 }), textEdit, fc.boolean(), async (specs, edit, crlf) => {
        const entries = specs.map((spec, index) => {
          const entry = example(spec.template);
          if (!spec.keepId) entry.entry_id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
          for (const change of spec.mutations) setPath(entry, change.path, change.value);
          return entry;
        });
        let text = applyEdit(json([example('single_gpu'), ...entries]), edit);
        if (crlf) text = text.replace(/\n/g, '\r\n');
        repo.write({ 'data/board.json': text });

        const report = await checkRepository({ repo: repo.dir, base, locale: 'en', schema: 'builtin', now: new Date('2026-06-01T00:00:00Z') });

        const lineCount = text.split('\n').length;
        for (const finding of report.findings) {
          expect(RULE_IDS).toContain(finding.ruleId);
          expect(finding.message.length).toBeGreaterThan(0);
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.line).toBeLessThanOrEqual(lineCount);
          expect(finding.column).toBeGreaterThanOrEqual(1);
        }
        if (report.findings.some((finding) => finding.severity === 'error')) {
          expect(exitCodeFor(report, 'error')).toBe(1);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
