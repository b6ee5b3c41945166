// What running one case gives: passed, failed with a cause (short, shared by cases that fail the
// same way, for grouping) and a detail (this case's own evidence), or skipped with its reason.

export type Outcome =
  | { status: 'passed' }
  | { status: 'failed'; cause: string; detail: string }
  | { status: 'skipped'; reason: string };

export const passed: Outcome = { status: 'passed' };

export function failed(cause: string, detail = cause): Outcome {
  return { status: 'failed', cause, detail };
}

/**
 * Problems of one check (`header X-Foo: want …, got …`) as an outcome: the cause names what
 * differs (`client request: body, header x-foo`), the detail says how.
 */
export function fromProblems(check: string, problems: string[]): Outcome {
  if (!problems.length) return passed;
  const subjects = [...new Set(problems.map(subjectOf))].sort();
  return failed(`${check}: ${subjects.join(', ')}`, problems.join('; '));
}

/**
 * What a problem is about, for grouping: the header, query key, body or status; for the status and
 * the error-type header also the values (few, and what the generator's owners act on).
 */
function subjectOf(problem: string): string {
  const categorical = /^(status|header x-amzn-errortype): (?:want "?([^",;]*)"?, got "?([^",;]*)"?|missing \(want "([^"]*)"\))/i.exec(problem);
  if (categorical) {
    const [, what, want, got, missing] = categorical;
    return missing !== undefined ? `${what.toLowerCase()} missing (want ${missing})` : `${what.toLowerCase()} ${got} instead of ${want}`;
  }
  const colon = problem.indexOf(':');
  const subject = colon === -1 ? problem : problem.slice(0, colon);
  return subject.replace(/^(header|query) (.*)$/, (_, kind: string, name: string) => `${kind} ${name.toLowerCase()}`);
}

/** An exception's message as a cause: its first line, without the values that vary from case to case. */
export function errorCause(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0].replace(/"[^"]*"|'[^']*'/g, '…').replace(/\d+(\.\d+)?/g, 'N').slice(0, 140);
}

export const errorText = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0];
