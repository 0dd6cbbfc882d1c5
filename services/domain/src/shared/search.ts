function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** An ILIKE pattern matching `text` anywhere, with the caller's % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** A LIKE pattern matching what starts with `text`, with the caller's % and _ taken literally. */
export function startsWithPattern(text: string): string {
  return `${escapeLike(text)}%`;
}
