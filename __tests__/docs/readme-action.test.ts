/**
 * Checks the READMEs' GitHub Action section against what it describes: the
 * inputs and outputs of action.yml with their defaults, the workflow snippet
 * and the links. The summary comment excerpt must consist of lines that the
 * Markdown renderer writes for the demo repository of scripts/demo.js.
 */

import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkRepository } from '../../src/core/check';
import { COMMENT_LIMIT, measureUtf16, renderMarkdown } from '../../src/report/markdown';
import { codeBlocksOf, headingAnchor, linkTargets, read, ROOT, sections, sectionUnder, tablesUnder } from './markdown';

// The demo script is plain JavaScript, so it is loaded with require.
const { buildDemoRepository } = require('../../scripts/demo-repository') as { buildDemoRepository(): { repo: string; base: string; head: string } };

interface ActionDefinition {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { description: string }>;
}

interface WorkflowStep {
  uses?: string;
  with?: Record<string, unknown>;
}

const action = parse(read('action.yml')) as ActionDefinition;
const inputNames = Object.keys(action.inputs);
const outputNames = Object.keys(action.outputs);

const READMES = [
  { path: 'README.md', inputs: 'Inputs', outputs: 'Outputs', permissions: 'Permissions' },
  { path: 'README.zh-CN.md', inputs: '输入', outputs: '输出', permissions: '权限' },
];

/** Returns the only table under `heading`, failing when there is none or more than one. */
function onlyTable(text: string, heading: string): string[][] {
  const tables = tablesUnder(text, heading);
  expect(tables).toHaveLength(1);
  return tables[0];
}

/** Returns every step of every job of the YAML code blocks of a document. */
function workflowSteps(path: string): WorkflowStep[] {
  return codeBlocksOf(read(path), 'yaml')
    .map((block) => parse(block) as { jobs?: Record<string, { steps?: WorkflowStep[] }> })
    .flatMap((workflow) => Object.values(workflow?.jobs ?? {}).flatMap((job) => job.steps ?? []));
}

describe.each(READMES)('$path action tables', ({ path, inputs, outputs }) => {
  const text = read(path);

  test('list every input in action.yml order', () => {
    const names = onlyTable(text, inputs).map((row) => row[0]);

    expect(names).toEqual(inputNames.map((name) => `\`${name}\``));
  });

  test.each(inputNames)('show the default of %s', (name) => {
    const row = onlyTable(text, inputs).find((cells) => cells[0] === `\`${name}\``);
    const value = action.inputs[name].default ?? '';

    expect(row?.[1]).toBe(`\`${value === '' ? "''" : value}\``);
  });

  test('list every output in action.yml order', () => {
    const names = onlyTable(text, outputs).map((row) => row[0]);

    expect(names).toEqual(outputNames.map((name) => `\`${name}\``));
  });
});

describe('README workflow snippet', () => {
  const workflows = codeBlocksOf(read('README.md'), 'yaml').map((block) => parse(block) as Record<string, any>);
  const snippet = workflows.find((workflow) =>
    Object.values(workflow?.jobs ?? {}).some((job: any) => (job.steps ?? []).some((step: WorkflowStep) => step.uses === 'intellistream/leaderboard-check@v1')),
  );

  test('runs on pull_request', () => {
    expect(snippet).toBeDefined();
    expect(snippet?.on).toBe('pull_request');
  });

  test('grants the permissions the action uses', () => {
    expect(snippet?.permissions).toEqual({ contents: 'read', checks: 'write', 'pull-requests': 'write' });
  });

  test('checks out before the action runs', () => {
    const steps = (Object.values(snippet?.jobs ?? {})[0] as { steps: WorkflowStep[] }).steps;
    const uses = steps.map((step) => step.uses ?? '');

    expect(uses[0]).toMatch(/^actions\/checkout@v\d+$/);
    expect(uses.indexOf('intellistream/leaderboard-check@v1')).toBeGreaterThan(0);
  });

  test.each(READMES)('$path explains each permission', ({ path, permissions }) => {
    const { body } = sectionUnder(read(path), permissions);

    for (const [name, level] of Object.entries(snippet?.permissions ?? {})) expect(body).toContain(`\`${name}: ${String(level)}\``);
  });
});

describe.each(['README.md', 'README.zh-CN.md', 'docs/action.md'])('workflows in %s', (path) => {
  const steps = workflowSteps(path);

  test('pass only inputs of action.yml', () => {
    const used = steps.filter((step) => step.uses?.startsWith('intellistream/leaderboard-check@')).flatMap((step) => Object.keys(step.with ?? {}));

    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((name) => !inputNames.includes(name))).toEqual([]);
  });

  test('read only outputs of action.yml', () => {
    const referenced = [...codeBlocksOf(read(path), 'yaml').join('\n').matchAll(/steps\.[\w-]+\.outputs\.([\w-]+)/g)].map((match) => match[1]);

    expect(referenced.filter((name) => !outputNames.includes(name))).toEqual([]);
  });
});

describe.each([
  ['README.md', ['docs/action.md', 'docs/configuration.md', 'docs/regression.md', 'docs/benchmarks.md', 'docs/rules/', 'CHANGELOG.md']],
  ['README.zh-CN.md', ['docs/action.md', 'docs/configuration.zh-CN.md', 'docs/regression.zh-CN.md', 'docs/benchmarks.md', 'docs/rules/', 'CHANGELOG.md']],
])('links of %s', (path, required) => {
  const targets = linkTargets(read(path));

  test('include each guide', () => {
    const files = targets.map((target) => target.split('#')[0]);

    for (const file of required) expect(files).toContain(file);
  });

  test('resolve to files and headings', () => {
    const broken = targets
      .filter((target) => !/^[a-z]+:/.test(target))
      .filter((target) => {
        const [file, anchor] = target.split('#');
        const document = file === '' ? path : file;
        if (!existsSync(join(ROOT, document))) return true;
        if (anchor === undefined) return false;
        return !sections(read(document)).some((section) => headingAnchor(section.heading) === anchor);
      });

    expect(broken).toEqual([]);
  });
});

describe('summary comment excerpt', () => {
  // Commit ids change with the commit time, so revision labels are compared without them.
  const withoutCommitIds = (line: string) => line.replace(/`[0-9a-f]{12}`/g, '`<commit>`');

  test('is made of rendered lines in order', async () => {
    const { repo, base, head } = buildDemoRepository();
    let rendered: string;
    try {
      const report = await checkRepository({ repo, base, head, locale: 'en' });
      rendered = renderMarkdown(report, { failed: report.summary.errors > 0, maxSize: COMMENT_LIMIT, measure: measureUtf16 });
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }

    const [excerpt] = codeBlocksOf(read('README.md'), 'markdown');
    const wanted = excerpt.split('\n').filter((line) => line !== '').map(withoutCommitIds);
    const lines = rendered.split('\n').map(withoutCommitIds);
    let next = 0;
    const missing = wanted.filter((line) => {
      const found = lines.indexOf(line, next);
      if (found === -1) return true;
      next = found + 1;
      return false;
    });

    expect(wanted.length).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});
