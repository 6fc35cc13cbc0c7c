// Ids found in text only where they stand alone, so `usa-rus` is never found inside `usa-rus-fm`.

/** A pattern matching `word` where no letter, digit, `_` or `-` touches it on either side. */
export function wholeWord(word: string, flags = 'u'): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(?<![a-z0-9_-])${escaped}(?![a-z0-9_-])`, flags);
}
