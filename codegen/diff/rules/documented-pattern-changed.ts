import { defineRule } from '../context.js';
import { child } from '../pointer.js';
import { memberRef } from './helpers/describe.js';

export const documentedPatternChanged = defineRule({
  id: 'documented-pattern-changed',
  find: (ctx) =>
    ctx
      .inputPairs()
      .filter((pair) => pair.old.pattern === pair.new.pattern && pair.old.documentedPattern !== pair.new.documentedPattern)
      .map((pair) => ({
        location: child(pair.new.schemaPointer, 'x-documented-pattern'),
        side: 'new',
        operation: pair.operation.id,
        message: `${pair.operation.id}: documented pattern of ${memberRef(pair.new)} changed`,
        ...(pair.old.documentedPattern !== undefined ? { before: pair.old.documentedPattern } : {}),
        ...(pair.new.documentedPattern !== undefined ? { after: pair.new.documentedPattern } : {}),
        impact: { typescript: 'no type change; validation messages quote the new text', bump: 'patch' },
      })),
});
