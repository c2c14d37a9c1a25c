import type { LanguageTexts, ReplyTexts } from './types.ts';

export const FR: LanguageTexts = {
  inbound: {
    where_is_my_order: [
      'Bonjour, j\'ai commandé le {product} (commande {order}) et je ne l\'ai toujours pas reçu. La livraison était prévue pour le {date}. Où en est mon colis ?',
      'Bonjour,\n\npouvez-vous vérifier le statut de ma commande {order} ? Le suivi {carrier} ne bouge plus depuis plusieurs jours.',
      'bonjour, quand ma commande {order} sera-t-elle expédiée ? merci',
    ],
    not_received: [
      'Bonjour, le suivi indique que mon colis a été livré mais je n\'ai rien reçu. Commande {order}.',
      'Bonjour, ma commande {order} n\'est jamais arrivée. Je souhaite un remboursement ou un renvoi.',
    ],
    damaged_defective: [
      'Bonjour, le {product} est arrivé cassé, le carton était écrasé. Commande {order}. J\'ai des photos.',
      'Bonjour, le {product} ne fonctionne pas du tout. Commande {order}. Que dois-je faire ?',
      'Produit défectueux après deux utilisations, très déçu. Commande {order}.',
    ],
    wrong_item: [
      'Bonjour, j\'ai reçu le mauvais article. J\'avais commandé {product}. Commande {order}.',
      'Bonjour, erreur dans ma commande {order} : mauvaise couleur. Pouvez-vous m\'envoyer le bon produit ?',
    ],
    return_request: [
      'Bonjour, je souhaite retourner le {product} (commande {order}). Il est encore emballé. Comment faire ?',
      'Bonjour, je voudrais exercer mon droit de rétractation pour la commande {order}. Merci de m\'envoyer une étiquette retour.',
    ],
    refund_request: [
      'Bonjour, j\'ai renvoyé le {product} il y a deux semaines et je n\'ai toujours pas été remboursé. Commande {order}.',
      'Bonjour, merci de me rembourser la commande {order}.',
    ],
    cancel_order: [
      'Bonjour, merci d\'annuler ma commande {order}, je me suis trompé.',
      'Bonjour, est-il encore possible d\'annuler la commande {order} avant l\'expédition ?',
    ],
    change_order: [
      'Bonjour, je me suis trompé d\'adresse pour la commande {order}. Pouvez-vous la modifier avant l\'envoi ?',
      'Bonjour, pouvez-vous livrer la commande {order} à mon adresse professionnelle ?',
    ],
    shipping_cost: [
      'Bonjour, pourquoi des frais de port ont-ils été facturés pour la commande {order} ?',
      'Bonjour, livrez-vous en France et combien coûte la livraison ?',
    ],
    invoice_request: [
      'Bonjour, pourriez-vous m\'envoyer une facture pour la commande {order} ? Merci.',
      'Bonjour, j\'ai besoin d\'une facture avec TVA pour la commande {order} au nom de ma société.',
    ],
    product_question: [
      'Bonjour, le {product} passe-t-il au lave-vaisselle ?',
      'Bonjour, existe-t-il des pièces de rechange pour le {product} ? Quelle est la garantie ?',
    ],
    thanks: ['Merci beaucoup, le {product} est arrivé rapidement et fonctionne parfaitement !', 'Merci pour votre aide rapide !'],
  },
  subjects: {
    where_is_my_order: ['Où est ma commande {order} ?'], not_received: ['Colis non reçu - {order}'],
    damaged_defective: ['Produit endommagé - {order}'], wrong_item: ['Mauvais article reçu'],
    return_request: ['Retour commande {order}'], refund_request: ['Remboursement {order}'],
    cancel_order: ['Annulation commande {order}'], change_order: ['Changement d\'adresse {order}'],
    shipping_cost: ['Question frais de port'], invoice_request: ['Demande de facture {order}'],
    product_question: ['Question sur {product}'], thanks: ['Merci !'],
  },
  followUps: ['Des nouvelles ?', 'Bonjour, je n\'ai toujours pas de réponse. Commande {order}.'],
  trackingFollowUp: 'Merci, mais le suivi n\'a toujours pas changé.',
  signals: {
    a_to_z_threat: ['Sinon je ferai une réclamation au titre de la garantie A à Z.'],
    chargeback_threat: ['Sinon je ferai opposition auprès de ma banque.'],
    negative_feedback_threat: ['Je laisserai une évaluation négative si rien ne bouge.'],
  },
  signOffs: ['Cordialement,\n{name}', 'Merci,\n{first}', 'Bien à vous,\n{first}', ''],
};

export const FR_REPLIES: ReplyTexts = {
  replies: {
    where_is_my_order: ['Bonjour {first},\n\nmerci pour votre message. Votre commande {order} est en cours d\'acheminement avec {carrier}, numéro de suivi {tracking}.'],
    not_received: ['Bonjour {first},\n\nnous sommes désolés. Pouvez-vous vérifier auprès de vos voisins ? Sans nouvelles sous 48 heures, nous vous renverrons le produit ou vous rembourserons.'],
    damaged_defective: ['Bonjour {first},\n\nnous sommes vraiment désolés. Envoyez-nous une photo et nous vous enverrons un remplacement ou un remboursement complet.'],
    wrong_item: ['Bonjour {first},\n\ntoutes nos excuses pour cette erreur. Nous vous envoyons le bon article aujourd\'hui.'],
    return_request: ['Bonjour {first},\n\nbien sûr. Vous pouvez lancer le retour depuis le détail de la commande {order}.'],
    refund_request: ['Bonjour {first},\n\nle remboursement de la commande {order} a été effectué ; il apparaîtra sous 3 à 5 jours ouvrés.'],
    cancel_order: ['Bonjour {first},\n\nvotre commande {order} a bien été annulée.'],
    change_order: ['Bonjour {first},\n\nnous avons mis à jour l\'adresse de livraison de la commande {order}.'],
    shipping_cost: ['Bonjour {first},\n\nla livraison est gratuite avec Prime ; comptez 3 à 5 jours ouvrés vers la France.'],
    invoice_request: ['Bonjour {first},\n\nvous trouverez ci-joint la facture de la commande {order}.'],
    product_question: ['Bonjour {first},\n\nle {product} passe au lave-vaisselle (panier supérieur) et il est garanti 2 ans.'],
    thanks: ['Merci beaucoup, {first} !'],
  },
  followUpReplies: ['Bonjour {first},\n\nmerci pour votre patience. Nous vous avons remboursé intégralement la commande {order}.'],
  followUpPending: 'Bonjour {first},\n\nmerci pour votre relance. Nous revenons vers vous sous 24 heures au sujet de la commande {order}.',
  notShipped: 'Bonjour {first},\n\nmerci pour votre message. La commande {order} est en préparation et sera expédiée sous 1 jour ouvré.',
  signature: '\n\nCordialement,\n{agent}\nService client {brand}',
};
