/**
 * Comparison 1: the generated AddPermission input validator against Ajv 8 (first-error and
 * all-errors), zod 4 and typia, all built from the same model, on valid inputs and on inputs
 * with three violations each; and the generated CreateFunction validator (nested structures,
 * lists, maps, ranges; from AWS's Lambda model in ../shared, skipped visibly without it) against Ajv.
 *
 *   npx tsx bench/validators.ts [--quick]
 */
import { Ajv, type ErrorObject } from 'ajv';
import { z } from 'zod';
import { renderViolations, validateAddPermissionInput } from '../generated/validators/index.js';
import { measureThroughput, type Contender } from './lib/harness.js';
import { CURRENT_MODEL, operationInputSchema, type InputSchema } from './lib/model-schema.js';
import { main, versionOf, type Section } from './lib/report.js';
import { formatNumber, formatSummary, pairedRatio, summarise } from './lib/stats.js';
import { buildTypia, typiaSource } from './lib/typia-build.js';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { emitValidatorModules } from '../codegen/emit/validators/index.js';
import { SymbolTable } from '../codegen/model/symbols.js';
import { writeOutput } from '../codegen/output.js';
import { CREATE_FUNCTION_INVALID, CREATE_FUNCTION_VALID } from './lib/create-function-inputs.js';
import { graphInputSchema } from './lib/graph-schema.js';
import { LAMBDA_SMITHY, lambdaModelPresent, smithyGraph } from './lib/smithy-graph.js';

type Input = Record<string, unknown>;

export const VALID_INPUTS: Input[] = [
  {
    FunctionName: 'my-function',
    StatementId: 's3-invoke-0001',
    Action: 'lambda:InvokeFunction',
    Principal: 's3.amazonaws.com',
    SourceArn: 'arn:aws:s3:::my-bucket',
    SourceAccount: '123456789012',
  },
  {
    FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:my-function',
    StatementId: 'org-read',
    Action: 'lambda:GetFunction',
    Principal: '*',
    PrincipalOrgID: 'o-a1b2c3d4e5f6',
    Qualifier: 'PROD',
  },
  {
    FunctionName: 'my-function:PROD',
    StatementId: 'url_access',
    Action: 'lambda:InvokeFunctionUrl',
    Principal: '123456789012',
    FunctionUrlAuthType: 'AWS_IAM',
    InvokedViaFunctionUrl: true,
  },
  {
    FunctionName: '123456789012:function:alexa-skill',
    StatementId: 'alexa',
    Action: 'lambda:InvokeFunction',
    Principal: 'alexa-connectedhome.amazon.com',
    EventSourceToken: 'amzn1.ask.skill.abc-123',
    RevisionId: 'c0d2a4e5-8f1b-4c3d-9e7f-0a1b2c3d4e5f',
  },
];

/** Three violations each, on three different members. */
export const INVALID_INPUTS: Input[] = [
  { ...VALID_INPUTS[0], StatementId: 's3 invoke', Action: 'lambda:Invoke*Function', SourceAccount: '12345' },
  { ...VALID_INPUTS[1], Principal: undefined, Qualifier: 'bad qualifier!', FunctionUrlAuthType: 'PUBLIC' },
  { ...VALID_INPUTS[2], StatementId: 's'.repeat(101), EventSourceToken: 'bad token', InvokedViaFunctionUrl: 'yes' },
  { ...VALID_INPUTS[3], FunctionName: 'my function', Action: 42, PrincipalOrgID: 'o-UPPERCASE00' },
].map((input) => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));

/** A zod schema with the same constraints, built from the JSON Schema as a user would write it by hand. */
function zodSchema(schema: InputSchema) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, member] of Object.entries(schema.properties)) {
    let type: z.ZodType;
    if (member.enum) type = z.enum(member.enum as [string, ...string[]]);
    else if (member.type === 'boolean') type = z.boolean();
    else {
      let s = z.string();
      if (member.minLength) s = s.min(member.minLength);
      if (member.maxLength !== undefined) s = s.max(member.maxLength);
      if (member.pattern) s = s.regex(new RegExp(member.pattern, 'u'));
      type = s;
    }
    shape[name] = schema.required.includes(name) ? type : type.optional();
  }
  return z.object(shape);
}

/** Which members a validator found fault with (sorted), or 'valid'. */
type Verdict = string;
const verdict = (members: Iterable<string> | undefined): Verdict => (members === undefined ? 'valid' : [...new Set(members)].sort().join(',') || 'invalid');

type Timing = { rounds: number; millisecondsPerRun: number; warmupMilliseconds: number };
type Validate = (input: object) => readonly { path: string; message: string }[];

