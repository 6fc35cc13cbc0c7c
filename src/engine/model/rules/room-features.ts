// Rule 6 (summit-file.md): a meeting that takes a room takes one whose features include every need
// of its request.

/** True when a room offering `features` meets every one of `needs`. */
export function offersAll(features: readonly string[], needs: readonly string[]): boolean {
  return needs.every((n) => features.includes(n));
}

/** "flags and press", "flags, press and interpretation": needs as a reader says them. */
export function needsInWords(needs: readonly string[]): string {
  if (needs.length <= 1) return needs.join('');
  return `${needs.slice(0, -1).join(', ')} and ${needs.at(-1)!}`;
}
