/**
 * `client/src/waiters/waitFor<Waiter>.ts` for every waiter the model declares (`x-waiters`:
 * Smithy's `smithy.waiters#waitable`), as the AWS SDK ships them: `waitUntil<Waiter>(params,
 * input)` polls the operation until an acceptor says success (its result) or failure, timeout or
 * abort (thrown, as `checkExceptions` words them); `waitFor<Waiter>` returns the result whatever
 * the state. Polling, backoff, `maxWaitTime` and abort are `@smithy/core/client`'s `createWaiter`;
 * what is generated is one `checkState` per waiter, its acceptors in the model's order with each
 * path compiled into TypeScript (waiter-paths.ts).
 *
 * As in the SDK's waiters, a poll that throws an error no acceptor names is retried: the SDK does
 * not stop there, and a drop-in client must not either.
 */
import type { StatementStructures, WriterFunction } from 'ts-morph';
import { tsMorph } from '../libraries.js';
import { ModelError } from '../../model/document.js';
import type { ServiceModel } from '../../model/ir.js';
import type { BoundMember, OperationShape, Waiter, WaiterAcceptor, WaiterState } from '../../model/shapes.js';
import { clientSymbols } from '../../model/symbols.js';
import { shipRuntime } from '../shipped.js';
import { printFile, quote, tsDoc, type GeneratedFile } from '../typescript.js';
import { clientNames } from './names.js';
import { compilePath, PathError, type PathHelper, type PathRoot } from './waiter-paths.js';

const { StructureKind } = tsMorph;

const STATE: Record<WaiterState, string> = { success: 'WaiterState.SUCCESS', failure: 'WaiterState.FAILURE', retry: 'WaiterState.RETRY' };

interface Declared {
  operation: OperationShape;
  waiter: Waiter;
}

/** Every waiter of the view's operations, by name; two waiters of one name are refused. */
export function declaredWaiters(model: ServiceModel): Declared[] {
  const names = new Set(model.operations.map((o) => o.name));
  const byName = new Map<string, Declared>();
  for (const operation of model.graph.operations) {
    if (!names.has(operation.name)) continue;
    for (const waiter of operation.waiters ?? []) {
      const other = byName.get(waiter.name);
      if (other) throw new ModelError(waiter.origin.document, waiter.origin.pointer, `waiter ${waiter.name} is declared by ${other.operation.name} and ${operation.name}: waiter names must be unique in a service`);
      byName.set(waiter.name, { operation, waiter });
    }
  }
  return [...byName.values()].sort((a, b) => (a.waiter.name < b.waiter.name ? -1 : a.waiter.name > b.waiter.name ? 1 : 0));
}

export function emitWaiters(model: ServiceModel, header: string): GeneratedFile[] {
  const waiters = declaredWaiters(model);
  if (waiters.length === 0) return [];
  const files = waiters.map((declared) => emitWaiter(model, declared, header));
  return [...files, ...shipRuntime(import.meta.url, ['paths.ts'], 'client/src/runtime', header)];
}

/** The index's `export * from` lines for the waiters (none when the model declares none). */
export function waiterModules(model: ServiceModel): string[] {
  return declaredWaiters(model).map(({ waiter }) => `./${clientSymbols.waiterFile(waiter.name).replace(/^client\/src\//, '').replace(/\.ts$/, '.js')}`);
}

const membersOf = (members: BoundMember[]) => new Map(members.map((m) => [m.name, { target: m.target }]));

/** A readable variable for a path's value: `configurationState` for `Configuration.State`. */
function variableFor(path: string, taken: Set<string>): string {
  const words = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/.test(path) ? path.split('.') : ['value'];
  const base = words.map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1))).join('');
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

