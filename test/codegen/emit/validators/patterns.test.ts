// How the validators test a value against a pattern (codegen/emit/validators/patterns.ts): a
// regular expression where backtracking stays linear, a simpler equivalent one where that is
// shown safe, the pattern's automaton where neither is. Mirrors
// codegen/emit/validators/patterns.ts and runtime/linear-pattern.ts.

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
    // Nested quantifiers: the simplified pattern matches the same values and backtracks linearly, so V8 still matches it.
    { given: '^([0-9]+)+$', want: { helper: undefined, expression: '/^(?:\\d+)$/' } },
    // Alternatives that overlap under a star (exponential ambiguity), simplified the same way.
    { given: '(a|aa)*b', want: { helper: undefined, expression: '/^(?:a*b)$/' } },
    // Two loops in a row reading the same word (polynomial ambiguity).
    { given: '^a*a*$', want: { helper: undefined, expression: '/^(?:a*)$/' } },
    // No safe simplification: the automaton.
    { given: '^(a|ab|b)*c$', want: { helper: 'linearPattern', expression: 'linearPattern([[97, 98, 0, 99, 99, 1], []], [1], false)' } },
  ])('$given', ({ given, want }) => {
    const { helper, expression } = patternTest(given);
    expect({ helper, expression }).toEqual(want);
  });
});

describe('every rewrite gives the verdicts of the pattern as written, in time linear in the value', () => {
  it.each([
    { pattern: '^([0-9]+)+$', hostile: `${'0'.repeat(100_000)}!`, values: ['0', '0123', '', '12a', 'a12', '٣'] },
    { pattern: '(a|aa)*b', hostile: 'a'.repeat(100_000), values: ['b', 'ab', 'aab', 'aaab', 'a', 'ba', ''] },
    { pattern: '^(\\w+\\s?)+$', hostile: `${'ab'.repeat(50_000)}-`, values: ['word', 'two words', 'trailing ', ' leading', 'a\tb', 'x-y', ''] },
    // Unicode mode: an astral character is one character, as the pattern's `u` flag reads it.
    { pattern: '^([😀-🙏]+)+$', hostile: `${'😀'.repeat(50_000)}x`, values: ['😀', '😀🙏', '😀x', '\ud83d', ''] },
    { pattern: '^(a|ab|b)*c$', hostile: 'ab'.repeat(50_000), values: ['c', 'abc', 'bac', 'abbc', 'ab', 'ca', ''] },
    { pattern: '^(x+x+)+y$', hostile: 'x'.repeat(100_000), values: ['xxy', 'xy', 'xxxxy', 'y', 'xx', ''] },
    { pattern: '^(.*)(.*)$', hostile: `${'z'.repeat(100_000)}\n`, values: ['', 'abc', 'a\nb', '\n'] },
  ])('$pattern', ({ pattern, hostile, values }) => {
    const test = compiled(pattern);
    const regex = new RegExp(`^(?:${pattern})$`, /[^\u0000-\uffff]/u.test(pattern) ? 'u' : '');
    for (const value of values) expect(test.test(value), JSON.stringify(value)).toBe(regex.test(value));
    // A backtracking engine would not come back from this one within the test's time.
    expect(test.test(hostile)).toBe(false);
  });
});

describe('a pattern no rewrite can make safe', () => {
  it('is refused at generation with one sentence naming it', () => {
    // A costly lookahead: no automaton can stand for it, and V8 would backtrack exponentially inside it.
    expect(() => patternTest('^(?=(a+)+b)\\w*$')).toThrow(
      /^The pattern "\^\(\?=\(a\+\)\+b\)\\\\w\*\$" can make a backtracking matcher take super-linear time, and no automaton of at most 2000 states matches it in linear time instead \(.+\)\.$/,
    );
  });
});
