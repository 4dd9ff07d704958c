import { byRule, checkChange, example, json, lineOf } from '../helpers/repo';

type Mutation = (entry: any) => void;

interface Case {
  rule: string;
  base: 'single_gpu' | 'multi_gpu' | 'multi_node';
  mutate: Mutation;
  /** Text in the new entry where the finding must sit, and which occurrence in the head file. */
  at: string;
  severity: 'error' | 'warning';
}

const NEW_ID = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

const cases: Case[] = [
  { rule: 'schema', base: 'single_gpu', mutate: (e) => (e.metrics.ttft_ms = 0), at: '"ttft_ms": 0', severity: 'error' },
  { rule: 'config-type-consistency', base: 'single_gpu', mutate: (e) => (e.hardware.chip_count = 2), at: '"chip_count": 2', severity: 'error' },
  { rule: 'cluster-node-count', base: 'multi_node', mutate: (e) => (e.cluster.node_count = 1), at: '"node_count": 1', severity: 'error' },
  { rule: 'comm-version-required', base: 'multi_node', mutate: (e) => delete e.versions.comm, at: '"versions"', severity: 'error' },
  { rule: 'chips-per-node-required', base: 'multi_node', mutate: (e) => delete e.hardware.chips_per_node, at: '"hardware"', severity: 'error' },
  { rule: 'chip-count-topology', base: 'multi_node', mutate: (e) => (e.hardware.chip_count = 24), at: '"chip_count": 24', severity: 'warning' },
  { rule: 'platform-toolkit-version', base: 'single_gpu', mutate: (e) => (e.environment.cann_version = ''), at: '"cann_version": ""', severity: 'error' },
  { rule: 'parallelism-chip-count', base: 'multi_node', mutate: (e) => (e.cluster.parallelism.tensor_parallel = 4), at: '"parallelism"', severity: 'warning' },
  { rule: 'memory-consistency', base: 'single_gpu', mutate: (e) => (e.metrics.peak_mem_mb = 120000), at: '"peak_mem_mb": 120000', severity: 'warning' },
  { rule: 'reproducible-cmd', base: 'single_gpu', mutate: (e) => delete e.metadata.reproducible_cmd, at: '"metadata"', severity: 'warning' },
  { rule: 'submitted-at-future', base: 'single_gpu', mutate: (e) => (e.metadata.submitted_at = '2027-03-01T00:00:00Z'), at: '"submitted_at": "2027', severity: 'warning' },
];

describe.each(cases)('$rule', ({ rule, base, mutate, at, severity }) => {
  const published = example(base);
  const fresh = structuredClone(published);
  fresh.entry_id = NEW_ID;
  const broken = structuredClone(fresh);
  mutate(broken);

  test('reports the new entry at its line', async () => {
    const headText = json([published, broken]);
    const report = await checkChange({ 'data/board.json': json([published]) }, { 'data/board.json': headText });
    const findings = byRule(report, rule);
    expect(findings).toHaveLength(1);
    expect(findings[0].file).toBe('data/board.json');
    // The published entry comes first, so the finding is in the second occurrence of the field.
    const occurrence = headText.split(at).length - 1;
    expect(findings[0].line).toBe(lineOf(headText, at, occurrence));
    expect(findings[0].severity).toBe(severity);
    expect(findings[0].entryId).toBe(NEW_ID);
  });

  test('stays quiet on a valid new entry', async () => {
    const report = await checkChange({ 'data/board.json': json([published]) }, { 'data/board.json': json([published, fresh]) });
    expect(byRule(report, rule)).toEqual([]);
  });
});

describe('findings of an unchanged entry', () => {
  test('are not reported again', async () => {
    const broken = example('single_gpu');
    broken.metrics.ttft_ms = 0;
    const added = example('multi_gpu');
    const report = await checkChange({ 'data/board.json': json([broken]) }, { 'data/board.json': json([broken, added]) });
    expect(report.findings).toEqual([]);
    expect(report.summary.entries).toEqual({ added: 1, modified: 0, removed: 0, unchanged: 1 });
  });
});
