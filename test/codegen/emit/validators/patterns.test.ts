// How the validators test a value against a pattern (codegen/emit/validators/patterns.ts): a
// regular expression where backtracking stays linear, the pattern's automaton where it could not.
// Mirrors codegen/emit/validators/patterns.ts and runtime/linear-pattern.ts.

import { describe, expect, it } from 'vitest';
import { patternTest } from '../../../../codegen/emit/validators/patterns.js';
import { linearPattern, type WholeValuePattern } from '../../../../codegen/emit/validators/runtime/linear-pattern.js';

/** The emitted expression, evaluated with the runtime helper it calls. */
function compiled(pattern: string): WholeValuePattern {
  return new Function('linearPattern', `return ${patternTest(pattern).expression};`)(linearPattern) as WholeValuePattern;
}

describe('patternTest', () => {
  it.each([
    { given: '^[a-z]+$', want: { helper: undefined, expression: '/^[a-z]+$/' } },
    { given: '([a-zA-Z0-9-_]+)', want: { helper: undefined, expression: '/^(?:(?:[a-zA-Z0-9-_]+))$/' } },
    { given: '[^\\s]+', want: { helper: undefined, expression: '/^(?:[^\\s]+)$/u' } },
    // Nested quantifiers (scslre finds them).
    { given: '^([0-9]+)+$', want: { helper: 'linearPattern', expression: 'linearPattern([[48, 57, 1], [48, 57, 1]], [1], false)' } },
    // Alternatives that overlap under a star: exponential ambiguity, which scslre passes and the automaton check finds.
    { given: '(a|aa)*b', want: { helper: 'linearPattern', expression: 'linearPattern([[97, 97, 0, 98, 98, 1], []], [1], false)' } },
  ])('$given', ({ given, want }) => {
    const { helper, expression } = patternTest(given);
    expect({ helper, expression }).toEqual(want);
  });
});

describe('an automaton gives the verdicts of the regular expression, in time linear in the value', () => {
  it.each([
    { pattern: '^([0-9]+)+$', hostile: `${'0'.repeat(100_000)}!`, values: ['0', '0123', '', '12a', 'a12', '٣'] },
    { pattern: '(a|aa)*b', hostile: 'a'.repeat(100_000), values: ['b', 'ab', 'aab', 'aaab', 'a', 'ba', ''] },
    { pattern: '^(\\w+\\s?)+$', hostile: `${'ab'.repeat(50_000)}-`, values: ['word', 'two words', 'trailing ', ' leading', 'a\tb', 'x-y', ''] },
    // Unicode mode: an astral character is one character, as the pattern's `u` flag reads it.
    { pattern: '^([😀-🙏]+)+$', hostile: `${'😀'.repeat(50_000)}x`, values: ['😀', '😀🙏', '😀x', '\ud83d', ''] },
  ])('$pattern', ({ pattern, hostile, values }) => {
    const test = compiled(pattern);
    expect(patternTest(pattern).helper).toBe('linearPattern');
    const regex = new RegExp(`^(?:${pattern})$`, /[^\u0000-\uffff]/u.test(pattern) ? 'u' : '');
    for (const value of values) expect(test.test(value), JSON.stringify(value)).toBe(regex.test(value));
    // A backtracking engine would not come back from this one within the test's time.
    expect(test.test(hostile)).toBe(false);
  });
});
