import { defaultComparisonSettings, formatNumber, mad, median, metricValues, numericMetrics, PeerIndex, robustZ, unitHint } from '../core/compare';
import { field } from './fields';
import type { RuleDefinition } from './rule';

export const metricOutlier: RuleDefinition = {
  meta: {
    id: 'metric-outlier',
    category: 'comparison',
    defaultSeverity: 'warning',
    description: {
      en: 'A value far outside the distribution of comparable published entries, such as seconds written for milliseconds.',
      'zh-CN': '数值远离可比的已发布条目的分布，例如把秒写成了毫秒。',
    },
    messages: {
      en: {
        outlier: '{metric} is {value}, far from the {peers} published results with the same configuration: median {median}, robust z-score {z} (limit ±{limit}).{hint}',
        'hint-seconds': ' It is about {factor} times smaller than the median: was it written in seconds where milliseconds belong?',
        'hint-microseconds': ' It is about {factor} times larger than the median: was it written in microseconds where milliseconds belong?',
        'hint-gigabytes': ' It is about {factor} times smaller than the median: was it written in GB where MB belong?',
        'hint-kilobytes': ' It is about {factor} times larger than the median: was it written in KB where MB belong?',
        'hint-percent': ' It is about {factor} times larger than the median: was a percentage written where a fraction in [0, 1] belongs?',
        'hint-smaller': ' It is about {factor} times smaller than the median, which suggests a unit slip.',
        'hint-larger': ' It is about {factor} times larger than the median, which suggests a unit slip.',
        'hint-none': '',
      },
      'zh-CN': {
        outlier: '{metric} 为 {value}，与相同配置的 {peers} 个已发布结果相差很远：中位数 {median}，稳健 z 分数 {z}（上限 ±{limit}）。{hint}',
        'hint-seconds': '该值约为中位数的 {factor} 分之一：是否把毫秒写成了秒？',
        'hint-microseconds': '该值约为中位数的 {factor} 倍：是否把毫秒写成了微秒？',
        'hint-gigabytes': '该值约为中位数的 {factor} 分之一：是否把 MB 写成了 GB？',
        'hint-kilobytes': '该值约为中位数的 {factor} 倍：是否把 MB 写成了 KB？',
        'hint-percent': '该值约为中位数的 {factor} 倍：是否把 [0, 1] 之间的比例写成了百分数？',
        'hint-smaller': '该值约为中位数的 {factor} 分之一，可能是单位写错了。',
        'hint-larger': '该值约为中位数的 {factor} 倍，可能是单位写错了。',
        'hint-none': '',
      },
    },
    options: { 'min-peers': 5, 'z-score': 3.5, 'min-spread': 0.01 },
    optionSchemas: { 'min-peers': { type: 'integer', minimum: 2 }, 'z-score': { type: 'number', exclusiveMinimum: 0 }, 'min-spread': { type: 'number', minimum: 0 } },
  },
  checkChange(change, context) {
    const settings = change.comparison ?? defaultComparisonSettings();
    const minPeers = Number(context.options['min-peers'] ?? 5);
    const limit = Number(context.options['z-score'] ?? 3.5);
    const minSpread = Number(context.options['min-spread'] ?? 0.01);
    const peers = new PeerIndex(change.baseEntries, settings.keyFields);

    for (const entry of change.checked) {
      // A number json-syntax reports as inexact would be compared as its rounded double.
      if (entry.inexact) continue;
      const found = peers.peersOf(entry);
      if (!found.entries) {
        settings.collector?.uncomparable(entry, found.missing);
        continue;
      }
      if (found.entries.length < minPeers) continue;

      for (const metric of numericMetrics(entry)) {
        const values = metricValues(found.entries, metric);
        if (values.length < minPeers) continue;

        const value = field(entry.value, `metrics.${metric}`) as number;
        const centre = median(values);
        const z = robustZ(value, centre, mad(values, centre), minSpread);
        if (!(Math.abs(z) > limit)) continue;

        const hint = unitHint(metric, value, centre);
        context.report({
          messageId: 'outlier',
          data: {
            metric,
            value: formatNumber(value),
            peers: values.length,
            median: formatNumber(centre),
            z: z.toFixed(1),
            limit,
            hint: `msg:${hint?.id ?? 'hint-none'}`,
            factor: hint?.factor ?? '',
          },
          file: entry.file,
          pointer: `${entry.pointer}/metrics/${metric.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          target: 'value',
          entryId: entry.id,
        });
      }
    }
  },
};
