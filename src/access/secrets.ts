import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret and the hash we store in its place. Only the hash ever reaches the database. */
export function newSecret(prefix: string): { token: string; hash: string } {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { token, hash: sha256(token) };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
