// The operationId of a route that names none: derived from its method and path, so that no route can
// go without one (generated clients name their methods after it). A route may set its own
// `schema.operationId`; the server refuses to start when two routes end up with the same one.

/** `summit-features` → `SummitFeatures`, `openapi.json` → `OpenapiJson`. */
function pascal(word: string): string {
  return word
    .split(/[^A-Za-z0-9]+/u)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/**
 * `GET /api/summits/:summit/requests` → `getSummitsRequests`; a path ending in a parameter adds
 * `By` and its name: `GET /api/summits/:summit/requests/:request` → `getSummitsRequestsByRequest`.
 */
export function deriveOperationId(method: string, url: string): string {
  const segments = url
    .replace(/^\/api(?=\/|$)/u, '')
    .split('/')
    .filter(Boolean);
  const words = segments.filter((s) => !s.startsWith(':') && s !== '*').map(pascal);
  const last = segments.at(-1);
  if (last?.startsWith(':')) words.push(`By${pascal(last.slice(1))}`);
  return `${method.toLowerCase()}${words.join('') || 'Root'}`;
}
