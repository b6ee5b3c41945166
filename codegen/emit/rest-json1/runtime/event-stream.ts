/**
 * AWS event streams (`application/vnd.amazon.eventstream`), both sides. The binary framing
 * (prelude, typed headers, checksums) is @smithy/core's EventStreamCodec, the one the AWS SDK
 * uses; this file holds only what Smithy's event-stream protocol says of the messages:
 * `:message-type` (`event`, `exception`, `error`), `:event-type` naming the union member,
 * `:exception-type` naming a modeled error, `:content-type` of the payload, and event headers
 * typed by their members. The generated code supplies, per event union, how one event is read
 * or written.
 */
import { EventStreamCodec, getChunkedStream, Int64 } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import type { Message, MessageHeaders, MessageHeaderValue } from '@smithy/types';

export const EVENT_STREAM_MEDIA_TYPE = 'application/vnd.amazon.eventstream';

/** A message received: its event or exception type, its headers and its payload bytes. */
export interface ReceivedEvent {
  type: string;
  headers: MessageHeaders;
  body: Uint8Array;
}

/** How a client turns the messages of one stream into events and errors. */
export interface EventReaders<Event> {
  /** The union value of an event; undefined for an event type the model does not know (skipped, as the AWS SDK does). */
  event(message: ReceivedEvent): Event | undefined;
  /** The error an `exception` message carries, named by its `:exception-type`. */
  exception(message: ReceivedEvent): Error;
  /** The error an `error` message carries (`:error-code`, `:error-message`), which no model describes. */
  error(code: string, message: string): Error;
}

/** The events of a response body, read as they arrive; a modeled exception or an error message ends the stream by throwing. */
export function readEventStream<Event>(body: unknown, readers: EventReaders<Event>): AsyncIterable<Event> {
  return {
    async *[Symbol.asyncIterator]() {
      const codec = new EventStreamCodec(toUtf8, fromUtf8);
      const chunks = chunksOf(body);
      try {
        yield* events(codec, chunks, readers);
      } finally {
        // The chunker reads its source by hand and never closes it: closed here, when the caller stops early.
        await chunks.return(undefined);
      }
    },
  };
}

/** Each message of the stream in turn: an event as the union's value, an exception or error message thrown. */
async function* events<Event>(codec: EventStreamCodec, chunks: AsyncIterable<Uint8Array>, readers: EventReaders<Event>): AsyncGenerator<Event> {
  for await (const frame of getChunkedStream(chunks)) {
    const message = codec.decode(frame);
    const kind = headerText(message.headers, ':message-type');
    if (kind === 'error') {
      throw readers.error(headerText(message.headers, ':error-code') ?? 'UnknownError', headerText(message.headers, ':error-message') ?? '');
    }
    if (kind === 'exception') {
      throw readers.exception({ type: headerText(message.headers, ':exception-type') ?? 'UnknownError', headers: message.headers, body: message.body });
    }
    if (kind !== 'event') throw new Error(`The event stream sent a message of an unknown :message-type (${String(kind)}).`);
    const event = readers.event({ type: headerText(message.headers, ':event-type') ?? '', headers: message.headers, body: message.body });
    if (event !== undefined) yield event;
  }
}

