import { defineRule } from '../context.js';
import { commandName, inputName, outputName } from '../impact.js';
import { clientSymbols } from '../../model/symbols.js';

export const operationAdded = defineRule({
  id: 'operation-added',
  find: (ctx) =>
    [...ctx.new.operations.values()]
      .filter((op) => !ctx.old.operations.has(op.id))
      .map((op) => ({
        location: op.pointer,
        declares: { declaration: clientSymbols.command(op.id) },
        side: 'new',
        operation: op.id,
        message: `New operation ${op.id} (${op.method.toUpperCase()} ${op.path})`,
        impact: { typescript: `new \`${commandName(op.id)}\` with \`${inputName(op.id)}\` and \`${outputName(op.id)}\``, bump: 'minor' },
      })),
});
