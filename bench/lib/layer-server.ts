/**
 * The layers between the bare server and `npm start`, each served alone so that the server
 * comparison can say where the time goes:
 *   adapter    the generated node:http adapter (body reading, response writing) with a handler
 *              that only parses the JSON and answers 201 with a statement-sized body;
 *   generated  the whole generated server (routing, decoding, validation, error rendering) with
 *              an implementation that builds the statement without the runtime's semantics.
 * `npm start` adds the runtime (name resolution, the policy store, locking) and one log line per request.
 *
 *   node --import tsx bench/lib/layer-server.ts adapter|generated PORT
 */
import { createServer, type RequestListener } from 'node:http';
import { createNodeListener } from '../../generated/server/index.js';
import { listenerFor } from '../../generated/server/node-http.js';

const [layer, port] = process.argv.slice(2);

const statement = (input: Record<string, unknown>) =>
  JSON.stringify({
    Sid: input.StatementId,
    Effect: 'Allow',
    Principal: { Service: input.Principal },
    Action: input.Action,
    Resource: `arn:aws:lambda:us-east-1:123456789012:function:${String(input.FunctionName)}`,
    Condition: { StringEquals: { 'AWS:SourceAccount': input.SourceAccount }, ArnLike: { 'AWS:SourceArn': input.SourceArn } },
  });

let listener: RequestListener;
if (layer === 'adapter') {
  listener = listenerFor(
    async (request) => {
      const body = JSON.parse(request.body) as Record<string, unknown>;
      return { status: 201, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ Statement: statement(body) }) };
    },
    'X-Amzn-ErrorType',
  );
} else if (layer === 'generated') {
  listener = createNodeListener({
    AddPermission: async (input: object) => ({ Statement: statement(input as Record<string, unknown>) }),
    GetPolicy: async () => ({ Policy: '{}', RevisionId: 'r' }),
    RemovePermission: async () => ({}),
  } as unknown as Parameters<typeof createNodeListener>[0]);
} else {
  throw new Error(`unknown layer ${layer}`);
}

const server = createServer(listener);
server.listen(Number(port), '127.0.0.1', () => process.stdout.write(`Layer ${layer} endpoint http://127.0.0.1:${port}\n`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
