/**
 * A whole-value pattern run as a deterministic automaton, for the patterns a backtracking engine
 * could take super-linear time on (`^([0-9]+)+$` against a long run of digits and one letter takes
 * V8 more than a minute). The generator builds the automaton from the pattern and writes it here
 * as tables; `test` then reads each character once, so a value costs time in proportion to its
 * length whatever the pattern. Patterns without that risk stay regular expressions, which V8
 * runs faster.
 */

/** What the validators call: the same method as a RegExp's, so a check reads the same either way. */
export interface WholeValuePattern {
  test(value: string): boolean;
}

/**
 * `transitions[state]` lists the state's ranges as flat triples (first character, last character,
 * next state), ascending and disjoint; state 0 is the start. `unicode`: characters are code points
 * (the pattern's `u` flag), else UTF-16 code units.
 */
export function linearPattern(transitions: readonly (readonly number[])[], finals: readonly number[], unicode: boolean): WholeValuePattern {
  const accepting = new Set(finals);
  return {
    test(value: string): boolean {
      let state = 0;
      for (let i = 0; i < value.length; i++) {
        let char = value.charCodeAt(i);
        if (unicode && char >= 0xd800 && char <= 0xdbff && i + 1 < value.length) {
          const low = value.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            char = (char - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
            i++;
          }
        }
        const ranges = transitions[state]!;
        let next = -1;
        for (let r = 0; r < ranges.length && char >= ranges[r]!; r += 3) {
          if (char <= ranges[r + 1]!) {
            next = ranges[r + 2]!;
            break;
          }
        }
        if (next < 0) return false;
        state = next;
      }
      return accepting.has(state);
    },
  };
}
