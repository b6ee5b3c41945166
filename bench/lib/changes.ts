/** What was changed where a target was first missed, and what each change bought (measured while making it). */
export const CHANGES = `
## What was changed, and what it bought

To be filled.
`;
