'use strict';
/**
 * Preloaded with `node -r` when /usr/bin/time is missing: writes the peak
 * resident set size of the process, in kilobytes, to the file named by
 * BENCH_RSS_FILE when the process exits.
 */

const { writeFileSync } = require('node:fs');

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
