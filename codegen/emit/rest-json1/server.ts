/**
 * restJson1, server side: how a generated operation handler reads its input off the request
 * (labels, query, headers, JSON body, each decoded to its type) and writes its output. The
 * framework-free protocol runtime these lines call ships with the server (`server/runtime/http.ts`).
 */
import type { Member, Operation } from '../../model/ir.js';
import { propertyAccess, propertyName } from '../identifiers.js';
import { quote } from '../typescript.js';

/** Lines of a handler that decode the request into `input`, and the runtime helpers they call. */
export interface Binding {
  lines: string[];
  helpers: string[];
}

/** Which decoder turns a label, query or header text into the member's type, if any. */
function parameterDecoder(member: Member): string | undefined {
  if (member.location === 'body') return undefined;
  return member.type === 'boolean' ? 'booleanParameter' : member.type === 'integer' || member.type === 'number' ? 'numberParameter' : undefined;
}

function inputInitializer(operation: Operation): string {
  const read = (member: Member) => {
    const decoder = parameterDecoder(member);
    return decoder ? `${decoder}(${text(member)})` : text(member);
  };
  const text = (member: Member) => {
    switch (member.location) {
      case 'path':
        return propertyAccess('labels', member.wireName);
      case 'query':
        return `request.query.get(${quote(member.wireName)}) ?? undefined`;
      case 'header':
        return `headerValue(request, ${quote(member.wireName.toLowerCase())})`;
      default:
        return propertyAccess('body', member.name);
    }
  };
  return `{\n${operation.input.map((m) => `  ${propertyName(m.name)}: ${read(m)},`).join('\n')}\n}`;
}

export function decodeRequest(operation: Operation): Binding {
  const hasBody = operation.input.some((m) => m.location === 'body');
  const helpers: string[] = [];
  if (hasBody) helpers.push('parseJsonObject');
  if (operation.input.some((m) => m.location === 'header')) helpers.push('headerValue');
  for (const decoder of new Set(operation.input.map(parameterDecoder))) if (decoder) helpers.push(decoder);
  return {
    lines: [...(hasBody ? ['const body = parseJsonObject(request.body);'] : []), `const input = ${inputInitializer(operation)};`],
    helpers,
  };
}

/** The handler's last line: `output` (or nothing) as the success response. */
export function encodeResponse(operation: Operation): Binding {
  return operation.output.length
    ? {
        lines: [`return jsonResponse(${operation.successStatus}, {\n${operation.output.map((m) => `  ${propertyName(m.name)}: ${propertyAccess('output', m.name)},`).join('\n')}\n}, context);`],
        helpers: ['jsonResponse'],
      }
    : { lines: [`return emptyResponse(${operation.successStatus}, context);`], helpers: ['emptyResponse'] };
}
