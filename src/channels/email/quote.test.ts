import { describe, expect, it } from 'vitest';
import { splitQuoted, stripQuotedText } from './quote.ts';

const NEW = 'Where is my parcel?\nIt was due on Monday.';

describe('stripQuotedText', () => {
  const cases: [string, string][] = [
    ['> lines', `${NEW}\n\n> Your order has shipped.\n> Tracking: 1Z999`],
    ['Gmail English', `${NEW}\n\nOn Mon, Jan 13, 2025 at 10:00 AM Shop Support <support@shop.example> wrote:\n> Your order has shipped.`],
    ['Gmail English, attribution wrapped over two lines', `${NEW}\n\nOn Mon, Jan 13, 2025 at 10:00 AM Shop Support <\nsupport@shop.example> wrote:\n> shipped`],
    ['Apple Mail', `${NEW}\n\nOn 13 Jan 2025, at 10:00, Shop <support@shop.example> wrote:\n\n> shipped`],
    ['German', `${NEW}\n\nAm Mo., 13. Jan. 2025 um 10:00 Uhr schrieb Shop Support <support@shop.example>:\n> Ihre Bestellung wurde versandt.`],
    ['German Thunderbird', `${NEW}\n\nAm 13.01.2025 um 10:00 schrieb Shop Support:\n> versandt`],
    ['French', `${NEW}\n\nLe lun. 13 janv. 2025 à 10:00, Shop Support <support@shop.example> a écrit :\n> Votre commande a été expédiée.`],
    ['Italian Gmail', `${NEW}\n\nIl giorno lun 13 gen 2025 alle ore 10:00 Shop Support <support@shop.example> ha scritto:\n> spedito`],
    ['Italian Thunderbird', `${NEW}\n\nIl 13/01/2025 10:00, Shop Support ha scritto:\n> spedito`],
    ['Spanish', `${NEW}\n\nEl lun, 13 ene 2025 a las 10:00, Shop Support (<support@shop.example>) escribió:\n> enviado`],
    ['Portuguese', `${NEW}\n\nEm seg., 13 de jan. de 2025 às 10:00, Loja <x@loja.example> escreveu:\n> enviado`],
    ['Japanese Gmail', `${NEW}\n\n2025年1月13日(月) 10:00 ショップ サポート <support@shop.example>:\n> 発送しました`],
    ['Japanese Thunderbird', `${NEW}\n\n2025/01/13 10:00 に ショップ サポート さんは書きました:\n> 発送しました`],
    ['Japanese "wrote:" with address', `${NEW}\n\n2025/01/13 10:00, ショップ <support@shop.example> wrote:\n> 発送しました`],
    ['Outlook separator', `${NEW}\n\n-----Original Message-----\nFrom: Shop Support\nSent: Monday, January 13, 2025 10:00 AM\nTo: Jane\nSubject: Shipped\n\nYour order has shipped.`],
    ['Outlook header block without separator', `${NEW}\n\nFrom: Shop Support <support@shop.example>\nSent: Monday, January 13, 2025 10:00 AM\nTo: Jane <jane@example.com>\nSubject: Shipped\n\nYour order has shipped.`],
    ['Outlook Web with underscores', `${NEW}\n\n________________________________\nFrom: Shop Support <support@shop.example>\nSent: Monday, January 13, 2025 10:00\nTo: Jane\n\nshipped`],
    ['German Outlook block', `${NEW}\n\nVon: Shop Support <support@shop.example>\nGesendet: Montag, 13. Januar 2025 10:00\nAn: Jane\nBetreff: Versand\n\nversandt`],
    ['German Thunderbird separator', `${NEW}\n\n-------- Ursprüngliche Nachricht --------\nBetreff: Versand\nDatum: 13.01.2025 10:00\n\nversandt`],
    ['Outlook German separator', `${NEW}\n\n-----Ursprüngliche Nachricht-----\nVon: Shop\n\nversandt`],
    ['French Outlook', `${NEW}\n\nDe : Shop Support <support@shop.example>\nEnvoyé : lundi 13 janvier 2025 10:00\nÀ : Jane\nObjet : Expédition\n\nexpédiée`],
    ['Spanish Outlook separator', `${NEW}\n\n-----Mensaje original-----\nDe: Tienda\n\nenviado`],
    ['Amazon thread marker', `${NEW}\n\n--- Original message ---\n\nYour order has shipped.`],
    ['CRLF line endings', `${NEW.replace(/\n/g, '\r\n')}\r\n\r\nOn Mon, Jan 13, 2025 at 10:00 AM Shop <s@shop.example> wrote:\r\n> shipped`],
  ];

  it.each(cases)('%s', (_name, text) => {
    expect(stripQuotedText(text)).toBe(NEW);
  });
});

describe('what is not a quote', () => {
  it.each([
    ['a sentence ending in "wrote"', 'On Monday I wrote to you already.\nPlease answer.'],
    ['"As I wrote:" without attribution', 'As I wrote:\nthe box was open.'],
    ['a forwarded message is content', 'See the carrier mail:\n\n---------- Forwarded message ---------\nFrom: DHL <noreply@dhl.example>\nDate: Mon, 13 Jan 2025\nSubject: Delivery failed\n\nWe could not deliver.'],
    ['"From:" in prose without a header block', 'From: my home address in Berlin\nthe parcel never left.'],
  ])('%s', (_name, text) => {
    expect(stripQuotedText(text)).toBe(text);
  });
});

describe('splitQuoted', () => {
  it('returns the removed history', () => {
    expect(splitQuoted('Thanks!\n\nOn Mon, Jan 13, 2025 at 10:00 AM Shop <s@shop.example> wrote:\n> shipped')).toEqual({
      reply: 'Thanks!',
      quoted: 'On Mon, Jan 13, 2025 at 10:00 AM Shop <s@shop.example> wrote:\n> shipped',
    });
  });

  it('keeps inline answers between interleaved quotes', () => {
    expect(splitQuoted('> Which size?\nL please\n> Which colour?\nBlue')).toEqual({ reply: 'L please\nBlue', quoted: '> Which size?\n> Which colour?' });
  });

  it('returns an empty reply for a quote-only body (the parser then falls back to the full text)', () => {
    expect(splitQuoted('> only a quote')).toEqual({ reply: '', quoted: '> only a quote' });
  });

  it('has null quoted when nothing is quoted', () => {
    expect(splitQuoted('Hello')).toEqual({ reply: 'Hello', quoted: null });
  });
});
