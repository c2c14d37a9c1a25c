import type { LanguageTexts, ReplyTexts } from './types.ts';

export const EN: LanguageTexts = {
  inbound: {
    where_is_my_order: [
      'Hi, I ordered the {product} (order {order}) and it still hasn\'t shown up. It was supposed to arrive by {date}. Can you tell me where it is?',
      'Hello,\n\nCould you please check the status of order {order}? The tracking hasn\'t updated in days and I need the {product} for this weekend.',
      'where is my order?? {order}. tracking just says label created',
      'Hi there, just wondering when my {product} will ship. Order number {order}. Thanks!',
      'Good morning. My order {order} shows "in transit" since last week with {carrier}. Is it lost? Please advise.',
    ],
    not_received: [
      'Tracking for order {order} says delivered but I never got it. Nothing at my door, not with the neighbors, not in the mailbox. Please help.',
      'Hello, the {carrier} tracking says my package was delivered yesterday in {city} but I have not received the {product}. Order {order}.',
      'I still have not received my order {order}. It is way past the delivery date ({date}). I want a replacement or my money back.',
      'My package never arrived. Order {order}, {product}. Its been over a week past the estimated date.',
    ],
    damaged_defective: [
      'Hi, the {product} I received (order {order}) is broken. The box was crushed and the handle snapped off. What can you do?',
      'Hello, I received my {product} today but it doesn\'t work at all. I charged it overnight and nothing. Order {order}.',
      'The {product} arrived damaged, glass cracked right out of the box. Order {order}. I have photos if you need them.',
      'Just got order {order}. The {product} stopped working after two uses. Very disappointed, I expected better quality.',
      'package came all smashed and the {product} inside is scratched and bent. order {order}',
    ],
    wrong_item: [
      'Hi, I ordered the {product} but received something completely different. Order {order}. Can you send the right one?',
      'Hello, wrong item in my package (order {order}). I got a different color than what I ordered. Please fix this.',
      'You sent me the wrong product! I ordered {product}, order {order}, and got a set of lids instead.',
    ],
    return_request: [
      'Hi, I would like to return the {product} from order {order}. It\'s unopened. How do I send it back?',
      'Hello, the {product} is not what I expected and I\'d like to return it. Order {order}. Can you send me a return label?',
      'I want to return order {order}. Doesn\'t fit in my drawer. Please let me know the steps.',
      'Hi, can I return the {product}? Bought it as a gift but they already have one. Order {order}.',
    ],
    refund_request: [
      'Hi, I returned the {product} (order {order}) two weeks ago and still haven\'t received my refund. When will it be processed?',
      'Hello, I\'d like a refund for order {order}. The product did not meet my expectations.',
      'Please refund my order {order}, I was charged but the order was cancelled.',
      'When do I get my money back for order {order}?? It has been 10 days since you received the return.',
    ],
    cancel_order: [
      'Hi, please cancel my order {order}. I ordered by mistake.',
      'Hello, can you cancel order {order} before it ships? I found I don\'t need the {product} anymore.',
      'Please cancel {order} asap, I accidentally ordered two.',
    ],
    change_order: [
      'Hi, I need to change the shipping address for order {order}. I put my old address by mistake. Can you update it before it ships?',
      'Hello, can I still change the delivery address on order {order}? I\'m moving this week. New address: 2145 Oak Ridge Dr, Apt 4B.',
      'Please update the address on my order {order} to my work address, I won\'t be home. Thanks.',
    ],
    shipping_cost: [
      'Hi, why was I charged shipping on order {order}? I thought shipping was free over $35.',
      'Hello, how much is shipping to {city} if I order two more {product}? And how long does it take?',
      'Do you offer faster shipping? I need the {product} by Friday.',
    ],
    invoice_request: [
      'Hi, could you please send me an invoice for order {order}? I need it for my business expenses.',
      'Hello, I need a receipt with the tax shown for order {order}. Can you email it to me?',
      'Can I get an invoice for {order} with my company name on it? Thank you.',
    ],
    product_question: [
      'Hi, is the {product} dishwasher safe? I bought it (order {order}) and the manual doesn\'t say.',
      'Hello, does the {product} come with a warranty? And where can I buy replacement parts?',
      'Quick question about the {product}: what is it made of? Is it BPA free?',
      'Hi, how do I reset the {product}? The display shows E2. Order {order}.',
    ],
    thanks: [
      'Just wanted to say thanks, the {product} arrived quickly and works great!',
      'Thank you for the fast help with my order {order}. Everything is fine now.',
      'Got it today, love it. Thanks!!',
    ],
  },
  subjects: {
    where_is_my_order: ['Where is my order {order}?', 'Order {order} status', 'Shipping update?'],
    not_received: ['Package not received - {order}', 'Order {order} never arrived', 'Marked delivered but not here'],
    damaged_defective: ['Damaged item - order {order}', 'Broken {product}', 'Product not working'],
    wrong_item: ['Wrong item received', 'Order {order} - wrong product'],
    return_request: ['Return request {order}', 'How do I return an item?'],
    refund_request: ['Refund for order {order}', 'Still waiting for refund'],
    cancel_order: ['Cancel order {order}', 'Please cancel my order'],
    change_order: ['Address change for {order}', 'Change shipping address'],
    shipping_cost: ['Shipping question', 'Shipping charge on {order}'],
    invoice_request: ['Invoice request {order}', 'Receipt needed'],
    product_question: ['Question about {product}', 'Product question'],
    thanks: ['Thank you!', 'Re: your order {order}'],
  },
  followUps: ['Any update on this? Still nothing.', 'Hello?? It has been 2 days and no answer.', 'Following up on my message below. Order {order}.', 'I still haven\'t heard back. Please respond.'],
  trackingFollowUp: 'Thanks for the reply, but the tracking still hasn\'t changed.',
  signals: {
    a_to_z_threat: [
      'If this is not resolved I will file an A-to-z claim.',
      'I will open an A to Z guarantee claim with Amazon if I don\'t hear back by tomorrow.',
    ],
    chargeback_threat: [
      'Otherwise I will dispute the charge with my credit card company.',
      'If I don\'t get a refund I\'m filing a chargeback with my bank.',
    ],
    negative_feedback_threat: [
      'Very unhappy, I will leave negative feedback if this isn\'t fixed.',
      'I\'m about to leave a 1 star review.',
    ],
  },
  signOffs: ['Thanks,\n{first}', '{first}', 'Regards,\n{name}', 'Sent from my iPhone', ''],
};

