// The Phoenix channel wire format as realtime-js speaks it: vsn 1.0.0 sends JSON objects, vsn
// 2.0.0 (realtime-js's default) sends JSON arrays [join_ref, ref, topic, event, payload] plus
// binary frames for user broadcasts (kind 3 client→server push, kind 4 server→client).

export type Vsn = '1.0.0' | '2.0.0';

export type PhxMessage = {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
};

const KIND_USER_BROADCAST_PUSH = 3;
const KIND_USER_BROADCAST = 4;
const ENCODING_BINARY = 0;
const ENCODING_JSON = 1;

export class ProtocolError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : value == null ? null : String(value);
}

/** Decodes one frame from a client. Throws ProtocolError on anything malformed. */
export function decodeFrame(data: Buffer, isBinary: boolean): PhxMessage {
  if (isBinary) return decodeBinaryPush(data);
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString('utf8'));
  } catch {
    throw new ProtocolError('invalid JSON');
  }
  if (Array.isArray(parsed)) {
    if (parsed.length !== 5) throw new ProtocolError('expected 5 elements');
    const [joinRef, ref, topic, event] = parsed;
    if (typeof topic !== 'string' || typeof event !== 'string') {
      throw new ProtocolError('topic and event must be strings');
    }
    return {
      joinRef: optionalString(joinRef),
      ref: optionalString(ref),
      topic,
      event,
      payload: parsed[4],
    };
  }
  if (isRecord(parsed)) {
    const { topic, event } = parsed;
    if (typeof topic !== 'string' || typeof event !== 'string') {
      throw new ProtocolError('topic and event must be strings');
    }
    return {
      joinRef: optionalString(parsed.join_ref),
      ref: optionalString(parsed.ref),
      topic,
      event,
      payload: parsed.payload,
    };
  }
  throw new ProtocolError('expected an array or an object');
}

/** Kind 3: [kind, joinRefLen, refLen, topicLen, eventLen, metaLen, encoding, ...strings, payload]. */
function decodeBinaryPush(data: Buffer): PhxMessage {
  if (data.length < 7 || data[0] !== KIND_USER_BROADCAST_PUSH) {
    throw new ProtocolError('unsupported binary frame');
  }
  const lengths = [data[1], data[2], data[3], data[4], data[5]] as number[];
  const encoding = data[6];
  let offset = 7;
  const strings: string[] = [];
  for (const length of lengths) {
    if (offset + length > data.length) throw new ProtocolError('truncated binary frame');
    strings.push(data.subarray(offset, offset + length).toString('utf8'));
    offset += length;
  }
  const [joinRef, ref, topic, userEvent, metadata] = strings as [
    string,
    string,
    string,
    string,
    string,
  ];
  const body = data.subarray(offset);
  let userPayload: unknown;
  if (encoding === ENCODING_JSON) {
    try {
      userPayload = JSON.parse(body.toString('utf8'));
    } catch {
      throw new ProtocolError('invalid JSON broadcast payload');
    }
  } else if (encoding === ENCODING_BINARY) {
    userPayload = Buffer.from(body);
  } else {
    throw new ProtocolError('unknown payload encoding');
  }
  let meta: Record<string, unknown> = {};
  if (metadata) {
    try {
      const parsed: unknown = JSON.parse(metadata);
      if (isRecord(parsed)) meta = parsed;
    } catch {
      throw new ProtocolError('invalid broadcast metadata');
    }
  }
  return {
    joinRef: joinRef || null,
    ref: ref || null,
    topic,
    event: 'broadcast',
    payload: { ...meta, type: 'broadcast', event: userEvent, payload: userPayload },
  };
}

/** Encodes a message for a client speaking `vsn`. */
export function encodeMessage(vsn: Vsn, message: PhxMessage): string {
  if (vsn === '1.0.0') {
    return JSON.stringify({
      join_ref: message.joinRef,
      ref: message.ref,
      topic: message.topic,
      event: message.event,
      payload: message.payload,
    });
  }
  return JSON.stringify([
    message.joinRef,
    message.ref,
    message.topic,
    message.event,
    message.payload,
  ]);
}

/**
 * A user broadcast as the server sends it. vsn 2.0.0 gets Realtime's binary kind 4 frame
 * ([kind, topicLen, eventLen, metaLen, encoding, topic, event, meta, payload]); vsn 1.0.0 gets
 * the JSON message {type: 'broadcast', event, payload}.
 */
export function encodeBroadcast(
  vsn: Vsn,
  topic: string,
  userEvent: string,
  userPayload: unknown,
): string | Buffer {
  if (vsn === '1.0.0') {
    return encodeMessage(vsn, {
      joinRef: null,
      ref: null,
      topic,
      event: 'broadcast',
      payload: { type: 'broadcast', event: userEvent, payload: userPayload },
    });
  }
  const topicBytes = Buffer.from(topic, 'utf8');
  const eventBytes = Buffer.from(userEvent, 'utf8');
  if (topicBytes.length > 255 || eventBytes.length > 255) {
    // The binary header has one byte per length; fall back to the JSON form, which the client
    // decodes just as well.
    return encodeMessage(vsn, {
      joinRef: null,
      ref: null,
      topic,
      event: 'broadcast',
      payload: { type: 'broadcast', event: userEvent, payload: userPayload },
    });
  }
  const isBinary = Buffer.isBuffer(userPayload);
  const body = isBinary
    ? (userPayload as Buffer)
    : Buffer.from(JSON.stringify(userPayload ?? {}), 'utf8');
  const header = Buffer.from([
    KIND_USER_BROADCAST,
    topicBytes.length,
    eventBytes.length,
    0,
    isBinary ? ENCODING_BINARY : ENCODING_JSON,
  ]);
  return Buffer.concat([header, topicBytes, eventBytes, body]);
}
