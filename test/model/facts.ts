// The facts of each documentation revision, transcribed by hand from the captures in
// model/sources/ (file and line quoted where it helps). Tests check these tables twice: against what
// the parsers in captures.ts extract from the capture text, and against the model. A table entry is
// the exact documented value; `pattern` is the anchored form the model must carry
// (model/README.md: `^(?:P)$`, or P unchanged when the page already prints `^…$`).
import type { Location } from './load.js';

export interface MemberFact {
  in: Location;
  type: 'string' | 'boolean';
  required: boolean;
  minLength?: number;
  maxLength?: number;
  documentedPattern?: string;
  pattern?: string;
  enum?: string[];
}

export type MemberTable = Record<string, MemberFact>;
export type ErrorTable = Record<string, number>;

export interface RevisionFacts {
  /** Captures the revision was built from, first the one its facts are read from (none for 2026). */
  sources: string[];
  /**
   * AWS's Smithy model the revision was imported from, as info.x-revision names it (relative to the
   * project root). It lives in ../shared, which users' clones do not have: only the team can check
   * the revision against it.
   */
  smithy?: string;
  era: string;
  /** info.x-client-version: the generated client package version the revision produces. */
  clientVersion: string;
  members: MemberTable;
  errors: ErrorTable;
}

const r = String.raw;

// --- Patterns, as printed ------------------------------------------------------------------------

const FUNCTION_NAME_2017 = r`(arn:aws:lambda:)?([a-z]{2}-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?`;
// 2020 adds the partition (`aws[a-zA-Z-]*`) and the GovCloud regions (`(-gov)?`).
const FUNCTION_NAME_2020 = r`(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?`;
const QUALIFIER = r`(|[a-zA-Z0-9$_-]+)`;
const ACTION = r`(lambda:[*]|lambda:[a-zA-Z]+|[*])`;
const EVENT_SOURCE_TOKEN = r`[a-zA-Z0-9._\-]+`;
const PRINCIPAL_2017 = r`.*`;
const PRINCIPAL_2022 = r`[^\s]+`;
const SOURCE_ACCOUNT = r`\d{12}`;
const SOURCE_ARN_2017 = r`arn:aws:([a-zA-Z0-9\-])+:([a-z]{2}-[a-z]+-\d{1})?:(\d{12})?:(.*)`;
const SOURCE_ARN_2020 = r`arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\-])+:([a-z]{2}(-gov)?-[a-z]+-\d{1})?:(\d{12})?:(.*)`;
const STATEMENT_ID = r`([a-zA-Z0-9-_]+)`;
const PRINCIPAL_ORG_ID = r`^o-[a-z0-9]{10,32}$`; // printed anchored by 001 itself
// 2026, AWS's Smithy model (which writes `^…$`; the model keeps the pattern without the anchors):
// FunctionName adds the ISO regions (`-iso([a-z]?)`), `.` in names and `$LATEST.PUBLISHED`;
// Qualifier admits `$LATEST` and `$LATEST.PUBLISHED` but no `.` otherwise.
const FUNCTION_NAME_2026 = r`(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?`;
const QUALIFIER_2026 = r`\$(LATEST(\.PUBLISHED)?)|[a-zA-Z0-9-_$]+`;

/** The Smithy model a revision may be imported from, as info.x-revision names it. */
export const SMITHY_SOURCE = '../shared/fixtures/smithy/lambda.json';

// --- Revision 2017, capture 000 ------------------------------------------------------------------

export const MEMBERS_2017: MemberTable = {
  FunctionName: {
    in: 'path', type: 'string', required: true, minLength: 1, maxLength: 140,
    documentedPattern: FUNCTION_NAME_2017,
    pattern: r`^(?:(arn:aws:lambda:)?([a-z]{2}-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?)$`,
  },
  Qualifier: {
    in: 'query', type: 'string', required: false, minLength: 1, maxLength: 128,
    documentedPattern: QUALIFIER, pattern: r`^(?:(|[a-zA-Z0-9$_-]+))$`,
  },
  Action: {
    in: 'body', type: 'string', required: true,
    documentedPattern: ACTION, pattern: r`^(?:(lambda:[*]|lambda:[a-zA-Z]+|[*]))$`,
  },
  EventSourceToken: {
    in: 'body', type: 'string', required: false, minLength: 0, maxLength: 256,
    documentedPattern: EVENT_SOURCE_TOKEN, pattern: r`^(?:[a-zA-Z0-9._\-]+)$`,
  },
  Principal: {
    in: 'body', type: 'string', required: true,
    documentedPattern: PRINCIPAL_2017, pattern: r`^(?:.*)$`,
  },
  SourceAccount: {
    in: 'body', type: 'string', required: false,
    documentedPattern: SOURCE_ACCOUNT, pattern: r`^(?:\d{12})$`,
  },
  SourceArn: {
    in: 'body', type: 'string', required: false,
    documentedPattern: SOURCE_ARN_2017,
    pattern: r`^(?:arn:aws:([a-zA-Z0-9\-])+:([a-z]{2}-[a-z]+-\d{1})?:(\d{12})?:(.*))$`,
  },
  StatementId: {
    in: 'body', type: 'string', required: true, minLength: 1, maxLength: 100,
    documentedPattern: STATEMENT_ID, pattern: r`^(?:([a-zA-Z0-9-_]+))$`,
  },
};

