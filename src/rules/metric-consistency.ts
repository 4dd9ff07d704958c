import { formatNumber } from '../core/compare';
import { field, isNumber } from './fields';
import type { RuleDefinition } from './rule';

/** Requests in flight: the larger of concurrency and batch size, as either may bound decoding. */
function streams(entry: unknown): number | undefined {
  const counts = [field(entry, 'workload.concurrent_requests'), field(entry, 'workload.batch_size')].filter((value): value is number => isNumber(value) && value >= 1);
  return counts.length > 0 ? Math.max(...counts) : undefined;
}

function metric(entry: unknown, name: string): number | undefined {
  const value = field(entry, `metrics.${name}`);
  return isNumber(value) ? value : undefined;
}

export const metricConsistency: RuleDefinition = {
  meta: {
    id: 'metric-consistency',
    category: 'entry',
    defaultSeverity: 'warning',
    description: {
      en: 'Metrics that contradict each other: throughput versus concurrency and time per output token, tbt versus tpot, KV bytes versus tokens.',
      'zh-CN': '相互矛盾的指标：吞吐量与并发数及每输出 token 时间、tbt 与 tpot、KV 字节数与 token 数。',
    },
    messages: {
      en: {
        throughput: 'throughput_tps {throughput} exceeds what {streams} concurrent requests can produce at tpot_ms {tpot}: at most {bound} tokens/s (streams × 1000 / tpot_ms, plus {tolerance}%). One of the three is wrong, often tpot_ms in seconds or a throughput summed over input and output tokens.',
        'tbt-tpot': 'tbt_ms {tbt} and tpot_ms {tpot} differ by a factor of {ratio}, more than the {limit} allowed by option `tbt-tolerance`: both measure the time between output tokens of one request, so one of them is likely computed over the wrong token count or in the wrong unit.',
        'kv-zero': 'kv_used_tokens is {tokens} but kv_used_bytes is {bytes}: a KV cache that holds tokens uses bytes, and the other way round.',
        'kv-per-token': 'kv_used_bytes {bytes} over kv_used_tokens {tokens} is {perToken} bytes per token, outside {min} to {max}: is kv_used_bytes in another unit (KB, MB) or are the tokens counted differently?',
        'all-failed': 'error_rate is {rate}, so every request failed, yet throughput_tps is {throughput}: tokens cannot come from failed requests.',
      },
      'zh-CN': {
        throughput: 'throughput_tps {throughput} 超过了 {streams} 个并发请求在 tpot_ms {tpot} 下所能达到的上限：最多 {bound} tokens/s（并发数 × 1000 / tpot_ms，另加 {tolerance}%）。三者之一有误，常见原因是 tpot_ms 写成了秒，或吞吐量把输入和输出 token 相加。',
        'tbt-tpot': 'tbt_ms {tbt} 与 tpot_ms {tpot} 相差 {ratio} 倍，超过选项 `tbt-tolerance` 允许的 {limit} 倍：两者都表示同一请求相邻输出 token 之间的时间，其中之一可能按错误的 token 数或单位计算。',
        'kv-zero': 'kv_used_tokens 为 {tokens}，而 kv_used_bytes 为 {bytes}：KV 缓存中有 token 就必然占用字节，反之亦然。',
        'kv-per-token': 'kv_used_bytes {bytes} 除以 kv_used_tokens {tokens} 得每 token {perToken} 字节，不在 {min} 到 {max} 之间：kv_used_bytes 是否用了其他单位（KB、MB），或 token 的计数方式不同？',
        'all-failed': 'error_rate 为 {rate}，即所有请求都失败了，但 throughput_tps 为 {throughput}：失败的请求不会产生 token。',
      },
    },
    options: { 'throughput-tolerance': 0.1, 'tbt-tolerance': 0.5, 'min-kv-bytes-per-token': 64, 'max-kv-bytes-per-token': 8_388_608 },
    optionSchemas: {
      'throughput-tolerance': { type: 'number', minimum: 0 },
      'tbt-tolerance': { type: 'number', minimum: 0 },
      'min-kv-bytes-per-token': { type: 'number', minimum: 0 },
      'max-kv-bytes-per-token': { type: 'number', exclusiveMinimum: 0 },
    },
  },
  checkEntry(entry, context) {
    const value = entry.value;
    const throughput = metric(value, 'throughput_tps');
    const tpot = metric(value, 'tpot_ms');
    const tbt = metric(value, 'tbt_ms');

    const count = streams(value);
    const tolerance = Number(context.options['throughput-tolerance'] ?? 0.1);
    if (throughput !== undefined && tpot !== undefined && tpot > 0 && count !== undefined) {
      // Each request in flight yields at most one token per tpot_ms, so the
      // sum over requests bounds the output throughput from above; prefill
      // and idle gaps only lower it, so no lower bound is checked.
      const bound = (count * 1000) / tpot;
      if (throughput > bound * (1 + tolerance)) {
        context.report({
          pointer: '/metrics/throughput_tps',
          messageId: 'throughput',
          data: { throughput: formatNumber(throughput), streams: count, tpot: formatNumber(tpot), bound: formatNumber(bound), tolerance: Math.round(tolerance * 100) },
        });
      }
    }

    const tbtTolerance = Number(context.options['tbt-tolerance'] ?? 0.5);
    if (tbt !== undefined && tpot !== undefined && tbt > 0 && tpot > 0) {
      const ratio = Math.max(tbt, tpot) / Math.min(tbt, tpot);
      if (ratio > 1 + tbtTolerance) {
        context.report({
          pointer: '/metrics/tbt_ms',
          messageId: 'tbt-tpot',
          data: { tbt: formatNumber(tbt), tpot: formatNumber(tpot), ratio: formatNumber(ratio), limit: formatNumber(1 + tbtTolerance) },
        });
      }
    }

    const tokens = metric(value, 'kv_used_tokens');
    const bytes = metric(value, 'kv_used_bytes');
    if (tokens !== undefined && bytes !== undefined) {
      if ((tokens > 0) !== (bytes > 0)) {
        context.report({ pointer: '/metrics/kv_used_bytes', messageId: 'kv-zero', data: { tokens, bytes } });
      } else if (tokens > 0) {
        const min = Number(context.options['min-kv-bytes-per-token'] ?? 64);
        const max = Number(context.options['max-kv-bytes-per-token'] ?? 8_388_608);
        const perToken = bytes / tokens;
        if (perToken < min || perToken > max) {
          context.report({
            pointer: '/metrics/kv_used_bytes',
            messageId: 'kv-per-token',
            data: { bytes: formatNumber(bytes), tokens: formatNumber(tokens), perToken: formatNumber(perToken), min: formatNumber(min), max: formatNumber(max) },
          });
        }
      }
    }

    const rate = metric(value, 'error_rate');
    if (rate !== undefined && rate >= 1 && throughput !== undefined && throughput > 0) {
      context.report({ pointer: '/metrics/throughput_tps', messageId: 'all-failed', data: { rate, throughput: formatNumber(throughput) } });
    }
  },
};
