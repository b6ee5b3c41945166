// The whole run, shared by `npm run test:protocol` (run.ts) and vitest (compliance.test.ts): the
// suite read once, its cases extracted, the skip list applied, each service generated once (on
// first use) and every case run against it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localName, type SmithyAst } from '../../../codegen/smithy/ast.js';
import { loadSmithyModel } from '../../../codegen/smithy/load.js';
import { extractCases, type ProtocolCase } from '../suite/cases.js';
import { suitePaths } from '../suite/location.js';
import { services, UNBOUND } from '../suite/services.js';
import { clientRequestCase, clientResponseCase } from './client.js';
import { generateService, scratchFolder, type GenerateOptions, type ServiceBuild } from './generate.js';
import { failed, type Outcome } from './outcome.js';
import { LoopbackServer, malformedCase, serverRequestCase, serverResponseCase } from './server.js';

export const PROTOCOL_DIR = join(fileURLToPath(import.meta.url), '..', '..');

export interface SkipList {
  operations: Record<string, string>;
  cases: Record<string, string>;
}

export function readSkipList(path = join(PROTOCOL_DIR, 'skips.json')): SkipList {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<SkipList>;
  return { operations: raw.operations ?? {}, cases: raw.cases ?? {} };
}

/** The skip list must name only what exists, give every entry a reason, and leave no case of a left-out operation unlisted. */
export function checkSkipList(ast: SmithyAst, cases: readonly ProtocolCase[], skips: SkipList): string[] {
  const problems: string[] = [];
  const keys = new Set(cases.map((c) => c.key));
  for (const [key, reason] of Object.entries(skips.cases)) {
    if (!keys.has(key)) problems.push(`skips.json names a case that the suite does not have: ${key}`);
    if (!reason.trim()) problems.push(`skips.json gives no reason for ${key}`);
  }
  for (const [op, reason] of Object.entries(skips.operations)) {
    if (ast.shapes[op]?.type !== 'operation') problems.push(`skips.json names an operation that the suite does not have: ${op}`);
    if (!reason.trim()) problems.push(`skips.json gives no reason for ${op}`);
  }
  for (const c of cases) if (skips.operations[c.operation] && !skips.cases[c.key]) problems.push(`${c.key} goes through ${localName(c.operation)}, which skips.json leaves out, but the case is not in its list`);
  return problems;
}

export interface SuiteRun {
  ast: SmithyAst;
  cases: ProtocolCase[];
  skips: SkipList;
  run(c: ProtocolCase): Promise<Outcome>;
  /** Generation results so far, by service id. */
  builds(): ServiceBuild[];
  close(): Promise<void>;
}

export function openSuite(options: GenerateOptions = {}): SuiteRun {
  const ast = loadSmithyModel(suitePaths);
  const cases = extractCases(ast);
  const skips = readSkipList();
  const problems = checkSkipList(ast, cases, skips);
  if (problems.length) throw new Error(problems.join('\n'));
  const excluded = new Set(Object.keys(skips.operations));
  const scratch = scratchFolder();
  const generations = new Map<string, Promise<{ build: ServiceBuild; server?: LoopbackServer; serverError?: string }>>();
  const known = new Set(services(ast));

  const generation = (service: string) => {
    let pending = generations.get(service);
    if (!pending) {
      pending = (async () => {
        const build = await generateService(ast, service, excluded, scratch.path, options);
        if (!build.ok) return { build };
        try {
          return { build, server: await LoopbackServer.start(build) };
        } catch (error) {
          return { build, serverError: (error as Error).message };
        }
      })();
      generations.set(service, pending);
    }
    return pending;
  };
  const settled: ServiceBuild[] = [];

  return {
    ast,
    cases,
    skips,
    async run(c) {
      const reason = skips.cases[c.key];
      if (reason) return { status: 'skipped', reason };
      if (!known.has(c.service) && !c.service.startsWith(UNBOUND)) return failed('no such service', c.service);
      const { build, server, serverError } = await generation(c.service);
      if (!settled.includes(build)) settled.push(build);
      const refusal = build.refused.get(c.operation);
      if (refusal) return failed(`refused by the generator: ${generationCause(refusal)}`, refusal);
      if (!build.ok) return failed(`${localName(build.service)} does not generate: ${build.stage}: ${generationCause(build.message)}`, build.message);
      try {
        if (c.side === 'client') {
          return c.kind === 'request' ? await clientRequestCase(ast, c, build) : await clientResponseCase(ast, c as Extract<ProtocolCase, { kind: 'response' }>, build, cases);
        }
        if (!server) return failed('server: the generated server does not start', serverError ?? '');
        if (c.kind === 'request') return await serverRequestCase(ast, c, build, server);
        if (c.kind === 'response') return await serverResponseCase(ast, c, build, server, cases);
        return await malformedCase(c, build, server);
      } catch (error) {
        // A harness failure is still a failure of the case, never a pass or a skip.
        return failed('harness: the case could not be run', (error as Error).stack ?? String(error));
      }
    },
    builds: () => settled,
    async close() {
      for (const pending of generations.values()) (await pending).server?.close();
      scratch.dispose();
    },
  };
}

/** A generator refusal without its document and pointer, so that one cause groups the services it stops. */
export function generationCause(message: string): string {
  return message.replace(/^[^\s:]+\.ya?ml: /, '').replace(/ at \/\S*$/, '');
}