export const ERRORS_2017: ErrorTable = {
  InvalidParameterValueException: 400,
  PolicyLengthExceededException: 400,
  ResourceConflictException: 409,
  ResourceNotFoundException: 404,
  ServiceException: 500,
  TooManyRequestsException: 429,
};

// --- Revision 2020, captures 004 (patterns) and 003 (same revision, `+` stripped) ----------------

export const MEMBERS_2020: MemberTable = {
  ...MEMBERS_2017,
  FunctionName: {
    ...MEMBERS_2017.FunctionName,
    documentedPattern: FUNCTION_NAME_2020,
    pattern: r`^(?:(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?)$`,
  },
  SourceArn: {
    ...MEMBERS_2017.SourceArn,
    documentedPattern: SOURCE_ARN_2020,
    pattern: r`^(?:arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\-])+:([a-z]{2}(-gov)?-[a-z]+-\d{1})?:(\d{12})?:(.*))$`,
  },
  RevisionId: { in: 'body', type: 'string', required: false },
};

export const ERRORS_2020: ErrorTable = {
  ...ERRORS_2017,
  PreconditionFailedException: 412,
};

// --- Revision 2022, capture 001 (names recovered from the order of the sections) -----------------

export const MEMBERS_2022: MemberTable = {
  ...MEMBERS_2020,
  Principal: {
    ...MEMBERS_2020.Principal,
    documentedPattern: PRINCIPAL_2022, pattern: r`^(?:[^\s]+)$`,
  },
  // 001: "Length Constraints: Maximum length of 12." (no minimum printed)
  SourceAccount: { ...MEMBERS_2020.SourceAccount, maxLength: 12 },
  PrincipalOrgID: {
    in: 'body', type: 'string', required: false, minLength: 12, maxLength: 34,
    // already anchored on the page, so kept as it is
    documentedPattern: PRINCIPAL_ORG_ID, pattern: PRINCIPAL_ORG_ID,
  },
  FunctionUrlAuthType: { in: 'body', type: 'string', required: false, enum: ['NONE', 'AWS_IAM'] },
};

export const ERRORS_2022: ErrorTable = { ...ERRORS_2020 };

// --- Revision 2025, capture 002 (boto3: types, required-ness, enum; constraints from 2022) -------

export const MEMBERS_2025: MemberTable = {
  ...MEMBERS_2022,
  InvokedViaFunctionUrl: { in: 'body', type: 'boolean', required: false },
};

export const ERRORS_2025: ErrorTable = { ...ERRORS_2022 };

/** Members of 2025 whose constraints no capture of 2025 states: carried over from 2022. */
export const CARRIED_OVER_2025 = [
  'FunctionName', 'Qualifier', 'StatementId', 'Action', 'Principal', 'SourceArn',
  'SourceAccount', 'EventSourceToken', 'PrincipalOrgID',
];

// --- Revision 2026, AWS's Smithy model of Lambda (../shared/fixtures/smithy/lambda.json) --------
// Every constraint is the model's own (nothing carried over). Against 2025: FunctionName is 1..256
// with the Smithy pattern, Qualifier has the Smithy pattern, SourceAccount states minLength 0.

