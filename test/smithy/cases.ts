// The construct tables: IDL text and the JSON AST the Smithy CLI gives for it. Read by the
// reader's tests and, backwards, by the printer's.

export const header = '$version: "2"\nnamespace smithy.example\n';
const S = 'smithy.api#String';
const I = 'smithy.api#Integer';

export interface Case { name: string; given: string; want: Record<string, unknown> }

export const shapeCases: Case[] = [
  {
    name: 'every simple shape kind',
    given: 'blob A\nboolean B\ndocument C\nstring D\nbyte E\nshort F\ninteger G\nlong H\nfloat J\ndouble K\nbigInteger L\nbigDecimal M\ntimestamp N',
    want: Object.fromEntries(
      [['A', 'blob'], ['B', 'boolean'], ['C', 'document'], ['D', 'string'], ['E', 'byte'], ['F', 'short'], ['G', 'integer'],
        ['H', 'long'], ['J', 'float'], ['K', 'double'], ['L', 'bigInteger'], ['M', 'bigDecimal'], ['N', 'timestamp']]
        .map(([n, t]) => [`smithy.example#${n}`, { type: t }]),
    ),
  },
  {
    name: 'structure members target the prelude, the namespace, absolute ids and imported shapes',
    given: 'use other.ns#Imported\nstructure S { a: String, b: MyString\n c: smithy.api#Integer\n d: Imported\n e: Later }\nstring MyString\nboolean Later',
    want: {
      'smithy.example#S': { type: 'structure', members: { a: { target: S }, b: { target: 'smithy.example#MyString' }, c: { target: I }, d: { target: 'other.ns#Imported' }, e: { target: 'smithy.example#Later' } } },
      'smithy.example#MyString': { type: 'string' },
      'smithy.example#Later': { type: 'boolean' },
    },
  },
  {
    name: 'a shape of the namespace named like a prelude shape wins over the prelude',
    given: 'structure S { a: String }\nstring String',
    want: { 'smithy.example#S': { type: 'structure', members: { a: { target: 'smithy.example#String' } } }, 'smithy.example#String': { type: 'string' } },
  },
  {
    name: 'an unknown relative id takes the current namespace',
    given: 'list L { member: Missing }',
    want: { 'smithy.example#L': { type: 'list', member: { target: 'smithy.example#Missing' } } },
  },
  {
    name: 'list and map members with traits, and an empty structure',
    given: '@length(min: 3, max: 10)\nlist L {\n  @length(min: 1, max: 100)\n  member: String\n}\nmap M { key: String, value: Integer }\nstructure E {}',
    want: {
      'smithy.example#L': { type: 'list', member: { target: S, traits: { 'smithy.api#length': { min: 1, max: 100 } } }, traits: { 'smithy.api#length': { min: 3, max: 10 } } },
      'smithy.example#M': { type: 'map', key: { target: S }, value: { target: I } },
      'smithy.example#E': { type: 'structure', members: {} },
    },
  },
  {
    name: 'union',
    given: 'union U { i32: Integer\n @length(min: 1)\n s: String }',
    want: { 'smithy.example#U': { type: 'union', members: { i32: { target: I }, s: { target: S, traits: { 'smithy.api#length': { min: 1 } } } } } },
  },
  {
    name: 'enum members target Unit and take their name as value unless given one',
    given: 'enum Suit {\n  @deprecated\n  DIAMOND = "diamond"\n  CLUB\n}',
    want: {
      'smithy.example#Suit': {
        type: 'enum',
        members: {
          DIAMOND: { target: 'smithy.api#Unit', traits: { 'smithy.api#deprecated': {}, 'smithy.api#enumValue': 'diamond' } },
          CLUB: { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 'CLUB' } },
        },
      },
    },
  },
  {
    name: 'intEnum values',
    given: 'intEnum Level { LOW = 1\n HIGH = 2 }',
    want: { 'smithy.example#Level': { type: 'intEnum', members: { LOW: { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 1 } }, HIGH: { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 2 } } } } },
  },
  {
    name: 'a member default written as `= value`',
    given: 'structure S { flag: Boolean = true\n name: String = "x"\n list: L = [] }\nlist L { member: String }',
    want: {
      'smithy.example#S': { type: 'structure', members: {
        flag: { target: 'smithy.api#Boolean', traits: { 'smithy.api#default': true } },
        name: { target: S, traits: { 'smithy.api#default': 'x' } },
        list: { target: 'smithy.example#L', traits: { 'smithy.api#default': [] } },
      } },
      'smithy.example#L': { type: 'list', member: { target: S } },
    },
  },
  {
    name: 'operation with input, output and errors; a missing output is Unit',
    given: 'operation Ping { input: PingIn, errors: [Bad, smithy.example#Worse] }\nstructure PingIn {}',
    want: {
      'smithy.example#Ping': { type: 'operation', input: { target: 'smithy.example#PingIn' }, output: { target: 'smithy.api#Unit' }, errors: [{ target: 'smithy.example#Bad' }, { target: 'smithy.example#Worse' }] },
      'smithy.example#PingIn': { type: 'structure', members: {} },
    },
  },
  {
    name: 'inline input and output get @input/@output and the operation name with Input/Output',
    given: 'operation GetUser {\n  input := {\n    userId: String\n  }\n  output := @sensitive with [Base] {\n    name: String\n  }\n}\n@mixin\nstructure Base { id: String }',
    want: {
      'smithy.example#GetUser': { type: 'operation', input: { target: 'smithy.example#GetUserInput' }, output: { target: 'smithy.example#GetUserOutput' } },
      'smithy.example#GetUserInput': { type: 'structure', members: { userId: { target: S } }, traits: { 'smithy.api#input': {} } },
      'smithy.example#GetUserOutput': { type: 'structure', mixins: [{ target: 'smithy.example#Base' }], members: { name: { target: S } }, traits: { 'smithy.api#sensitive': {}, 'smithy.api#output': {} } },
      'smithy.example#Base': { type: 'structure', members: { id: { target: S } }, traits: { 'smithy.api#mixin': {} } },
    },
  },
  {
    name: 'service with version, operations, resources, errors and rename',
    given: 'service Repo { version: "2020-07-13", operations: [Ping], resources: [Model], errors: [Oops], rename: { "other.ns#Widget": "OtherWidget" } }',
    want: {
      'smithy.example#Repo': {
        type: 'service', version: '2020-07-13', operations: [{ target: 'smithy.example#Ping' }], resources: [{ target: 'smithy.example#Model' }],
        errors: [{ target: 'smithy.example#Oops' }], rename: { 'other.ns#Widget': 'OtherWidget' },
      },
    },
  },
  {
    name: 'resource with identifiers, properties, lifecycle operations and bound operations',
    given: 'resource Forecast { identifiers: { forecastId: String }, properties: { temp: Integer }, read: GetForecast, list: ListForecasts, operations: [Check], collectionOperations: [Batch], resources: [Child] }',
    want: {
      'smithy.example#Forecast': {
        type: 'resource', identifiers: { forecastId: { target: S } }, properties: { temp: { target: I } },
        read: { target: 'smithy.example#GetForecast' }, list: { target: 'smithy.example#ListForecasts' },
        operations: [{ target: 'smithy.example#Check' }], collectionOperations: [{ target: 'smithy.example#Batch' }], resources: [{ target: 'smithy.example#Child' }],
      },
    },
  },
  {
    name: '`for` a resource: `$name` takes the identifier\'s target',
    given: 'resource User { identifiers: { name: String, uuid: String } }\nstructure UserSummary for User { $name\n age: Short }',
    want: {
      'smithy.example#User': { type: 'resource', identifiers: { name: { target: S }, uuid: { target: S } } },
      'smithy.example#UserSummary': { type: 'structure', members: { name: { target: S }, age: { target: 'smithy.api#Short' } } },
    },
  },
  {
    name: 'mixins: inherited members stay out of the shape; traits added to them become an apply entry',
    given: '@mixin\nstructure IdBearer { id: String\n note: String }\nstructure IdRequired with [IdBearer] {\n  @required\n  $id\n  note: String\n  extra: Integer\n}\n@mixin\n@sensitive\nstring Secret\n@pattern("^a$")\nstring Text with [Secret]',
    want: {
      'smithy.example#IdBearer': { type: 'structure', members: { id: { target: S }, note: { target: S } }, traits: { 'smithy.api#mixin': {} } },
      'smithy.example#IdRequired': { type: 'structure', mixins: [{ target: 'smithy.example#IdBearer' }], members: { extra: { target: I } } },
      'smithy.example#IdRequired$id': { type: 'apply', traits: { 'smithy.api#required': {} } },
      'smithy.example#Secret': { type: 'string', traits: { 'smithy.api#mixin': {}, 'smithy.api#sensitive': {} } },
      'smithy.example#Text': { type: 'string', mixins: [{ target: 'smithy.example#Secret' }], traits: { 'smithy.api#pattern': '^a$' } },
    },
  },
  {
    name: 'apply: single and block, to shapes and members, merged into the definitions',
    given: 'apply MyString @documentation("This is my string!")\napply S$foo {\n  @required\n  @length(min: 1)\n}\nstring MyString\nstructure S { foo: String }',
    want: {
      'smithy.example#MyString': { type: 'string', traits: { 'smithy.api#documentation': 'This is my string!' } },
      'smithy.example#S': { type: 'structure', members: { foo: { target: S, traits: { 'smithy.api#required': {}, 'smithy.api#length': { min: 1 } } } } },
    },
  },
  {
    name: 'apply to a shape outside the files read stays an apply entry',
    given: 'apply other.ns#Thing @sensitive',
    want: { 'other.ns#Thing': { type: 'apply', traits: { 'smithy.api#sensitive': {} } } },
  },
  {
    name: 'a list trait applied twice is concatenated',
    given: '@tags(["a"])\nstring T\napply T @tags(["b", "c"])',
    want: { 'smithy.example#T': { type: 'string', traits: { 'smithy.api#tags': ['a', 'b', 'c'] } } },
  },
  {
    name: 'documentation comments on shapes and members, before the traits',
    given: '/// This is documentation about a shape.\n///\n/// - This is a list\n/// - More of the list.\nstring MyString\n\n/// Trait docs.\n///   More docs here.\n@trait\nstructure myTrait {\n  /// Member docs.\n  @required\n  foo: String // a comment\n}',
    want: {
      'smithy.example#MyString': { type: 'string', traits: { 'smithy.api#documentation': 'This is documentation about a shape.\n\n- This is a list\n- More of the list.' } },
      'smithy.example#myTrait': {
        type: 'structure',
        members: { foo: { target: S, traits: { 'smithy.api#documentation': 'Member docs.', 'smithy.api#required': {} } } },
        traits: { 'smithy.api#documentation': 'Trait docs.\n  More docs here.', 'smithy.api#trait': {} },
      },
    },
  },
  {
    name: 'a set is written as a list with unique items',
    given: 'set Tags { member: String }',
    want: { 'smithy.example#Tags': { type: 'list', member: { target: S }, traits: { 'smithy.api#uniqueItems': {} } } },
  },
  {
    name: '`///` after code on a line is an ordinary comment, not documentation',
    given: 'structure S {\n  a: String /// not documentation\n  b: String\n}',
    want: { 'smithy.example#S': { type: 'structure', members: { a: { target: S }, b: { target: S } } } },
  },
];

