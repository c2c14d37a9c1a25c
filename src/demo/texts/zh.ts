import type { LanguageTexts } from './types.ts';

// Chinese-speaking buyers; the seller answers them in English (see conversations.ts).
export const ZH: LanguageTexts = {
  inbound: {
    where_is_my_order: [
      '你好，我订购的{product}（订单号{order}）还没有到。原定{date}前送达，请问包裹在哪里？',
      '您好，订单{order}的物流信息好几天没有更新了，能帮我查一下吗？',
      '请问我的订单{order}什么时候发货？谢谢',
    ],
    not_received: ['物流显示已签收，但是我没有收到包裹。订单号{order}。', '订单{order}一直没有收到，请退款或者重新发货。'],
    damaged_defective: [
      '收到的{product}是坏的，箱子被压扁了。订单号{order}，我有照片。',
      '{product}完全不能用，充了一晚上电也开不了机。订单{order}。',
    ],
    wrong_item: ['你们发错货了，我买的是{product}。订单号{order}。'],
    return_request: ['我想退回{product}，还没拆封。订单号{order}，请问怎么退货？'],
    refund_request: ['两周前已经退货了，到现在还没有收到退款。订单号{order}。', '请帮我退款，订单{order}。'],
    cancel_order: ['请取消订单{order}，我下错单了。'],
    change_order: ['订单{order}的收货地址写错了，发货前可以修改吗？'],
    shipping_cost: ['为什么订单{order}收了运费？'],
    invoice_request: ['可以给我订单{order}的发票吗？'],
    product_question: ['{product}可以放洗碗机吗？', '{product}有保修吗？保修多久？'],
    thanks: ['{product}收到了，很好用，谢谢！'],
  },
  subjects: {
    where_is_my_order: ['订单{order}物流查询'], not_received: ['没有收到包裹 {order}'],
    damaged_defective: ['商品损坏 {order}'], wrong_item: ['发错货了'],
    return_request: ['退货 {order}'], refund_request: ['退款 {order}'],
    cancel_order: ['取消订单 {order}'], change_order: ['修改地址 {order}'],
    shipping_cost: ['运费问题'], invoice_request: ['发票 {order}'],
    product_question: ['关于{product}的问题'], thanks: ['谢谢'],
  },
  followUps: ['请问有进展吗？', '还没有回复，订单{order}，请尽快处理。'],
  trackingFollowUp: '物流信息还是没有更新。',
  signals: {
    a_to_z_threat: ['如果不解决，我会向亚马逊提出A-to-z索赔。'],
    chargeback_threat: ['否则我会联系信用卡公司拒付。'],
    negative_feedback_threat: ['不解决的话我会给差评。'],
  },
  signOffs: ['谢谢\n{name}', '{first}', ''],
};
