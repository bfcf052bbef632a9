// The benchmarked stack, in its own process (as PostgREST's anchors are measured: the load
// generator is not the server). It records the statements a request runs and, on request,
// replays them directly on the same driver, so the reference is measured where the server runs.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startStack } from '../local-supabase/server';
import { openPglite } from '../local-supabase/db/pglite';
import { openPostgres } from '../local-supabase/db/postgres';
import { recordingDatabase, type Recorded } from './recorder';
import { measure } from './stats';

export type StackRequest =
  | { type: 'capture-start' }
  | { type: 'capture-stop' }
  | { type: 'replay'; recorded: Recorded; n: number }
  | { type: 'close' };

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const [engine, databaseUrl] = process.argv.slice(2);

async function main() {
  const inner =
    engine === 'postgres' ? await openPostgres(databaseUrl!) : await openPglite('memory');
  const recorder = recordingDatabase(inner);
  const stack = await startStack({
    port: 0,
    database: recorder.db,
    projectDir: fixtures,
    migrationsDir: fixtures + 'migrations',
    seedFile: null,
    log: () => undefined,
  });
  const send = (message: unknown) => process.send!(message);
  let stopCapture: (() => Promise<Recorded[]>) | undefined;

  process.on('message', async (message: StackRequest) => {
    switch (message.type) {
      case 'capture-start': {
        let release!: () => void;
        const finished = new Promise<void>((r) => (release = r));
        const captured = recorder.capture(() => finished);
        stopCapture = async () => {
          release();
          return captured;
        };
        send({ type: 'ok' });
        break;
      }
      case 'capture-stop':
        send({ type: 'captured', transactions: await stopCapture!() });
        break;
      case 'replay':
        send({
          type: 'latency',
          latency: await measure(() => recorder.replay(message.recorded), message.n),
        });
        break;
      case 'close':
        floor.close();
        await stack.close();
        process.exit(0);
    }
  });
  // The HTTP floor: a Node server in this same process answering a constant, no database.
  const floor = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('[]');
  });
  await new Promise<void>((r) => floor.listen(0, '127.0.0.1', r));
  const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}`;
  send({
    type: 'ready',
    url: stack.url,
    floorUrl,
    anonKey: stack.anonKey,
    jwtSecret: stack.jwtSecret,
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
