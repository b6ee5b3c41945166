/**
 * The operations' inputs and outputs as the generated server hands them over (already checked
 * against the model's constraints). Local until the generated server types are wired in.
 */

export interface AddPermissionInput {
  FunctionName: string;
  StatementId: string;
  Action: string;
  Principal: string;
  SourceArn?: string;
  SourceAccount?: string;
  EventSourceToken?: string;
  Qualifier?: string;
  RevisionId?: string;
  PrincipalOrgID?: string;
  FunctionUrlAuthType?: 'NONE' | 'AWS_IAM';
  InvokedViaFunctionUrl?: boolean;
}

export interface AddPermissionOutput {
  Statement: string;
}

export interface GetPolicyInput {
  FunctionName: string;
  Qualifier?: string;
}

export interface GetPolicyOutput {
  Policy: string;
  RevisionId: string;
}

export interface RemovePermissionInput {
  FunctionName: string;
  StatementId: string;
  Qualifier?: string;
  RevisionId?: string;
}

export interface OperationContext {
  requestId: string;
}

export interface LambdaImplementation {
  AddPermission(input: AddPermissionInput, ctx: OperationContext): Promise<AddPermissionOutput>;
  GetPolicy(input: GetPolicyInput, ctx: OperationContext): Promise<GetPolicyOutput>;
  RemovePermission(input: RemovePermissionInput, ctx: OperationContext): Promise<void>;
}