/**
 * CreateFunction: its validator emitted from AWS's Lambda model (imported by the project's Smithy
 * importer, read into the shape graph) into a scratch folder, against Ajv compiled from a JSON
 * Schema of the same graph. `undefined` when ../shared is absent.
 */
async function createFunctionComparison(timing: Timing) {
  if (!lambdaModelPresent()) return undefined;
  const graph = smithyGraph(LAMBDA_SMITHY, ['CreateFunction']);
  const out = join(import.meta.dirname, '..', '.tmp', 'bench', `validators-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeOutput(out, emitValidatorModules(graph, new SymbolTable(graph), '// bench\n', ['CreateFunction']));
  const module = (await import(join(out, 'validators', 'index.ts'))) as { validateCreateFunctionInput: Validate; renderViolations: (v: readonly unknown[]) => string };
  rmSync(out, { recursive: true, force: true });
  const validate = module.validateCreateFunctionInput;
  const schema = graphInputSchema(graph, 'CreateFunction');
  const ajvFirst = new Ajv({ allErrors: false, strict: true }).compile(schema);
  const ajvAll = new Ajv({ allErrors: true, strict: true }).compile(schema);

  // Both must agree on every input, and Ajv all-errors must find as many violations, before any is timed.
  const agreement: string[][] = [];
  for (const [kind, inputs] of [['valid', CREATE_FUNCTION_VALID], ['invalid', CREATE_FUNCTION_INVALID]] as const) {
    inputs.forEach((input, index) => {
      const found = validate(input);
      if ((kind === 'valid') !== (found.length === 0)) throw new Error(`generated CreateFunction validator: ${found.length} violations on ${kind} input #${index}`);
      if (ajvFirst(input) !== (kind === 'valid') || ajvAll(input) !== (kind === 'valid')) throw new Error(`Ajv disagrees on ${kind} CreateFunction input #${index}`);
      const ajvCount = ajvAll.errors?.length ?? 0;
      agreement.push([`${kind} #${index + 1}`, kind === 'valid' ? 'valid' : `${found.length} violations: ${found.map((v) => v.path).join(', ')}`, kind === 'valid' ? 'valid' : `${ajvCount} errors`]);
    });
  }
  const valid: Contender<Input>[] = [
    { name: 'generated', run: (x) => validate(x).length === 0 },
    { name: 'Ajv first-error', run: (x) => ajvFirst(x) },
    { name: 'Ajv all-errors', run: (x) => ajvAll(x) },
  ];
  const invalid: Contender<Input>[] = [
    { name: 'generated', run: (x) => module.renderViolations(validate(x)) },
    { name: 'Ajv first-error', run: (x) => (ajvFirst(x) ? null : ajvFirst.errors) },
    { name: 'Ajv all-errors', run: (x) => (ajvAll(x) ? null : ajvAll.errors) },
  ];
  return {
    validRuns: measureThroughput(valid, CREATE_FUNCTION_VALID, timing),
    invalidRuns: measureThroughput(invalid, CREATE_FUNCTION_INVALID, timing),
    agreement,
    message: module.renderViolations(validate(CREATE_FUNCTION_INVALID[0])),
  };
}

