// Worker side of the parse pool: parses raw mail off the main thread (see parse-pool.ts).
import { parentPort } from 'node:worker_threads';
import { parseRaw, type RawMail } from './ingest-raw.ts';

parentPort!.on('message', async (msg: { id: number; raws: RawMail[] }) => {
  const raws = msg.raws.map((r) => ({ origin: r.origin, bytes: Buffer.from(r.bytes) }));
  parentPort!.postMessage({ id: msg.id, result: await parseRaw(raws) });
});
