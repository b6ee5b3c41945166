import { expect } from 'vitest';
import { ServiceError } from '../../runtime/errors.js';
import { createRegistry, type FunctionRegistry } from '../../runtime/registry.js';
import { createLambdaRuntime } from '../../runtime/service.js';
import { InMemoryPolicyStore } from '../../runtime/store.js';
import type { AddPermissionInput } from '../../runtime/types.js';

export const ctx = { requestId: 'test-request' };

/** An AddPermission of my-function to account 223456789012 under statement id `sid`. */
export const grant = (sid: string, rest: Partial<AddPermissionInput> = {}): AddPermissionInput => ({
  FunctionName: 'my-function',
  StatementId: sid,
  Action: 'lambda:InvokeFunction',
  Principal: '223456789012',
  ...rest,
});

/** The statement ids of a policy document, in its order. */
export const sidsOf = (policy: string) => (JSON.parse(policy).Statement as Array<{ Sid: string }>).map((s) => s.Sid);

/** The registry of the spec's and boto3's examples: us-east-2, account 123456789012. */
export function exampleRegistry(region = 'us-east-2'): FunctionRegistry {
  let n = 0;
  return createRegistry(
    {
      region,
      account: '123456789012',
      functions: [
        { name: 'my-function', versions: ['1', '2'], aliases: { PROD: '1', BETA: '2' } },
        { name: 'other-function', versions: [], aliases: {} },
      ],
    },
    { newRevisionId: () => `alias-revision-${++n}` },
  );
}

export function exampleRuntime(region = 'us-east-2') {
  const registry = exampleRegistry(region);
  const store = new InMemoryPolicyStore();
  return { registry, store, runtime: createLambdaRuntime({ registry, store }) };
}

export async function expectServiceError(promise: Promise<unknown>, name: string, message: string): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${name}`).toBeInstanceOf(ServiceError);
  const serviceError = error as ServiceError;
  expect({ name: serviceError.name, message: serviceError.message }).toEqual({ name, message });
  return serviceError;
}

export function expectThrowsServiceError(fn: () => unknown, name: string, message: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${name}`).toBeInstanceOf(ServiceError);
  expect({ name: (caught as ServiceError).name, message: (caught as ServiceError).message }).toEqual({ name, message });
}
