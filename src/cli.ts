#!/usr/bin/env node
import { main } from './cli/main';

void main(process.argv.slice(2), { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) }, process.env, Boolean(process.stdout.isTTY)).then((code) => {
  process.exitCode = code;
});
