// What is left to do after regen wrote a revision: the commands, and the facts only a person can
// state, each with the file it goes in.

import type { Base } from '../import/index.js';

export interface NextStepsInput {
  name: string;
  revision: string;
  sources: string[];
  current: Base;
  next: Base;
  root: string;
}

/** Members whose pattern the new revision changes or introduces: their samples must be stated by hand. */
export function changedPatterns(current: Base, next: Base): string[] {
  const changed: string[] = [];
  for (const op of next.operations) {
    const before = current.operations.find((o) => o.name === op.name);
    for (const [member, m] of op.members) {
      if (m.schema.pattern !== undefined && before?.members.get(member)?.schema.pattern !== m.schema.pattern) changed.push(member);
    }
  }
  return changed;
}

export function nextSteps(input: NextStepsInput): string[] {
  const lines = ['', 'Next steps:'];
  const patterns = changedPatterns(input.current, input.next);
  let n = 1;
  if (patterns.length > 0) {
    lines.push(`  ${n++}. State values the new pattern${patterns.length > 1 ? 's' : ''} of ${patterns.join(', ')} must accept and reject: `
      + `add SAMPLES['${input.name}'] = { ${patterns.map((p) => `${p}: { accept: [...], reject: [...] }`).join(', ')} } to test/model/facts.ts `
      + '(test/model/revisions.test.ts fails until you do; unchanged patterns keep their earlier samples).');
  }
  lines.push(`  ${n++}. npm test`);
  lines.push(`  ${n++}. Describe the revision in the table of model/README.md (its era and the page it was read from).`);
  lines.push(`  ${n++}. git add ${[input.revision, ...input.sources, 'generated/'].join(' ')} && git commit`);
  return lines;
}
