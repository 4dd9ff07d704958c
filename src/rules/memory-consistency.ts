import { field, isNumber } from './fields';
import type { RuleDefinition } from './rule';

const MB_PER_GB = 1024;

export const memoryConsistency: RuleDefinition = {
  meta: {
    id: 'memory-consistency',
    category: 'entry',
    defaultSeverity: 'warning',
    description: {
      en: '`total_memory_gb` differs from per-chip memory × chip count, or `peak_mem_mb` exceeds the memory there is.',
      'zh-CN': '`total_memory_gb` 不等于单卡显存 × 卡数，或 `peak_mem_mb` 超过实际可用显存。',
    },
    messages: {
      en: {
        'total-mismatch': '`hardware.total_memory_gb` is {total}, but {perChip} GB per chip × {chipCount} chips = {expected} GB: correct total_memory_gb, memory_per_chip_gb or chip_count.',
        'peak-exceeds': '`metrics.peak_mem_mb` is {peak} MB, more than the {available} MB of device memory the hardware has ({totalGb} GB): check the unit (MB) and the hardware fields.',
      },
      'zh-CN': {
        'total-mismatch': '`hardware.total_memory_gb` 为 {total}，但单卡 {perChip} GB × {chipCount} 张卡 = {expected} GB：请修正 total_memory_gb、memory_per_chip_gb 或 chip_count。',
        'peak-exceeds': '`metrics.peak_mem_mb` 为 {peak} MB，超过硬件的显存总量 {available} MB（{totalGb} GB）：请检查单位（MB）和硬件字段。',
      },
    },
    // Relative slack for rounding, and for GB read as 1,000 rather than 1,024 MB.
    options: { tolerance: 0.05 },
    optionSchemas: { tolerance: { type: 'number', minimum: 0, maximum: 1 } },
  },
  checkEntry(entry, context) {
    const tolerance = Number(context.options.tolerance ?? 0.05);
    const perChip = field(entry.value, 'hardware.memory_per_chip_gb');
    const chipCount = field(entry.value, 'hardware.chip_count');
    const total = field(entry.value, 'hardware.total_memory_gb');
    const peak = field(entry.value, 'metrics.peak_mem_mb');

    if (isNumber(perChip) && isNumber(chipCount) && isNumber(total)) {
      const expected = perChip * chipCount;
      if (Math.abs(total - expected) > tolerance * expected) {
        context.report({ pointer: '/hardware/total_memory_gb', messageId: 'total-mismatch', data: { total, perChip, chipCount, expected } });
      }
    }

    const totalGb = isNumber(total) && total > 0 ? total : isNumber(perChip) && isNumber(chipCount) ? perChip * chipCount : undefined;
    if (isNumber(peak) && totalGb !== undefined && totalGb > 0) {
      const available = totalGb * MB_PER_GB;
      if (peak > available * (1 + tolerance)) {
        context.report({ pointer: '/metrics/peak_mem_mb', messageId: 'peak-exceeds', data: { peak, available, totalGb } });
      }
    }
  },
};
