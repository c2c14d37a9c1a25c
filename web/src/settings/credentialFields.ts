import type { MessageKey } from '../i18n/en.ts';

export type AccountKind = 'amazon' | 'shopify' | 'tiktok' | 'mailbox' | 'instagram';

export interface CredentialField {
  /** Key inside CreateChannelAccountRequest.credentials. */
  key: string;
  labelKey: MessageKey;
  /** Secrets use password inputs; hosts, ports and user names do not need hiding. */
  secret: boolean;
  autoComplete?: string;
}

/**
 * What each channel needs to connect. NOTE for the API: these credential keys are this UI's proposal
 * (SP-API LWA app + refresh token; Shopify Admin API token; TikTok Shop app; IMAP/SMTP login; Instagram Graph token).
 */
export const CREDENTIAL_FIELDS: Record<AccountKind, readonly CredentialField[]> = {
  amazon: [
    { key: 'lwaClientId', labelKey: 'cred.clientId', secret: false },
    { key: 'lwaClientSecret', labelKey: 'cred.clientSecret', secret: true },
    { key: 'refreshToken', labelKey: 'cred.refreshToken', secret: true },
  ],
  shopify: [
    { key: 'accessToken', labelKey: 'cred.accessToken', secret: true },
    { key: 'apiSecret', labelKey: 'cred.apiSecret', secret: true },
  ],
  tiktok: [
    { key: 'appKey', labelKey: 'cred.appKey', secret: false },
    { key: 'appSecret', labelKey: 'cred.appSecret', secret: true },
    { key: 'accessToken', labelKey: 'cred.accessToken', secret: true },
    { key: 'refreshToken', labelKey: 'cred.refreshToken', secret: true },
  ],
  mailbox: [
    { key: 'imapHost', labelKey: 'cred.imapHost', secret: false },
    { key: 'imapPort', labelKey: 'cred.imapPort', secret: false },
    { key: 'smtpHost', labelKey: 'cred.smtpHost', secret: false },
    { key: 'smtpPort', labelKey: 'cred.smtpPort', secret: false },
    { key: 'username', labelKey: 'cred.username', secret: false, autoComplete: 'off' },
    { key: 'password', labelKey: 'cred.password', secret: true },
  ],
  instagram: [{ key: 'accessToken', labelKey: 'cred.accessToken', secret: true }],
};

export const AMAZON_MARKETPLACES = ['US', 'CA', 'MX', 'UK', 'DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'JP', 'AU'] as const;
