import type { ChannelAccount } from '../../../src/contracts/index.ts';

/** The accounts Amazon reports can belong to, by name. */
export function amazonAccounts(accounts: readonly ChannelAccount[]): ChannelAccount[] {
  return accounts.filter((a) => a.kind === 'amazon').sort((a, b) => a.name.localeCompare(b.name));
}

type FileLike = Pick<File, 'name' | 'size' | 'lastModified'>;
const fileKey = (f: FileLike) => `${f.name}\u0000${f.size}\u0000${f.lastModified}`;

/** The chosen files plus `more` (picked or dropped), each file once. */
export function addFiles<F extends FileLike>(current: readonly F[], more: Iterable<F> | ArrayLike<F>): F[] {
  const seen = new Set(current.map(fileKey));
  const out = [...current];
  for (const f of Array.from(more)) {
    if (seen.has(fileKey(f))) continue;
    seen.add(fileKey(f));
    out.push(f);
  }
  return out;
}

/** 1.2 MB, 340 KB, 12 B (decimal units, as file managers show them). */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
