import { defineRule } from '../context.js';
import { commandName } from '../impact.js';
import { clientSymbols } from '../../model/symbols.js';

export const operationRemoved = defineRule({
  id: 'operation-removed',
  find: (ctx) =>
    [...ctx.old.operations.values()]
      .filter((op) => !ctx.new.operations.has(op.id))
      .map((op) => ({
        location: op.pointer,
        declares: { declaration: clientSymbols.command(op.id) },
        side: 'old',
        operation: op.id,
        message: `Operation ${op.id} was removed`,
        impact: { typescript: `\`${commandName(op.id)}\` and its input and output types are removed`, bump: 'major' },
      })),
});
