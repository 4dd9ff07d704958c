import { byRule, checkChange, example, json } from '../helpers/repo';

describe('a changed entry and its own published version', () => {
  test('are not compared as peers', async () => {
    const published = example('single_gpu');
    const rewritten = structuredClone(published);
    rewritten.metrics.ttft_ms = 96.4;
    const report = await checkChange({ 'data/a.json': json([published]) }, { 'data/a.json': json([rewritten]) });
    expect(report.comparisons).toEqual([]);
    expect(byRule(report, 'metric-regression')).toEqual([]);
    expect(byRule(report, 'entry-modified').map((finding) => finding.message)).toEqual([expect.stringContaining('ttft_ms 48.2 → 96.4')]);
  });

  test('other published results of the configuration still are', async () => {
    const published = example('single_gpu');
    const other = { ...structuredClone(published), entry_id: '7b7b7b7b-1111-4222-8333-444444444444' };
    const rewritten = structuredClone(published);
    rewritten.metrics.ttft_ms = 96.4;
    const report = await checkChange({ 'data/a.json': json([published, other]) }, { 'data/a.json': json([rewritten, other]) });
    const ttft = report.comparisons.filter((comparison) => comparison.metric === 'ttft_ms');
    expect(ttft.map((comparison) => [comparison.peers, comparison.baseValue, comparison.severity])).toEqual([[1, 48.2, 'error']]);
  });
});
