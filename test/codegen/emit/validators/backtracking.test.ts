// Which whole-value patterns a backtracking engine evaluates in time linear in the value's length
// (codegen/emit/validators/backtracking.ts). A pattern judged safe is emitted as a regular
// expression as it is, so a wrong `true` would be a way to hang the server.

import { describe, expect, it } from 'vitest';
import { hasBoundedBacktracking } from '../../../../codegen/emit/validators/backtracking.js';

describe('hasBoundedBacktracking', () => {
  it.each([
    { given: '^[a-zA-Z0-9-_]+$', want: true },
    { given: '^(?:lambda:[*]|lambda:[a-zA-Z]+|[*])$', want: true },
    { given: '^(?:\\d+\\.)*\\d+$', want: true },
    // AWS's FunctionName pattern, with its nested optional groups.
    { given: '^(?:(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?)$', want: true },
    // A lookahead that starts at the value's start and reads a bounded way: evaluated once.
    { given: '^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$', want: true },
    // Exponential ambiguity: one state with two loops on the same word.
    { given: '^([0-9]+)+$', want: false },
    { given: '^(a|a)*$', want: false },
    { given: '^(a|aa)*b$', want: false },
    // Polynomial ambiguity: a loop, then another loop on the same word.
    { given: '^a*a*$', want: false },
    { given: '^(.*)(.*)$', want: false },
    { given: '^\\d+\\d*x$', want: false },
    // Unsafe inside a lookahead.
    { given: '^(?=(a+)+b)\\w*$', want: false },
  ])('$given → $want', ({ given, want }) => {
    expect(hasBoundedBacktracking(given, '')).toBe(want);
  });
});
