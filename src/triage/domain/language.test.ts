import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it.each([
    ['en', 'hi my package never came, can you check'],
    ['en', 'wheres my oder'],
    ['en', 'thx'],
    ['de', 'Hallo, das Paket ist leider immer noch nicht da'],
    ['de', 'ware kaputt'],
    ['de', 'Danke!'],
    ['fr', "Bonjour, je n'ai toujours pas reçu ma commande"],
    ['fr', 'colis abime svp'],
    ['fr', 'Merci'],
    ['it', 'Buongiorno, il pacco non è ancora arrivato'],
    ['it', 'grazie mille'],
    ['es', 'Hola, todavía no me ha llegado el pedido'],
    ['es', '¿dónde está?'],
    ['es', 'gracias'],
    ['ja', '商品がまだ届きません'],
    ['ja', '注文番号 未着'],
    ['zh', '我的包裹还没到'],
    ['zh', '退款'],
  ] as const)('%s: %s', (language, text) => {
    const r = detectLanguage(text);
    expect(r.language).toBe(language);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.evidence.length).toBeGreaterThan(0);
  });

  it.each([
    ['a German message around an English product name and an order id', 'de', 'Hallo, mein Anker PowerCore Wireless Charger (Bestellung 303-1234567-7654321) funktioniert nicht mehr'],
    ['a French message with a URL', 'fr', 'Bonjour, voici la photo https://imgur.com/a/broken-item-photo le produit est cassé'],
    ['German text below quoted English template text', 'de', 'Wo bleibt mein Paket?\n\n> Your order has shipped and will arrive by Friday.\n> Thank you for shopping with us.'],
    ['a Japanese message with an English product name', 'ja', 'Anker PowerCore 10000 が届きません'],
    ['a Chinese message with an English product name', 'zh', 'AirPods Pro 还没到'],
  ])('handles %s', (_name, language, text) => expect(detectLanguage(text).language).toBe(language));

  it.each([
    ['an order id alone', '113-1234567-1234567'],
    ['nothing', ''],
    ['a Korean message (not supported)', '상품이 아직 도착하지 않았습니다'],
  ])('answers null for %s', (_name, text) => expect(detectLanguage(text).language).toBeNull());

  it('is deterministic', () => {
    const text = 'mi pedido no ha llegado todavía';
    expect(detectLanguage(text)).toEqual(detectLanguage(text));
  });
});
