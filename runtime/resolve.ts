/**
 * From the FunctionName and Qualifier a caller sent to the policy the request is about: the
 * name checks that need no state (region, name/Qualifier agreement), then the look-up of the
 * function, version or alias in the registry.
 */
import { functionArn } from './arn.js';
import { ServiceError } from './errors.js';
import { errorNames, messages } from './messages.js';
import type { AliasRecord, FunctionRecord, FunctionRegistry } from './registry.js';
import { SerialQueue } from './serial-queue.js';
import { immediateStore, type ImmediatePolicy, type ImmediatePolicyStore, type PolicyStore } from './store.js';

export interface RequestedFunction {
  region?: string;
  account?: string;
  name: string;
  qualifier?: string;
}

// Every name form the service accepts: `F`, `F:Q`, `function:F`, `A:function:F`, a full ARN,
// each optionally qualified. This is the widest of the operations' documented patterns (the
// GetPolicy/RemovePermission one); the server has already applied the operation's own.
const FUNCTION_NAME =
  /^(?:arn:(?:aws[a-zA-Z-]*)?:lambda:)?(?:([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d):)?(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9_.-]+)(?::(\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9_-]+))?$/;

export function parseFunctionName(raw: string): RequestedFunction | undefined {
  const match = FUNCTION_NAME.exec(raw);
  if (!match) return undefined;
  const [, region, account, name, qualifier] = match;
  return { region, account, name: name!, qualifier };
}

/**
 * The checks the service makes before any look-up, in its order: the name's form, the region of
 * an ARN, and agreement between a qualifier in the name and the Qualifier member (already
 * undefined when the caller sent it empty).
 */
export function checkNameAndQualifier(
  registry: FunctionRegistry,
  functionName: string,
  qualifier: string | undefined,
): RequestedFunction {
  const parsed = parseFunctionName(functionName);
  // Unreachable behind the model's validation, whose patterns are no wider than this one.
  if (!parsed) throw new ServiceError(errorNames.invalidParameterValue, messages.unresolvableFunctionName(functionName));
  if (parsed.region !== undefined && parsed.region !== registry.region) {
    throw new ServiceError(errorNames.resourceNotFound, messages.regionNotReachable(parsed.region, registry.region));
  }
  if (parsed.qualifier !== undefined && qualifier !== undefined && parsed.qualifier !== qualifier) {
    throw new ServiceError(errorNames.invalidParameterValue, messages.qualifierMismatch);
  }
  // `parsed` is this call's own object: completed in place rather than copied.
  parsed.qualifier ??= qualifier;
  return parsed;
}

export type TargetKind = 'function' | 'version' | 'alias';

/**
 * The resource a policy belongs to. A runtime has one such object per function, version and
 * alias, made the first time it is asked for (see `PolicyTargets`).
 */
export interface PolicyTarget {
  readonly kind: TargetKind;
  readonly function: FunctionRecord;
  /** Undefined for the unqualified function (including `$LATEST`, whose policy is the function's). */
  readonly qualifier?: string;
  readonly alias?: AliasRecord;
  /** The canonical ARN: the policy's Resource and the store's key. */
  readonly resourceArn: string;
  /** The runtime's changes to the policy, made one after another (with a durable store). */
  readonly changes: SerialQueue;
  /** The policy itself, kept here when the store is an immediate one (in memory). */
  readonly policyNow?: ImmediatePolicy;
}

export type Location =
  | { found: true; target: PolicyTarget }
  | { found: false; missing: 'function'; arn: string }
  | { found: false; missing: 'version' | 'alias'; arn: string };

const VERSION_NUMBER = /^\d+$/;
const ALIAS_NAME = /^(?!\d+$)[a-zA-Z0-9_-]+$/;

