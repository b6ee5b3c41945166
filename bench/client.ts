/**
 * Comparison 3: the same program (one AddPermissionCommand) written against the generated client
 * and against @aws-sdk/client-lambda: esbuild-minified bundle size for Node and for browsers, and
 * cold import time in a fresh Node process.
 *
 *   npx tsx bench/client.ts [--quick]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { main, versionOf, type Section } from './lib/report.js';
import { formatNumber, formatSummary, pairedRatio, summarise } from './lib/stats.js';

const CACHE = resolve('bench/.cache/client');
const GENERATED_SOURCE = resolve('generated/client/src');
/** The generated client compiled to JavaScript as `npm pack` ships it, but by esbuild (no type-check): the same modules, faster. */
const GENERATED_PACKAGE = join(CACHE, 'generated-client');

type Client = 'generated' | 'aws-sdk';

/** The program both clients run: create a client, send one AddPermissionCommand, print the Statement. */
function program(client: Client, endpoint: string): string {
  const from = client === 'generated' ? join(GENERATED_PACKAGE, 'index.js') : '@aws-sdk/client-lambda';
  return `import { LambdaClient, AddPermissionCommand } from ${JSON.stringify(from)};
const client = new LambdaClient({
  region: 'us-east-1',
  endpoint: ${JSON.stringify(endpoint)},
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
});
const output = await client.send(new AddPermissionCommand({
  FunctionName: 'my-function',
  StatementId: 's3-invoke',
  Action: 'lambda:InvokeFunction',
  Principal: 's3.amazonaws.com',
  SourceArn: 'arn:aws:s3:::my-bucket',
  SourceAccount: '123456789012',
}));
if (!output.Statement) throw new Error('no Statement in the response');
`;
}

