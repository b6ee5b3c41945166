/**
 * The statement AddPermission adds, built exactly as the service writes it: compact JSON with
 * the keys Sid, Effect, Principal, Action, Resource, Condition, and the condition operators and
 * keys in the service's order and casing.
 */
import { ServiceError } from './errors.js';
import { errorNames, messages } from './messages.js';
import { normalisePrincipal, type PolicyPrincipal } from './principal.js';

export interface StatementRequest {
  StatementId: string;
  Action: string;
  Principal: string;
  SourceArn?: string;
  SourceAccount?: string;
  EventSourceToken?: string;
  PrincipalOrgID?: string;
  FunctionUrlAuthType?: 'NONE' | 'AWS_IAM';
  InvokedViaFunctionUrl?: boolean;
}

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: PolicyPrincipal;
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

const FUNCTION_URL_ACTION = 'lambda:InvokeFunctionUrl';

/** Throws the service's InvalidParameterValueException for a principal or auth type it refuses. */
export function buildStatement(request: StatementRequest, resourceArn: string, region: string): PolicyStatement {
  const principal = normalisePrincipal(request.Principal, region);
  if (principal === undefined) {
    throw new ServiceError(errorNames.invalidParameterValue, messages.invalidPrincipal);
  }
  if (request.FunctionUrlAuthType !== undefined && request.Action !== FUNCTION_URL_ACTION) {
    throw new ServiceError(errorNames.invalidParameterValue, messages.functionUrlAuthTypeOnlyForUrlAction);
  }
  // Object literal order is the serialised key order; keep it as the service writes it.
  const statement: PolicyStatement = {
    Sid: request.StatementId,
    Effect: 'Allow',
    Principal: principal,
    Action: request.Action,
    Resource: resourceArn,
  };
  const condition = buildCondition(request);
  if (condition) statement.Condition = condition;
  return statement;
}

function buildCondition(request: StatementRequest): PolicyStatement['Condition'] {
  // Each object is made only when a key goes into it: this runs once per AddPermission.
  let stringEquals: Record<string, string> | undefined;
  if (request.SourceAccount !== undefined) (stringEquals ??= {})['AWS:SourceAccount'] = request.SourceAccount;
  if (request.EventSourceToken !== undefined) (stringEquals ??= {})['lambda:EventSourceToken'] = request.EventSourceToken;
  if (request.FunctionUrlAuthType !== undefined) (stringEquals ??= {})['lambda:FunctionUrlAuthType'] = request.FunctionUrlAuthType;
  if (request.PrincipalOrgID !== undefined) (stringEquals ??= {})['aws:PrincipalOrgID'] = request.PrincipalOrgID;

  let condition: Record<string, Record<string, string>> | undefined;
  if (stringEquals) (condition ??= {}).StringEquals = stringEquals;
  // The reference says StringLike; the service writes ArnLike.
  if (request.SourceArn !== undefined) (condition ??= {}).ArnLike = { 'AWS:SourceArn': request.SourceArn };
  // Only a true flag restricts anything; false adds no condition.
  if (request.InvokedViaFunctionUrl === true) (condition ??= {}).Bool = { 'lambda:InvokedViaFunctionUrl': 'true' };
  return condition;
}

export const serialiseStatement = (statement: PolicyStatement): string => JSON.stringify(statement);