/** A response body as chunks, whatever the HTTP handler returned: bytes, a web stream or a Node stream. */
function chunksOf(body: unknown): AsyncGenerator<Uint8Array> {
  if (body === undefined || body === null) return (async function* () {})();
  if (body instanceof Uint8Array) return (async function* () { yield body; })();
  if (typeof body === 'string') return (async function* () { yield fromUtf8(body); })();
  if (typeof (body as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    return (async function* () {
      let finished = false;
      try {
        for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
        finished = true;
      } finally {
        // A caller that stops iterating early closes the response rather than leaving it open.
        if (!finished) await reader.cancel().catch(() => undefined);
        reader.releaseLock();
      }
    })();
  }
  return (async function* () {
    yield* body as AsyncIterable<Uint8Array>;
  })();
}

function headerText(headers: MessageHeaders, name: string): string | undefined {
  const header = headers[name];
  return header?.type === 'string' ? header.value : undefined;
}

/** An event header's value as the member's type: longs as numbers, the rest as the codec read them. */
export function eventHeader(message: ReceivedEvent, name: string): unknown {
  const header = message.headers[name];
  if (header === undefined) return undefined;
  return header.type === 'long' ? Number(header.value.valueOf()) : header.value;
}

/** An event's payload as text (a string `@eventPayload`). */
export function eventText(message: ReceivedEvent): string {
  return toUtf8(message.body);
}

/** An event's payload as JSON (a structure's members, or a structure or union `@eventPayload`); empty is `{}`. */
export function eventJson(message: ReceivedEvent): any {
  const text = toUtf8(message.body);
  return text.trim() === '' ? {} : JSON.parse(text);
}

/** The JSON body of an exception message, for the error's members. */
export function exceptionBody(message: ReceivedEvent): Record<string, any> {
  try {
    const parsed = eventJson(message);
    return parsed !== null && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

export type EventHeaderType = 'boolean' | 'byte' | 'short' | 'integer' | 'long' | 'binary' | 'string' | 'timestamp';

/** An event header of the member's type; undefined (not sent) for a member left out. */
export function headerValue(type: EventHeaderType, value: unknown): MessageHeaderValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (type === 'long') return { type, value: Int64.fromNumber(Number(value)) };
  return { type, value } as MessageHeaderValue;
}

/** An event to send: the union member's name, its headers, its payload and the payload's media type. */
export interface OutgoingEvent {
  type: string;
  headers?: Record<string, MessageHeaderValue | undefined>;
  body: Uint8Array | string;
  contentType?: string;
  /** A modeled error event: sent as an `exception` message named by `type`. */
  exception?: boolean;
}

/** An object without the named keys (an implicit payload leaves out the members sent as headers). */
export function withoutKeys<T extends object>(value: T, keys: readonly string[]): Partial<T> {
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of keys) delete out[key];
  return out as Partial<T>;
}

function eventMessage(event: OutgoingEvent): Message {
  if (event.exception) return exceptionMessage(event.type, typeof event.body === 'string' ? event.body : toUtf8(event.body));
  const headers: MessageHeaders = {
    ':message-type': { type: 'string', value: 'event' },
    ':event-type': { type: 'string', value: event.type },
  };
  if (event.contentType !== undefined) headers[':content-type'] = { type: 'string', value: event.contentType };
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers[name] = value;
  return { headers, body: typeof event.body === 'string' ? fromUtf8(event.body) : event.body };
}

/** A modeled error as an `exception` message: its name in `:exception-type`, its members as a JSON body. */
export function exceptionMessage(name: string, json: string): Message {
  return {
    headers: {
      ':message-type': { type: 'string', value: 'exception' },
      ':exception-type': { type: 'string', value: name },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: fromUtf8(json),
  };
}

/** A failure no model describes as an `error` message. */
export function errorMessage(code: string, text: string): Message {
  return {
    headers: {
      ':message-type': { type: 'string', value: 'error' },
      ':error-code': { type: 'string', value: code },
      ':error-message': { type: 'string', value: text },
    },
    body: new Uint8Array(0),
  };
}

/**
 * The frames of an event stream, encoded as the events arrive. An error the events throw ends the
 * stream with one more message: `failure` says which (a modeled error's exception, or an error).
 */
export function writeEventStream<Event>(events: AsyncIterable<Event> | Iterable<Event> | undefined, write: (event: Event) => OutgoingEvent | undefined, failure: (error: unknown) => Message): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      const codec = new EventStreamCodec(toUtf8, fromUtf8);
      try {
        for await (const event of events ?? []) {
          const outgoing = write(event);
          if (outgoing !== undefined) yield codec.encode(eventMessage(outgoing));
        }
      } catch (error) {
        yield codec.encode(failure(error));
      }
    },
  };
}

/**
 * The last message of a stream whose events threw: an error the operation models (by `name`)
 * becomes an `exception` message with its rendered body; anything else an `error` message with
 * the rendered error's name and message, so no internal detail leaves the server.
 */
export function failureMessage(
  error: unknown,
  modeled: Readonly<Record<string, unknown>>,
  render: (error: unknown) => { body: string; errorName?: string | undefined },
): Message {
  const rendered = render(error);
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (typeof name === 'string' && Object.prototype.hasOwnProperty.call(modeled, name)) return exceptionMessage(rendered.errorName ?? name, rendered.body);
  let text = '';
  try {
    const parsed = JSON.parse(rendered.body) as { message?: unknown };
    if (typeof parsed.message === 'string') text = parsed.message;
  } catch {
    // A body that is not JSON carries no message.
  }
  return errorMessage(rendered.errorName ?? 'InternalFailure', text);
}
