import type { RuleDefinition } from './rule';

/** Reported by the file reader: the top-level value is not entries. */
export const fileShape: RuleDefinition = {
  meta: {
    id: 'file-shape',
    category: 'file',
    defaultSeverity: 'error',
    description: {
      en: 'The file is neither an entry object nor an array of entry objects.',
      'zh-CN': '文件既不是一个条目对象，也不是条目对象数组。',
    },
    messages: {
      en: {
        'not-entries': 'The file holds a JSON {type}, but a data file holds one entry object or an array of entry objects.',
        'element-not-object': 'Element {index} is a JSON {type}, but every element of a data file must be an entry object.',
        'too-deep': 'The JSON is nested deeper than {limit} levels, far deeper than any entry, so the file is not checked further.',
        symlink: 'The data file is a symbolic link, which is never followed because it could point outside the repository: commit the file itself.',
        'no-entries': 'The file holds no leaderboard entries: its objects (with keys such as {keys}) have none of the entry fields, such as entry_id or metrics, so it was not checked as data. If it is metadata, add it to `exclude`.',
        submodule: 'This data path is a git submodule, whose files belong to another repository and are not checked: commit the data files themselves, or exclude the path.',
      },
      'zh-CN': {
        'not-entries': '文件内容是 JSON {type}，但数据文件只能是一个条目对象或条目对象数组。',
        'element-not-object': '第 {index} 个元素是 JSON {type}，但数据文件的每个元素都必须是条目对象。',
        'too-deep': 'JSON 嵌套超过 {limit} 层，远超任何条目的深度，因此不再继续检查该文件。',
        symlink: '数据文件是符号链接。符号链接可能指向仓库之外，因此从不跟随：请直接提交文件本身。',
        'no-entries': '该文件不包含排行榜条目：其中的对象（键如 {keys}）没有任何条目字段（例如 entry_id 或 metrics），因此未作为数据检查。如果它是元数据文件，请将其加入 `exclude`。',
        submodule: '该数据路径是 git 子模块，其文件属于另一个仓库，不会被检查：请直接提交数据文件，或排除该路径。',
      },
    },
    // A file whose objects have none of these fields is metadata, not entries.
    options: {
      'entry-fields': ['entry_id', 'sagellm_version', 'config_type', 'hardware', 'model', 'workload', 'metrics', 'cluster', 'versions', 'environment', 'metadata'],
    },
    optionSchemas: { 'entry-fields': { type: 'array', items: { type: 'string', minLength: 1 } } },
  },
};
