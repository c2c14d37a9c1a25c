import { describe, expect, it } from 'vitest';
import { classify, PRECEDENCE } from './intents.ts';
import { LEXICONS } from './lexicon/index.ts';
import { INTENTS, LANGUAGES, SIGNALS, type Intent, type Language, type Signal } from './types.ts';

type Row = readonly [language: Language, body: string, primary: Intent, alsoIntents: readonly Intent[], signals: readonly Signal[]];

function check([language, body, primary, also, signals]: Row, subject?: string): void {
  const r = classify({ subject, body });
  const why = JSON.stringify({ intents: r.intents, signals: r.signals, scores: r.scores });
  expect(r.language, why).toBe(language);
  expect(r.intent, why).toBe(primary);
  expect(r.intents[0]).toBe(primary);
  for (const i of also) expect(r.intents, why).toContain(i);
  expect([...r.signals].sort(), why).toEqual([...signals].sort());
}

// One row per intent and signal in every language, written the way buyers write: typos, no punctuation,
// order ids, several intents at once.
const ROWS: Record<Language, Row[]> = {
  en: [
    ['en', 'hey wheres my order 114-5556667-7778889 been 9 days', 'where_is_my_order', [], []],
    ['en', 'has my parcel shipped yet? tracking not updating', 'where_is_my_order', [], []],
    ['en', 'package says delivered but i never recieved it', 'not_received', [], []],
    ['en', 'the vase came smashed to bits', 'damaged_defective', [], []],
    ['en', 'kettle stopped working after 3 days', 'damaged_defective', [], []],
    ['en', 'you sent me the wrong size, I ordered a 10', 'wrong_item', [], []],
    ['en', 'how do i return this jumper', 'return_request', [], []],
    ['en', 'i would like a refund for the headphones', 'refund_request', [], []],
    ['en', 'pls cancel my order i dont need it anymore', 'cancel_order', [], []],
    ['en', 'Can you update the delivery address to 5 High St before it ships', 'change_order', [], []],
    ['en', 'how much is shipping to Canada', 'shipping_cost', [], []],
    ['en', 'can i have an invoice with VAT please', 'invoice_request', [], []],
    ['en', 'I was billed twice for one order', 'payment_issue', [], []],
    ['en', 'is this compatible with the 2021 model?', 'product_question', [], []],
    ['en', 'just left a 5 star review, love it', 'feedback_review', [], []],
    ['en', 'absolutely disgusting service, nobody answers my emails', 'complaint', [], []],
    ['en', 'Thank you so much!', 'thanks', [], []],
    ['en', 'please call me back on 07700 900123', 'other', [], []],
    ['en', 'still not here. I will file an a-z claim', 'not_received', [], ['a_to_z_threat']],
    ['en', 'refund me or I will do a chargeback', 'refund_request', [], ['chargeback_threat']],
    ['en', 'expect a one star review if this isnt fixed', 'complaint', [], ['negative_feedback_threat']],
    ['en', 'my solicitor will be in touch', 'complaint', [], ['legal_threat']],
    ['en', 'the charger caught fire on my desk', 'damaged_defective', [], ['safety_issue']],
    ['en', 'this is a knock off, not the real brand', 'complaint', [], ['counterfeit_claim']],
  ],
  de: [
    ['de', 'Wo ist meine Bestellung? Sendungsverfolgung zeigt nichts', 'where_is_my_order', [], []],
    ['de', 'paket ist nie angekommen', 'not_received', [], []],
    ['de', 'Der Mixer ist defekt und startet nicht', 'damaged_defective', [], []],
    ['de', 'Ich habe den falschen Artikel erhalten', 'wrong_item', [], []],
    ['de', 'Wie kann ich das zurückschicken?', 'return_request', [], []],
    ['de', 'Bitte um Rückerstattung des Kaufpreises', 'refund_request', [], []],
    ['de', 'bitte bestellung stornieren', 'cancel_order', [], []],
    ['de', 'Bitte die Lieferadresse ändern, neue Adresse folgt', 'change_order', [], []],
    ['de', 'Was kosten die Versandkosten nach Belgien?', 'shipping_cost', [], []],
    ['de', 'Ich brauche eine Rechnung für meine Firma', 'invoice_request', [], []],
    ['de', 'Mir wurde doppelt abgebucht', 'payment_issue', [], []],
    ['de', 'Ist der Deckel kompatibel mit dem großen Topf?', 'product_question', [], []],
    ['de', 'Ich habe eine positive Bewertung hinterlassen', 'feedback_review', [], []],
    ['de', 'Sehr enttäuscht, keine Antwort seit Tagen', 'complaint', [], []],
    ['de', 'Alles bestens angekommen, vielen Dank', 'thanks', [], []],
    ['de', 'Bitte rufen Sie mich zurück', 'other', [], []],
    ['de', 'Paket nicht erhalten, ich stelle einen A-bis-z-Garantieantrag', 'not_received', [], ['a_to_z_threat']],
    ['de', 'Sonst gibt es eine Rückbuchung über PayPal', 'complaint', [], ['chargeback_threat']],
    ['de', 'Dafür gibt es eine negative Bewertung', 'complaint', [], ['negative_feedback_threat']],
    ['de', 'Ich schalte meinen Anwalt ein', 'complaint', [], ['legal_threat']],
    ['de', 'Das Ladegerät hat gequalmt', 'damaged_defective', [], ['safety_issue']],
    ['de', 'Das ist eine Fälschung', 'complaint', [], ['counterfeit_claim']],
  ],
  fr: [
    ['fr', 'Où est ma commande ? Pas de suivi depuis une semaine', 'where_is_my_order', [], []],
    ['fr', "je n'ai jamais reçu le colis", 'not_received', [], []],
    ['fr', 'le mixeur est arrivé cassé', 'damaged_defective', [], []],
    ['fr', "ce n'est pas ce que j'ai commandé", 'wrong_item', [], []],
    ['fr', 'comment retourner cet article', 'return_request', [], []],
    ['fr', 'je demande le remboursement', 'refund_request', [], []],
    ['fr', 'merci d annuler la commande', 'cancel_order', [], []],
    ['fr', "pouvez-vous modifier l'adresse de livraison", 'change_order', [], []],
    ['fr', 'les frais de port sont trop chers', 'shipping_cost', [], []],
    ['fr', 'il me faut une facture svp', 'invoice_request', [], []],
    ['fr', 'paiement refusé trois fois', 'payment_issue', [], []],
    ['fr', 'est-ce compatible avec un iPhone 13 ?', 'product_question', [], []],
    ['fr', "j'ai laissé un avis positif", 'feedback_review', [], []],
    ['fr', 'service client nul, aucune réponse', 'complaint', [], []],
    ['fr', 'bien reçu, merci', 'thanks', [], []],
    ['fr', 'vous avez une boutique à Paris ?', 'other', [], []],
    ['fr', "colis jamais reçu, je vais contacter Amazon", 'not_received', [], ['a_to_z_threat']],
    ['fr', 'je vais faire opposition sur ma carte', 'complaint', [], ['chargeback_threat']],
    ['fr', 'je mettrai une mauvaise note', 'complaint', [], ['negative_feedback_threat']],
    ['fr', 'je vais porter plainte', 'complaint', [], ['legal_threat']],
    ['fr', "l'appareil a pris feu", 'damaged_defective', [], ['safety_issue']],
    ['fr', "c'est une contrefaçon", 'complaint', [], ['counterfeit_claim']],
  ],
  it: [
    ['it', 'dove è il mio pacco? il tracking non si aggiorna', 'where_is_my_order', [], []],
    ['it', 'non ho mai ricevuto il pacco', 'not_received', [], []],
    ['it', 'il frullatore è arrivato rotto', 'damaged_defective', [], []],
    ['it', 'mi avete mandato la taglia sbagliata', 'wrong_item', [], []],
    ['it', 'vorrei fare il reso', 'return_request', [], []],
    ['it', 'voglio il rimborso', 'refund_request', [], []],
    ['it', "per favore annullate l'ordine", 'cancel_order', [], []],
    ['it', "vorrei cambiare l'indirizzo di consegna", 'change_order', [], []],
    ['it', 'quanto costano le spese di spedizione', 'shipping_cost', [], []],
    ['it', 'mi serve la fattura', 'invoice_request', [], []],
    ['it', 'il pagamento è stato rifiutato', 'payment_issue', [], []],
    ['it', 'è compatibile con il modello vecchio?', 'product_question', [], []],
    ['it', 'ho lasciato una recensione positiva', 'feedback_review', [], []],
    ['it', 'servizio pessimo, nessuna risposta', 'complaint', [], []],
    ['it', 'tutto ok, grazie', 'thanks', [], []],
    ['it', 'avete un negozio a Roma?', 'other', [], []],
    ['it', 'pacco mai arrivato, lo segnalo ad Amazon', 'not_received', [], ['a_to_z_threat']],
    ['it', "contesterò l'addebito con la banca", 'complaint', [], ['chargeback_threat']],
    ['it', 'lascerò una recensione negativa', 'complaint', [], ['negative_feedback_threat']],
    ['it', 'mi rivolgo al mio avvocato', 'complaint', [], ['legal_threat']],
    ['it', 'il caricatore ha preso fuoco', 'damaged_defective', [], ['safety_issue']],
    ['it', 'prodotto contraffatto', 'complaint', [], ['counterfeit_claim']],
  ],
  es: [
    ['es', '¿dónde está mi pedido? el seguimiento no cambia', 'where_is_my_order', [], []],
    ['es', 'nunca recibí el paquete', 'not_received', [], []],
    ['es', 'la batidora llegó rota', 'damaged_defective', [], []],
    ['es', 'me enviaron la talla equivocada', 'wrong_item', [], []],
    ['es', 'quiero devolver el artículo', 'return_request', [], []],
    ['es', 'solicito el reembolso', 'refund_request', [], []],
    ['es', 'por favor cancelen el pedido', 'cancel_order', [], []],
    ['es', 'quiero cambiar la dirección de envío', 'change_order', [], []],
    ['es', '¿cuánto son los gastos de envío?', 'shipping_cost', [], []],
    ['es', 'necesito la factura', 'invoice_request', [], []],
    ['es', 'me han cobrado dos veces', 'payment_issue', [], []],
    ['es', '¿es compatible con el modelo anterior?', 'product_question', [], []],
    ['es', 'he dejado una reseña positiva', 'feedback_review', [], []],
    ['es', 'pésimo servicio, nadie responde', 'complaint', [], []],
    ['es', 'todo perfecto, muchas gracias', 'thanks', [], []],
    ['es', '¿tienen tienda en Madrid?', 'other', [], []],
    ['es', 'no me ha llegado, voy a reclamar a Amazon', 'not_received', [], ['a_to_z_threat']],
    ['es', 'abriré una disputa con mi banco', 'complaint', [], ['chargeback_threat']],
    ['es', 'dejaré una reseña negativa', 'complaint', [], ['negative_feedback_threat']],
    ['es', 'hablaré con mi abogado', 'complaint', [], ['legal_threat']],
    ['es', 'el cargador echó humo', 'damaged_defective', [], ['safety_issue']],
    ['es', 'es una falsificación', 'complaint', [], ['counterfeit_claim']],
  ],
  ja: [
    ['ja', '荷物はいつ届きますか', 'where_is_my_order', [], []],
    ['ja', '商品がまだ届いていません', 'not_received', [], []],
    ['ja', '商品が壊れていました', 'damaged_defective', [], []],
    ['ja', '注文と違う商品が届きました', 'wrong_item', [], []],
    ['ja', '返品したいです', 'return_request', [], []],
    ['ja', '返金をお願いします', 'refund_request', [], []],
    ['ja', '注文をキャンセルしてください', 'cancel_order', [], []],
    ['ja', '届け先を変更したいです', 'change_order', [], []],
    ['ja', '送料はいくらですか', 'shipping_cost', [], []],
    ['ja', '領収書をください', 'invoice_request', [], []],
    ['ja', '二重に請求されています', 'payment_issue', [], []],
    ['ja', 'この商品の使い方を教えてください', 'product_question', [], []],
    ['ja', '高評価をつけました', 'feedback_review', [], []],
    ['ja', '最悪の対応です', 'complaint', [], []],
    ['ja', 'ありがとうございました', 'thanks', [], []],
    ['ja', '店舗はありますか', 'other', [], []],
    ['ja', '届かないのでアマゾンに報告します', 'not_received', [], ['a_to_z_threat']],
    ['ja', 'カード会社に連絡します', 'complaint', [], ['chargeback_threat']],
    ['ja', '低評価をつけます', 'complaint', [], ['negative_feedback_threat']],
    ['ja', '弁護士に相談します', 'complaint', [], ['legal_threat']],
    ['ja', '充電器が発火しました', 'damaged_defective', [], ['safety_issue']],
    ['ja', 'これは偽物です', 'complaint', [], ['counterfeit_claim']],
  ],
  zh: [
    ['zh', '我的快递到哪了', 'where_is_my_order', [], []],
    ['zh', '我没收到货', 'not_received', [], []],
    ['zh', '杯子碎了', 'damaged_defective', [], []],
    ['zh', '你们发错货了', 'wrong_item', [], []],
    ['zh', '我要退货', 'return_request', [], []],
    ['zh', '请退款', 'refund_request', [], []],
    ['zh', '帮我取消订单', 'cancel_order', [], []],
    ['zh', '我想修改地址', 'change_order', [], []],
    ['zh', '运费多少', 'shipping_cost', [], []],
    ['zh', '请开发票', 'invoice_request', [], []],
    ['zh', '付款失败了', 'payment_issue', [], []],
    ['zh', '这个怎么用', 'product_question', [], []],
    ['zh', '已经给了好评', 'feedback_review', [], []],
    ['zh', '服务太差了', 'complaint', [], []],
    ['zh', '谢谢', 'thanks', [], []],
    ['zh', '你们有实体店吗', 'other', [], []],
    ['zh', '没收到货，我要向亚马逊投诉', 'not_received', [], ['a_to_z_threat']],
    ['zh', '我会申请拒付', 'complaint', [], ['chargeback_threat']],
    ['zh', '给你差评', 'complaint', [], ['negative_feedback_threat']],
    ['zh', '我要找律师', 'complaint', [], ['legal_threat']],
    ['zh', '充电器冒烟了', 'damaged_defective', [], ['safety_issue']],
    ['zh', '这是假货', 'complaint', [], ['counterfeit_claim']],
  ],
};