export const traitCases: Case[] = [
  { name: 'annotation on a structure trait is {}', given: '@sensitive\nstring X', want: { 'smithy.api#sensitive': {} } },
  { name: 'empty parentheses are the same as none', given: '@sensitive()\nstring X', want: { 'smithy.api#sensitive': {} } },
  { name: 'annotation on a list trait is []', given: '@tags\nstring X', want: { 'smithy.api#tags': [] } },
  { name: 'annotation on a trait defined in the model takes its shape', given: '@trait\nlist marks { member: String }\n@marks\nstring X', want: { 'smithy.example#marks': [] } },
  { name: 'structured trait values without braces', given: '@range(min: 0, max: 1000)\ninteger X', want: { 'smithy.api#range': { min: 0, max: 1000 } } },
  { name: 'a quoted string value', given: '@documentation("a \\"quoted\\" \\u00e9 \\/ \\\\ value\\n")\nstring X', want: { 'smithy.api#documentation': 'a "quoted" é / \\ value\n' } },
  { name: 'numbers: integers, negatives, fractions, exponents', given: '@foo([0, -12, 1.5, 1e+2, -1.0e-10])\nstring X\n@trait\nlist foo { member: Document }', want: { 'smithy.example#foo': [0, -12, 1.5, 100, -1e-10] } },
  { name: 'keywords true, false, null', given: '@foo({a: true, b: false, c: null})\nstring X\n@trait\nstructure foo {}', want: { 'smithy.example#foo': { a: true, b: false, c: null } } },
  { name: 'an unquoted value is a shape id, resolved', given: '@foo(ref: MyString, p: String, abs: a.b#C)\nstring X\nstring MyString\n@trait\nstructure foo {}', want: { 'smithy.example#foo': { ref: 'smithy.example#MyString', p: 'smithy.api#String', abs: 'a.b#C' } } },
  { name: 'object keys are never shape ids; quoted keys may hold anything', given: '@foo({String: "x", "a-b c": 1})\nstring X\n@trait\nstructure foo {}', want: { 'smithy.example#foo': { String: 'x', 'a-b c': 1 } } },
  { name: 'trailing commas and comments inside values', given: '@foo([1, 2, // two\n 3,])\nstring X\n@trait\nlist foo { member: Integer }', want: { 'smithy.example#foo': [1, 2, 3] } },
  { name: 'a text block drops the incidental indentation and keeps the final newline', given: '@documentation("""\n    <div>\n        <p>Hello!</p>\n    </div>\n    """)\nstring X', want: { 'smithy.api#documentation': '<div>\n    <p>Hello!</p>\n</div>\n' } },
  { name: 'a text block closed on the last content line has no final newline', given: '@documentation("""\n    Foo\n        Baz\n    Bar""")\nstring X', want: { 'smithy.api#documentation': 'Foo\n    Baz\nBar' } },
  { name: 'a text block whose closing quotes sit left of the content keeps that indentation', given: '@documentation("""\n        Foo\n    """)\nstring X', want: { 'smithy.api#documentation': '    Foo\n' } },
  { name: 'a text block: escaped newlines join lines, escapes expand after dedent, quotes need no escape', given: '@documentation("""\n    Foo \\\n    Baz "q" \\"""\n    x\\ty""")\nstring X', want: { 'smithy.api#documentation': 'Foo Baz "q" """\nx\ty' } },
  { name: 'CRLF in a string becomes LF', given: '@documentation("a\r\nb")\r\nstring X', want: { 'smithy.api#documentation': 'a\nb' } },
  { name: 'a trait imported with use', given: 'use other.ns#marker\n@marker\nstring X', want: { 'other.ns#marker': {} } },
];
