// "Done when" 1–2, the server side, for every Lambda operation: the generated server decodes the
// SDK's request to the input the SDK was given; the SDK reads the generated server's output and
// every modeled error as its own typed exception; and the generated client and server round-trip
// the output, every modeled error and one validation failure. The server runs on loopback with an
// in-memory implementation that answers with the operation's sample output.

import { describe, expect, it } from 'vitest';
import { outcome, roundTrip, sdkExchange, sdkParsesServer } from './exchange.js';
import { hasLambdaModel, notYet, recordedOperations, recordedPass, SKIP_REASON, useExchange } from './suite.js';

describe.skipIf(!hasLambdaModel)(`generated server with @aws-sdk/client-lambda, and with the generated client (${hasLambdaModel ? 'every operation of ../shared/fixtures/smithy/lambda.json' : SKIP_REASON})`, () => {
  const { exchange, op } = useExchange();

  for (const name of recordedOperations) {
    if (recordedPass(name, 'server-accepts-sdk')) {
      it(`${name}: the generated server decodes the SDK's request to the same input`, async () => {
        const { received, sent } = await sdkExchange(exchange(), op(name));
        expect(received).toEqual(sent);
      });
    } else it.skip(`${name}: the generated server decodes the SDK's request — ${notYet(name, 'server-accepts-sdk')}`, () => {});
  }

  for (const name of recordedOperations) {
    if (recordedPass(name, 'sdk-parses-server')) {
      it(`${name}: the SDK reads the generated server's output and each modeled error as its typed exception`, async () => {
        const { output, expected } = await sdkExchange(exchange(), op(name));
        expect(output).toEqual(expected);
        expect(await outcome(() => sdkParsesServer(exchange(), op(name)))).toBeUndefined();
      });
    } else it.skip(`${name}: the SDK reads the generated server's output and modeled errors — ${notYet(name, 'sdk-parses-server')}`, () => {});
  }

  for (const name of recordedOperations) {
    if (recordedPass(name, 'round-trip')) {
      it(`${name}: round-trips generated client ↔ server: output, modeled errors, one validation failure`, async () => {
        let validation = '';
        expect(await outcome(async () => ({ validation } = await roundTrip(exchange(), op(name))))).toBeUndefined();
        expect(validation).not.toBe('');
      });
    } else it.skip(`${name}: round-trips generated client ↔ server — ${notYet(name, 'round-trip')}`, () => {});
  }
});
