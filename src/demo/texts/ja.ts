import type { LanguageTexts } from './types.ts';

// Japanese-speaking buyers; the seller answers them in English (see conversations.ts).
export const JA: LanguageTexts = {
  inbound: {
    where_is_my_order: [
      'こんにちは。注文番号{order}の{product}がまだ届いていません。{date}までに届く予定でした。配送状況を教えてください。',
      '注文{order}の追跡情報が数日間更新されていません。確認していただけますか。',
    ],
    not_received: [
      '配達済みになっていますが、荷物を受け取っていません。注文番号{order}です。',
      '注文{order}がまだ届きません。返金か再送をお願いします。',
    ],
    damaged_defective: [
      '届いた{product}が壊れていました。箱もつぶれていました。注文番号{order}。写真があります。',
      '{product}の電源が入りません。不良品だと思います。注文{order}。',
    ],
    wrong_item: ['注文した商品と違う物が届きました。注文番号{order}、{product}を注文しました。'],
    return_request: ['{product}を返品したいです。未開封です。注文番号{order}。手続きを教えてください。'],
    refund_request: ['2週間前に返品しましたが、まだ返金されていません。注文番号{order}。', '注文{order}の返金をお願いします。'],
    cancel_order: ['注文{order}をキャンセルしてください。間違えて注文しました。'],
    change_order: ['注文{order}の配送先住所を変更したいです。発送前に変更できますか。'],
    shipping_cost: ['注文{order}に送料がかかったのはなぜですか。'],
    invoice_request: ['注文{order}の領収書を送っていただけますか。'],
    product_question: ['{product}は食洗機で洗えますか。', '{product}の保証期間を教えてください。'],
    thanks: ['{product}が早く届きました。ありがとうございました！'],
  },
  subjects: {
    where_is_my_order: ['注文{order}の配送状況について'], not_received: ['商品が届いていません {order}'],
    damaged_defective: ['商品破損 {order}'], wrong_item: ['違う商品が届きました'],
    return_request: ['返品について {order}'], refund_request: ['返金について {order}'],
    cancel_order: ['キャンセル希望 {order}'], change_order: ['住所変更 {order}'],
    shipping_cost: ['送料について'], invoice_request: ['領収書の発行について'],
    product_question: ['{product}について質問'], thanks: ['ありがとうございました'],
  },
  followUps: ['その後いかがでしょうか。', 'まだ返信がありません。注文{order}の件、ご確認ください。'],
  trackingFollowUp: '追跡情報がまだ更新されていません。',
  signals: {
    a_to_z_threat: ['解決しない場合はAmazonマーケットプレイス保証を申請します。'],
    chargeback_threat: ['返金されない場合はカード会社に異議を申し立てます。'],
    negative_feedback_threat: ['対応がない場合は低い評価をつけます。'],
  },
  signOffs: ['よろしくお願いします。\n{name}', '{first}', ''],
};
