import { field, isNumber, isObject } from './fields';
import type { RuleDefinition } from './rule';

const DEGREES = ['tensor_parallel', 'pipeline_parallel', 'data_parallel'] as const;

export const parallelismChipCount: RuleDefinition = {
  meta: {
    id: 'parallelism-chip-count',
    category: 'entry',
    defaultSeverity: 'warning',
    description: {
      en: 'Tensor × pipeline × data parallel degrees differ from `chip_count`.',
      'zh-CN': '张量并行 × 流水线并行 × 数据并行的乘积不等于 `chip_count`。',
    },
    messages: {
      en: {
        mismatch: 'Parallel degrees {tp} (tensor) × {pp} (pipeline) × {dp} (data) = {product}, but `hardware.chip_count` is {chipCount}: each chip runs one shard, so the two should match.',
      },
      'zh-CN': {
        mismatch: '并行度 {tp}（张量）× {pp}（流水线）× {dp}（数据）= {product}，但 `hardware.chip_count` 为 {chipCount}：每张卡运行一个分片，两者应相等。',
      },
    },
  },
  checkEntry(entry, context) {
    const parallelism = field(entry.value, 'cluster.parallelism');
    const chipCount = field(entry.value, 'hardware.chip_count');
    if (!isObject(parallelism) || !isNumber(chipCount)) return;

    // A degree that is not given counts as 1, the usual default of the launchers.
    const degrees = DEGREES.map((name) => parallelism[name]);
    if (degrees.every((degree) => degree === undefined || degree === null)) return;
    const [tp, pp, dp] = degrees.map((degree) => (isNumber(degree) ? degree : 1));
    const product = tp * pp * dp;
    if (product !== chipCount) {
      context.report({ pointer: '/cluster/parallelism', target: 'key', messageId: 'mismatch', data: { tp, pp, dp, product, chipCount } });
    }
  },
};