describe('classify: every intent and signal in every language', () => {
  for (const lang of LANGUAGES) {
    it.each(ROWS[lang])('%s: %s', (...row) => check(row));
    it(`${lang}: covers every intent and signal`, () => {
      const primaries = new Set(ROWS[lang].map((r) => r[2]));
      const signals = new Set(ROWS[lang].flatMap((r) => r[4]));
      expect([...INTENTS].filter((i) => !primaries.has(i))).toEqual([]);
      expect([...SIGNALS].filter((s) => !signals.has(s))).toEqual([]);
    });
  }
});

describe('negation', () => {
  it.each<Row>([
    ['en', 'the box is not damaged, I just want to return it', 'return_request', [], []],
    ['en', 'item was not broken at all, wrong colour though', 'wrong_item', [], []],
    ['en', "no damage, it just doesn't fit", 'other', [], []],
    ['en', 'no one was hurt but the plug melted', 'damaged_defective', [], ['safety_issue']],
    ['en', "I don't want a refund, please send a replacement", 'return_request', [], []],
    ['en', "please don't cancel my order", 'other', [], []],
    ['en', 'it is not fake, just asking about warranty', 'product_question', [], []],
    ['de', 'Das Paket ist nicht beschädigt, aber die Farbe ist falsch', 'wrong_item', [], []],
    ['de', 'Bitte nicht stornieren, ich warte gerne', 'other', [], []],
    ['fr', "le colis n'est pas abîmé, je veux juste le retourner", 'return_request', [], []],
    ['it', 'non è danneggiato, vorrei solo fare il reso', 'return_request', [], []],
    ['es', 'no está dañado, solo quiero devolverlo', 'return_request', [], []],
    ['ja', '商品は壊れていません。返品したいだけです', 'return_request', [], []],
    ['zh', '没有坏，就是想退货', 'return_request', [], []],
    ['zh', '不是假货吧？怎么用', 'product_question', [], []],
  ])('%s: %s', (...row) => check(row));

  it('explains what was negated', () => {
    const r = classify({ body: 'the box is not damaged, I just want to return it' });
    expect(r.explanation.negated).toEqual([expect.objectContaining({ label: 'damaged_defective', text: 'damaged', negatedBy: 'not' })]);
  });
});

