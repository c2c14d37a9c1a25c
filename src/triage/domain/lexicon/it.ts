import { g, neg, type Lexicon } from './types.ts';

const PACCO = 'ordine|pacco|pacchetto|spedizione|articolo|merce|prodotto|acquisto|ordinazione|roba|ordini';

export const it: Lexicon = {
  language: 'it',
  script: 'latin',
  negators: ['non', 'nn', 'mai', 'nessun', 'nessuna', 'nessuno', 'senza', 'niente', 'nulla', 'né', 'neanche', 'nemmeno', 'neppure'],
  bridges: ['è', 'e', 'stato', 'stata', 'era', 'mi', 'ci', 'lo', 'la', 'il', 'un', 'una', 'affatto', 'per', 'sembra', 'ancora', 'più', 'assolutamente',
    'minimamente', 'voglio', 'vorrei', 'serve', 'bisogno', 'ho', 'ha', 'hanno', 'segni', 'traccia', 'tracce', 'di', 'del', 'della', 'alcun', 'alcuna',
    'proprio', 'davvero', 'sono', 'si', 'abbiamo'],
  groups: [
    // ---- where is my order ----
    g('where_is_my_order', 3,
      `dove|dov ** ${PACCO}`, 'quando ** arriva|arriverà|arrivare|riceverò|ricevere|spedito|spedita|spedirete|spedite|consegnato|consegnata|consegnerete|consegna|partirà|parte|arriverebbe',
      'tracking|tracciamento|tracciabilità|traccia|tracciare|tracciato', 'stato * ordine|spedizione|pacco|consegna', 'non|ancora ** spedito|spedita|spediti|partito|partita|inviato|inviata',
      'a che punto'),
    g('where_is_my_order', 2, 'ritardo|ritardi|ritardato|ritardata', 'tempi|data|giorno * consegna', 'aspettando|aspetto|attendo|attesa * ancora|ordine|pacco|consegna',
      'ancora * aspettando|attesa|aspetto|attendo', 'fermo|ferma|bloccato|bloccata|giacenza', 'aggiornamenti|aggiornamento|notizie'),
    g('where_is_my_order', 1.5, 'prevista|previsto|stimata'),
    g('where_is_my_order', 1, 'corriere|brt|gls|sda|poste', 'dogana'),

    // ---- not received ----
    g('not_received', 3,
      'non * ho|stata ricevuta', 'ancora niente|nulla', 'non|nn|mai ** ricevuto|ricevuti|arrivato|arrivata|arrivati|consegnato|consegnata|giunto|pervenuto|pervenuta|visto|recapitato|arriva|arrivano',
      'nessun|nessuna * pacco|ordine|consegna|articolo|spedizione', `${PACCO} * smarrito|smarrita|perso|persa|scomparso|rubato|perduto`,
      'risulta|risultato|segna|indica|dice|scritto|segnato|segnalato ** consegnato|consegnata|recapitato', 'consegnato|consegnata|lasciato|lasciata|depositato ** ma|però'),
    g('not_received', 2.5, 'non c è niente|nulla', 'non c e niente|nulla'),
    g('not_received', 2, 'smarrito|smarrita|perso|persa|scomparso', 'rubato|rubata', 'scatola|pacco * vuoto|vuota'),
    g('not_received', 1, 'cassetta * posta'),

    // ---- damaged ----
    neg('damaged_defective', 3,
      'danneggiato|danneggiata|danneggiati|danneggiate|danno|danni|rotto|rotta|rotti|rotte|difettoso|difettosa|difettosi|difettose|difetto|difetti|guasto|guasta|guasti',
      'crepato|crepata|crepa|crepe|incrinato|incrinata|graffiato|graffiata|graffi|graffio|ammaccato|ammaccata|ammaccatura|rovinato|rovinata|rovinati|strappato|strappata',
      'spaccato|spaccata|distrutto|distrutta|schiacciato|schiacciata|piegato|piegata|macchiato|macchiata|scaduto|scaduta|ammuffito|bucato|bucata|scheggiato|scheggiata',
      'deformato|rotture|rottura|malfunzionamento'),
    g('damaged_defective', 3,
      'non * funziona|funzionano|funzionante|funzionanti|accende|accendono|carica|caricano|parte|scalda|risponde|connette|collega|legge|stampa|funzionava',
      'smesso * funzionare|caricare|accendersi', 'manca|mancano|mancava|mancavano * pezzo|pezzi|vite|viti|cavo|caricatore|accessori|accessorio|componente|componenti|coperchio|telecomando|istruzioni|parte|parti',
      'pezzi|pezzo|viti|cavo|accessori|parti * mancanti|mancante|manca|mancano', 'incompleto|incompleta', 'a pezzi', 'problema * qualità'),
    g('damaged_defective', 2, 'non va|vanno', 'nessun|nessuna * suono|audio|immagine|segnale'),

    // ---- wrong item ----
    g('wrong_item', 3,
      'articolo|prodotto|taglia|colore|modello|misura|pacco|ordine|oggetto|numero|versione|pezzo|libro * sbagliato|sbagliata|sbagliati|sbagliate|errato|errata|diverso|diversa',
      'sbagliato|sbagliata|errato|errata * articolo|prodotto|taglia|colore|modello|misura|pacco|oggetto', 'non * quello|quella|ciò * ordinato|ordinata|comprato|acquistato|richiesto',
      'non * modello|articolo|prodotto|colore|taglia|misura * che * ordinato|comprato|acquistato|chiesto',
      'diverso|diversa|diversi|diverse * da|dalla|dalle|dal|rispetto * foto|descrizione|immagine|immagini|annuncio|ordinato|ordine|sito|inserzione|quello',
      'non * corrisponde|corrispondono|conforme|conformi', 'ricevuto|arrivato|inviato|mandato|spedito ** invece|posto'),
    g('wrong_item', 2, 'sbagliato|sbagliata|sbagliati|sbagliate|errato|errata', 'non * ordinato|ordinata', 'invece', 'al posto', 'altro|altra * articolo|prodotto|modello|colore|taglia'),

    // ---- return ----
    g('return_request', 3, 'reso|resi|restituire|restituisco|restituirlo|restituirla|restituzione|rimandare|rimandarlo|rispedire|rispedirlo|sostituzione|sostituire|sostituirlo|recesso',
      'cambio * taglia|misura|colore', 'cambiarlo|cambiarla|cambiarli|sostituirlo|sostituirla * taglia|misura|colore|modello'),
    g('return_request', 2, 'rendere|renderlo|cambio|cambiare'),

    // ---- refund ----
    g('refund_request', 3, 'rimbors*', 'soldi * indietro', 'miei soldi', 'restituire|ridare|ridatemi|restituitemi|rivoglio|riavere * soldi|denaro|importo|pagato',
      'risarcimento|indennizzo', 'non ** ricevuto|arrivato|visto ** rimbors*|soldi|accredito', 'rimbors*|soldi|accredito * non|ancora|mai ** ricevuto|arrivato|accreditato|visto'),
    g('refund_request', 2, 'soldi'),

    // ---- cancel ----
    neg('cancel_order', 3, 'annull*|cancellare|cancella|cancellato|cancellata|cancellazione|disdire|disdetta'),
    g('cancel_order', 2, 'non * serve|voglio|interessa * più', 'per errore|sbaglio', 'ordinato * due|doppio'),

    // ---- change ----
    g('change_order', 3, 'cambiare|modificare|correggere|aggiornare|variare * indirizzo',
      'cambio * indirizzo', 'ho|abbiamo sbagliato * civico|indirizzo|cap|via|numero|citofono', 'indirizzo * sbagliato|sbagliata|errato|errata|cambiare|modificare|nuovo|corretto|diverso|incompleto|correggere|aggiornato', 'nuovo|altro|diverso * indirizzo'),
    g('change_order', 2.5, 'modificare|cambiare * ordine|taglia|colore|quantità|articolo|modello|misura'),
    g('change_order', 2, 'aggiungere * ordine|articolo', 'prima * spedizione|spedire|partire'),
    g('change_order', 1, 'civico|interno|citofono|scala|cap|indirizzo'),

    // ---- shipping cost ----
    g('shipping_cost', 3, 'spese|costi|costo|tariffa|tariffe * spedizione|consegna|trasporto|doganali|dogana|invio', 'spedizione * gratuita|gratis|gratuito', 'dazi|dazio|doganali',
      'quanto * costa * spedizione|spedire|consegna', 'pagare * spedizione|dogana|dazi'),

    // ---- invoice ----
    g('invoice_request', 3, 'fattura|fatture|fatturazione|scontrino|piva', 'partita iva', 'p iva', 'ricevuta|ricevute * fiscale|pagamento|acquisto', 'copia * fattura|ricevuta|scontrino'),
    g('invoice_request', 2, 'codice fiscale', 'documento * fiscale|acquisto'),
    g('invoice_request', 1.5, 'ricevuta|ricevute'),

    // ---- payment ----
    g('payment_issue', 3,
      'addebitato|addebitata|addebitati|pagato|pagata|addebito|prelevato|scalato * due|2|doppio|doppia', 'due volte * addebitato|pagato|addebito|prelevato',
      'doppio * addebito|pagamento|prelievo', 'addebito|pagamento * doppio', 'pagamento|transazione|bonifico * rifiutato|rifiutata|fallito|fallita|non|errore|problema|bloccato|bloccata|sospeso',
      'carta * rifiutata|rifiutato|bloccata|non', 'importo * sbagliato|errato|diverso|maggiore|superiore', 'pagato|addebitato * troppo|più', 'metodo|metodi|modalità * pagamento',
      'annull* ** addebitato|addebito|pagato|prelevato|scalato', 'addebitato|addebito|pagato ** annull*'),
    g('payment_issue', 2, 'addebitato|addebitata|addebito|addebiti|prelievo|prelevato|scalato|scalati', 'bonifico', 'come * pagare'),
    g('payment_issue', 1, 'paypal|klarna|contrassegno|satispay|pagamento'),

    // ---- product question ----
    neg('product_question', 3, 'compatibile|compatibili|compatibilità'),
    g('product_question', 3, 'come * usare|utilizzare|installare|montare|collegare|pulire|funziona|lavare|caricare|configurare|accendere|regolare|usarlo|montarlo',
      'istruzioni|manuale|libretto'),
    g('product_question', 2.5, 'quale|che * taglia|misura|colore|materiale|dimensioni|capacità'),
    g('product_question', 2, 'disponibile|disponibili|disponibilità|magazzino|riassortimento', 'garanzia', 'adatto|adatta|adatti|adatte',
      'domanda|domande|chiarimento|chiarimenti', 'sapere * se', 'funziona * con|anche|su'),
    g('product_question', 3, 'disponibile|avete|esiste|c è ** taglia|colore|misura|versione|modello', 'quali|quale|che * misure|dimensioni|taglie|colori|materiali', 'batteria * dura|durata', 'può|posso|puoi|possono * usare|utilizzare|lavare|usarlo|mettere'),
    g('product_question', 1.5, 'misure|dimensioni|taglia|materiale|peso|capacità|ingredienti|composizione|tessuto', 'informazione|informazioni'),

    // ---- feedback ----
    g('feedback_review', 3, 'recensione|feedback|valutazione|voto|giudizio * positiva|positivo|ottima|ottimo|massimo',
      'ottima|buona|bella|positiva|5|cinque * recensione|valutazione|stelle|stelline',
      'lasciato|lasciare|scritto|scrivere|messo|dato|dare|pubblicato|lascerò|scriverò * recensione|feedback|valutazione|stelle|voto|giudizio',
      'rimuovere|cancellare|eliminare|modificare|togliere|cambiare * recensione|feedback|valutazione|voto|giudizio'),
    g('feedback_review', 1, 'recensione|recensioni|feedback|valutazione|valutazioni|stelle|stelline|voto|giudizio'),

    // ---- complaint ----
    g('complaint', 3, 'nessuna|nessun|senza * risposta|riscontro|notizia|notizie', 'nessuno * risponde|rispondete|risposto|aiuta',
      'non * rispondete|risponde|risposto|rispondono|richiamato', 'non * ricevuto * risposta|riscontro', 'più|diverse|varie|tante|molte|ennesima * volte|volta',
      'già * scritto|contattato|segnalato|chiesto', 'deluso|delusa|delusi|deludente|delusione', 'servizio * pessimo|scadente|vergognoso|orribile|inesistente',
      'qualità * scadente|pessima|bassa', 'non * soddisfatto|soddisfatta|contento|contenta'),
    g('complaint', 2, 'inaccettabile|vergogna|vergognoso|vergognosa|pessimo|pessima|pessimi|schifo|schifoso|scandaloso|scandalosa|assurdo|assurda|ridicolo|ridicola',
      'maleducato|maleducata|scortese|sgarbato|sgarbata|insoddisfatto|insoddisfatta|lamentela|lamentele|reclamo|reclami|arrabbiato|arrabbiata|truffa|truffatori|incompetenti|indecente|vergognatevi|inammissibile|scadente|scarsa'),

    // ---- thanks ----
    g('thanks', 3, 'grazie|ringrazio|ringraziamo|ringraziamenti|ringraziare',
      'grazie * disponibilità|pazienza|aiuto|supporto|risposta|gentilezza', 'consigliato|consigliatissimo|consiglio', 'venditore * serio|affidabile|ottimo|top|consigliato|eccellente|gentile',
      'spedizione|consegna * veloce|rapida|velocissima|rapidissima', 'imballaggio|imballo * perfetto|curato|ottimo',
      'arrivato|arrivata|ricevuto|ricevuta|consegnato * bene|perfettamente|oggi|ieri|integro|integra|perfetto|perfetta|tempo', 'tutto * ok|bene|perfetto|apposto|posto|risolto|ordine'),
    neg('thanks', 3, 'risolto|risolta', 'funziona|funzionano * bene|perfettamente|benissimo'),
    g('thanks', 1.5, 'ottimo|perfetto|perfetta|super|eccellente'),
    g('thanks', 1, 'ok'),

    // ---- signals ----
    g('a_to_z_threat', 3, 'a alla z', 'atoz|a2z', 'amazon * garanzia|reclamo|reclamare|segnalare|segnalazione|contattare|coinvolgere|intervento|denuncia|contestazione',
      'segnalo|segnaliamo|contatto|scrivo|segnalare|contattare|reclamo|reclamare|rivolgermi|rivolgo|rivolgerò|coinvolgere|scrivere|scriverò|segnalerò|contatterò|segnalazione|denunciare * amazon'),
    g('chargeback_threat', 3, 'chargeback|storno|stornare|stornato|riaddebito|disconoscimento|disconoscere',
      'contestare|contesto|contesterò|contestazione * addebito|pagamento|transazione|carta|banca|paypal', 'paypal * reclamo|contestazione|controversia|segnalazione|aprire', 'mia banca'),
    g('chargeback_threat', 2, 'controversia'),
    g('chargeback_threat', 1.5, 'banca'),
    g('negative_feedback_threat', 3, 'recensione|recensioni|feedback|valutazione|voto|giudizio * negativa|negativo|negative|pessima|pessimo|bassa|basso',
      'pessima|pessime|negativa|brutta|cattiva|pessimo * recensione|recensioni|valutazione|feedback|voto', 'una|1|zero stella|stelle',
      'avvisare|avvertire|informare|avviserò|avvertirò * altri|acquirenti|clienti|tutti', 'pubblicare|scrivere|postare|segnalare|condividere * social|facebook|instagram|tiktok|trustpilot'),
    g('negative_feedback_threat', 2, 'trustpilot|social'),
    g('legal_threat', 3, 'avvocato|avvocati|avvocatessa|legale|legali|tribunale|giudice|carabinieri|polizia|codacons|altroconsumo|diffida|querela|denuncia|denunciare|denuncerò|giudiziaria|giudiziarie',
      'fare causa', 'associazione * consumatori', 'tutela * consumatori|consumatore'),
    g('legal_threat', 2, 'consumatori'),
    neg('safety_issue', 3, 'fuoco|incendio|incendiato|incendiata|fiamme|fiamma|bruciato|bruciata|bruciati|bruciatura|bruciature|bruciore|ustione|ustioni|ustionato|ustionata',
      'fumo|fumava|fumare|fumante|scintille|scintilla|scossa|folgorato|folgorata|ferito|ferita|ferite|feriti|sangue|sanguinare|allergia|allergica|allergico|allergiche|allergici',
      'irritazione|irritazioni|prurito|arrossamento|ospedale|esploso|esplosa|esplosione|sciolto|sciolta|surriscaldato|surriscaldata|surriscalda|pericoloso|pericolosa|pericolo',
      'tossico|tossica|cortocircuito|soffocamento', 'pronto soccorso', 'odore * bruciato|plastica|bruciata'),
    neg('safety_issue', 2, 'medico'),
    neg('counterfeit_claim', 3, 'falso|falsa|falsi|contraffatto|contraffatta|contraffatti|contraffazione|taroccato|taroccata|taroccati|imitazione|copia|replica|fake|patacca|clone'),
    g('counterfeit_claim', 3, 'non * originale|originali|autentico|autentica'),

    // ---- cues ----
    g('_none', 3, 'ho|abbiamo|avevo sbagliato|sbagliata * colore|taglia|modello|articolo|prodotto|misura|ordine|quantità', 'cancello|cancelli|cancelletto', 'grazie * anticipo', 'anticipatamente', 'attesa * riscontro|risposta|cortese', 'non * voglio|serve|bisogno * rimbors*'),
    g('_request', 1, 'potete|potreste|puoi|potresti|favore|piacere|vorrei|gentilmente|serve|bisogno|chiedo|prego|cortesemente|aiuto|aiutare|aiutarmi'),
  ],
};
