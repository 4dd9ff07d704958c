/** The bundle of the real sageLLM website data history, which sits beside the repository. */

import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Path of the bundle; LBC_CORPUS_BUNDLE names another copy. */
export const CORPUS_BUNDLE = process.env.LBC_CORPUS_BUNDLE ?? join(__dirname, '..', '..', '..', 'shared', 'corpus', 'sagellm-website-data.bundle');

/** Corpus tests are skipped where the bundle is absent, such as a clone without its neighbours. */
export const describeWithCorpus = existsSync(CORPUS_BUNDLE) ? describe : describe.skip;
