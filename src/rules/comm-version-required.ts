import { field, isGiven, isObject } from './fields';
import type { RuleDefinition } from './rule';

export const commVersionRequired: RuleDefinition = {
  meta: {
    id: 'comm-version-required',
    category: 'entry',
    defaultSeverity: 'error',
    description: {
      en: 'A cluster entry without `versions.comm`.',
      'zh-CN': '集群条目缺少 `versions.comm`。',
    },
    messages: {
      en: {
        missing: 'This entry runs on a cluster, so `versions.comm` (the isagellm-comm version, such as "0.1.1.7") is required.',
      },
      'zh-CN': {
        missing: '该条目运行在集群上，必须填写 `versions.comm`（isagellm-comm 的版本号，例如 "0.1.1.7"）。',
      },
    },
  },
  checkEntry(entry, context) {
    if (!isObject(field(entry.value, 'cluster'))) return;
    const versions = field(entry.value, 'versions');
    if (!isObject(versions)) return;
    if (!isGiven(field(entry.value, 'versions.comm'))) {
      const present = Object.prototype.hasOwnProperty.call(versions, 'comm');
      context.report({ pointer: present ? '/versions/comm' : '/versions', target: 'key', messageId: 'missing' });
    }
  },
};
