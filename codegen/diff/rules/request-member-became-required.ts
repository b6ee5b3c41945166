import { defineRule } from '../context.js';
import { inputName, tsProperty } from '../impact.js';
import { memberRef } from './helpers/describe.js';
import { suspectedRequiredArtifact } from './artifact-uri-parameter-required.js';

export const requestMemberBecameRequired = defineRule({
  id: 'request-member-became-required',
  find: (ctx) =>
    ctx
      .inputPairs()
      .filter((pair) => !pair.old.required && pair.new.required && !suspectedRequiredArtifact(pair))
      .map((pair) => ({
        location: pair.new.pointer,
        member: pair.new,
        side: 'new',
        operation: pair.operation.id,
        message: `${pair.operation.id}: request member ${memberRef(pair.new)} is now required`,
        impact: { typescript: `\`${tsProperty(pair.new, true)}\` becomes \`${tsProperty(pair.new, false)}\` on \`${inputName(pair.operation.id)}\``, bump: 'major' },
      })),
});
