import { defineRule } from '../context.js';
import { where } from './helpers/describe.js';

export const requestMemberMoved = defineRule({
  id: 'request-member-moved',
  find: (ctx) =>
    ctx
      .inputPairs()
      .filter((pair) => pair.old.location !== pair.new.location)
      .map((pair) => ({
        location: pair.new.pointer,
        side: 'new',
        operation: pair.operation.id,
        message: `${pair.operation.id}: request member \`${pair.name}\` moved from ${where(pair.old.location)} to ${where(pair.new.location)}`,
        impact: { typescript: 'no type change; the regenerated client sends the member in its new place', bump: 'patch' },
      })),
});
