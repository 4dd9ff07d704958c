/** The REST client: Octokit from @actions/github with retries on 5xx and waits on rate limits. */

import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type Client = ReturnType<typeof getOctokit>;

/** Rate-limited requests are retried this many times, waiting for the time GitHub's `retry-after` header requests. */
const RATE_LIMIT_RETRIES = 2;

export function createClient(token: string, baseUrl: string): Client {
  return getOctokit(
    token,
    {
      baseUrl,
      throttle: {
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          core.warning(`GitHub rate limit reached on ${options.method} ${options.url}; retrying in ${retryAfter} s.`);
          return retryCount < RATE_LIMIT_RETRIES;
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          core.warning(`GitHub secondary rate limit reached on ${options.method} ${options.url}; retrying in ${retryAfter} s.`);
          return retryCount < RATE_LIMIT_RETRIES;
        },
      },
    },
    retry,
    throttling,
  );
}