/** The same program, timing its own import in a fresh process. */
function timedProgram(client: Client, endpoint: string): string {
  const from = client === 'generated' ? join(GENERATED_PACKAGE, 'index.js') : '@aws-sdk/client-lambda';
  return `const started = performance.now();
const { LambdaClient, AddPermissionCommand } = await import(${JSON.stringify(from)});
const imported = performance.now();
const client = new LambdaClient({
  region: 'us-east-1',
  endpoint: ${JSON.stringify(endpoint)},
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
});
const output = await client.send(new AddPermissionCommand({
  FunctionName: 'my-function', StatementId: 's3-invoke', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com',
}));
if (!output.Statement) throw new Error('no Statement in the response');
process.stdout.write(JSON.stringify({ importMs: imported - started, firstCallMs: performance.now() - imported }));
`;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** A stand-in for the service: answers every AddPermission with 201 and a statement. */
function stubService(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = JSON.stringify({ Statement: '{"Sid":"s3-invoke","Effect":"Allow"}' });
      res.writeHead(201, { 'Content-Type': 'application/json', 'x-amzn-RequestId': '00000000-0000-4000-8000-000000000000', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

async function run({ quick }: { quick: boolean }): Promise<Section> {
  mkdirSync(CACHE, { recursive: true });
  // The generated package's modules, one JavaScript file per TypeScript file, as its dist/ would hold them.
  await build({ entryPoints: walk(GENERATED_SOURCE).filter((f) => f.endsWith('.ts')), outdir: GENERATED_PACKAGE, format: 'esm', platform: 'neutral', target: 'es2022', logLevel: 'silent' });
  writeFileSync(join(GENERATED_PACKAGE, 'package.json'), '{"type":"module","sideEffects":false}\n');

  const { server, url } = await stubService();
  try {
    // Bundles: esbuild, minified, everything the program reaches.
    const bundles: Record<string, Record<Client, { bytes: number; gzip: number }>> = {};
    for (const platform of ['node', 'browser'] as const) {
      bundles[platform] = {} as Record<Client, { bytes: number; gzip: number }>;
      for (const client of ['generated', 'aws-sdk'] as const) {
        const entry = join(CACHE, `program-${client}.mjs`);
        writeFileSync(entry, program(client, 'http://127.0.0.1:4510'));
        const outfile = join(CACHE, `bundle-${client}-${platform}.js`);
        await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform, target: 'es2022', outfile, logLevel: 'silent' });
        const code = readFileSync(outfile);
        bundles[platform][client] = { bytes: statSync(outfile).size, gzip: gzipSync(code, { level: 9 }).length };
      }
    }

    // Cold import: a fresh node process per run, the two clients alternating.
    const rounds = quick ? 7 : 21;
    const times: Record<Client, { importMs: number[]; firstCallMs: number[] }> = {
      generated: { importMs: [], firstCallMs: [] },
      'aws-sdk': { importMs: [], firstCallMs: [] },
    };
    for (const client of ['generated', 'aws-sdk'] as const) writeFileSync(join(CACHE, `timed-${client}.mjs`), timedProgram(client, url));
    for (let round = 0; round < rounds + 1; round++) {
      const order: Client[] = round % 2 === 0 ? ['generated', 'aws-sdk'] : ['aws-sdk', 'generated'];
      for (const client of order) {
        // Asynchronously: a synchronous spawn would block the stub server in this process.
        const result = await new Promise<string>((done, fail) => {
          const child = spawn(process.execPath, [join(CACHE, `timed-${client}.mjs`)]);
          let out = '';
          let err = '';
          child.stdout!.on('data', (c) => (out += c));
          child.stderr!.on('data', (c) => (err += c));
          child.on('exit', (code) => (code === 0 ? done(out) : fail(new Error(`${client} program failed: ${err}`))));
        });
        if (round === 0) continue; // the first round warms the file system cache for both
        const { importMs, firstCallMs } = JSON.parse(result);
        times[client].importMs.push(importMs);
        times[client].firstCallMs.push(firstCallMs);
      }
    }

    const importRatio = pairedRatio(times.generated.importMs, times['aws-sdk'].importMs);
    const kb = (bytes: number) => `${formatNumber(bytes / 1024)} KB`;
    const sizeRatio = (platform: string) => bundles[platform].generated.bytes / bundles[platform]['aws-sdk'].bytes;
    return {
      id: 'client',
      title: '3. Client: generated client package vs @aws-sdk/client-lambda',
      command: `npx tsx bench/client.ts${quick ? ' --quick' : ''}`,
      versions: {
        node: process.versions.node,
        esbuild: versionOf('esbuild'),
        '@aws-sdk/client-lambda': versionOf('@aws-sdk/client-lambda'),
        '@smithy/smithy-client': versionOf('@smithy/smithy-client'),
      },
      method:
        'One program, written twice: create a `LambdaClient`, send one `AddPermissionCommand`. Bundles: esbuild `--bundle --minify --format=esm` for `--platform=node` and `--platform=browser`. ' +
        `Cold import: a fresh \`node\` process imports the client (the generated one compiled to one ES module per source file, as its package ships; the AWS SDK from node_modules), then sends the command to a local stub; ${rounds} runs each after one warm-up run, alternating.`,
      tables: [
        {
          title: 'Bundle size (minified; gzip -9 in brackets)',
          columns: ['platform', 'generated client', '@aws-sdk/client-lambda', 'generated ÷ AWS SDK'],
          rows: (['node', 'browser'] as const).map((p) => [
            p,
            `${kb(bundles[p].generated.bytes)} (${kb(bundles[p].generated.gzip)})`,
            `${kb(bundles[p]['aws-sdk'].bytes)} (${kb(bundles[p]['aws-sdk'].gzip)})`,
            sizeRatio(p).toFixed(3),
          ]),
        },
        {
          title: 'Cold start in a fresh node process',
          columns: ['client', 'import (median, ±half IQR)', 'then first call to a local stub'],
          rows: (['generated', 'aws-sdk'] as const).map((c) => [
            c === 'generated' ? 'generated client' : '@aws-sdk/client-lambda',
            formatSummary(summarise(times[c].importMs), ' ms'),
            formatSummary(summarise(times[c].firstCallMs), ' ms'),
          ]),
        },
      ],
      targets: [
        { what: 'Node bundle: generated ÷ AWS SDK', target: '≤ 0.333', measured: sizeRatio('node').toFixed(3), met: sizeRatio('node') <= 1 / 3 },
        { what: 'browser bundle: generated ÷ AWS SDK', target: '≤ 0.333', measured: sizeRatio('browser').toFixed(3), met: sizeRatio('browser') <= 1 / 3 },
        { what: 'cold import time: generated ÷ AWS SDK (paired runs)', target: '≤ 0.5', measured: `${importRatio.median.toFixed(2)} (±${(importRatio.spread * 100).toFixed(0)}%)`, met: importRatio.median <= 0.5 },
      ],
      notes: [],
      raw: { bundles, times },
    };
  } finally {
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main(run);
export { run };
