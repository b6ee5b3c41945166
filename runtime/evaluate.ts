/**
 * Whether a request is allowed by a function policy, and by which statement. Pure: the policy
 * and the request in, the decision out. Covers what Lambda writes into policies (StringEquals,
 * ArnLike, Bool; service, account and organization principals; action wildcards); a statement
 * using anything else is not trusted to allow (and, if it denies, is trusted to deny).
 */
import { arnLike, wildcardMatch } from './wildcard.js';

export type RequestPrincipal =
  /** An AWS service acting on a customer's behalf, such as s3.amazonaws.com. */
  | { service: string }
  /** An IAM identity (or the account itself), optionally in an AWS Organizations organization. */
  | { account: string; arn?: string; organizationId?: string };

export interface AccessRequest {
  principal: RequestPrincipal;
  action: string;
  sourceArn?: string;
  sourceAccount?: string;
  eventSourceToken?: string;
  functionUrlAuthType?: 'NONE' | 'AWS_IAM';
  invokedViaFunctionUrl?: boolean;
}

export type Decision =
  | { allowed: true; statementId: string }
  /** `deniedBy` names an explicit Deny; without it nothing allowed the request. */
  | { allowed: false; deniedBy?: string };

type Values = string | string[];

export interface EvaluatedStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | { AWS?: Values; Service?: Values };
  Action?: Values;
  Condition?: Record<string, Record<string, Values | boolean>>;
  [element: string]: unknown;
}

export interface EvaluatedPolicy {
  Statement: EvaluatedStatement | EvaluatedStatement[];
}

type Match = 'match' | 'no-match' | 'unsupported';

// Resource is always the function the policy belongs to, so there is nothing to compare it with.
const KNOWN_ELEMENTS = new Set(['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'Condition']);

export function evaluate(policy: EvaluatedPolicy | string, request: AccessRequest): Decision {
  const document: EvaluatedPolicy = typeof policy === 'string' ? JSON.parse(policy) : policy;
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  let allowedBy: string | undefined;
  for (const [index, statement] of statements.entries()) {
    const match = matchStatement(statement, request);
    const id = statement.Sid ?? `#${index}`;
    // An explicit Deny wins over any Allow, and a Deny we cannot read is taken at its word.
    if (statement.Effect === 'Deny' && match !== 'no-match') return { allowed: false, deniedBy: id };
    if (statement.Effect === 'Allow' && match === 'match' && allowedBy === undefined) allowedBy = id;
  }
  return allowedBy === undefined ? { allowed: false } : { allowed: true, statementId: allowedBy };
}

function matchStatement(statement: EvaluatedStatement, request: AccessRequest): Match {
  if (Object.keys(statement).some((element) => !KNOWN_ELEMENTS.has(element))) return 'unsupported';
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') return 'unsupported';
  const principal = matchPrincipal(statement.Principal, request.principal);
  if (principal !== 'match') return principal;
  if (!list(statement.Action).some((action) => wildcardMatch(action, request.action, true))) return 'no-match';
  return matchConditions(statement.Condition ?? {}, request);
}

function matchPrincipal(element: EvaluatedStatement['Principal'], principal: RequestPrincipal): Match {
  if (element === '*') return 'match';
  if (typeof element !== 'object' || element === null) return 'unsupported';
  if ('service' in principal) {
    return list(element.Service).includes(principal.service) ? 'match' : 'no-match';
  }
  const matches = list(element.AWS).some((granted) => {
    if (granted === '*') return true;
    // The account (bare, or its root ARN) stands for every identity in it.
    if (granted === principal.account || /^arn:[^:]+:iam::(\d{12}):root$/.exec(granted)?.[1] === principal.account) {
      return true;
    }
    return principal.arn !== undefined && granted === principal.arn;
  });
  return matches ? 'match' : 'no-match';
}

/** Every operator must hold, every key of an operator must hold, any one of a key's values will do. */
function matchConditions(condition: Record<string, Record<string, Values | boolean>>, request: AccessRequest): Match {
  for (const [operator, keys] of Object.entries(condition)) {
    const test = OPERATORS[operator];
    if (!test) return 'unsupported';
    for (const [key, expected] of Object.entries(keys)) {
      const actual = contextValue(key, request);
      if (actual === UNKNOWN_KEY) return 'unsupported';
      // A key absent from the request never satisfies a condition (no ...IfExists operators).
      if (actual === undefined) return 'no-match';
      const candidates = typeof expected === 'boolean' ? [String(expected)] : list(expected);
      if (!candidates.some((value) => test(value, actual))) return 'no-match';
    }
  }
  return 'match';
}

const OPERATORS: Record<string, (expected: string, actual: string) => boolean> = {
  StringEquals: (expected, actual) => expected === actual,
  StringLike: (expected, actual) => wildcardMatch(expected, actual),
  ArnLike: arnLike,
  ArnEquals: arnLike,
  Bool: (expected, actual) => expected.toLowerCase() === actual,
};

const UNKNOWN_KEY = Symbol('unknown condition key');

// Condition keys are case-insensitive in IAM: the service itself writes `AWS:SourceArn`.
function contextValue(key: string, request: AccessRequest): string | undefined | typeof UNKNOWN_KEY {
  const principal = request.principal;
  switch (key.toLowerCase()) {
    case 'aws:sourcearn':
      return request.sourceArn;
    case 'aws:sourceaccount':
      return request.sourceAccount;
    case 'lambda:eventsourcetoken':
      return request.eventSourceToken;
    case 'lambda:functionurlauthtype':
      return request.functionUrlAuthType;
    case 'lambda:invokedviafunctionurl':
      return request.invokedViaFunctionUrl === undefined ? undefined : String(request.invokedViaFunctionUrl);
    case 'aws:principalorgid':
      return 'organizationId' in principal ? principal.organizationId : undefined;
    case 'aws:principalaccount':
      return 'account' in principal ? principal.account : undefined;
    default:
      return UNKNOWN_KEY;
  }
}

const list = (values: Values | undefined): string[] => (values === undefined ? [] : Array.isArray(values) ? values : [values]);
