import { byRule, checkChange, example, json, lineOf } from '../helpers/repo';

const single = example('single_gpu');
const multiGpu = example('multi_gpu');
const multiNode = example('multi_node');

describe('duplicate-entry-id', () => {
  test('a new entry reusing a published id, in another file', async () => {
    const copy = structuredClone(multiGpu);
    copy.entry_id = single.entry_id;
    const headText = json([copy]);
    const report = await checkChange({ 'data/a.json': json([single]) }, { 'data/b.json': headText });
    const findings = byRule(report, 'duplicate-entry-id');
    expect(findings).toHaveLength(1);
    expect(findings[0].file).toBe('data/b.json');
    expect(findings[0].line).toBe(lineOf(headText, '"entry_id"'));
    expect(findings[0].related).toEqual({ file: 'data/a.json', line: 3, column: 17 });
    expect(findings[0].message).toContain('data/a.json:3');
  });

  test('two new entries with one id in one file', async () => {
    const first = structuredClone(multiGpu);
    const second = structuredClone(multiNode);
    second.entry_id = first.entry_id;
    const headText = json([single, first, second]);
    const report = await checkChange({ 'data/a.json': json([single]) }, { 'data/a.json': headText });
    const findings = byRule(report, 'duplicate-entry-id');
    expect(findings).toHaveLength(1);
    expect(findings[0].line).toBe(lineOf(headText, '"entry_id"', 3));
  });

  test('distinct ids are fine', async () => {
    const report = await checkChange({ 'data/a.json': json([single]) }, { 'data/a.json': json([single, multiGpu, multiNode]) });
    expect(byRule(report, 'duplicate-entry-id')).toEqual([]);
  });
});

describe('duplicate-result', () => {
  test('same configuration and metrics under a new id', async () => {
    const copy = structuredClone(single);
    copy.entry_id = '11111111-2222-4333-8444-555555555555';
    copy.metadata.notes = 'resubmitted';
    const headText = json([single, copy]);
    const report = await checkChange({ 'data/a.json': json([single]) }, { 'data/a.json': headText });
    const findings = byRule(report, 'duplicate-result');
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].line).toBe(lineOf(headText, '"metrics"', 2));
    expect(findings[0].data.otherId).toBe(JSON.stringify(single.entry_id));
  });

  test('different metrics are a different result', async () => {
    const copy = structuredClone(single);
    copy.entry_id = '11111111-2222-4333-8444-555555555555';
    copy.metrics.ttft_ms = 47.9;
    const report = await checkChange({ 'data/a.json': json([single]) }, { 'data/a.json': json([single, copy]) });
    expect(byRule(report, 'duplicate-result')).toEqual([]);
  });
});

describe('entry-modified', () => {
  test('names the changed metric with old and new values', async () => {
    const rewritten = structuredClone(single);
    rewritten.metrics.throughput_tps = 120.5;
    const headText = json([rewritten]);
    const report = await checkChange({ 'data/a.json': json([single]) }, { 'data/a.json': headText });
    const findings = byRule(report, 'entry-modified');
    expect(findings).toHaveLength(1);
    expect(findings[0].line).toBe(lineOf(headText, '"throughput_tps": 120.5'));
    expect(findings[0].message).toContain('throughput_tps 94.3 → 120.5');
    expect(report.summary.entries).toEqual({ added: 0, modified: 1, removed: 0, unchanged: 0 });
    const change = report.entries.find((item) => item.status === 'modified');
    expect(change?.fields).toEqual([{ pointer: '/metrics/throughput_tps', before: 94.3, after: 120.5 }]);
  });

  test('a changed note without metric changes is modified but not reported', async () => {
    const edited = structuredClone(single);
    edited.metadata.notes = 'typo fixed';
    const report = await checkChange({ 'data/a.json': json([single]) }, { 'data/a.json': json([edited]) });
    expect(byRule(report, 'entry-modified')).toEqual([]);
    expect(report.summary.entries.modified).toBe(1);
  });

  test('reformatting and moving an entry to another file change nothing', async () => {
    const report = await checkChange({ 'data/a.json': json([single, multiGpu]) }, { 'data/a.json': JSON.stringify([multiGpu]), 'data/b.json': json(single) });
    expect(report.findings).toEqual([]);
    expect(report.summary.entries).toEqual({ added: 0, modified: 0, removed: 0, unchanged: 2 });
  });
});

