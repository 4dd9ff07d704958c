import { field, isNumber, isObject } from './fields';
import type { RuleDefinition } from './rule';

export const chipCountTopology: RuleDefinition = {
  meta: {
    id: 'chip-count-topology',
    category: 'entry',
    defaultSeverity: 'warning',
    description: {
      en: '`chip_count` differs from `node_count` × `chips_per_node`.',
      'zh-CN': '`chip_count` 不等于 `node_count` × `chips_per_node`。',
    },
    messages: {
      en: {
        mismatch: '`hardware.chip_count` is {chipCount}, but `cluster.node_count` × `hardware.chips_per_node` = {nodeCount} × {perNode} = {product}: correct one of the three.',
      },
      'zh-CN': {
        mismatch: '`hardware.chip_count` 为 {chipCount}，但 `cluster.node_count` × `hardware.chips_per_node` = {nodeCount} × {perNode} = {product}：请修正三者之一。',
      },
    },
  },
  checkEntry(entry, context) {
    if (!isObject(field(entry.value, 'cluster'))) return;
    const chipCount = field(entry.value, 'hardware.chip_count');
    const nodeCount = field(entry.value, 'cluster.node_count');
    const perNode = field(entry.value, 'hardware.chips_per_node');
    if (!isNumber(chipCount) || !isNumber(nodeCount) || !isNumber(perNode)) return;
    const product = nodeCount * perNode;
    if (product !== chipCount) {
      context.report({ pointer: '/hardware/chip_count', messageId: 'mismatch', data: { chipCount, nodeCount, perNode, product } });
    }
  },
};
