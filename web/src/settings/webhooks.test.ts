import { describe, expect, it } from 'vitest';
import { webhookPath, webhookUrl } from './webhooks.ts';

describe('webhook URLs', () => {
  it('has one per pushing provider, Instagram through Meta', () => {
    expect(webhookPath('shopify', 'acc_1')).toBe('/hooks/shopify/acc_1');
    expect(webhookPath('tiktok', 'acc_2')).toBe('/hooks/tiktok/acc_2');
    expect(webhookPath('instagram', 'acc_3')).toBe('/hooks/meta/acc_3');
    expect(webhookPath('amazon', 'acc_4')).toBeNull();
    expect(webhookPath('mailbox', 'acc_5')).toBeNull();
  });

  it('is absolute on this desk and escapes the id', () => {
    expect(webhookUrl('shopify', 'a/b', 'https://desk.example.com/')).toBe('https://desk.example.com/hooks/shopify/a%2Fb');
    expect(webhookUrl('amazon', 'x', 'https://desk.example.com')).toBeNull();
  });
});
