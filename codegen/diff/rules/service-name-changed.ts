import { defineRule } from '../context.js';
import { clientName } from '../impact.js';

export const serviceNameChanged = defineRule({
  id: 'service-name-changed',
  find: (ctx) =>
    ctx.old.serviceName === ctx.new.serviceName
      ? []
      : [
          {
            location: '/info/title',
            side: 'new',
            message: `Service title changed from "${ctx.old.title}" to "${ctx.new.title}"`,
            impact: { typescript: `\`${clientName(ctx.old)}\` is renamed \`${clientName(ctx.new)}\``, bump: 'major' },
          },
        ],
});