describe('typos, no punctuation, order ids, URLs, quoted replies', () => {
  it.each<Row>([
    ['en', 'my pakage never arived and i want a refnd', 'not_received', ['refund_request'], []],
    ['en', 'recieved the wrong item plz send the correct one', 'wrong_item', [], []],
    ['en', 'cancle my order', 'cancel_order', [], []],
    ['en', 'the item is defective i want my money back order 113-7654321-1234567 thanks', 'damaged_defective', ['refund_request'], []],
    ['en', 'where is order #1002 https://shop.example/track?id=refund-123 please', 'where_is_my_order', [], []],
    ['en', 'email me at refund.dept@example.com about the invoice', 'invoice_request', [], []],
    ['de', 'die ware ist kaput und ich will das geld zurück', 'damaged_defective', ['refund_request'], []],
    ['de', 'rueckerstattung bitte', 'refund_request', [], []],
    ['fr', 'je veux un remboursment svp', 'refund_request', [], []],
    ['it', 'prodotto difetoso', 'damaged_defective', [], []],
    ['es', 'el pedido nunca llego quiero mi dinero', 'not_received', ['refund_request'], []],
    ['ja', 'とどいてないです。届いていません', 'not_received', [], []],
    ['zh', '订单 113-1234567-1234567 还没到', 'not_received', [], []],
  ])('%s: %s', (...row) => check(row));

  it('ignores the seller text quoted below the buyer reply', () => {
    const body = 'still waiting, where is it?\n\nOn Mon, 3 Jun 2024 at 10:00, Shop <help@shop.example> wrote:\n> We have issued your refund and cancelled the order.\n> Thanks';
    check(['en', body, 'where_is_my_order', [], []]);
    expect(classify({ body }).intents).toEqual(['where_is_my_order']);
  });

  it('ignores the subject of a reply (it is the seller’s own subject)', () => {
    check(['en', 'Received it today, all good. Thank you!', 'thanks', [], []], 'Re: Your replacement has shipped');
  });

  it('reads a subject that is the buyer’s own', () => {
    const r = classify({ subject: 'Wrong item received', body: 'see photo' });
    expect(r.intent).toBe('wrong_item');
    expect(r.explanation.matches.wrong_item?.[0]?.field).toBe('subject');
  });
});

