/** The `--help` text, in each locale. */

import type { Locale } from '../core/types';

const en = `Usage: leaderboard-check [check] [options] [GLOB...]
       leaderboard-check rules
       leaderboard-check explain RULE

Checks the leaderboard data files a change touches: strict JSON, the schema,
the data model's cross-field rules, duplicate entry ids and removed or
rewritten results. Findings are reported at file, line and column.

Arguments:
  GLOB...              data files to check, as globs relative to the repository
                       top (default: "files" of the configuration, else
                       data/**/*.json)

Options:
  --base REV           revision to compare with (default: merge-base of HEAD
                       with origin/HEAD, else with origin/main, origin/master,
                       main or master, the first that exists)
  --head REV           revision to check (default: the work tree)
  --staged             check the staged content (the index) instead of the
                       work tree
  --all                check every selected file, without a base
  --exclude GLOB       leave out matching files; repeatable (added to the
                       configured exclusions, default **/schemas/**)
  --schema PATH|builtin
                       JSON Schema to validate entries with (default: the
                       repository's data/schemas/leaderboard_v1.schema.json at
                       base, else the built-in v1 schema)
  --config PATH        configuration file at base (default:
                       .github/leaderboard-check.yml, .yaml, .json or .jsonc)
  -f, --format FORMAT  text (default), json (the full report), sarif (SARIF
                       2.1.0, for code scanning), markdown (the pull request
                       comment) or github (workflow commands that annotate
                       the diff in GitHub Actions)
  -o, --output FILE    write the report to FILE instead of standard output
  --fail-on LEVEL      error (default), warning or never: the lowest severity
                       that makes the exit code 1
  --locale LOCALE      en (default) or zh-CN; also LEADERBOARD_CHECK_LOCALE
  --label NAME         a pull request label; repeatable (labels can acknowledge
                       regressions)
  -C, --repo DIR       run in DIR instead of the current directory
  --color, --no-color  force or disable colors (default: on for a terminal,
                       off when NO_COLOR is set)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 nothing reached the fail level, 1 something did, 2 usage or
configuration error.
`;

const zh = `用法：leaderboard-check [check] [选项] [GLOB...]
      leaderboard-check rules
      leaderboard-check explain 规则

检查一次变更所涉及的排行榜数据文件：严格 JSON、Schema、数据模型的跨字段规则、
重复的 entry_id，以及被删除或改写的结果。每个问题都报告到文件、行和列。

参数：
  GLOB...              要检查的数据文件，相对于仓库根目录的 glob（默认：配置中的
                       "files"，否则为 data/**/*.json）

选项：
  --base REV           对比的基准修订（默认：HEAD 与 origin/HEAD 的 merge-base；
                       没有时依次尝试 origin/main、origin/master、main、master）
  --head REV           要检查的修订（默认：工作区）
  --staged             检查暂存区（index）的内容而不是工作区
  --all                检查所有选中的文件，不与基准对比
  --exclude GLOB       排除匹配的文件；可重复（追加到配置中的排除项，默认
                       **/schemas/**）
  --schema PATH|builtin
                       用于验证条目的 JSON Schema（默认：基准修订中仓库的
                       data/schemas/leaderboard_v1.schema.json，否则为内置 v1 Schema）
  --config PATH        基准修订中的配置文件（默认：.github/leaderboard-check.yml、
                       .yaml、.json 或 .jsonc）
  -f, --format FORMAT  text（默认）、json（完整报告）、sarif（SARIF 2.1.0，用于代码
                       扫描）、markdown（拉取请求评论）或 github（在 GitHub Actions
                       中标注 diff 的工作流命令）
  -o, --output FILE    将报告写入 FILE，而不是标准输出
  --fail-on LEVEL      error（默认）、warning 或 never：使退出码为 1 的最低严重级别
  --locale LOCALE      en（默认）或 zh-CN；也可用环境变量 LEADERBOARD_CHECK_LOCALE
  --label NAME         拉取请求的标签；可重复（标签可用于确认预期的性能回退）
  -C, --repo DIR       在 DIR 中运行，而不是当前目录
  --color, --no-color  强制开启或关闭颜色（默认：终端中开启，设置 NO_COLOR 时关闭）
  -h, --help           显示此帮助
  -v, --version        显示版本号

退出码：0 没有达到失败级别的问题，1 有，2 用法或配置错误。
`;

export const HELP: Record<Locale, string> = { en, 'zh-CN': zh };
