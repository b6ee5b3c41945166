/**
 * The name of an operation the document gives no `operationId`: derived from its method and path
 * alone, so it is stable across revisions and needs no other context. The method as a verb, then
 * each path segment in PascalCase; a label segment `{shelfId}` reads `ByShelfId`, a greedy one
 * `{key+}` the same; the root path is `Root`.
 *
 *   GET    /shelves                         → GetShelves
 *   GET    /shelves/{shelfId}/books         → GetShelvesByShelfIdBooks
 *   DELETE /shelves/{shelfId}/books/{bookId} → DeleteShelvesByShelfIdBooksByBookId
 *   POST   /                                → PostRoot
 */
export function derivedOperationName(method: string, path: string): string {
  const segments = path.split('/').filter((segment) => segment !== '');
  const words = segments.map((segment) => {
    const label = /^\{([^}]+?)\+?\}$/.exec(segment);
    return label ? `By${pascal(label[1])}` : pascal(segment);
  });
  return pascal(method.toLowerCase()) + (words.length > 0 ? words.join('') : 'Root');
}

/** `book-reviews` / `book_reviews` / `bookReviews` / `v1.2` → `BookReviews` / `V12`. */
function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}
