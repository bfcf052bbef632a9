// The Phoenix frames realtime-js sends and expects, checked against realtime-js's own serializer.
import { describe, expect, it } from 'vitest';
import Serializer from '@supabase/realtime-js/dist/main/lib/serializer';
import { decodeFrame, encodeBroadcast, encodeMessage, ProtocolError } from './protocol';

const serializer = new Serializer();

describe('decodeFrame', () => {
  it('reads vsn 2.0.0 arrays and vsn 1.0.0 objects', () => {
    expect(decodeFrame(Buffer.from('["1","2","realtime:a","phx_join",{"x":1}]'), false)).toEqual({
      joinRef: '1',
      ref: '2',
      topic: 'realtime:a',
      event: 'phx_join',
      payload: { x: 1 },
    });
    expect(
      decodeFrame(
        Buffer.from('{"topic":"phoenix","event":"heartbeat","payload":{},"ref":"5"}'),
        false,
      ),
    ).toMatchObject({ joinRef: null, ref: '5', topic: 'phoenix', event: 'heartbeat' });
  });

  it('reads the binary broadcast push realtime-js encodes', () => {
    const frame = serializer.encode(
      {
        join_ref: '3',
        ref: '4',
        topic: 'realtime:room',
        event: 'broadcast',
        payload: { type: 'broadcast', event: 'moved', payload: { to: 'qc' } },
      },
      (encoded: ArrayBuffer | string) => encoded,
    ) as ArrayBuffer;
    expect(decodeFrame(Buffer.from(frame), true)).toEqual({
      joinRef: '3',
      ref: '4',
      topic: 'realtime:room',
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'moved', payload: { to: 'qc' } },
    });
  });

  it('refuses garbage with a ProtocolError', () => {
    for (const bad of ['nope', '[1,2]', '[null,null,1,"e",{}]', '42']) {
      expect(() => decodeFrame(Buffer.from(bad), false)).toThrow(ProtocolError);
    }
    expect(() => decodeFrame(Buffer.from([3, 200, 0, 0, 0, 0, 1]), true)).toThrow(ProtocolError);
    expect(() => decodeFrame(Buffer.from([9, 0, 0, 0, 0, 0, 1]), true)).toThrow(ProtocolError);
  });
});

describe('encoding', () => {
  it('vsn 2.0.0 broadcasts are binary frames realtime-js decodes to the same message', () => {
    const frame = encodeBroadcast('2.0.0', 'realtime:room', 'moved', { to: 'qc' }) as Buffer;
    const bytes = frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength);
    const decoded = serializer.decode(bytes as ArrayBuffer, (m: unknown) => m);
    expect(decoded).toEqual({
      join_ref: null,
      ref: null,
      topic: 'realtime:room',
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'moved', payload: { to: 'qc' } },
    });
  });

  it('other messages are JSON arrays (2.0.0) or objects (1.0.0)', () => {
    const message = { joinRef: '1', ref: null, topic: 't', event: 'system', payload: { a: 1 } };
    expect(JSON.parse(encodeMessage('2.0.0', message))).toEqual([
      '1',
      null,
      't',
      'system',
      { a: 1 },
    ]);
    expect(JSON.parse(encodeMessage('1.0.0', message))).toEqual({
      join_ref: '1',
      ref: null,
      topic: 't',
      event: 'system',
      payload: { a: 1 },
    });
  });
});
