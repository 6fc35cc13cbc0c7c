// Matrix rows of the system and auth routes: health, sign-in and out, who am I, API tokens.
import { TEST_PASSWORD } from '../../testing.js';
import { everyone, named, nobody, signedIn } from '../actors.js';
import type { Entry } from '../entry.js';
import { freshToken } from '../targets.js';

/** Health, sessions and tokens. */
export const AUTH_ENTRIES: readonly Entry[] = [
  {
    route: 'GET /api/health',
    target: 'nothing private: the server and its store answer',
    may: everyone,
    send: () => ({}),
  },
  {
    route: 'GET /api/ready',
    target: "nothing private: whether the store reads and writes (a load balancer's question)",
    may: everyone,
    send: () => ({}),
  },
  {
    route: 'POST /api/auth/login',
    target: "the caller's own credentials (the anonymous caller signs in as the user with no grant)",
    may: everyone,
    ok: 200,
    send: (w, actor) => ({
      body: {
        email: w.user(actor.kind === 'anonymous' ? 'no-grant' : actor.name).email,
        password: TEST_PASSWORD,
      },
    }),
  },
  {
    route: 'POST /api/auth/logout',
    target: "the caller's own session (a token has none: nothing to end)",
    may: signedIn,
    ok: 204,
    send: () => ({}),
  },
  {
    route: 'GET /api/auth/me',
    target: 'the caller',
    may: signedIn,
    send: () => ({}),
  },
  {
    route: 'POST /api/auth/tokens',
    target: 'a new token for the caller: only a session may mint one, never a token',
    may: nobody,
    send: () => ({ body: { name: 'minted by a token' } }),
  },
  {
    route: 'GET /api/auth/tokens',
    target: "the caller's own tokens; another user's token ids must not show",
    may: signedIn,
    send: () => ({}),
  },
  {
    route: 'DELETE /api/auth/tokens/{id}',
    target: 'a fresh token of the US lead: only its owner may revoke it',
    may: named('usa-lead'),
    send: async (w) => ({ params: { id: await freshToken(w, 'usa-lead') } }),
  },
];