function emitWaiter(model: ServiceModel, { operation, waiter }: Declared, header: string): GeneratedFile {
  const names = clientNames(model);
  const command = clientSymbols.command(operation.name);
  const input = clientSymbols.commandInput(operation.name);
  const output = clientSymbols.commandOutput(operation.name);
  const helpers = new Set<PathHelper>();
  const refuse = (acceptor: WaiterAcceptor, problem: string): never => {
    throw new ModelError(acceptor.origin.document, acceptor.origin.pointer, `waiter ${waiter.name} (${operation.name}): ${problem}`);
  };
  const outputRoot: PathRoot = { label: `the output of ${operation.name}`, code: 'result', members: membersOf(operation.output) };
  const bothRoot: PathRoot = {
    label: `{input, output} of ${operation.name}`,
    members: new Map([
      ['input', { code: 'input', members: membersOf(operation.input) }],
      ['output', { code: 'result', members: membersOf(operation.output) }],
    ]),
  };
  const taken = new Set(['client', 'input', 'result', 'reason', 'exception']);
  const variables = new Map<string, string>();
  const onSuccess: string[] = [];
  const onError: string[] = [];
  let successSettled = false;
  let errorSettled = false;
  for (const acceptor of waiter.acceptors) {
    const settle = `return { state: ${STATE[acceptor.state]}, reason };`;
    const { matcher } = acceptor;
    if (matcher.kind === 'success') {
      const lines = matcher.success ? onSuccess : onError;
      if (matcher.success ? successSettled : errorSettled) continue;
      lines.push(`// The call ${matcher.success ? 'succeeds' : 'fails'}: ${acceptor.state}.`, settle);
      if (matcher.success) successSettled = true;
      else errorSettled = true;
    } else if (matcher.kind === 'errorType') {
      if (errorSettled) continue;
      onError.push(`if (exception instanceof Error && exception.name === ${quote(matcher.errorType)}) ${settle}`);
    } else {
      if (successSettled) continue;
      const key = `${matcher.kind}:${matcher.path}`;
      let variable = variables.get(key);
      if (!variable) {
        let compiled;
        try {
          compiled = compilePath(matcher.path, matcher.kind === 'output' ? outputRoot : bothRoot, model.graph);
        } catch (error) {
          if (error instanceof PathError) refuse(acceptor, error.message);
          throw error;
        }
        if ((matcher.comparator === 'allStringEquals' || matcher.comparator === 'anyStringEquals') && !compiled.isList) refuse(acceptor, `${matcher.comparator} needs a list, and \`${matcher.path}\` is not one`);
        for (const h of compiled.helpers) helpers.add(h);
        variable = variableFor(matcher.path, taken);
        variables.set(key, variable);
        onSuccess.push(`const ${variable}: unknown = ${compiled.code};`);
      }
      const expected = quote(matcher.expected);
      const test =
        matcher.comparator === 'stringEquals' ? `${variable} === ${expected}`
        : matcher.comparator === 'booleanEquals' ? `${variable} === ${matcher.expected}`
        : matcher.comparator === 'allStringEquals' ? `Array.isArray(${variable}) && ${variable}.length > 0 && ${variable}.every((item) => item === ${expected})`
        : `Array.isArray(${variable}) && ${variable}.some((item) => item === ${expected})`;
      onSuccess.push(`if (${test}) ${settle}`);
    }
  }
  const defaults = `{ minDelay: ${waiter.minDelay}, maxDelay: ${waiter.maxDelay} }`;
  const about = waiter.documentation ?? `Waits until {@link ${command}} answers as waiter ${waiter.name} expects.`;
  const polls = `Polls {@link ${command}} every ${waiter.minDelay} s at first, backing off to at most ${waiter.maxDelay} s, until \`maxWaitTime\` seconds have passed.`;
  const deprecated = waiter.deprecated ? ['@deprecated The model deprecates this waiter.'] : [];
  const checkState: WriterFunction = (writer) => {
    writer.writeLine(`/** One poll of {@link ${command}}: the state the acceptors of ${waiter.name} give its answer, in the model's order. */`);
    writer.writeLine(`const checkState = async (client: ${names.client}, input: ${input}): Promise<WaiterResult> => {`);
    writer.indent(() => {
      writer.writeLine('let reason: unknown;');
      writer.writeLine('try {');
      writer.indent(() => {
        writer.writeLine(`const result = await client.send(new ${command}(input));`);
        writer.writeLine('reason = result;');
        for (const line of onSuccess) writer.writeLine(line);
      });
      writer.writeLine('} catch (exception) {');
      writer.indent(() => {
        writer.writeLine('reason = exception;');
        for (const line of onError) writer.writeLine(line);
      });
      writer.writeLine('}');
      writer.writeLine('return { state: WaiterState.RETRY, reason };');
    });
    writer.writeLine('};');
  };
  const docBlock = (parts: string[]): WriterFunction => (writer) => {
    writer.writeLine('/**');
    for (const line of tsDoc(...parts).split('\n')) writer.writeLine(line ? ` * ${line}` : ' *');
    writer.writeLine(' */');
  };
  const params = `params: WaiterConfiguration<${names.client}>`;
  const statements: (string | WriterFunction | StatementStructures)[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '@smithy/core/client', namedImports: ['checkExceptions', 'createWaiter', 'WaiterState', 'type WaiterConfiguration', 'type WaiterResult'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: `../commands/${command}.js`, namedImports: [command, `type ${input}`, `type ${output}`] },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: `../${names.client}.js`, namedImports: [names.client] },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '../errors.js', namedImports: [names.baseException] },
    ...(helpers.size > 0 ? [{ kind: StructureKind.ImportDeclaration, moduleSpecifier: '../runtime/paths.js', namedImports: [...helpers].sort() } as StatementStructures] : []),
    checkState,
    docBlock([about, polls, ...(deprecated.length ? deprecated : [`@deprecated Use {@link ${clientSymbols.waitUntil(waiter.name)}}: this one does not throw when the waiter ends in failure, timeout or abort.`]), '@param params - The client, `maxWaitTime` (seconds), and optionally `minDelay`, `maxDelay`, `abortSignal`.', `@param input - The input of {@link ${command}} for each poll.`]),
    (writer) => {
      writer.writeLine(`export const ${clientSymbols.waitFor(waiter.name)} = async (${params}, input: ${input}): Promise<WaiterResult<${output} | ${names.baseException}>> => {`);
      writer.indent(() => {
        writer.writeLine(`const serviceDefaults = ${defaults};`);
        writer.writeLine('return createWaiter({ ...serviceDefaults, ...params }, input, checkState);');
      });
      writer.writeLine('};');
    },
    docBlock([about, polls, `Resolves with \`{ state: 'SUCCESS', reason }\`; a failure acceptor, \`maxWaitTime\` or \`abortSignal\` ends it with an error (\`TimeoutError\`, \`AbortError\`) whose message is the waiter's result as JSON.`, ...deprecated, '@param params - The client, `maxWaitTime` (seconds), and optionally `minDelay`, `maxDelay`, `abortSignal`.', `@param input - The input of {@link ${command}} for each poll.`]),
    (writer) => {
      writer.writeLine(`export const ${clientSymbols.waitUntil(waiter.name)} = async (${params}, input: ${input}): Promise<WaiterResult<${output}>> => {`);
      writer.indent(() => {
        writer.writeLine(`const serviceDefaults = ${defaults};`);
        writer.writeLine('const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState);');
        writer.writeLine('return checkExceptions(result);');
      });
      writer.writeLine('};');
    },
  ];
  return printFile(clientSymbols.waiterFile(waiter.name), header, statements);
}
