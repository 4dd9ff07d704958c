import {
  defaultComparisonSettings,
  findAcknowledgement,
  formatChange,
  formatNumber,
  mad,
  median,
  metricKind,
  metricValues,
  numericMetrics,
  PeerIndex,
  worsening,
  type MetricKind,
  type Thresholds,
} from '../core/compare';
import { ConfigError } from '../core/errors';
import type { Severity } from '../core/types';
import { field, isNumber, isObject } from './fields';
import type { RuleDefinition } from './rule';

const DEFAULTS: Thresholds = { warning: 0.05, error: 0.1, improvement: 0.5 };

function numberOption(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!isNumber(value) || value < 0) throw new ConfigError('config-option-number', { name, id: 'metric-regression', value: JSON.stringify(value) ?? String(value) });
  return value;
}

/** Thresholds of one metric: its own entry in `thresholds`, else the rule-wide options. */
export function thresholdsFor(metric: string, options: Record<string, unknown>): Thresholds {
  const global: Thresholds = {
    warning: numberOption(options.warning, DEFAULTS.warning, 'warning'),
    error: numberOption(options.error, DEFAULTS.error, 'error'),
    improvement: numberOption(options.improvement, DEFAULTS.improvement, 'improvement'),
  };
  const table = options.thresholds;
  const own = isObject(table) ? table[metric] : undefined;
  if (own === undefined) return ordered(global, '');
  if (!isObject(own)) throw new ConfigError('config-option-thresholds', { metric, example: '{ warning: 0.05, error: 0.1 }' });
  return ordered(
    {
      warning: numberOption(own.warning, global.warning, `thresholds.${metric}.warning`),
      error: numberOption(own.error, global.error, `thresholds.${metric}.error`),
      improvement: numberOption(own.improvement, global.improvement, `thresholds.${metric}.improvement`),
    },
    `thresholds.${metric}.`,
  );
}

/** A warning threshold above the error one would turn every error into a warning's silence. */
function ordered(thresholds: Thresholds, prefix: string): Thresholds {
  if (thresholds.warning > thresholds.error) {
    throw new ConfigError('config-thresholds-order', { warning: `${prefix}warning`, error: `${prefix}error`, warningValue: thresholds.warning, errorValue: thresholds.error });
  }
  return thresholds;
}

/** The kind of a metric when metric-regression compares it, or undefined. */
function comparedKind(metric: string, options: Record<string, unknown>): MetricKind | undefined {
  const directions = isObject(options.directions) ? options.directions : {};
  const kind = metricKind(metric, directions);
  if (!kind) return undefined;
  const named = isObject(options.thresholds) && Object.prototype.hasOwnProperty.call(options.thresholds, metric);
  return kind.regression || named ? kind : undefined;
}

function verdict(change: number, limits: Thresholds): { severity: Severity | 'ok'; messageId: string; limit: number } {
  if (change > limits.error) return { severity: 'error', messageId: 'regression', limit: limits.error };
  if (change > limits.warning) return { severity: 'warning', messageId: 'regression', limit: limits.warning };
  if (-change > limits.improvement) return { severity: 'notice', messageId: 'improvement', limit: limits.improvement };
  return { severity: 'ok', messageId: '', limit: 0 };
}