export const MEMBERS_2026: MemberTable = {
  ...MEMBERS_2025,
  FunctionName: {
    in: 'path', type: 'string', required: true, minLength: 1, maxLength: 256,
    documentedPattern: FUNCTION_NAME_2026,
    pattern: r`^(?:(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?)$`,
  },
  Qualifier: {
    in: 'query', type: 'string', required: false, minLength: 1, maxLength: 128,
    // A top-level alternation in Smithy's `^…$`, read as one alternation of whole values.
    documentedPattern: QUALIFIER_2026, pattern: r`^(?:\$(LATEST(\.PUBLISHED)?)|[a-zA-Z0-9-_$]+)$`,
  },
  SourceAccount: { ...MEMBERS_2025.SourceAccount, minLength: 0 },
};

/** The members whose constraints 2026 changes against 2025; every other member is unchanged. */
export const CHANGED_IN_2026 = ['FunctionName', 'Qualifier', 'SourceAccount'];

export const ERRORS_2026: ErrorTable = { ...ERRORS_2025 };

/** TooManyRequestsException.Reason in 2026: Smithy's ThrottleReason enum, in Smithy's order. */
export const THROTTLE_REASONS_2026 = [
  'ConcurrentInvocationLimitExceeded',
  'FunctionInvocationRateLimitExceeded',
  'ReservedFunctionConcurrentInvocationLimitExceeded',
  'ReservedFunctionInvocationRateLimitExceeded',
  'CallerRateLimitExceeded',
  'ConcurrentSnapshotCreateLimitExceeded',
];

export const REVISIONS: Record<string, RevisionFacts> = {
  '2017': {
    sources: ['000_3c6a77f024b23009.txt'],
    era: 'about 2015-2017',
    clientVersion: '1.0.0',
    members: MEMBERS_2017,
    errors: ERRORS_2017,
  },
  '2020': {
    sources: ['004_c4767a7f3ce6f2dd.txt', '003_d6abab30469e4984.txt'],
    era: 'about 2018-2020',
    clientVersion: '1.1.0',
    members: MEMBERS_2020,
    errors: ERRORS_2020,
  },
  '2022': {
    sources: ['001_31e768cfcebed449.txt'],
    era: 'about 2022-2024',
    clientVersion: '1.2.0',
    members: MEMBERS_2022,
    errors: ERRORS_2022,
  },
  '2025': {
    sources: ['002_d759dc53a5faecdd.txt'],
    era: 'about 2025',
    clientVersion: '1.3.0',
    members: MEMBERS_2025,
    errors: ERRORS_2025,
  },
  '2026': {
    sources: [],
    smithy: SMITHY_SOURCE,
    era: "current (AWS's published Smithy model, late 2025)",
    clientVersion: '1.3.1',
    members: MEMBERS_2026,
    errors: ERRORS_2026,
  },
};

/** The capture each revision's member facts are read from (its first source); none for 2026. */
export const PRIMARY_CAPTURE: Record<string, string> = {
  '2017': '000',
  '2020': '004',
  '2022': '001',
  '2025': '002',
};

/** AddPermission's HTTP binding, the same in every revision. */
export const ADD_PERMISSION = {
  operationId: 'AddPermission',
  method: 'POST',
  path: '/2015-03-31/functions/{FunctionName}/policy',
  successStatus: 201,
  requestSchema: 'AddPermissionRequest',
  responseSchema: 'AddPermissionResponse',
  responseMembers: { Statement: 'string' },
};

/**
 * The service's own member order (spec/service-behavior.md, and the boto3 Request Syntax of 002),
 * which the service reports constraint violations in. Each revision lists its own members in it.
 */
export const SERVICE_MEMBER_ORDER = [
  'FunctionName', 'StatementId', 'Action', 'Principal', 'SourceArn', 'SourceAccount',
  'EventSourceToken', 'Qualifier', 'RevisionId', 'PrincipalOrgID', 'FunctionUrlAuthType',
  'InvokedViaFunctionUrl',
];

// --- Errors: body members and fault, as the service sends them (model/README.md) ----------------

export interface ErrorShape {
  fault: 'client' | 'server';
  typeDefault: 'User' | 'Service';
  /** Body members with their exact casing; `retryAfterSeconds` is bound to a header. */
  members: string[];
  headers?: Record<string, string>;
}

export const ERROR_SHAPES: Record<string, ErrorShape> = {
  InvalidParameterValueException: { fault: 'client', typeDefault: 'User', members: ['Type', 'message'] },
  PolicyLengthExceededException: { fault: 'client', typeDefault: 'User', members: ['Type', 'message'] },
  PreconditionFailedException: { fault: 'client', typeDefault: 'User', members: ['Type', 'message'] },
  ResourceConflictException: { fault: 'client', typeDefault: 'User', members: ['Type', 'message'] },
  ResourceNotFoundException: { fault: 'client', typeDefault: 'User', members: ['Type', 'Message'] },
  ServiceException: { fault: 'server', typeDefault: 'Service', members: ['Type', 'Message'] },
  TooManyRequestsException: {
    fault: 'client', typeDefault: 'User',
    members: ['Type', 'message', 'Reason', 'retryAfterSeconds'],
    headers: { retryAfterSeconds: 'Retry-After' },
  },
};

