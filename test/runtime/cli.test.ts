import { describe, expect, it } from 'vitest';
import { CliError, parseCommandLine } from '../../runtime/cli.js';
import { formatLogLine } from '../../runtime/log.js';
import { ServiceError } from '../../runtime/errors.js';

describe('parseCommandLine', () => {
  it('defaults to port 4510 and the built-in functions', () => {
    expect(parseCommandLine([])).toEqual({ kind: 'serve', port: 4510, functionsFile: undefined, region: undefined, store: { kind: 'sqlite', dataDir: '.permgen-data' }, limits: {} });
  });

  it('reads --port, --functions and --region', () => {
    expect(parseCommandLine(['--port', '8080', '--functions', 'f.json', '--region', 'eu-west-1'])).toMatchObject({ kind: 'serve', port: 8080, functionsFile: 'f.json', region: 'eu-west-1', limits: {} });
    expect(parseCommandLine(['--port=0'])).toMatchObject({ port: 0 });
  });

  it('reads the limit flags', () => {
    expect(
      parseCommandLine(['--headers-timeout', '1000', '--request-timeout=2000', '--idle-timeout', '3000', '--max-connections', '4', '--max-body', '5', '--max-unread', '6']),
    ).toMatchObject({ limits: { headersTimeoutMs: 1000, requestTimeoutMs: 2000, idleTimeoutMs: 3000, maxConnections: 4, maxBodyBytes: 5, maxUnreadResponseBytes: 6 } });
    expect(() => parseCommandLine(['--max-body', '0'])).toThrowError(new CliError('--max-body must be a whole number of at least 1, got "0"'));
    expect(() => parseCommandLine(['--idle-timeout', '1s'])).toThrowError(new CliError('--idle-timeout must be a whole number of at least 1, got "1s"'));
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
    expect(formatLogLine({ method: 'POST', path: '/2015-03-31/functions/my-function/policy', query: '', status: 409, errorName: 'ResourceConflictException', durationMs: 1.234, requestId: 'r' })).toBe(
      'POST /2015-03-31/functions/my-function/policy 409 ResourceConflictException 1.2ms',
    );
    expect(formatLogLine({ method: 'GET', path: '/p', query: '', status: 200, durationMs: 0.04, requestId: 'r' })).toBe('GET /p 200 - 0.0ms');
    expect(formatLogLine({ method: 'GET', path: '/p', query: 'Qualifier=PROD', status: 200, durationMs: 0.04 })).toBe('GET /p?Qualifier=PROD 200 - 0.0ms');
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
