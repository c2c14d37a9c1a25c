import type { CHANNEL_CREDENTIAL_KEYS } from '../../../src/contracts/index.ts';
import type { MessageKey } from '../i18n/en.ts';

type CredentialKeys = typeof CHANNEL_CREDENTIAL_KEYS;

/** The channel kinds an account can be created for (the keys of CHANNEL_CREDENTIAL_KEYS = ChannelAccountKind). */
export type AccountKind = keyof CredentialKeys;

/** The credential keys the server accepts for one kind of channel account. */
export type CredentialKey<K extends AccountKind> = CredentialKeys[K][number];

export interface CredentialField<Key extends string = string> {
  /** Key inside CreateChannelAccountRequest.credentials: one of CHANNEL_CREDENTIAL_KEYS[kind]. */
  key: Key;
  labelKey: MessageKey;
  /** Secrets use password inputs; hosts, ports and user names do not need hiding. */
  secret: boolean;
  autoComplete?: string;
}

type CredentialFieldMap = { readonly [K in AccountKind]: readonly CredentialField<CredentialKey<K>>[] };

/**
 * What each channel needs to connect. The keys are checked against CHANNEL_CREDENTIAL_KEYS (src/contracts/settings.ts),
 * the list the server validates with: a key it would reject with 400 is a type error here.
 */
export const CREDENTIAL_FIELDS = {
  amazon: [
    { key: 'lwaClientId', labelKey: 'cred.clientId', secret: false },
    { key: 'lwaClientSecret', labelKey: 'cred.clientSecret', secret: true },
    { key: 'refreshToken', labelKey: 'cred.lwaRefreshToken', secret: true },
    { key: 'spApiEndpoint', labelKey: 'cred.spApiEndpoint', secret: false },
    { key: 'lwaEndpoint', labelKey: 'cred.lwaEndpoint', secret: false },
  ],
  shopify: [
    { key: 'accessToken', labelKey: 'cred.accessToken', secret: true },
    { key: 'apiSecret', labelKey: 'cred.apiSecret', secret: true },
    { key: 'apiVersion', labelKey: 'cred.apiVersion', secret: false },
    { key: 'apiBaseUrl', labelKey: 'cred.apiBaseUrl', secret: false },
  ],
  tiktok: [
    { key: 'appKey', labelKey: 'cred.appKey', secret: false },
    { key: 'appSecret', labelKey: 'cred.appSecret', secret: true },
    { key: 'accessToken', labelKey: 'cred.accessToken', secret: true },
    { key: 'refreshToken', labelKey: 'cred.refreshToken', secret: true },
    { key: 'shopCipher', labelKey: 'cred.shopCipher', secret: false },
    { key: 'apiBaseUrl', labelKey: 'cred.apiBaseUrl', secret: false },
  ],
  mailbox: [
    { key: 'imapHost', labelKey: 'cred.imapHost', secret: false },
    { key: 'imapPort', labelKey: 'cred.imapPort', secret: false },
    { key: 'imapTls', labelKey: 'cred.imapTls', secret: false },
    { key: 'smtpHost', labelKey: 'cred.smtpHost', secret: false },
    { key: 'smtpPort', labelKey: 'cred.smtpPort', secret: false },
    { key: 'smtpTls', labelKey: 'cred.smtpTls', secret: false },
    { key: 'username', labelKey: 'cred.username', secret: false, autoComplete: 'off' },
    { key: 'password', labelKey: 'cred.password', secret: true },
    { key: 'smtpUsername', labelKey: 'cred.smtpUsername', secret: false, autoComplete: 'off' },
    { key: 'smtpPassword', labelKey: 'cred.smtpPassword', secret: true },
    { key: 'fromAddress', labelKey: 'cred.fromAddress', secret: false },
    { key: 'folder', labelKey: 'cred.folder', secret: false },
  ],
  instagram: [
    { key: 'accessToken', labelKey: 'cred.accessToken', secret: true },
    { key: 'appSecret', labelKey: 'cred.appSecret', secret: true },
    { key: 'verifyToken', labelKey: 'cred.verifyToken', secret: true },
    { key: 'pageId', labelKey: 'cred.pageId', secret: false },
    { key: 'apiBaseUrl', labelKey: 'cred.apiBaseUrl', secret: false },
  ],
} satisfies CredentialFieldMap;

/** The other direction: the keys the server accepts that have no field here. Must be none (else the line below fails). */
type UnlistedKeys = { [K in AccountKind]: Exclude<CredentialKey<K>, (typeof CREDENTIAL_FIELDS)[K][number]['key']> }[AccountKind];
const _everyKeyHasAField: [UnlistedKeys] extends [never] ? true : UnlistedKeys = true;

/** The fields of one kind, widened for rendering. */
export function credentialFieldsFor(kind: AccountKind): readonly CredentialField[] {
  return CREDENTIAL_FIELDS[kind];
}

export const AMAZON_MARKETPLACES = ['US', 'CA', 'MX', 'UK', 'DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'JP', 'AU'] as const;
