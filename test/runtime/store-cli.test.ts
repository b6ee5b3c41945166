import { describe, expect, it } from 'vitest';
import { CliError, parseCommandLine, USAGE } from '../../runtime/cli.js';

describe('npm start: choosing the policy store', () => {
  it.each([
    [[], { kind: 'sqlite', dataDir: '.permgen-data' }],
    [['--data', '/var/lib/permgen'], { kind: 'sqlite', dataDir: '/var/lib/permgen' }],
    [['--database-url', 'postgres://permgen@127.0.0.1:5432/policies'], { kind: 'postgres', url: 'postgres://permgen@127.0.0.1:5432/policies' }],
    [['--database-url=postgresql://db/p'], { kind: 'postgres', url: 'postgresql://db/p' }],
    [['--memory'], { kind: 'memory' }],
  ])('%j → %j', (args, store) => {
    expect(parseCommandLine(args)).toMatchObject({ kind: 'serve', store });
  });

  it.each([
    [['--memory', '--data', 'd'], '--data and --memory choose different stores; give one of them'],
    [['--data', 'd', '--database-url', 'postgres://h/db'], '--data and --database-url choose different stores; give one of them'],
    [['--database-url', 'mysql://h/db'], '--database-url must be a postgres:// URL, got "mysql://h/db"'],
    [['--data='], '--data needs a folder'],
  ])('refuses %j', (args, message) => {
    expect(() => parseCommandLine(args)).toThrowError(new CliError(message));
  });

  it('names the default folder and the other stores in --help', () => {
    expect(USAGE).toContain('--data DIR         keep policies in SQLite in DIR (default .permgen-data, gitignored)');
    expect(USAGE).toContain('--database-url URL keep policies in PostgreSQL');
    expect(USAGE).toContain('--memory           keep policies in memory only');
  });
});
