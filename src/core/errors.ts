/** Errors that stop a run with exit code 2 and a one-line message. */

import { errorText, isErrorId, type ErrorId } from '../i18n/errors';
import type { Locale, MessageData } from './types';

/**
 * A usage or configuration problem. Built from an id of the error catalogue
 * with its data, it renders in any locale; built from any other text, that
 * text is the message in every locale, for callers that already localized it.
 */
export class ConfigError extends Error {
  override readonly name: string = 'ConfigError';
  readonly id?: ErrorId;
  readonly data: MessageData;

  constructor(idOrText: ErrorId | string, data: MessageData = {}) {
    super(isErrorId(idOrText) ? errorText('en', idOrText, data) : idOrText);
    if (isErrorId(idOrText)) this.id = idOrText;
    this.data = data;
  }

  localized(locale: Locale): string {
    return this.id === undefined ? this.message : errorText(locale, this.id, this.data);
  }
}

/** A git command failed; the reason is git's own first line of output. */
export class GitError extends ConfigError {
  override readonly name = 'GitError';
}
