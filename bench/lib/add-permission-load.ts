/**
 * The AddPermission load both server comparisons send: autocannon, a new StatementId for every
 * request, functions taken in turn so that no policy nears the 20 KB limit.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';

const CACHE = 'bench/.cache';
export const CONNECTIONS = 50;
/**
 * Enough functions that no policy comes near the 20 KB limit in a run: a statement of this load
 * is about 300 bytes, so a policy holds about 65. With 4,000 functions, a server answering 21,000
 * requests a second (reached on 2026-12-05) filled them within its 12 s run and was refused with
 * PolicyLengthExceededException; 8,000 leave room for about 40,000 a second.
 */
export const FUNCTION_COUNT = 8000;

export function functionsFile(): string {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, 'functions.json');
  const functions = Array.from({ length: FUNCTION_COUNT }, (_, i) => ({ name: `bench-fn-${i}` }));
  writeFileSync(path, JSON.stringify({ region: 'us-east-1', account: '123456789012', functions }));
  return path;
}

/** One AddPermission per request: a new Sid every time, functions taken in turn. */
export function loadAddPermission(url: string, seconds: number, runId: string): Promise<autocannon.Result> {
  let counter = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => {
              const n = counter++;
              request.path = `/2015-03-31/functions/bench-fn-${n % FUNCTION_COUNT}/policy`;
              request.body = JSON.stringify({
                StatementId: `${runId}-${n}`,
                Action: 'lambda:InvokeFunction',
                Principal: 's3.amazonaws.com',
                SourceArn: `arn:aws:s3:::bucket-${n}`,
                SourceAccount: '123456789012',
              });
              return request;
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

