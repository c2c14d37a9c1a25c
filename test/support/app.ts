import { randomBytes } from 'node:crypto';
import { fixedClock } from '../../src/kernel/index.ts';
import { createApp } from '../../src/main/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Db } from '../../src/platform/db/port.ts';
import { createLogger } from '../../src/platform/log.ts';
import { secretBox } from '../../src/platform/secret-box.ts';
import { T0 } from './fixtures.ts';

export function testApp(db: Db) {
  const clock = fixedClock(T0);
  const config = loadConfig({ CLAIMDESK_DATA_DIR: '/nonexistent' });
  const secrets = secretBox(randomBytes(32));
  const log = createLogger('silent');
  const app = createApp({ db, clock, config, log, secrets }, { webDist: '/nonexistent' });
  return { app, clock, secrets, log };
}

/** A cookie-jar client for in-process requests: keeps the session cookie and sends the CSRF token on writes. */
export function client(app: ReturnType<typeof testApp>['app']) {
  let cookie = '';
  let csrf = '';
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (cookie) h.cookie = cookie;
    if (csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = csrf;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await app.request(path, { method, headers: h, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    const text = await res.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    if (json && typeof json.csrfToken === 'string') csrf = json.csrfToken;
    return { status: res.status, json: json as any, headers: res.headers };
  }
  return {
    call,
    login: (email: string, password: string) => call('POST', '/api/auth/login', { email, password }),
    get cookie() {
      return cookie;
    },
    get csrf() {
      return csrf;
    },
    dropCsrf() {
      csrf = '';
    },
  };
}
