/** Short lists for messages: the first few items, quoted, then how many more. */
export function listSome(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max).map((s) => JSON.stringify(s)).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
