// `claimdesk triage` as a user runs it: JSON lines in, one assessment per line out; bad lines named.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../bin/claimdesk.js');

describe('claimdesk triage', () => {
  it('assesses each line and names the bad ones with line number and field', () => {
    const input = [
      JSON.stringify({ channel: 'amazon', marketplace: 'DE', fulfillment: 'FBM', subject: 'Bestellung', body: 'Das Paket ist nie angekommen, ich eröffne einen A-bis-z-Antrag' }),
      JSON.stringify({ body: 'Merci beaucoup, tout est bien arrivé !' }),
      '',
      JSON.stringify({ channel: 'ebay', body: 'x' }),
      '{"body": ',
    ].join('\n');
    const r = spawnSync(process.execPath, [BIN, 'triage', '--now', '2026-11-21T10:00:00Z'], { input, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ language: 'de', intent: 'not_received', signals: ['a_to_z_threat'], risk: 'critical', sla: { firstResponseDueAt: '2026-11-21T12:00:00.000Z' } });
    expect(out[0].reasons.length).toBeGreaterThan(0);
    expect(out[1]).toMatchObject({ language: 'fr', intent: 'thanks', risk: 'low' });
    expect(r.stderr).toContain('stdin:4: channel:');
    expect(r.stderr).toContain('stdin:5: not JSON');
  });
});