describe('several intents and precedence', () => {
  it.each<Row>([
    ['en', 'Thank you!', 'thanks', [], []],
    ['en', 'thanks, but where is my parcel?', 'where_is_my_order', ['thanks'], []],
    ['en', 'thanks, can you call me back', 'other', ['thanks'], []],
    ['en', 'never arrived and tracking stopped updating a week ago', 'not_received', ['where_is_my_order'], []],
    ['en', 'the mug arrived cracked, please refund me', 'damaged_defective', ['refund_request'], []],
    ['en', 'wrong colour sent, I want to return it and get a refund', 'wrong_item', ['return_request', 'refund_request'], []],
    ['en', 'when will my refund arrive?', 'refund_request', [], []],
    ['en', 'I have not received my refund yet', 'refund_request', [], []],
    ['en', 'got the refund, thanks!', 'thanks', [], []],
    ['en', 'I cancelled but was still charged', 'payment_issue', [], []],
    ['en', 'the iron burned my hand, I want my money back', 'damaged_defective', ['refund_request'], ['safety_issue']],
    ['de', 'Danke, aber wo bleibt mein Paket?', 'where_is_my_order', ['thanks'], []],
    ['fr', 'merci, mais où est mon colis ?', 'where_is_my_order', ['thanks'], []],
    ['it', 'grazie, ma dove è il mio pacco?', 'where_is_my_order', ['thanks'], []],
    ['es', 'gracias, pero ¿dónde está mi paquete?', 'where_is_my_order', ['thanks'], []],
    ['ja', 'ありがとうございます。でも荷物はいつ届きますか', 'where_is_my_order', ['thanks'], []],
    ['zh', '谢谢，但是我的包裹到哪了', 'where_is_my_order', ['thanks'], []],
  ])('%s: %s', (...row) => check(row));

  it('puts seller risk first: not_received outranks where_is_my_order', () => {
    expect(PRECEDENCE.indexOf('not_received')).toBeLessThan(PRECEDENCE.indexOf('where_is_my_order'));
    expect(PRECEDENCE.at(-2)).toBe('thanks');
    expect([...PRECEDENCE].sort()).toEqual([...INTENTS].sort());
  });
});