export const EN_REPLIES: ReplyTexts = {
  replies: {
    where_is_my_order: [
      'Hi {first},\n\nThanks for reaching out. Your order {order} shipped with {carrier}, tracking number {tracking}. The carrier shows it is on the way; please allow 1-2 more business days.',
      'Hello {first},\n\nI\'m sorry for the delay. I have contacted {carrier} about tracking {tracking} and will update you as soon as I hear back.',
    ],
    not_received: [
      'Hi {first},\n\nI\'m sorry your package has not arrived. The carrier marked it delivered; could you please check around the property and with neighbors? If it doesn\'t turn up within 48 hours we will send a replacement or refund you.',
      'Hello {first},\n\nI have opened an investigation with {carrier} for order {order}. We will send a replacement right away.',
    ],
    damaged_defective: [
      'Hi {first},\n\nI\'m very sorry the {product} arrived damaged. Please send us a photo and we will send a replacement or issue a full refund, whichever you prefer.',
      'Hello {first},\n\nSorry about that! Please request a return through your order page ({order}) and choose "defective"; return shipping is on us.',
    ],
    wrong_item: ['Hi {first},\n\nApologies for the mix-up. We are shipping the correct {product} today; you can keep or donate the wrong item.'],
    return_request: [
      'Hi {first},\n\nOf course. You can start the return from your order details for {order}; you will get a prepaid label. The refund is issued once the item is scanned by the carrier.',
    ],
    refund_request: [
      'Hi {first},\n\nI checked order {order}: the refund has been issued and should appear on your statement within 3-5 business days.',
      'Hello {first},\n\nThe return has not been scanned in yet. As soon as it is, the refund will be processed automatically.',
    ],
    cancel_order: [
      'Hi {first},\n\nYour order {order} has been cancelled. You have not been charged.',
      'Hi {first},\n\nUnfortunately order {order} already shipped, so we cannot cancel it. You can return it for a full refund once it arrives.',
    ],
    change_order: ['Hi {first},\n\nI updated the shipping address for order {order}. It will ship to the new address.'],
    shipping_cost: ['Hi {first},\n\nShipping is free on orders over $50 in our store; on Amazon Prime orders it is always free. Standard delivery takes 3-5 business days.'],
    invoice_request: ['Hi {first},\n\nPlease find the invoice for order {order} attached.'],
    product_question: [
      'Hi {first},\n\nGood question! The {product} is top-rack dishwasher safe and made of BPA-free materials. It has a 2-year warranty.',
      'Hello {first},\n\nTo reset it, hold the power button for 10 seconds until the display blinks. Let me know if that helps.',
    ],
    thanks: ['Thank you so much, {first}! Enjoy your {product}.'],
  },
  followUpReplies: [
    'Hi {first},\n\nThanks for your patience. We have issued a full refund for order {order}.',
    'Hi {first},\n\nA replacement is on its way, tracking will follow by e-mail.',
  ],
  followUpPending: 'Hi {first},\n\nThanks for following up. I have escalated this and will get back to you within 24 hours with an update on order {order}.',
  notShipped: 'Hi {first},\n\nThanks for your message. Order {order} is being packed and will ship within 1 business day; you will get the tracking number by e-mail.',
  signature: '\n\nBest regards,\n{agent}\n{brand} Customer Care',
};
