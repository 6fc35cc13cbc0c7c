// The authorisation note every /api route declares as `schema['x-authz']`.
import type { Capability } from '../domain/actor/authority.js';

/**
 * Who may call a route. `public` routes run without credentials; `signed-in` routes need a session
 * or token (401 otherwise) and the use case then applies the authority table and visibility rules.
 * `capability`, `scope` and `denied` describe that rule for the OpenAPI reader and the authorisation
 * matrix test: what the caller must hold, where, and what someone without it gets (403, or 404 where
 * the record's existence must not leak). `scope: 'platform'` is a grant held in no summit: the
 * operator's, who may create summits.
 */
export type Authz =
  | { access: 'public'; note: string }
  | {
      access: 'signed-in';
      note: string;
      capability?: Capability;
      scope?: 'summit' | 'host' | 'delegation' | 'parties' | 'self' | 'platform';
      denied?: 403 | 404;
      /** True when only a session (not an API token) may call it, e.g. minting tokens. */
      sessionOnly?: boolean;
    };

/** Builders for `schema['x-authz']`, so declarations read as a sentence. */
export const authz = {
  /** Anyone, without credentials. */
  public: (note: string): Authz => ({ access: 'public', note }),
  /** Any signed-in user; the use case decides the rest. */
  signedIn: (
    note: string,
    rule: Omit<Extract<Authz, { access: 'signed-in' }>, 'access' | 'note'> = {},
  ): Authz => ({ access: 'signed-in', note, ...rule }),
};

/** Paths that carry no x-authz because a plugin, not a feature, owns them. */
export const UNDECLARED_PATHS = /^\/api\/docs(\/|$)/u;