describe('entries-removed', () => {
  test('a warning when a small share is removed', async () => {
    const report = await checkChange({ 'data/a.json': json([single, multiGpu, multiNode]) }, { 'data/a.json': json([single, multiGpu]) });
    const findings = byRule(report, 'entries-removed');
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].data.count).toBe(1);
    expect(findings[0].data.total).toBe(3);
  });

  test('an error when more than half of a file goes', async () => {
    const report = await checkChange({ 'data/a.json': json([single, multiGpu, multiNode]) }, { 'data/a.json': json([single]) });
    const findings = byRule(report, 'entries-removed');
    expect(findings.map((finding) => [finding.severity, finding.data.count, finding.data.percent])).toEqual([['error', 2, 67]]);
  });

  test('a deleted file reports all its entries', async () => {
    const report = await checkChange({ 'data/a.json': json([single]), 'data/b.json': json([multiGpu]) }, { 'data/b.json': null });
    const findings = byRule(report, 'entries-removed');
    expect(findings).toHaveLength(1);
    expect(findings[0].file).toBe('data/b.json');
    expect(report.files).toEqual([{ status: 'deleted', path: 'data/b.json' }]);
  });

  test('nothing removed, nothing reported', async () => {
    const report = await checkChange({ 'data/a.json': json([single]) }, { 'data/a.json': json([single, multiGpu]) });
    expect(byRule(report, 'entries-removed')).toEqual([]);
  });
});

describe('schema-changed', () => {
  const schema = JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', required: ['entry_id'] });

  test('editing the repository schema is reported and the base schema still applies', async () => {
    const loosened = JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' });
    const fresh = structuredClone(multiGpu);
    delete fresh.entry_id;
    const report = await checkChange(
      { 'data/schemas/leaderboard_v1.schema.json': schema, 'data/a.json': json([single]) },
      { 'data/schemas/leaderboard_v1.schema.json': loosened, 'data/a.json': json([single, fresh]) },
      { schema: undefined },
    );
    expect(byRule(report, 'schema-changed').map((finding) => [finding.file, finding.messageId])).toEqual([['data/schemas/leaderboard_v1.schema.json', 'schema']]);
    const schemaFindings = byRule(report, 'schema');
    expect(schemaFindings).toHaveLength(1);
    expect(schemaFindings[0].message).toContain('entry_id');
  });

  test('editing the configuration is reported', async () => {
    const report = await checkChange(
      { '.github/leaderboard-check.yml': 'rules:\n  reproducible-cmd: warning\n', 'data/a.json': json([single]) },
      { '.github/leaderboard-check.yml': 'rules:\n  reproducible-cmd: "off"\n' },
    );
    expect(byRule(report, 'schema-changed').map((finding) => finding.messageId)).toEqual(['config']);
  });

  test('data-only changes do not report it', async () => {
    const report = await checkChange({ 'data/schemas/leaderboard_v1.schema.json': schema, 'data/a.json': json([single]) }, { 'data/a.json': json([single, multiGpu]) }, { schema: undefined });
    expect(byRule(report, 'schema-changed')).toEqual([]);
  });
});

describe('an id reused in a new file', () => {
  test('reports the new occurrence and leaves the published one unchanged', async () => {
    const copy = structuredClone(multiGpu);
    copy.entry_id = single.entry_id;
    // `data/a.json` sorts before `data/z.json`, and the new file sorts first here.
    const report = await checkChange({ 'data/z.json': json([single]) }, { 'data/a.json': json([copy]) });
    expect(report.summary.entries).toEqual({ added: 1, modified: 0, removed: 0, unchanged: 1 });
    expect(byRule(report, 'entry-modified')).toEqual([]);
    const duplicates = byRule(report, 'duplicate-entry-id');
    expect(duplicates.map((finding) => [finding.file, finding.related?.file])).toEqual([['data/a.json', 'data/z.json']]);
  });
});

describe('schema-changed on new files', () => {
  test('a configuration that head adds is reported', async () => {
    const report = await checkChange({ 'data/a.json': json([single]) }, { '.github/leaderboard-check.yml': 'rules:\n  schema: "off"\n', 'data/a.json': json([single, multiGpu]) });
    expect(byRule(report, 'schema-changed').map((finding) => [finding.file, finding.messageId])).toEqual([['.github/leaderboard-check.yml', 'config']]);
  });

  test('a YAML configuration added beside a JSON one is reported', async () => {
    const report = await checkChange(
      { '.github/leaderboard-check.json': '{"rules": {}}', 'data/a.json': json([single]) },
      { '.github/leaderboard-check.yml': 'rules:\n  schema: "off"\n' },
    );
    expect(byRule(report, 'schema-changed').map((finding) => finding.file)).toEqual(['.github/leaderboard-check.yml']);
  });

  test('a repository schema that head adds is reported', async () => {
    const report = await checkChange({ 'data/a.json': json([single]) }, { 'data/schemas/leaderboard_v1.schema.json': '{}' }, { schema: undefined });
    expect(byRule(report, 'schema-changed').map((finding) => [finding.file, finding.messageId])).toEqual([['data/schemas/leaderboard_v1.schema.json', 'schema']]);
  });
});
