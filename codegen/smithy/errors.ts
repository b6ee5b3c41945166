// The one error a Smithy model can be refused with: where (file, line, column) and why, in one
// sentence. Syntax and model errors alike; callers print `message` as is.

export interface SourcePosition {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export class SmithyModelError extends Error {
  constructor(readonly position: SourcePosition, readonly reason: string) {
    super(`${position.file}:${position.line}:${position.column}: ${reason}`);
    this.name = 'SmithyModelError';
  }
}

export const at = (p: SourcePosition): string => `${p.file}:${p.line}:${p.column}`;