async function run({ quick }: { quick: boolean }): Promise<Section> {
  const schema = operationInputSchema('AddPermission');
  const ajvFirst = new Ajv({ allErrors: false, strict: true }).compile(schema);
  const ajvAll = new Ajv({ allErrors: true, strict: true }).compile(schema);
  const zod = zodSchema(schema);
  const typia = await buildTypia('AddPermission', typiaSource('AddPermissionInput', schema));

  const ajvMembers = (errors: ErrorObject[] | null | undefined) =>
    (errors ?? []).map((e) => (e.keyword === 'required' ? String(e.params.missingProperty) : e.instancePath.split('/')[1]));

  // Every validator must agree on every input before any is timed.
  const checks: Record<string, (input: Input) => { verdict: Verdict; allErrors: boolean }> = {
    generated: (input) => {
      const v = validateAddPermissionInput(input);
      return { verdict: v.length === 0 ? 'valid' : verdict(v.map((x) => x.member)), allErrors: true };
    },
    'Ajv first-error': (input) => ({ verdict: ajvFirst(input) ? 'valid' : 'invalid', allErrors: false }),
    'Ajv all-errors': (input) => ({ verdict: ajvAll(input) ? 'valid' : verdict(ajvMembers(ajvAll.errors)), allErrors: true }),
    zod: (input) => {
      const r = zod.safeParse(input);
      return { verdict: r.success ? 'valid' : verdict(r.error.issues.map((i) => String(i.path[0]))), allErrors: true };
    },
    'typia is': (input) => ({ verdict: typia.module.is(input) ? 'valid' : 'invalid', allErrors: false }),
    'typia validate': (input) => {
      const r = typia.module.validate(input);
      return { verdict: r.success ? 'valid' : verdict(r.errors!.map((e) => e.path.replace(/^\$input\./, '').split(/[.[]/)[0])), allErrors: true };
    },
  };
  const agreement: string[][] = [];
  for (const [kind, inputs] of [['valid', VALID_INPUTS], ['invalid', INVALID_INPUTS]] as const) {
    inputs.forEach((input, index) => {
      const reference = checks.generated(input).verdict;
      if ((kind === 'valid') !== (reference === 'valid')) throw new Error(`generated validator says ${reference} for ${kind} input #${index}`);
      if (kind === 'invalid' && reference.split(',').length !== 3) throw new Error(`invalid input #${index} has violations on ${reference}, not three members`);
      for (const [name, check] of Object.entries(checks)) {
        const got = check(input);
        const agrees = got.allErrors ? got.verdict === reference : (got.verdict === 'valid') === (reference === 'valid');
        if (!agrees) throw new Error(`${name} disagrees on ${kind} input #${index}: ${got.verdict}, generated: ${reference}`);
      }
      agreement.push([`${kind} #${index + 1}`, reference === 'valid' ? 'valid' : `invalid: ${reference}`, 'all agree']);
    });
  }

  const message = renderViolations(validateAddPermissionInput(INVALID_INPUTS[0]));

  const valid: Contender<Input>[] = [
    { name: 'generated', run: (x) => validateAddPermissionInput(x).length === 0 },
    { name: 'Ajv first-error', run: (x) => ajvFirst(x) },
    { name: 'Ajv all-errors', run: (x) => ajvAll(x) },
    { name: 'zod', run: (x) => zod.safeParse(x).success },
    { name: 'typia is', run: (x) => typia.module.is(x) },
    { name: 'typia validate', run: (x) => typia.module.validate(x).success },
  ];
  const invalid: Contender<Input>[] = [
    // The generated validator also renders the service's whole ValidationException message.
    { name: 'generated', run: (x) => renderViolations(validateAddPermissionInput(x)) },
    { name: 'Ajv first-error', run: (x) => (ajvFirst(x) ? null : ajvFirst.errors) },
    { name: 'Ajv all-errors', run: (x) => (ajvAll(x) ? null : ajvAll.errors) },
    { name: 'zod', run: (x) => zod.safeParse(x).error?.issues },
    { name: 'typia is', run: (x) => !typia.module.is(x) },
    { name: 'typia validate', run: (x) => typia.module.validate(x).errors },
  ];

  const timing = quick
    ? { rounds: 7, millisecondsPerRun: 60, warmupMilliseconds: 150 }
    : { rounds: 15, millisecondsPerRun: 200, warmupMilliseconds: 500 };
  const validRuns = measureThroughput(valid, VALID_INPUTS, timing);
  const invalidRuns = measureThroughput(invalid, INVALID_INPUTS, timing);
  const createFunction = await createFunctionComparison(timing);

  const table = (title: string, runs: Map<string, number[]>, reference: string) => ({
    title,
    columns: ['validator', 'validations/s (median, ±half IQR)', `generated ÷ this (paired by round)`],
    rows: [...runs].map(([name, values]) => [
      name,
      formatSummary(summarise(values)),
      name === 'generated' ? '1' : `${pairedRatio(runs.get('generated')!, values).median.toFixed(2)}×`,
    ]),
    reference,
  });

  const validVsAjv = pairedRatio(validRuns.get('generated')!, validRuns.get('Ajv first-error')!);
  const validVsAjvAll = pairedRatio(validRuns.get('generated')!, validRuns.get('Ajv all-errors')!);
  const invalidVsAjvAll = pairedRatio(invalidRuns.get('generated')!, invalidRuns.get('Ajv all-errors')!);
  const ratio = (s: ReturnType<typeof pairedRatio>) => `${s.median.toFixed(2)}× (±${(s.spread * 100).toFixed(0)}%)`;
  const fasterOfAjv = validVsAjv.median < validVsAjvAll.median ? validVsAjv : validVsAjvAll;
  const nestedTargets = createFunction
    ? (() => {
        const { validRuns: v, invalidRuns: i } = createFunction;
        const first = pairedRatio(v.get('generated')!, v.get('Ajv first-error')!);
        const all = pairedRatio(v.get('generated')!, v.get('Ajv all-errors')!);
        const faster = first.median < all.median ? first : all;
        const invalidAll = pairedRatio(i.get('generated')!, i.get('Ajv all-errors')!);
        return [
          { what: 'CreateFunction, valid input: generated ÷ Ajv (the faster Ajv setting)', target: '≥ 1.8×', measured: ratio(faster), met: faster.median >= 1.8 },
          { what: 'CreateFunction, invalid input: generated (every violation, full message) ÷ Ajv all-errors', target: '≥ 1.5×', measured: ratio(invalidAll), met: invalidAll.median >= 1.5 },
        ];
      })()
    : [];

  return {
    id: 'validators',
    title: '1. Validators: generated AddPermission validator vs Ajv, zod, typia; generated CreateFunction validator vs Ajv',
    command: `npx tsx bench/validators.ts${quick ? ' --quick' : ''}`,
    versions: { node: process.versions.node, ajv: versionOf('ajv'), zod: versionOf('zod'), typia: versionOf('typia'), typescript: versionOf('typescript') },
    method:
      `Ajv, zod and typia are built in bench code from the JSON Schema of AddPermission's input derived from ${CURRENT_MODEL} ` +
      '(path, query and body members as one object; typia through its compile-time transform, applied with the TypeScript compiler API). ' +
      `Inputs cycle over ${VALID_INPUTS.length} valid inputs, or over ${INVALID_INPUTS.length} inputs with three violations each. ` +
      `Each validator runs in its own compiled loop; ${timing.rounds} rounds of ${timing.millisecondsPerRun} ms each, validators taking turns within a round, ` +
      'ratios taken between runs of the same round. On invalid input the generated validator is timed together with `renderViolations`, i.e. producing the full ValidationException message; the others only collect their error objects.',
    tables: [table('Valid input', validRuns, 'Ajv first-error'), table('Invalid input (three violations)', invalidRuns, 'Ajv all-errors'), {
      title: 'Verdicts (checked before timing)',
      columns: ['input', 'generated validator', 'Ajv, zod, typia'],
      rows: agreement,
    },
    ...(createFunction
      ? [
          table('CreateFunction, valid input (nested structures, lists, maps)', createFunction.validRuns, 'Ajv first-error'),
          table('CreateFunction, invalid input (several violations at different depths)', createFunction.invalidRuns, 'Ajv all-errors'),
          { title: 'CreateFunction verdicts (checked before timing)', columns: ['input', 'generated validator', 'Ajv all-errors'], rows: createFunction.agreement },
        ]
      : [])],
    targets: [
      { what: 'valid input: generated ÷ Ajv (the faster Ajv setting)', target: '≥ 1.8×', measured: ratio(fasterOfAjv), met: fasterOfAjv.median >= 1.8 },
      { what: 'invalid input: generated (with full message) ÷ Ajv all-errors', target: '≥ 1.5×', measured: ratio(invalidVsAjvAll), met: invalidVsAjvAll.median >= 1.5 },
      ...nestedTargets,
    ],
    notes: [
      `The generated validator's message for invalid input #1: \`${message}\``,
      `The JSON Schema, zod schema and typia type are derived from ${CURRENT_MODEL}, the revision \`npm run generate\` reads (the last of model/revisions/), so that all validators check the same constraints as the generated one.`,
      `typia's transform took ${formatNumber(typia.milliseconds)} ms (not timed as part of validation). typia ${versionOf('typia')} is the newest that runs on Node 20: typia 13 and 14 need \`ttsc\`, which requires Node ≥ 22.15.`,
      createFunction
        ? `CreateFunction: the validator is emitted from ${LAMBDA_SMITHY.replace(/^.*\/shared\//, '../shared/')} through the project's Smithy importer and shape graph (the whole-model generator is not needed); Ajv's JSON Schema is built from the same graph (bench/lib/graph-schema.ts). Inputs: ${CREATE_FUNCTION_VALID.length} valid, ${CREATE_FUNCTION_INVALID.length} with three or four violations each, at depths 1-3 (bench/lib/create-function-inputs.ts). Message for invalid input #1: \`${createFunction.message}\``
        : 'CreateFunction: skipped, ../shared/fixtures/smithy/lambda.json is absent (AWS data is read from ../shared, never copied into the project).',
      "typia rebuilds each pattern's RegExp on every call (`RegExp(\"...\").test(...)`), and zod copies the object it parses; both are visible in their valid-input throughput.",
    ],
    raw: {
      valid: Object.fromEntries(validRuns),
      invalid: Object.fromEntries(invalidRuns),
      ...(createFunction && { createFunctionValid: Object.fromEntries(createFunction.validRuns), createFunctionInvalid: Object.fromEntries(createFunction.invalidRuns) }),
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await main(run);
export { run };
