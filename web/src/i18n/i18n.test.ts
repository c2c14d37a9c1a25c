import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

/**
 * Keys whose Chinese text is legitimately the same as the English: language names shown in their own language,
 * brand names Chinese sellers use untranslated, and Amazon identifier names.
 */
const SAME_IN_BOTH = new Set([
  'lang.en', 'lang.zh-CN', 'channel.shopify', 'channel.tiktok', 'channel.instagram', 'order.sku', 'order.asin', 'order.fnsku',
  'order.qtyPrice',
]);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
/** Contains an English word (two or more letters) once placeholders are removed. */
const hasWord = (s: string): boolean => /[A-Za-z]{2,}/.test(s.replace(/\{\w+\}/g, ''));

describe('i18n dictionaries', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty values', () => {
    for (const dict of [en, zhCN]) {
      for (const [key, value] of Object.entries(dict)) expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, value] of Object.entries(en)) {
      expect(placeholders(zhCN[key as keyof typeof en]), key).toEqual(placeholders(value));
    }
  });

  it('translate every English word into Chinese (not copied English)', () => {
    const untranslated: string[] = [];
    for (const [key, value] of Object.entries(en)) {
      if (SAME_IN_BOTH.has(key) || !hasWord(value)) continue;
      const zh = zhCN[key as keyof typeof en];
      if (zh === value || !CJK.test(zh)) untranslated.push(`${key}: ${zh}`);
    }
    expect(untranslated).toEqual([]);
  });

  it('keeps the exceptions list honest', () => {
    for (const key of SAME_IN_BOTH) expect(Object.hasOwn(en, key), key).toBe(true);
  });
});
