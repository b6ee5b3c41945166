// A page made by editing a capture (a new optional member, a removed error, a tightened length)
// imports with exactly those changes, in each format.

import { describe, expect, it } from 'vitest';
import { differences, structure } from './structure.js';
import { capture, committed, importCapture, undeterminedKeys } from './helpers.js';

const PATH = '/2015-03-31/functions/{FunctionName}/policy';

function edit(text: string, replacements: [RegExp | string, string][]): string {
  let out = text;
  for (const [from, to] of replacements) {
    const next = out.replace(from, to);
    if (next === out) throw new Error(`edit did not apply: ${from}`);
    out = next;
  }
  return out;
}

/** The differences expected from the three edits, as structural paths. */
const EXPECTED_PATHS = [
  'errors.ResourceConflictException',
  'operations.AddPermission.errors',
  'operations.AddPermission.memberOrder',
  'operations.AddPermission.members.ConditionKey',
  'operations.AddPermission.members.StatementId.maxLength',
  'operations.AddPermission.responses.409',
];

describe('an edited Markdown reference page (from capture 000)', () => {
  const text = edit(capture('000'), [
    ['   "Action": "string",\n', '   "Action": "string",\n   "ConditionKey": "string",\n'],
    [' ** EventSourceToken **', ' ** ConditionKey **   \nAn extra condition on the statement\\.  \nType: String  \nLength Constraints: Minimum length of 1\\. Maximum length of 64\\.  \nPattern: `[a-z:]+`   \nRequired: No\n\n ** EventSourceToken **'],
    [/ \*\*ResourceConflictException\*\* {3}\nThe resource already exists\\\.  \nHTTP Status Code: 409\n\n/, ''],
    ['A unique statement identifier\\.  \nType: String  \nLength Constraints: Minimum length of 1\\. Maximum length of 100\\.', 'A unique statement identifier\\.  \nType: String  \nLength Constraints: Minimum length of 1\\. Maximum length of 64\\.'],
  ]);
  const r = importCapture('000', { base: '2017' }, text);
  const body = r.parsed.components.schemas.AddPermissionRequest;

  it('has the new optional member with its constraints', () => {
    expect(body.properties.ConditionKey).toEqual({
      type: 'string', minLength: 1, maxLength: 64, pattern: '^(?:[a-z:]+)$', 'x-documented-pattern': '[a-z:]+',
      description: 'An extra condition on the statement.',
    });
    expect(body.required).not.toContain('ConditionKey');
  });

  it('places the new member after the known ones and says its position is undetermined', () => {
    expect(r.parsed.paths[PATH].post['x-member-order'].at(-1)).toBe('ConditionKey');
    expect(undeterminedKeys(r)).toEqual(['member ConditionKey: position in x-member-order']);
  });

  it('drops the removed error from the operation, its status and its schema', () => {
    expect(r.parsed.paths[PATH].post['x-errors']).not.toContain('ResourceConflictException');
    expect(r.parsed.paths[PATH].post.responses['409']).toBeUndefined();
    expect(r.parsed.components.schemas.ResourceConflictException).toBeUndefined();
    expect(r.revision.notes.join()).toMatch(/no longer lists: ResourceConflictException/);
  });

  it('has the tightened length', () => {
    expect(body.properties.StatementId.maxLength).toBe(64);
  });

  it('differs from the unedited revision in exactly those places', () => {
    const paths = differences(structure(r.parsed), structure(committed('2017'))).map((d) => d.split(':')[0]);
    expect([...new Set(paths)].sort()).toEqual(EXPECTED_PATHS);
  });
});

describe('an edited scraped page without member or error names (from capture 001)', () => {
  const text = edit(capture('001'), [
    ['{ "Action": "string", ', '{ "Action": "string", "ConditionKey": "string", '],
    ['Pattern: (lambda:[*]|lambda:[a-zA-Z]+|[*])\n\nRequired: Yes\n', 'Pattern: (lambda:[*]|lambda:[a-zA-Z]+|[*])\n\nRequired: Yes\n\n\nAn extra condition on the statement.\n\nType: String\n\nLength Constraints: Minimum length of 1. Maximum length of 64.\n\nPattern: [a-z:]+\n\nRequired: No\n'],
    [/\n\nThe resource already exists, or another operation is in progress\.\n\nHTTP Status Code: 409\n/, '\n'],
    ['Length Constraints: Minimum length of 1. Maximum length of 100.', 'Length Constraints: Minimum length of 1. Maximum length of 64.'],
  ]);
  const r = importCapture('001', { base: '2022' }, text);

  it('recovers the new member\'s name from its place in the alphabetical order', () => {
    const props = r.parsed.components.schemas.AddPermissionRequest.properties;
    expect(props.ConditionKey).toEqual(expect.objectContaining({ minLength: 1, maxLength: 64, 'x-documented-pattern': '[a-z:]+' }));
    expect(props.EventSourceToken.maxLength).toBe(256); // the sections after it keep their own names
    expect(props.StatementId.maxLength).toBe(64);
  });

  it('recovers the remaining error names around the removed one', () => {
    expect(r.parsed.paths[PATH].post['x-errors']).toEqual([
      'InvalidParameterValueException', 'PolicyLengthExceededException', 'PreconditionFailedException',
      'ResourceNotFoundException', 'ServiceException', 'TooManyRequestsException',
    ]);
  });

  it('differs from 2022 in exactly the edited places', () => {
    const paths = differences(structure(r.parsed), structure(committed('2022'))).map((d) => d.split(':')[0]);
    expect([...new Set(paths)].sort()).toEqual(EXPECTED_PATHS);
    expect(undeterminedKeys(r)).toEqual(['member ConditionKey: position in x-member-order']);
  });
});

describe('an edited boto3 page (from capture 002)', () => {
  const text = edit(capture('002'), [
    ["        InvokedViaFunctionUrl=True|False\n", "        InvokedViaFunctionUrl=True|False,\n        ConditionKey='string'\n"],
    ['  :rtype: dict', "  :type ConditionKey: string\n  :param ConditionKey: \n\n    An extra condition on the statement.\n\n  :rtype: dict"],
    ['  *   :py:class:`Lambda.Client.exceptions.ResourceConflictException`\n', ''],
  ]);
  const r = importCapture('002', { base: '2025' }, text);

  it('takes the new member\'s position from the page (boto3 lists the model order) and lists what boto3 cannot state', () => {
    expect(r.parsed.paths[PATH].post['x-member-order'].at(-1)).toBe('ConditionKey');
    expect(undeterminedKeys(r)).toEqual(['member ConditionKey: HTTP binding', 'member ConditionKey: length and pattern constraints']);
  });

  it('drops the removed error', () => {
    expect(r.parsed.paths[PATH].post['x-errors']).not.toContain('ResourceConflictException');
  });
});