// --- Companions (model/companions.yaml), from AWS's Smithy model of Lambda ----------------------

const COMPANION_FUNCTION_NAME = r`(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?`;
const COMPANION_QUALIFIER = r`\$(LATEST(\.PUBLISHED)?)|[a-zA-Z0-9-_$]+`;
const COMPANION_STATEMENT_ID = r`([a-zA-Z0-9-_.]+)`;

export interface CompanionFacts {
  method: string;
  path: string;
  successStatus: number;
  /** Response body members, or undefined for an empty body. */
  response?: Record<string, string>;
  memberOrder: string[];
  members: MemberTable;
  errors: ErrorTable;
}

const companionFunctionName: MemberFact = {
  in: 'path', type: 'string', required: true, minLength: 1, maxLength: 256,
  documentedPattern: COMPANION_FUNCTION_NAME,
  pattern: r`^(?:(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?)$`,
};
const companionQualifier: MemberFact = {
  in: 'query', type: 'string', required: false, minLength: 1, maxLength: 128,
  documentedPattern: COMPANION_QUALIFIER,
  pattern: r`^(?:\$(LATEST(\.PUBLISHED)?)|[a-zA-Z0-9-_$]+)$`,
};

export const COMPANIONS: Record<string, CompanionFacts> = {
  GetPolicy: {
    method: 'GET',
    path: '/2015-03-31/functions/{FunctionName}/policy',
    successStatus: 200,
    response: { Policy: 'string', RevisionId: 'string' },
    memberOrder: ['FunctionName', 'Qualifier'],
    members: { FunctionName: companionFunctionName, Qualifier: companionQualifier },
    errors: {
      InvalidParameterValueException: 400,
      ResourceNotFoundException: 404,
      ServiceException: 500,
      TooManyRequestsException: 429,
    },
  },
  RemovePermission: {
    method: 'DELETE',
    path: '/2015-03-31/functions/{FunctionName}/policy/{StatementId}',
    successStatus: 204,
    response: undefined,
    memberOrder: ['FunctionName', 'StatementId', 'Qualifier', 'RevisionId'],
    members: {
      FunctionName: companionFunctionName,
      StatementId: {
        in: 'path', type: 'string', required: true, minLength: 1, maxLength: 100,
        documentedPattern: COMPANION_STATEMENT_ID, pattern: r`^(?:([a-zA-Z0-9-_.]+))$`,
      },
      Qualifier: companionQualifier,
      RevisionId: { in: 'query', type: 'string', required: false },
    },
    errors: {
      InvalidParameterValueException: 400,
      PreconditionFailedException: 412,
      ResourceNotFoundException: 404,
      ServiceException: 500,
      TooManyRequestsException: 429,
    },
  },
};

// --- Whole-value samples for every anchored pattern ---------------------------------------------

export interface Samples {
  accept: string[];
  reject: string[];
}

const FN_COMMON: Samples = {
  accept: [
    'my-function',
    'my-function:v1',
    'my-function:$LATEST',
    '123456789012:function:my-function',
    'function:my-function',
    'arn:aws:lambda:us-west-2:123456789012:function:my-function',
    'arn:aws:lambda:us-west-2:123456789012:function:my-function:PROD',
  ],
  reject: ['', 'my function', 'my-function:v1:extra', 'my/function'],
};
const GOV_ARN = 'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:my-function';

