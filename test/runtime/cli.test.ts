import { describe, expect, it } from 'vitest';
import { CliError, parseCommandLine } from '../../runtime/cli.js';
import { formatLogLine } from '../../runtime/log.js';
import { ServiceError } from '../../runtime/errors.js';

describe('parseCommandLine', () => {
  it('defaults to port 4510 and the built-in functions', () => {
    expect(parseCommandLine([])).toEqual({ kind: 'serve', port: 4510, functionsFile: undefined, region: undefined, store: { kind: 'sqlite', dataDir: '.permgen-data' } });
  });

  it('reads --port, --functions and --region', () => {
    expect(parseCommandLine(['--port', '8080', '--functions', 'f.json', '--region', 'eu-west-1'])).toMatchObject({ kind: 'serve', port: 8080, functionsFile: 'f.json', region: 'eu-west-1' });
    expect(parseCommandLine(['--port=0'])).toMatchObject({ port: 0 });
  });

  it('answers --help and -h', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--port', '65536'], '--port must be a number from 0 to 65535, got "65536"'],
    [['--port=-1'], '--port must be a number from 0 to 65535, got "-1"'],
    [['--port', '1.5'], '--port must be a number from 0 to 65535, got "1.5"'],
  ])('refuses %j', (args, message) => {
    expect(() => parseCommandLine(args)).toThrowError(new CliError(message));
  });

  it("refuses unknown options and positional arguments with Node's own explanation", () => {
    expect(() => parseCommandLine(['--prot', '1'])).toThrowError(/^Unknown option '--prot'/);
    expect(() => parseCommandLine(['--prot', '1'])).toThrow(CliError);
    expect(() => parseCommandLine(['functions.json'])).toThrow(CliError);
  });
});

describe('formatLogLine', () => {
  it('writes method, path, status, error name and milliseconds', () => {
    expect(formatLogLine({ method: 'POST', path: '/2015-03-31/functions/my-function/policy', status: 409, errorName: 'ResourceConflictException', durationMs: 1.234, requestId: 'r' })).toBe(
      'POST /2015-03-31/functions/my-function/policy 409 ResourceConflictException 1.2ms',
    );
    expect(formatLogLine({ method: 'GET', path: '/p', status: 200, durationMs: 0.04, requestId: 'r' })).toBe('GET /p 200 - 0.0ms');
  });
});

describe('ServiceError', () => {
  it('carries the modeled name, the message and extra members as own properties', () => {
    const error = new ServiceError('TooManyRequestsException', 'Rate exceeded', { Reason: 'CallerRateLimitExceeded', retryAfterSeconds: '1', name: 'ignored' });
    expect(error).toBeInstanceOf(Error);
    expect({ name: error.name, message: error.message, Reason: error.Reason, retryAfterSeconds: error.retryAfterSeconds }).toEqual({
      name: 'TooManyRequestsException',
      message: 'Rate exceeded',
      Reason: 'CallerRateLimitExceeded',
      retryAfterSeconds: '1',
    });
  });
});
