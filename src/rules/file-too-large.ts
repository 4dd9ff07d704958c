import type { RuleDefinition } from './rule';

/** Reported by the file reader before parsing, so an oversized file costs no memory. */
export const fileTooLarge: RuleDefinition = {
  meta: {
    id: 'file-too-large',
    category: 'file',
    defaultSeverity: 'error',
    description: {
      en: 'The file exceeds the configured size limit, or its check the time limit, and is not fully checked.',
      'zh-CN': '文件超过配置的大小上限，或检查超过时间上限，未被完整检查。',
    },
    messages: {
      en: {
        'too-large': 'The file is {size} bytes, more than the limit of {limit} bytes (option `max-bytes`), so it was not checked. Split the file or raise the limit.',
        'time-limit': 'Checking this file took longer than {seconds} s (`limits.max-seconds-per-file`), so {total} of its new or changed entries, after the first {checked}, were not checked. Split the file or raise the limit.',
      },
      'zh-CN': {
        'too-large': '文件大小为 {size} 字节，超过上限 {limit} 字节（选项 `max-bytes`），未进行检查。请拆分文件或调高上限。',
        'time-limit': '检查该文件的时间超过 {seconds} 秒（`limits.max-seconds-per-file`），因此在前 {checked} 个新增或修改的条目之后，还有 {total} 个未检查。请拆分文件或调高上限。',
      },
    },
    options: { 'max-bytes': 50 * 1024 * 1024 },
    optionSchemas: { 'max-bytes': { type: 'integer', minimum: 1 } },
  },
};
