import { quote } from '../i18n/format';
import { field, isNumber, isObject } from './fields';
import type { RuleDefinition } from './rule';

export const clusterNodeCount: RuleDefinition = {
  meta: {
    id: 'cluster-node-count',
    category: 'entry',
    defaultSeverity: 'error',
    description: {
      en: '`cluster.node_count` is less than 2.',
      'zh-CN': '`cluster.node_count` 小于 2。',
    },
    messages: {
      en: {
        'too-few': '`cluster.node_count` is {value}, but a cluster has at least 2 nodes: a one-machine run has `cluster` null.',
      },
      'zh-CN': {
        'too-few': '`cluster.node_count` 为 {value}，但集群至少有 2 个节点：单机运行时 `cluster` 应为 null。',
      },
    },
  },
  checkEntry(entry, context) {
    if (!isObject(field(entry.value, 'cluster'))) return;
    const nodeCount = field(entry.value, 'cluster.node_count');
    if (isNumber(nodeCount) && nodeCount < 2) {
      context.report({ pointer: '/cluster/node_count', messageId: 'too-few', data: { value: quote(nodeCount) } });
    }
  },
};
