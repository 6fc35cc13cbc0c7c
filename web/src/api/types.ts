// Names for the generated API types, so screens say `Me` rather than a path expression.
import type { components, paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body of a successful (200 or 201) answer of `method` on `path`. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer OK }
    ? Json<OK>
    : R extends { 201: infer Created }
      ? Json<Created>
      : never
  : never;

/** The JSON body `method` on `path` takes. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: infer B;
}
  ? Json<NonNullable<B>>
  : never;

/** A named schema of the OpenAPI document. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

/** The signed-in user, their grants and the CSRF token. */
export type Me = ResponseOf<'/api/auth/me', 'get'>;
/** One role grant: host staff of a summit, or a member of one delegation. */
export type Grant = Me['grants'][number];