const ADD_PERMISSION_SAMPLES: Record<string, Samples> = {
  Qualifier: {
    // `(|…)`: the pattern itself admits the empty value; minLength 1 is what rejects it.
    accept: ['PROD', '1', '$LATEST', 'my_alias-2', ''],
    reject: ['PROD:1', 'a.b', 'a b'],
  },
  Action: {
    accept: ['lambda:InvokeFunction', 'lambda:GetFunction', 'lambda:*', '*'],
    reject: ['', 'lambda:', 'lambda:Invoke-Function', 's3:GetObject', 'xlambda:InvokeFunction', 'lambda:InvokeFunction '],
  },
  EventSourceToken: { accept: ['abc.DEF_1-2', 'a'], reject: ['', 'a b', 'a/b'] },
  SourceAccount: { accept: ['123456789012'], reject: ['', '12345678901', '1234567890123', '12345678901a'] },
  StatementId: { accept: ['s3', 'xaccount', 'my_statement-1'], reject: ['example.com', '', 'a b'] },
  PrincipalOrgID: {
    accept: ['o-a1b2c3d4e5', `o-${'a'.repeat(32)}`],
    reject: ['o-a1b2c3d4', `o-${'a'.repeat(33)}`, 'o-A1B2C3D4E5', 'x-a1b2c3d4e5', ''],
  },
};

export const SAMPLES: Record<string, Record<string, Samples>> = {
  '2017': {
    ...ADD_PERMISSION_SAMPLES,
    FunctionName: { accept: FN_COMMON.accept, reject: [...FN_COMMON.reject, GOV_ARN] },
    Principal: { accept: ['', 'a b', 's3.amazonaws.com', '223456789012'], reject: ['a\nb'] },
    SourceArn: {
      accept: ['arn:aws:s3:::my-bucket', 'arn:aws:sns:us-east-1:123456789012:topic'],
      reject: ['my-bucket', 'arn:aws:s3::my-bucket', 'arn:aws-us-gov:sns:us-gov-west-1:123456789012:topic'],
    },
  },
  '2020': {
    ...ADD_PERMISSION_SAMPLES,
    FunctionName: {
      accept: [...FN_COMMON.accept, GOV_ARN, 'arn:aws-cn:lambda:cn-north-1:123456789012:function:f'],
      reject: [...FN_COMMON.reject, 'my-function.v2'],
    },
    Principal: { accept: ['', 'a b', 's3.amazonaws.com', '223456789012'], reject: ['a\nb'] },
    SourceArn: {
      accept: [
        'arn:aws:s3:::my-bucket-1xpuxmplzrlbh/*',
        'arn:aws-us-gov:sns:us-gov-west-1:123456789012:topic',
      ],
      reject: ['my-bucket', 'arn::s3:::my-bucket', 'arn:aws:s3::my-bucket'],
    },
  },
};
SAMPLES['2022'] = {
  ...SAMPLES['2020'],
  Principal: {
    accept: ['s3.amazonaws.com', '223456789012', '*', 'arn:aws:iam::123456789012:root'],
    reject: ['', 'a b', 'a\tb', ' s3.amazonaws.com'],
  },
};
SAMPLES['2025'] = { ...SAMPLES['2022'] };
SAMPLES['2026'] = {
  ...SAMPLES['2025'],
  FunctionName: {
    accept: [
      ...FN_COMMON.accept,
      GOV_ARN,
      'my-function.v2',
      'my-function:$LATEST.PUBLISHED',
      'arn:aws-iso-b:lambda:us-isob-east-1:123456789012:function:f',
      'arn:aws-iso:lambda:us-iso-east-1:123456789012:function:f',
    ],
    reject: [...FN_COMMON.reject, 'my-function:$LATEST.DRAFT', 'my-function:v1.2'],
  },
  Qualifier: {
    // Unlike 2025's `(|…)`, the pattern itself rejects the empty value.
    accept: ['$LATEST', '$LATEST.PUBLISHED', 'PROD', '1', 'my_alias-2', '$x'],
    reject: ['', 'PROD.1', '$LATEST.DRAFT', 'PROD:1', 'a.b', 'a b'],
  },
};

export const COMPANION_SAMPLES: Record<string, Record<string, Samples>> = {
  GetPolicy: {
    FunctionName: {
      accept: [
        ...FN_COMMON.accept,
        GOV_ARN,
        'my-function.v2',
        'my-function:$LATEST.PUBLISHED',
        'arn:aws-iso-b:lambda:us-isob-east-1:123456789012:function:f',
      ],
      reject: FN_COMMON.reject,
    },
    Qualifier: {
      accept: ['$LATEST', '$LATEST.PUBLISHED', 'PROD', '1', 'my_alias-2'],
      reject: ['', 'PROD.1', '$LATEST.DRAFT', 'a b'],
    },
  },
};
COMPANION_SAMPLES.RemovePermission = {
  ...COMPANION_SAMPLES.GetPolicy,
  StatementId: { accept: ['s3', 'xaccount', 'example.com'], reject: ['', 'a b', 'a/b', 'a:b'] },
};
