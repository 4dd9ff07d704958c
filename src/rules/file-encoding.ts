import type { RuleDefinition } from './rule';

/** Reported by the file reader: a byte-order mark (warning) or bytes that are not UTF-8 (error). */
export const fileEncoding: RuleDefinition = {
  meta: {
    id: 'file-encoding',
    category: 'file',
    defaultSeverity: 'warning',
    description: {
      en: 'A byte-order mark (warning), bytes that are not UTF-8 or binary content (error).',
      'zh-CN': '字节顺序标记 BOM（警告）；非 UTF-8 字节或二进制内容（错误）。',
    },
    messages: {
      en: {
        bom: "The file starts with a UTF-8 byte-order mark, which Python's json.loads rejects: save it as UTF-8 without BOM.",
        'invalid-utf8': 'Bytes that are not valid UTF-8 start here: save the file as UTF-8.',
        binary: 'The file contains a NUL byte, so it is binary, not JSON text; it was not checked.',
      },
      'zh-CN': {
        bom: '文件以 UTF-8 字节顺序标记（BOM）开头，Python 的 json.loads 会拒绝它：请保存为不带 BOM 的 UTF-8。',
        'invalid-utf8': '从此处开始出现无效的 UTF-8 字节：请将文件保存为 UTF-8 编码。',
        binary: '文件包含 NUL 字节，是二进制内容而不是 JSON 文本，未进行检查。',
      },
    },
  },
};
