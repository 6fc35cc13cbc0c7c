// Exit codes: 0 success, 1 user error (one clear line on stderr), 2 internal error.

/** A mistake of the person at the terminal: bad flag, bad file, illegal action. Exit code 1. */
export class UserError extends Error {
  constructor(
    message: string,
    /** Further lines (e.g. every path-named error of a file), printed after the message. */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export const EXIT_OK = 0;
export const EXIT_USER = 1;
export const EXIT_INTERNAL = 2;
