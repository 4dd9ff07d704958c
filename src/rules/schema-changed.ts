import type { RuleDefinition } from './rule';

export const schemaChanged: RuleDefinition = {
  meta: {
    id: 'schema-changed',
    category: 'change',
    defaultSeverity: 'warning',
    description: {
      en: "The change edits the schema or the checker's configuration; checks still use the base versions.",
      'zh-CN': '本次变更修改了 schema 或检查器配置；检查仍使用基准分支上的版本。',
    },
    messages: {
      en: {
        schema: 'This change edits the schema {path}. The data was checked against the schema at base, so the new schema takes effect only after it is merged; review it on its own.',
        config: 'This change edits the checker configuration {path}. The check used the configuration at base, so a change cannot loosen the rules it is checked by; review it on its own.',
      },
      'zh-CN': {
        schema: '本次变更修改了 schema 文件 {path}。数据按基准分支上的 schema 检查，新 schema 只在合并后生效；请单独审查该修改。',
        config: '本次变更修改了检查器配置 {path}。检查使用基准分支上的配置，因此变更无法放宽用来检查它自身的规则；请单独审查该修改。',
      },
    },
  },
  checkChange(change, context) {
    for (const path of change.touchedPaths) {
      const kind = change.schemaPaths.includes(path) ? 'schema' : change.configPaths.includes(path) ? 'config' : undefined;
      if (!kind) continue;
      context.report({ messageId: kind, data: { path }, file: path, pointer: '', offset: { start: 0, end: 0 } });
    }
  },
};
