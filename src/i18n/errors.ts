/** Usage and configuration errors, the one-line messages of exit code 2, in each locale. */

import type { Locale, MessageData } from '../core/types';
import { formatTemplate } from './format';

const en = {
  'schema-draft': '{source}: unsupported "$schema" {declared}: use draft-07, 2019-09 or 2020-12.',
  'schema-not-object': '{source}: a JSON Schema must be an object.',
  'schema-remote-ref': '{source}: the $ref {reference} cannot be resolved; remote references are never fetched, so bundle the referenced schema into this file.',
  'schema-pattern': '{source}: {detail}. Patterns run on a linear-time engine (RE2) without lookaround or backreferences; rewrite the pattern.',
  'schema-invalid': '{source}{where}: invalid JSON Schema: {detail}',
  'schema-not-json': '{source}:{line}:{column}: the schema is not valid JSON ({problem}).',
  'schema-recursive': '{source}: the schema refers to itself without end (a $ref loop with no keyword that stops it), so validation cannot finish: break the loop.',
  'config-yaml': '{source}{where}: invalid YAML: {detail}',
  'config-json': '{source}:{line}:{column}: invalid JSON: {detail}',
  'config-setting': '{source}{where}: {name}: {detail}.',
  'config-unknown-rule': '{source}{where}: unknown rule "{id}": run `leaderboard-check rules` for the list.',
  'config-unknown-rule-suggest': '{source}{where}: unknown rule "{id}": did you mean "{suggestion}"?',
  'config-unknown-setting': 'unknown setting "{name}"',
  'config-one-of': 'must be one of {allowed}',
  'config-missing-setting': 'missing required setting "{name}"',
  'config-no-options': '{source}{where}: rule "{id}" has no option "{name}": it has no options.',
  'config-unknown-option': '{source}{where}: rule "{id}" has no option "{name}": its options are {options}.',
  'config-unknown-option-suggest': '{source}{where}: rule "{id}" has no option "{name}": did you mean "{suggestion}"? Its options are {options}.',
  'config-option-type': '{source}{where}: option "{name}" of rule "{id}" must be a {type}, found {value}.',
  'config-option-invalid': '{source}{where}: option "{name}" of rule "{id}" is {value}, but it {detail}.',
  'config-thresholds-order': 'option "{warning}" of rule "metric-regression" is {warningValue}, above "{error}" at {errorValue}: the warning threshold must not exceed the error threshold.',
  'config-option-number': 'option "{name}" of rule "{id}" must be a number of 0 or more, found {value}.',
  'config-option-thresholds': 'option "thresholds.{metric}" of rule "metric-regression" must be an object such as {example}.',
  'config-expires': '{source}{where}: expires "{value}" is not a date.',
  'config-suppression-file-rule': '{source}{where}: rule "{id}" reports whole files, not entries, so a suppression for an entry never applies: turn it off for those paths under `overrides` instead.',
  'config-not-found': 'configuration {path} was not found at {revision}: the configuration is read from the base revision.',
  'config-symlink': '{path} is a symbolic link at {revision}; links are never followed.',
  'schema-not-found-local': 'schema {path} was not found at {revision} nor on disk.',
  'schema-not-found': 'schema {path} was not found at {revision}: name a file that exists at base, or "builtin".',
  'not-a-repository': '{path} is not inside a git work tree.',
  'outside-repository': 'path {path} is outside the repository: name files relative to its top.',
  'revision-not-found': 'revision {revision} was not found in {repo}: fetch it or name another with --base/--head.',
  'no-default-branch': 'no default branch (main or master) was found to compare with: name the base with --base REV.',
  'git-failed': 'git {command} failed: {reason}',
  'option-invalid': '--{name} {value} is not valid: use one of {allowed}.',
  'option-parse': '{detail}. Run with --help for the options.',
  'explain-needs-rule': 'explain needs a rule id, such as `leaderboard-check explain schema`.',
  'staged-and-head': '--staged and --head cannot be combined: --staged checks the index.',
  'all-and-base': '--all and --base cannot be combined: --all checks every file without a base.',
  'unknown-rule': 'unknown rule {id}: run `leaderboard-check rules` for the list.',
  'docs-not-found': 'the docs page {name} was not found next to the program.',
  'unexpected-argument': 'unexpected argument {argument} after `{command}`.',
  'empty-glob': 'an empty file glob was given: name files such as \'data/**/*.json\'.',
  'output-failed': 'the report could not be written to {path} ({reason}): check that the directory exists and is writable.',
  'no-files-match': 'no file at base or head matches {globs}: check the globs, which are relative to the repository top.',
};

