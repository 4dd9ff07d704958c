'use strict';
/**
 * The floor of the benchmark: what any checker of this kind must do at
 * least. It parses base and head with JSON.parse and validates every entry
 * of head once with the built-in schema, compiled with the ajv options the
 * check uses (the same draft class, formats, errors plugin and RE2 patterns).
 * With --native-regexp it keeps ajv's default native RegExp instead, the
 * floor of a checker that does not guard against catastrophic patterns.
 *
 * Usage: node scripts/bench/floor.js BASE.json HEAD.json [--native-regexp]
 */

const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;
const addErrors = require('ajv-errors');
const { RE2JS } = require('re2js');

const schema = require(join(__dirname, '..', '..', 'src', 'schema', 'leaderboard_v1.schema.json'));

function re2Engine(pattern) {
  const compiled = RE2JS.compile(pattern);
  return { test: (input) => compiled.matcher(input).find(), toString: () => `/${pattern}/` };
}
re2Engine.code = 'require("re2js").RE2JS';

function main(basePath, headPath, nativeRegExp) {
  const base = JSON.parse(readFileSync(basePath, 'utf8'));
  const head = JSON.parse(readFileSync(headPath, 'utf8'));

  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    verbose: true,
    ...(nativeRegExp ? {} : { code: { regExp: re2Engine } }),
  });
  addFormats(ajv);
  addErrors(ajv);
  const validate = ajv.compile(schema);

  let invalid = 0;
  for (const entry of head) if (!validate(entry)) invalid++;
  process.stdout.write(`${JSON.stringify({ base: base.length, head: head.length, invalid })}\n`);
}

main(process.argv[2], process.argv[3], process.argv[4] === '--native-regexp');
