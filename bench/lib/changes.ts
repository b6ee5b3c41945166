/**
 * What was changed where a target was first missed, and what each change bought. Measured on
 * these machines while making the change (same-run comparisons of the old and new code); the
 * tables further down are from the run that wrote this file.
 */
export const CHANGES = `
## What was changed, and what it bought

**Validators** (codegen/emit/validators.ts, codegen/emit/patterns.ts, codegen/support/validators/violations.ts). First run: valid input 2.0× Ajv (met, barely), invalid input **0.54×** Ajv all-errors (missed).
A profile of the invalid path showed the time in building each violation's sentence (six or seven string concatenations per violation, then \`map\` and \`join\`), in counting code points with a loop, and in the FunctionName pattern.

| change | what it bought |
|---|---|
| Each check's wording is a module-level rule built once (\`STATEMENT_ID_MISMATCH = patternMismatch(…)\`); a failing value costs one small object, whose \`message\` is put together only when read; \`renderViolations\` concatenates in one loop | invalid input, generated ÷ Ajv all-errors (with the full message): 0.72× → 1.53× in a same-run A/B; validation alone 2.2× Ajv all-errors |
| Patterns compiled for \`test\`: capturing groups made non-capturing (no backreferences), Unicode mode dropped where no part of the pattern can match a surrogate or astral character (so no verdict can change) | the FunctionName pattern 218 → 88 ns per test; valid input 2.0× → 2.3× Ajv |
| \`codePointLength\` scans for surrogates with a regular expression first and returns \`length\` when there are none | a 101-character value 340 → 18 ns; invalid input 627 → 416 ns per validation |
| A violation holds only its rule and its value (member, path and constraint are read from the rule); a quoted value is followed by the rule's precomputed closing quote and sentence | about 5% more on invalid input (1.53× → 1.57× and 1.43× → 1.61× Ajv all-errors in two same-run A/Bs) |

The invalid-input ratio sits at its 1.5× line: quick runs of the final code gave 1.48× to 1.77×. The generated validator's cost there is the service's full message (for FunctionName it quotes the 163-character pattern), which Ajv does not build; validation alone is about 2.2× Ajv all-errors.

**Validators at any depth** (codegen/emit/validators/checks.ts, wording.ts, runtime/violations.ts; issue 11). The validators now walk the shape graph: nested structures and unions inline, one loop per list and map, a function only for a shape that contains itself. Measured on CreateFunction (from AWS's Lambda model) at a load average of 17 on 2 cores: valid input 2.57× Ajv, invalid input (every violation, full message) 3.74× Ajv all-errors, both met at the first run. What keeps it there: AWS reports a list's or map's broken members once, on the list (\`Member must satisfy constraint: […]\`), so the loop stops at the first; a violation at a computed place (a list index, a map key) is a class of its own, so the common violation keeps its two fields and its precomputed sentence; enums of more than eight values are tested with a module-level \`Set\`. AddPermission's invalid-input ratio (1.15× in the same run, 1.27× before the change at a load of 2-7) stays below its line; same-run A/Bs of the old and new AddPermission validator on this machine moved from 0.83× to 1.09× from run to run, inside the noise.

**Code generation** (codegen/emit/libraries.ts, codegen/emit/types.ts, codegen/emit/types-worker.mjs, codegen/cli.ts, the \`generate\` script). First run: **2.67×** openapi-typescript (2.18 s vs 0.81 s).
A profile showed the generator's own work at about 0.4 s; the rest was loading: ts-morph and openapi-typescript each bring a 9 MB copy of TypeScript, which Node scanned for export names (they were imported as ES modules) and which tsx's require hook scanned again; the \`tsx\` CLI also started a second process.

| change | what it bought |
|---|---|
| ts-morph loaded with \`require\`; openapi-typescript (its CommonJS build) run in a worker thread of plain Node, started before the other emitters load so both libraries load at once on two cores | 2.2 s → about 1.2 s |
| \`npm run generate\` is \`node --import tsx/esm codegen/cli.ts\`: one process, ESM hooks only (the heavy CommonJS libraries load without tsx's require hook) | about 1.4 s → 1.1 s; 1.1-1.2× openapi-typescript |
| Issue 11, on Lambda's whole API (85 operations, an 870 KB document): a profile showed two thirds of the printing time in ts-morph parsing each printed file back into a syntax tree nobody read, openapi-typescript's worker waited on until the other emitters had run (the \`await\` stood first in the list of files), and 0.36-0.68 s of YAML parsing. Files are now printed with ts-morph's \`printStructure\`, the worker's answer is awaited after the other emitters, and documents are read by js-yaml (5-10× faster here), with \`yaml\` kept for errors and for documents with anchors | 85 operations, whole processes side by side on a lightly loaded machine: 1.75× → 1.4× openapi-typescript (4.6 s → 2.4 s against 1.7-2.2 s); output byte for byte the same |

Output is byte for byte the same (\`npm run generate -- --check\` passes; the generator tests stay green).

**Client** (codegen/emit/client/runtime/, codegen/emit/client/, codegen/generate.ts). First run: Node bundle **0.346** of the AWS SDK's (180 KB vs 522 KB), import time **0.68-0.91×**.
esbuild's metafile showed 131 KB of the 180 KB as \`@smithy/core\`: \`@smithy/smithy-client\` has no \`exports\` map, so for Node esbuild takes its CommonJS build, which pulls in all of \`@smithy/core\`'s protocols and serde; \`@smithy/signature-v4\`, \`@aws-crypto/sha256-js\` (with tslib) and \`@smithy/fetch-http-handler\` added most of the rest, and of the import time.

| change | what it bought |
|---|---|
| Client, command and exception classes taken from \`@smithy/core/client\` (the same classes and middleware stack, without the rest of \`@smithy/core\`); hashing with the platform's Web Crypto instead of \`@aws-crypto/sha256-js\`; the default handler on the platform's \`fetch\`; the four \`expect*\` readers in the runtime file | Node bundle 180 KB → 27 KB, browser 44 KB → 25 KB, cold import 118 ms → 26 ms, with a hand-written SigV4 |
| SigV4 back on \`@smithy/signature-v4\` (what the project's guidelines and the AWS SDK use; the hand-written signer was measurably smaller, but the library meets every target too), loaded with the first signed request rather than at import | Node bundle 27 KB → 150 KB (0.29 of the AWS SDK's), browser 25 KB → 39 KB (0.18), cold import unchanged (about 28 ms, 0.30); the first call pays for loading the signer (about 81 ms against the AWS SDK's 31 ms; import and first call together, 108 ms against 124 ms) |
| Issue 14: the SDK's retries (\`@smithy/core/retry\`), region and retry settings from the environment and shared files (\`@smithy/core/config\`) and the SDK's credential chain (\`@aws-sdk/credential-provider-node\`), each loaded with \`import()\` when first needed; the chain only when no credentials are configured, and never in browsers (the package's \`browser\` field swaps in defaults without it) | cold import unchanged (0.29 of the AWS SDK's); browser bundle 39 KB → 56 KB (0.26); the first call also loads the retry and config modules. In one file, a Node bundle now carries the credential chain the program never loads (378 KB, 0.73 of the AWS SDK's). The bench now also measures bundles code-split, by what the program loads: Node 0.36 at first |
| What the client uses of \`@smithy/core/retry\` and \`@smithy/core/config\` re-exported by name from modules of its own (runtime/sdk-retry.ts, runtime/sdk-config.ts), which are what \`import()\` loads: a bundler cannot tell which exports of a dynamically imported module are used, and kept them all | Node, code-split, what the program loads: 176 KB → 171 KB (0.361 → 0.349 of the AWS SDK's 489 KB); browser 59 KB → 55 KB |

The first call after import pays for loading the signer, the retry and config modules and Node's \`fetch\`; it is shown in the client table. The Node bundle misses its target by about 5% when code-split (172 KB loaded against a line of 163 KB) and by far in one file. \`npx tsx bench/bundle-composition.ts\` shows why: esbuild keeps an \`@smithy/core\` entry point whole once CommonJS code \`require\`s it, and four are: \`client\` (by \`@smithy/signature-v4\`, whose CommonJS build esbuild takes for Node because the package has no \`exports\` map), \`serde\` and \`protocols\` (by the signer, and by the credential chain's \`@smithy/node-http-handler\`, \`@aws-sdk/credential-provider-http\` and \`@smithy/credential-provider-imds\`), \`config\` (by every credential provider). The program needs a few exports of each, and gets them whole: about 150 KB of the 172 KB. Cutting the signer's CommonJS build alone does not move the number (its ES module build in its place, tried: 175.5 KB against 175.4 KB, in bytes): the credential chain, which the client loads with \`import()\` only when no credentials are configured but which the bundle still contains, brings \`@aws-sdk/core\`, which imports the signer's CommonJS build itself, and its providers' \`require\`s keep \`serde\`, \`protocols\` and \`config\` whole. With the chain left out of the bundle (tried, not shipped): 156 KB (0.319) with the signer as it is, 68 KB (0.14) with its ES module build too. So the target needs the chain out of the bundle of a program that never loads it, or the chain's packages shipping builds esbuild tree-shakes for Node. In one file, the rest is the credential chain, which esbuild inlines unless asked to split.

**Server**: throughput not met; p99 at the 10 ms boundary (8-13 ms from run to run on these machines).

| change | what it bought |
|---|---|
| runtime/main.ts: \`npm start\` wrote each request's log line with its own synchronous write; it now writes the lines of one event-loop turn together, flushed before stopping | about 12% less server CPU per AddPermission (median of four alternating runs: 93 → 81 µs); throughput from about 0.31-0.45 to 0.46-0.48 of the bare server |
| codegen/support/server/node-http.ts and runtime/keyed-lock.ts: the request body collected with callbacks instead of a promise and without a copy when it arrives in one chunk; response headers completed in place instead of copied; timing taken only when a log callback is set; an uncontended policy change starts at once instead of a microtask later | throughput 0.46-0.48 → 0.55 of the bare server in the next quick run |

The rest of the gap is spread over the whole request path (see the server section, layer by layer, and its profile): no single function stands out; what remains is one promise chain per request through the router, the operation handler, the policy lock and the asynchronous store, and the larger answer and headers the service's protocol needs (a statement of about 300 bytes, a request id and an error-type header, against the bare server's \`{}\`).

**Runtime**: met without changes: AddPermission keeps a running size and serialises only the new statement, so its cost stays flat up to the 20480-byte limit; GetPolicy's cost grows with the policy's size, as it must.

**Store** (runtime/store/sqlite.ts). With each change committed in its own transaction (one fsync per 201, \`synchronous=FULL\`), SQLite's AddPermission throughput was **0.14** of the in-memory store's: the server spent its time waiting on one fsync after another.

| change | what it bought |
|---|---|
| Group commit: the changes that arrive while the event loop is busy are applied in one transaction, one savepoint each, and answered after its one fsync (durability unchanged: no 201 before the fsync of the commit holding it) | SQLite ÷ in memory 0.14 → 0.78 in one quick run (the per-change variant is kept in the store comparison as its own row) |
| Commits on a writer thread (runtime/store/sqlite-writer.mjs), so that the main thread goes on serving while the disk syncs, and the changes that arrive meanwhile make up the next commit; tables WITHOUT ROWID (two B-tree pages written per change instead of five) | on a disk whose fsync had slowed from 0.3 ms to 4-12 ms (other work on the machine): 0.16 with the commit on the main thread, 0.30-0.46 after (the target is missed while the disk is this slow: with 50 connections and every 201 waiting for a commit, throughput is bounded by about 50 ÷ (1.5 × the commit time)); in process, 89 µs of CPU per change in commits of 50 against about 1 ms alone |

How the figure moves with the machine: an fsync here took 0.26 ms on a quiet machine and 4-12 ms with a load average of 10-17 (measured with a one-row transaction loop); the durable store's throughput follows the fsync time, the in-memory store's does not.
`;