describe('explanation', () => {
  it('points at the phrases in the original text, with weights', () => {
    const body = 'Hi! My parcel (order 113-1234567-1234567) never arrived. I will open an A-to-Z claim.';
    const r = classify({ body });
    expect(r.intent).toBe('not_received');
    expect(r.signals).toEqual(['a_to_z_threat']);
    for (const list of Object.values(r.explanation.matches)) {
      for (const e of list!) {
        expect(body.slice(e.start, e.end)).toBe(e.text);
        expect(e.weight).toBeGreaterThan(0);
      }
    }
    expect(r.explanation.matches.not_received?.map((e) => e.text)).toEqual(['never arrived']);
    expect(r.explanation.matches.a_to_z_threat?.map((e) => e.text)).toContain('A-to-Z');
    expect(r.explanation.primary).toMatch(/not_received/);
    expect(r.explanation.language.join(' ')).toMatch(/en/);
  });

  it('marks typo matches and lowers their weight', () => {
    const r = classify({ body: 'plese refnd' });
    expect(r.explanation.matches.refund_request?.[0]).toMatchObject({ text: 'refnd', fuzzy: true });
    expect(r.explanation.matches.refund_request![0]!.weight).toBeLessThan(3);
  });

  it('says when a rule, not a phrase, added an intent', () => {
    const r = classify({ body: 'I will leave a 1 star review' });
    expect(r.intent).toBe('complaint');
    expect(r.explanation.implied[0]).toMatch(/complaint/);
  });

  it('is deterministic and needs nothing but the text', () => {
    const input = { subject: 'Order problem', body: 'La lampe est arrivée cassée, je veux un remboursement' };
    expect(classify(input)).toEqual(classify(input));
  });

  it('handles empty and odd input', () => {
    expect(classify({ body: '' }).intent).toBe('other');
    expect(classify({ body: '113-1234567-1234567' })).toMatchObject({ intent: 'other', language: null, signals: [] });
    expect(classify({ body: '!!!???' }).intent).toBe('other');
  });
});

describe('lexicons', () => {
  it('have phrases for every intent (but other) and every signal in every language', () => {
    for (const lang of LANGUAGES) {
      const labels = new Set(LEXICONS[lang].groups.map((g) => g.label));
      const missing = [...INTENTS, ...SIGNALS].filter((l) => l !== 'other' && !labels.has(l));
      expect(missing, lang).toEqual([]);
    }
  });
});
