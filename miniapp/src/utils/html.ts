/**
 * Keeps only `<em>` and `</em>` of a search highlight fragment (the server marks matches with them and escapes
 * everything else); any other tag is dropped, so a fragment can never carry markup into RichText.
 */
export function safeHighlight(html: string): string {
  return html.replace(/<(?!\/?em>)[^>]*>/g, '');
}