/** Looks the requested function, version or alias up; the operation chooses the not-found message. */
export function locate(targets: PolicyTargets, requested: RequestedFunction): Location {
  const registry = targets.registry;
  const account = requested.account ?? registry.account;
  // The registry holds one account: a function of another account is simply not there.
  const known = account === registry.account ? targets.ofFunction(requested.name) : undefined;
  if (!known) return { found: false, missing: 'function', arn: functionArn(registry.region, account, requested.name) };

  const qualifier = requested.qualifier;
  if (qualifier === undefined || qualifier === '$LATEST') return { found: true, target: known.function };
  const fn = known.function.function;
  if (ALIAS_NAME.test(qualifier)) {
    const alias = fn.aliases.get(qualifier);
    if (!alias) return { found: false, missing: 'alias', arn: functionArn(registry.region, account, fn.name, qualifier) };
    return { found: true, target: targets.qualified(known, qualifier, alias) };
  }
  // Anything else the Qualifier pattern lets through (`$FOO`, `$LATEST.PUBLISHED`) is looked up
  // as a version and is never one.
  if (!VERSION_NUMBER.test(qualifier) || !fn.versions.has(qualifier)) {
    return { found: false, missing: 'version', arn: functionArn(registry.region, account, fn.name, qualifier) };
  }
  return { found: true, target: targets.qualified(known, qualifier) };
}

/** A function's targets, as one runtime has been asked about them. */
export interface FunctionTargets {
  readonly function: PolicyTarget;
  /** Versions and aliases, by qualifier, as they are asked for. */
  readonly qualified: Map<string, PolicyTarget>;
}

/**
 * The targets one runtime has been asked about, each made once, with the runtime's queue of
 * changes to its policy (each runtime has its own, as each server process has) and, with an
 * immediate store, the policy itself.
 *
 * Why keep them: a request then reaches its target, and with the in-memory store its policy,
 * with one look-up by function name. Under the server benchmark's load (4,000 functions taken in
 * turn) a look-up in a table as large as the registry misses the CPU caches: hash-table look-ups
 * were 4% of npm start's CPU when a request made one by name, one by function record and two by
 * ARN (profiled with perf); in process, one look-up instead of four cut first-level data-cache
 * misses per AddPermission from 698-779 to 598-661, with instruction counts within their spread
 * from run to run (callgrind). A target's ARN is also built once, not for each request.
 *
 * The registry does not change while it serves (its maps are read-only), so a function found once
 * can be kept; only functions the registry holds are, so the cache is as large as the registry at
 * most.
 */
export class PolicyTargets {
  readonly #byName = new Map<string, FunctionTargets>();
  readonly #immediate: ImmediatePolicyStore | undefined;

  constructor(
    readonly registry: FunctionRegistry,
    store?: PolicyStore,
  ) {
    this.#immediate = store && immediateStore(store);
  }

  /** The targets of the function of that name, or undefined when the registry has none. */
  ofFunction(name: string): FunctionTargets | undefined {
    let known = this.#byName.get(name);
    if (known === undefined) {
      const fn = this.registry.functions.get(name);
      if (fn === undefined) return undefined;
      this.#byName.set(name, (known = { function: this.#newTarget(fn), qualified: new Map() }));
    }
    return known;
  }

  /** A version's target (a qualifier alone) or an alias's (with the alias record). */
  qualified(known: FunctionTargets, qualifier: string, alias?: AliasRecord): PolicyTarget {
    let target = known.qualified.get(qualifier);
    if (target === undefined) known.qualified.set(qualifier, (target = this.#newTarget(known.function.function, qualifier, alias)));
    return target;
  }

  #newTarget(fn: FunctionRecord, qualifier?: string, alias?: AliasRecord): PolicyTarget {
    const resourceArn = functionArn(this.registry.region, this.registry.account, fn.name, qualifier);
    const changes = new SerialQueue();
    const policyNow = this.#immediate?.policyNow(resourceArn);
    if (qualifier === undefined) return { kind: 'function', function: fn, resourceArn, changes, policyNow };
    return alias === undefined
      ? { kind: 'version', function: fn, qualifier, resourceArn, changes, policyNow }
      : { kind: 'alias', function: fn, qualifier, alias, resourceArn, changes, policyNow };
  }
}
