// What can go wrong when signing in or managing accounts; the HTTP layer maps each to one status.

/** Wrong email or password, unknown or disabled account: deliberately one answer for all. */
export class InvalidCredentialsError extends Error {
  constructor() {
    super('email or password is incorrect');
    this.name = 'InvalidCredentialsError';
  }
}

/** Too many failed sign-ins for this account or from this address; try again later. */
export class LoginThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-ins: try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`);
    this.name = 'LoginThrottledError';
  }
}

/** A password the policy refuses; `reason` says which rule, in words a user understands. */
export class PasswordPolicyError extends Error {
  constructor(readonly reason: string) {
    super(`password refused: ${reason}`);
    this.name = 'PasswordPolicyError';
  }
}

/** No valid session or token came with the request. */
export class UnauthenticatedError extends Error {
  constructor(message = 'sign in first') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** Account data that is malformed (an email without "@", an empty name…); names the field. */
export class AccountInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'AccountInputError';
  }
}
