// Comparing value sets by the language they accept, with witnesses checked against RegExp.

import { describe, expect, it } from 'vitest';
import { accepts, compareValueSets, type ValueConstraints } from '../../codegen/diff/patterns.js';

function compare(oldParts: ValueConstraints, newParts: ValueConstraints) {
  const result = compareValueSets([oldParts], [newParts]);
  // Every witness must be true of JavaScript's own RegExp.
  if (result.oldOnly !== undefined) {
    expect(accepts([oldParts], result.oldOnly)).toBe(true);
    expect(accepts([newParts], result.oldOnly)).toBe(false);
  }
  if (result.newOnly !== undefined) {
    expect(accepts([newParts], result.newOnly)).toBe(true);
    expect(accepts([oldParts], result.newOnly)).toBe(false);
  }
  return result;
}

describe('compareValueSets', () => {
  it('finds .* → [^\\s]+ narrower, with the empty string as shortest witness', () => {
    expect(compare({ pattern: '.*' }, { pattern: '[^\\s]+' })).toEqual({ relation: 'narrower', oldOnly: '' });
  });

  it('finds a widening and a shortest readable witness', () => {
    expect(compare({ pattern: 'a+' }, { pattern: '[a-c]+' })).toEqual({ relation: 'wider', newOnly: 'b' });
  });

  it('finds incomparable patterns with a witness each way', () => {
    expect(compare({ pattern: '[a-m]' }, { pattern: '[h-z]' })).toEqual({ relation: 'incomparable', oldOnly: 'a', newOnly: 'n' });
  });

  it('treats a different text for the same language as equal', () => {
    expect(compare({ pattern: '[0-9]{2}' }, { pattern: '\\d\\d' }).relation).toBe('equal');
    expect(compare({ pattern: '^(?:x|y)$' }, { pattern: '[xy]' }).relation).toBe('equal');
  });

  it('reads patterns as whole-value matches, anchored or not', () => {
    expect(compare({ pattern: '\\d{12}' }, { pattern: '^\\d{12}$' }).relation).toBe('equal');
  });

  it('combines length with the pattern: maxLength 12 on \\d{12} changes nothing', () => {
    expect(compare({ pattern: '\\d{12}' }, { pattern: '\\d{12}', maxLength: 12 }).relation).toBe('equal');
  });

  it('counts lengths in code points', () => {
    const result = compare({ pattern: '.+', maxLength: 1 }, { pattern: '.+', maxLength: 2 });
    expect(result.relation).toBe('wider');
    expect([...result.newOnly!]).toHaveLength(2);
    expect(accepts([{ maxLength: 1 }], '😀')).toBe(true);
  });

  it('finds a length-only narrowing with a witness at the edge', () => {
    expect(compare({ pattern: '[a-z]*', maxLength: 5 }, { pattern: '[a-z]*', maxLength: 3 })).toEqual({ relation: 'narrower', oldOnly: 'aaaa' });
  });

  it('combines enums: a pattern that every enum value meets changes nothing', () => {
    expect(compare({ enum: ['NONE', 'AWS_IAM'] }, { enum: ['NONE', 'AWS_IAM'], pattern: '[A-Z_]+' }).relation).toBe('equal');
    expect(compare({ enum: ['NONE', 'AWS_IAM'] }, { enum: ['NONE', 'AWS_IAM'], pattern: '[A-Z]+' })).toEqual({ relation: 'narrower', oldOnly: 'AWS_IAM' });
  });

  it('knows that . does not match line terminators', () => {
    expect(compare({ pattern: 'a.b' }, { pattern: 'a[^]b' })).toEqual({ relation: 'wider', newOnly: 'a\nb' });
  });

  it('prefers printable ASCII in witnesses', () => {
    const result = compare({ pattern: '[^a-z]' }, { pattern: '[^a-z0-9]' });
    expect(result.oldOnly).toBe('0');
  });

  it('compares patterns that need JavaScript syntax without the u flag', () => {
    expect(compare({ pattern: 'a\\-b' }, { pattern: 'a-b' }).relation).toBe('equal');
  });

  it('reports a backreference as undecidable, with the reason', () => {
    const result = compareValueSets([{ pattern: '([a-z]+)-\\1' }], [{ pattern: '[a-z]+-[a-z]+' }]);
    expect(result.relation).toBe('undecidable');
    expect(result.reason).toMatch(/backreference/);
  });

  it('reports an invalid pattern as undecidable', () => {
    const result = compareValueSets([{ pattern: '(' }], [{ pattern: 'a' }]);
    expect(result).toEqual({ relation: 'undecidable', reason: '`(` is not a valid JavaScript regular expression' });
  });

  it('handles lookarounds the library can rewrite', () => {
    expect(compare({ pattern: '(?=a)\\w+' }, { pattern: 'a\\w*' }).relation).toBe('equal');
  });

  it('stays fast on long bounds', () => {
    const start = Date.now();
    const result = compare({ pattern: '[a-z0-9-]+', minLength: 1, maxLength: 140 }, { pattern: '[a-z0-9-]+', minLength: 1, maxLength: 2000 });
    expect(result.relation).toBe('wider');
    expect(result.newOnly).toHaveLength(141);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
