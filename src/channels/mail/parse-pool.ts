import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseRaw, type RawMail } from './ingest-raw.ts';

type Parsed = Awaited<ReturnType<typeof parseRaw>>;

export interface ParsePool {
  /** Parses on the pool's threads (input order kept); on the calling thread when the pool has none. */
  parse(raws: readonly RawMail[]): Promise<Parsed>;
  close(): Promise<void>;
}

// Workers load TypeScript through tsx, as the main process does (bin/claimdesk.js).
const BOOT = `import { workerData } from 'node:worker_threads'; const { register } = await import(workerData.tsx); register(); await import(workerData.entry);`;

/**
 * MIME parsing is CPU work; storing is database work. Parsing on worker threads lets a bulk import or a
 * mailbox backlog use the other cores while the database stores the previous batch. Default size: one
 * less than the cores (at least one).
 */
export function createParsePool(size = Math.max(1, availableParallelism() - 1)): ParsePool {
  let workers: { w: Worker; busy: Promise<unknown> }[] = [];
  let seq = 0;
  try {
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./parse-worker.ts', import.meta.url).href;
    workers = Array.from({ length: size }, () => ({ w: new Worker(new URL(`data:text/javascript,${encodeURIComponent(BOOT)}`), { workerData: { tsx, entry } }), busy: Promise.resolve() }));
    for (const { w } of workers) w.unref();
  } catch {
    workers = [];
  }
  const run = (slot: { w: Worker; busy: Promise<unknown> }, raws: readonly RawMail[]): Promise<Parsed> => {
    const id = ++seq;
    const p = slot.busy.then(() => new Promise<Parsed>((resolve, reject) => {
      const onMessage = (m: { id: number; result: Parsed }) => {
        if (m.id !== id) return;
        slot.w.off('message', onMessage);
        slot.w.off('error', reject);
        resolve({ ok: m.result.ok.map((x) => ({ ...x, parsed: { ...x.parsed, attachments: x.parsed.attachments.map((a) => ({ ...a, bytes: new Uint8Array(a.bytes) })) } })), errors: m.result.errors });
      };
      slot.w.on('message', onMessage);
      slot.w.once('error', reject);
      slot.w.ref();
      slot.w.postMessage({ id, raws: raws.map((r) => ({ origin: r.origin, bytes: new Uint8Array(r.bytes) })) });
    }).finally(() => slot.w.unref()));
    slot.busy = p.catch(() => undefined);
    return p;
  };
  return {
    async parse(raws) {
      if (workers.length === 0 || raws.length === 0) return parseRaw(raws);
      const per = Math.ceil(raws.length / workers.length);
      const parts = await Promise.all(workers.map((slot, i) => run(slot, raws.slice(i * per, (i + 1) * per))));
      return { ok: parts.flatMap((p) => p.ok), errors: parts.flatMap((p) => p.errors) };
    },
    async close() {
      await Promise.all(workers.map(({ w }) => w.terminate()));
      workers = [];
    },
  };
}
