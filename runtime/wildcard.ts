/**
 * IAM's wildcard matching: `*` matches any run of characters, `?` exactly one. Written as a
 * two-pointer scan rather than a RegExp so that a hostile pattern cannot cause exponential
 * backtracking.
 */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  let pi = 0;
  let vi = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      starAt = pi++;
      resumeAt = vi;
    } else if (starAt !== -1) {
      pi = starAt + 1;
      vi = ++resumeAt;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** An ARN's six parts: arn, partition, service, region, account, and the resource (which may hold `:`). */
function arnParts(arn: string): string[] | undefined {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = arn.indexOf(':', start);
    if (colon === -1) return undefined;
    parts.push(arn.slice(start, colon));
    start = colon + 1;
  }
  parts.push(arn.slice(start));
  return parts;
}

/**
 * ArnLike: both sides split on `:` into the first five segments and the rest, matched segment by
 * segment, so a `*` in the region cannot swallow the account. Case-sensitive, as IAM is.
 */
export function arnLike(pattern: string, value: string): boolean {
  const patternParts = arnParts(pattern);
  const valueParts = arnParts(value);
  if (!patternParts || !valueParts) return false;
  return patternParts.every((part, index) => wildcardMatch(part, valueParts[index]!));
}