export const metricRegression: RuleDefinition = {
  meta: {
    id: 'metric-regression',
    category: 'comparison',
    defaultSeverity: 'warning',
    description: {
      en: 'A new result is worse than the published results of the same configuration beyond the thresholds, or suspiciously better.',
      'zh-CN': '新结果比相同配置的已发布结果差，超出阈值；或好得令人怀疑。',
    },
    messages: {
      en: {
        regression: '{metric} is {value}, {change} ({direction}) against {reference}; the {level} threshold is {limit}. A regression this size usually means a misconfigured run: check the machine and the command, or acknowledge it in the configuration with a reason.',
        acknowledged: '{metric} is {value}, {change} ({direction}) against {reference}; acknowledged: {reason}.',
        improvement: '{metric} is {value}, {change} ({direction}) against {reference}, beyond the {limit} a real improvement rarely reaches. Check the unit, the workload and that the run completed before publishing it.',
        'reference-one': '{base} of the published result with the same configuration',
        'reference-many': 'the median {base} of {peers} published results with the same configuration (spread ±{spread})',
        'worse-lower': 'worse, lower is better',
        'worse-higher': 'worse, higher is better',
        'better-lower': 'better, lower is better',
        'better-higher': 'better, higher is better',
        'level-error': 'error',
        'level-warning': 'warning',
      },
      'zh-CN': {
        regression: '{metric} 为 {value}，相对于{reference}变化 {change}（{direction}）；{level}阈值为 {limit}。退化到这个程度通常说明运行环境配置有误：请检查机器和命令，或在配置中附理由确认此变化。',
        acknowledged: '{metric} 为 {value}，相对于{reference}变化 {change}（{direction}）；已确认：{reason}。',
        improvement: '{metric} 为 {value}，相对于{reference}变化 {change}（{direction}），超过了真实优化很少达到的 {limit}。发布前请核对单位、负载配置以及运行是否完整。',
        'reference-one': '相同配置的已发布结果 {base}',
        'reference-many': '相同配置的 {peers} 个已发布结果的中位数 {base}（离散度 ±{spread}）',
        'worse-lower': '变差，越低越好',
        'worse-higher': '变差，越高越好',
        'better-lower': '变好，越低越好',
        'better-higher': '变好，越高越好',
        'level-error': '错误',
        'level-warning': '警告',
      },
    },
    options: { warning: DEFAULTS.warning, error: DEFAULTS.error, improvement: DEFAULTS.improvement, thresholds: {}, directions: {} },
    optionSchemas: {
      warning: { type: 'number', minimum: 0 },
      error: { type: 'number', minimum: 0 },
      improvement: { type: 'number', minimum: 0 },
      thresholds: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          properties: { warning: { type: 'number', minimum: 0 }, error: { type: 'number', minimum: 0 }, improvement: { type: 'number', minimum: 0 } },
        },
      },
      directions: { type: 'object', additionalProperties: { enum: ['lower', 'higher'] } },
    },
  },
  checkChange(change, context) {
    const settings = change.comparison ?? defaultComparisonSettings();
    const peers = new PeerIndex(change.baseEntries, settings.keyFields);

    for (const entry of change.checked) {
      // A number json-syntax reports as inexact would be compared as its rounded double.
      if (entry.inexact) continue;
      const found = peers.peersOf(entry);
      if (!found.entries) {
        settings.collector?.uncomparable(entry, found.missing);
        continue;
      }
      if (found.entries.length === 0) continue;

      for (const metric of numericMetrics(entry)) {
        const kind = comparedKind(metric, context.options);
        if (!kind) continue;
        const values = metricValues(found.entries, metric);
        if (values.length === 0) continue;

        const value = field(entry.value, `metrics.${metric}`) as number;
        const reference = median(values);
        const moved = worsening(value, reference, kind);
        if (moved === undefined) continue;

        const limits = thresholdsFor(metric, context.options);
        const judged = verdict(moved, limits);
        const acknowledged = judged.messageId === 'regression' ? findAcknowledgement(settings, change.labels, entry.id, metric) : undefined;
        const severity: Severity | 'ok' = acknowledged !== undefined ? 'notice' : judged.severity;
        const pointer = `${entry.pointer}/metrics/${metric.replace(/~/g, '~0').replace(/\//g, '~1')}`;

        settings.collector?.record({
          entryId: entry.id ?? entry.key,
          file: entry.file,
          pointer,
          metric,
          baseValue: reference,
          newValue: value,
          worsening: moved,
          scale: kind.scale,
          direction: kind.direction,
          peers: values.length,
          severity,
          ...(acknowledged !== undefined ? { acknowledged } : {}),
        });
        if (judged.severity === 'ok') continue;

        const spread = values.length > 1 ? (kind.scale === 'points' ? formatChange(mad(values, reference), 'points').slice(1) : reference === 0 ? '–' : `${((mad(values, reference) / Math.abs(reference)) * 100).toFixed(1)}%`) : '';
        const limitText = kind.scale === 'points' ? `${(judged.limit * 100).toFixed(1)} pp` : `${(judged.limit * 100).toFixed(0)}%`;
        context.report({
          messageId: acknowledged !== undefined ? 'acknowledged' : judged.messageId,
          data: {
            metric,
            value: formatNumber(value),
            base: formatNumber(reference),
            peers: values.length,
            spread,
            reference: values.length > 1 ? 'msg:reference-many' : 'msg:reference-one',
            change: formatChange(kind.direction === 'lower' ? moved : -moved, kind.scale),
            direction: `msg:${moved > 0 ? 'worse' : 'better'}-${kind.direction}`,
            level: judged.severity === 'error' ? 'msg:level-error' : 'msg:level-warning',
            limit: limitText,
            reason: acknowledged ?? '',
          },
          file: entry.file,
          pointer,
          target: 'value',
          entryId: entry.id,
          severity: severity === 'ok' ? undefined : severity,
        });
      }
    }
  },
};

