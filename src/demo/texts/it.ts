import type { LanguageTexts, ReplyTexts } from './types.ts';

export const IT: LanguageTexts = {
  inbound: {
    where_is_my_order: [
      'Buongiorno, ho ordinato {product} (ordine {order}) ma non è ancora arrivato. La consegna era prevista entro il {date}. Dove si trova il pacco?',
      'Salve, potete controllare lo stato dell\'ordine {order}? Il tracciamento {carrier} è fermo da giorni.',
      'ciao quando spedite il mio ordine {order}? grazie',
    ],
    not_received: [
      'Buongiorno, il tracciamento dice consegnato ma non ho ricevuto nulla. Ordine {order}.',
      'Salve, l\'ordine {order} non è mai arrivato. Chiedo un rimborso o una nuova spedizione.',
    ],
    damaged_defective: [
      'Buongiorno, {product} è arrivato rotto, la scatola era schiacciata. Ordine {order}. Ho delle foto.',
      'Salve, {product} non funziona per niente. Ordine {order}. Cosa devo fare?',
    ],
    wrong_item: [
      'Buongiorno, ho ricevuto l\'articolo sbagliato. Avevo ordinato {product}. Ordine {order}.',
      'Salve, nel pacco dell\'ordine {order} c\'era il colore sbagliato.',
    ],
    return_request: [
      'Buongiorno, vorrei restituire {product} (ordine {order}). È ancora imballato. Come devo fare?',
      'Salve, vorrei esercitare il diritto di recesso per l\'ordine {order}.',
    ],
    refund_request: [
      'Buongiorno, ho restituito {product} due settimane fa e non ho ancora ricevuto il rimborso. Ordine {order}.',
      'Salve, per favore rimborsate l\'ordine {order}.',
    ],
    cancel_order: ['Buongiorno, per favore annullate il mio ordine {order}, ho sbagliato.', 'Salve, è possibile annullare l\'ordine {order} prima della spedizione?'],
    change_order: ['Buongiorno, ho sbagliato indirizzo per l\'ordine {order}. Potete modificarlo prima della spedizione?'],
    shipping_cost: ['Buongiorno, perché mi sono state addebitate le spese di spedizione per l\'ordine {order}?', 'Salve, spedite in Italia? Quanto costa la spedizione?'],
    invoice_request: ['Buongiorno, potete inviarmi la fattura per l\'ordine {order}? Mi serve con partita IVA.', 'Salve, mi serve la fattura dell\'ordine {order}, grazie.'],
    product_question: ['Buongiorno, {product} si può lavare in lavastoviglie?', 'Salve, esistono ricambi per {product}? Quanto dura la garanzia?'],
    thanks: ['Grazie mille, {product} è arrivato velocemente e funziona benissimo!', 'Grazie per l\'aiuto!'],
  },
  subjects: {
    where_is_my_order: ['Dov\'è il mio ordine {order}?'], not_received: ['Pacco non ricevuto - {order}'],
    damaged_defective: ['Prodotto danneggiato - {order}'], wrong_item: ['Articolo sbagliato'],
    return_request: ['Reso ordine {order}'], refund_request: ['Rimborso {order}'],
    cancel_order: ['Annullamento ordine {order}'], change_order: ['Cambio indirizzo {order}'],
    shipping_cost: ['Domanda spese di spedizione'], invoice_request: ['Richiesta fattura {order}'],
    product_question: ['Domanda su {product}'], thanks: ['Grazie!'],
  },
  followUps: ['Novità?', 'Buongiorno, non ho ancora ricevuto risposta. Ordine {order}.'],
  trackingFollowUp: 'Grazie, ma il tracciamento non è cambiato.',
  signals: {
    a_to_z_threat: ['Altrimenti aprirò una richiesta di Garanzia dalla A alla Z.'],
    chargeback_threat: ['Altrimenti contesterò l\'addebito con la mia carta di credito.'],
    negative_feedback_threat: ['Se non si risolve lascerò un feedback negativo.'],
  },
  signOffs: ['Cordiali saluti,\n{name}', 'Grazie,\n{first}', 'Saluti\n{first}', ''],
};

export const IT_REPLIES: ReplyTexts = {
  replies: {
    where_is_my_order: ['Buongiorno {first},\n\ngrazie per il messaggio. L\'ordine {order} è in viaggio con {carrier}, numero di tracciamento {tracking}.'],
    not_received: ['Buongiorno {first},\n\nci dispiace molto. Può controllare con i vicini? Se il pacco non compare entro 48 ore le invieremo un sostituto o la rimborseremo.'],
    damaged_defective: ['Buongiorno {first},\n\nci dispiace molto. Ci invii una foto e le spediremo un sostituto o un rimborso completo.'],
    wrong_item: ['Buongiorno {first},\n\nci scusiamo per l\'errore. Le spediamo oggi l\'articolo corretto.'],
    return_request: ['Buongiorno {first},\n\ncertamente. Può avviare il reso dai dettagli dell\'ordine {order}.'],
    refund_request: ['Buongiorno {first},\n\nil rimborso per l\'ordine {order} è stato emesso; lo vedrà entro 3-5 giorni lavorativi.'],
    cancel_order: ['Buongiorno {first},\n\nil suo ordine {order} è stato annullato.'],
    change_order: ['Buongiorno {first},\n\nabbiamo aggiornato l\'indirizzo di consegna dell\'ordine {order}.'],
    shipping_cost: ['Buongiorno {first},\n\ncon Prime la spedizione è gratuita; verso l\'Italia servono 3-5 giorni lavorativi.'],
    invoice_request: ['Buongiorno {first},\n\nin allegato trova la fattura dell\'ordine {order}.'],
    product_question: ['Buongiorno {first},\n\n{product} si può lavare in lavastoviglie (cestello superiore) ed è garantito 2 anni.'],
    thanks: ['Grazie mille, {first}!'],
  },
  followUpReplies: ['Buongiorno {first},\n\ngrazie per la pazienza. Abbiamo rimborsato l\'intero importo dell\'ordine {order}.'],
  followUpPending: 'Buongiorno {first},\n\ngrazie per il sollecito. La ricontatteremo entro 24 ore per l\'ordine {order}.',
  notShipped: 'Buongiorno {first},\n\ngrazie per il messaggio. L\'ordine {order} è in preparazione e partirà entro 1 giorno lavorativo.',
  signature: '\n\nCordiali saluti,\n{agent}\nServizio clienti {brand}',
};