const zh: typeof en = {
  'schema-draft': '{source}：不支持的 "$schema" {declared}：请使用 draft-07、2019-09 或 2020-12。',
  'schema-not-object': '{source}：JSON Schema 必须是对象。',
  'schema-remote-ref': '{source}：无法解析 $ref {reference}；从不获取远程引用，请把被引用的 schema 合并到本文件中。',
  'schema-pattern': '{source}：{detail}。模式在线性时间引擎（RE2）上运行，不支持环视和反向引用；请改写该模式。',
  'schema-invalid': '{source}{where}：无效的 JSON Schema：{detail}',
  'schema-not-json': '{source}:{line}:{column}：schema 不是有效的 JSON（{problem}）。',
  'schema-recursive': '{source}：schema 无终止地引用自身（$ref 循环中没有能终止它的关键字），验证无法完成：请打断该循环。',
  'config-yaml': '{source}{where}：无效的 YAML：{detail}',
  'config-json': '{source}:{line}:{column}：无效的 JSON：{detail}',
  'config-setting': '{source}{where}：{name}：{detail}。',
  'config-unknown-rule': '{source}{where}：未知规则 "{id}"：运行 `leaderboard-check rules` 查看列表。',
  'config-unknown-rule-suggest': '{source}{where}：未知规则 "{id}"：是否应为 "{suggestion}"？',
  'config-unknown-setting': '未知设置 "{name}"',
  'config-one-of': '必须是 {allowed} 之一',
  'config-missing-setting': '缺少必填设置 "{name}"',
  'config-no-options': '{source}{where}：规则 "{id}" 没有选项 "{name}"：该规则没有任何选项。',
  'config-unknown-option': '{source}{where}：规则 "{id}" 没有选项 "{name}"：它的选项是 {options}。',
  'config-unknown-option-suggest': '{source}{where}：规则 "{id}" 没有选项 "{name}"：是否应为 "{suggestion}"？它的选项是 {options}。',
  'config-option-type': '{source}{where}：规则 "{id}" 的选项 "{name}" 必须是 {type}，实际为 {value}。',
  'config-option-invalid': '{source}{where}：规则 "{id}" 的选项 "{name}" 为 {value}，但{detail}。',
  'config-thresholds-order': '规则 "metric-regression" 的选项 "{warning}" 为 {warningValue}，高于 "{error}" 的 {errorValue}：警告阈值不能超过错误阈值。',
  'config-option-number': '规则 "{id}" 的选项 "{name}" 必须是大于等于 0 的数，实际为 {value}。',
  'config-option-thresholds': '规则 "metric-regression" 的选项 "thresholds.{metric}" 必须是对象，例如 {example}。',
  'config-expires': '{source}{where}：expires "{value}" 不是日期。',
  'config-suppression-file-rule': '{source}{where}：规则 "{id}" 针对整个文件而不是条目，因此按条目的抑制永远不会生效：请改在 `overrides` 中对这些路径关闭它。',
  'config-not-found': '在 {revision} 中找不到配置 {path}：配置从基准修订读取。',
  'config-symlink': '{path} 在 {revision} 中是符号链接；从不跟随链接。',
  'schema-not-found-local': '在 {revision} 和磁盘上都找不到 schema {path}。',
  'schema-not-found': '在 {revision} 中找不到 schema {path}：请指定基准修订中存在的文件，或 "builtin"。',
  'not-a-repository': '{path} 不在 git 工作区内。',
  'outside-repository': '路径 {path} 在仓库之外：请使用相对于仓库根目录的路径。',
  'revision-not-found': '在 {repo} 中找不到修订 {revision}：请先获取它，或用 --base/--head 指定其他修订。',
  'no-default-branch': '找不到用于对比的默认分支（main 或 master）：请用 --base REV 指定基准。',
  'git-failed': 'git {command} 失败：{reason}',
  'option-invalid': '--{name} {value} 无效：请使用 {allowed} 之一。',
  'option-parse': '{detail}。运行 --help 查看选项。',
  'explain-needs-rule': 'explain 需要一个规则 id，例如 `leaderboard-check explain schema`。',
  'staged-and-head': '--staged 与 --head 不能同时使用：--staged 检查的是暂存区。',
  'all-and-base': '--all 与 --base 不能同时使用：--all 不与基准对比，检查所有文件。',
  'unknown-rule': '未知规则 {id}：运行 `leaderboard-check rules` 查看列表。',
  'docs-not-found': '在程序旁边找不到文档页面 {name}。',
  'unexpected-argument': '`{command}` 之后出现了多余的参数 {argument}。',
  'empty-glob': '给出了空的文件 glob：请指定文件，例如 \'data/**/*.json\'。',
  'output-failed': '无法将报告写入 {path}（{reason}）：请确认目录存在且可写。',
  'no-files-match': '基准和目标中都没有与 {globs} 匹配的文件：请检查 glob，它们相对于仓库根目录。',
};

export type ErrorId = keyof typeof en;

export const ERRORS: Record<Locale, Record<ErrorId, string>> = { en, 'zh-CN': zh };

export function isErrorId(value: string): value is ErrorId {
  return Object.prototype.hasOwnProperty.call(en, value);
}

/**
 * Renders an error. A data value written `msg:ID` names another entry of the
 * catalogue, rendered with the same data, and a key `name@LOCALE` replaces
 * `name` in that locale, for details that come translated from elsewhere.
 */
export function errorText(locale: Locale, id: ErrorId, data: MessageData = {}): string {
  const resolved: MessageData = {};
  for (const [name, value] of Object.entries(data)) {
    if (name.includes('@')) continue;
    const own = data[`${name}@${locale}`] ?? value;
    const reference = typeof own === 'string' && own.startsWith('msg:') ? own.slice(4) : undefined;
    resolved[name] = reference !== undefined && isErrorId(reference) ? formatTemplate(ERRORS[locale][reference], data) : own;
  }
  return formatTemplate(ERRORS[locale][id], resolved);
}
