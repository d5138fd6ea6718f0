/** The text of anything thrown: an Error's message, otherwise its string form. One helper for every layer. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
