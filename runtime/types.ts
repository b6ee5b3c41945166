/**
 * The operations' inputs and outputs are the generated server's: the runtime implements exactly
 * the interface the model produces, so a model change that breaks the runtime fails to compile.
 */
export type {
  AddPermissionInput,
  AddPermissionOutput,
  GetPolicyInput,
  GetPolicyOutput,
  RemovePermissionInput,
  LambdaImplementation,
  RequestContext as OperationContext,
} from '../generated/server/index.js';

import type {
  AddPermissionInput,
  AddPermissionOutput,
  GetPolicyInput,
  GetPolicyOutput,
  LambdaImplementation,
  RequestContext,
} from '../generated/server/index.js';

/** The runtime always sets every output member, which the model leaves optional. */
export interface LambdaRuntime extends LambdaImplementation {
  AddPermission(input: AddPermissionInput, context: RequestContext): Promise<Required<AddPermissionOutput>>;
  GetPolicy(input: GetPolicyInput, context: RequestContext): Promise<Required<GetPolicyOutput>>;
}
