import type { LanguageTexts, ReplyTexts } from './types.ts';

export const DE: LanguageTexts = {
  inbound: {
    where_is_my_order: [
      'Hallo, ich habe am Wochenende „{product}“ bestellt (Bestellung {order}) und das Paket ist immer noch nicht da. Lieferung war bis {date} angekündigt. Wo bleibt das Paket?',
      'Guten Tag,\n\nkönnen Sie bitte nachsehen, wo meine Bestellung {order} ist? Die Sendungsverfolgung bei {carrier} zeigt seit Tagen nichts Neues.',
      'Hallo, wann wird meine Bestellung {order} verschickt? Danke!',
      'wo ist mein paket?? bestellnummer {order}',
      'Sehr geehrte Damen und Herren,\n\nmeine Sendung {tracking} hängt seit einer Woche im Paketzentrum. Ist das Paket verloren gegangen?',
    ],
    not_received: [
      'Hallo, laut {carrier} wurde mein Paket zugestellt, aber ich habe nichts erhalten. Auch nicht bei den Nachbarn. Bestellung {order}.',
      'Guten Tag, die Bestellung {order} ist bis heute nicht angekommen, obwohl sie bis {date} geliefert werden sollte. Bitte um Ersatz oder Erstattung.',
      'Paket als zugestellt markiert, ist aber nicht da!! Bestellung {order}, {product}.',
      'Hallo, ich warte immer noch auf „{product}“. Die Sendung wurde angeblich in {city} abgegeben, bei mir ist aber nichts angekommen.',
    ],
    damaged_defective: [
      'Hallo, der Artikel „{product}“ aus Bestellung {order} ist defekt angekommen und funktioniert nicht. Was kann ich tun?',
      'Guten Tag,\n\nleider war der Karton völlig zerdrückt und der Artikel „{product}“ ist beschädigt. Fotos kann ich gerne schicken. Bestellnummer {order}.',
      'Der Artikel „{product}“ funktioniert nach zwei Tagen schon nicht mehr. Sehr enttäuschend. Bestellung {order}.',
      'Ware kam beschädigt an, Griff abgebrochen. {order}',
    ],
    wrong_item: [
      'Hallo, ich habe den falschen Artikel bekommen. Bestellt war {product}, geliefert wurde etwas anderes. Bestellung {order}.',
      'Guten Tag, in meinem Paket (Bestellung {order}) war die falsche Farbe. Können Sie mir den richtigen Artikel schicken?',
    ],
    return_request: [
      'Hallo, ich möchte „{product}“ aus Bestellung {order} zurückschicken. Der Artikel ist noch originalverpackt. Wie gehe ich vor?',
      'Guten Tag, ich würde gerne von meinem Widerrufsrecht Gebrauch machen. Bestellung {order}. Bitte senden Sie mir ein Rücksendeetikett.',
      'Hallo, kann ich „{product}“ zurückgeben? Passt leider nicht in meine Küche. Bestellnr. {order}',
    ],
    refund_request: [
      'Hallo, ich habe „{product}“ vor zwei Wochen zurückgeschickt, aber noch keine Erstattung erhalten. Bestellung {order}.',
      'Guten Tag, wann bekomme ich mein Geld zurück? Die Rücksendung zu {order} ist laut Sendungsverfolgung längst angekommen.',
      'Bitte erstatten Sie mir den Betrag für Bestellung {order}. Danke.',
    ],
    cancel_order: [
      'Hallo, bitte stornieren Sie meine Bestellung {order}. Ich habe mich verklickt.',
      'Guten Tag, können Sie die Bestellung {order} noch stornieren, bevor sie verschickt wird?',
    ],
    change_order: [
      'Hallo, ich habe bei Bestellung {order} die falsche Lieferadresse angegeben. Können Sie die Adresse noch ändern? Neue Adresse: Lindenstraße 12, 3. OG.',
      'Guten Tag, kann die Bestellung {order} an eine Packstation geliefert werden? Ich bin tagsüber nicht zu Hause.',
    ],
    shipping_cost: [
      'Hallo, warum wurden für Bestellung {order} Versandkosten berechnet? Ich dachte, der Versand ist kostenlos.',
      'Guten Tag, liefern Sie auch nach Österreich und was kostet der Versand?',
    ],
    invoice_request: [
      'Hallo, bitte senden Sie mir eine Rechnung mit ausgewiesener MwSt. für Bestellung {order}.',
      'Guten Tag,\n\nfür meine Buchhaltung benötige ich eine Rechnung zur Bestellung {order} auf meinen Firmennamen. Vielen Dank.',
      'Können Sie mir bitte die Rechnung für {order} zuschicken? Im Konto finde ich keine.',
    ],
    product_question: [
      'Hallo, ist „{product}“ spülmaschinenfest? In der Anleitung steht nichts dazu.',
      'Guten Tag, gibt es für „{product}“ Ersatzteile? Und wie lange ist die Garantie?',
      'Hallo, aus welchem Material ist „{product}“? Ist das BPA-frei?',
    ],
    thanks: [
      'Vielen Dank, „{product}“ ist heute angekommen und funktioniert super!',
      'Danke für die schnelle Hilfe bei Bestellung {order}. Alles bestens.',
    ],
  },
  subjects: {
    where_is_my_order: ['Wo ist meine Bestellung {order}?', 'Lieferstatus {order}'],
    not_received: ['Paket nicht erhalten - {order}', 'Bestellung {order} nicht angekommen'],
    damaged_defective: ['Artikel beschädigt - {order}', 'Defekt: {product}'],
    wrong_item: ['Falscher Artikel geliefert', 'Bestellung {order} - falscher Artikel'],
    return_request: ['Rücksendung {order}', 'Widerruf Bestellung {order}'],
    refund_request: ['Erstattung {order}', 'Rückerstattung fehlt noch'],
    cancel_order: ['Stornierung {order}', 'Bitte Bestellung stornieren'],
    change_order: ['Adressänderung {order}', 'Lieferadresse ändern'],
    shipping_cost: ['Frage zu Versandkosten'],
    invoice_request: ['Rechnung zu Bestellung {order}', 'Rechnung benötigt'],
    product_question: ['Frage zu {product}', 'Produktfrage'],
    thanks: ['Danke!', 'Re: Bestellung {order}'],
  },
  followUps: ['Gibt es schon Neuigkeiten?', 'Hallo? Ich warte seit zwei Tagen auf eine Antwort.', 'Ich melde mich nochmal wegen Bestellung {order}. Bitte um Rückmeldung.'],
  trackingFollowUp: 'Danke für die Antwort, aber die Sendungsverfolgung hat sich immer noch nicht geändert.',
  signals: {
    a_to_z_threat: [
      'Wenn das nicht geklärt wird, stelle ich einen A-bis-z-Garantieantrag.',
      'Sonst eröffne ich einen A-bis-z-Fall bei Amazon.',
    ],
    chargeback_threat: [
      'Andernfalls lasse ich die Zahlung über meine Kreditkarte zurückbuchen.',
      'Sonst widerrufe ich die Lastschrift bei meiner Bank.',
    ],
    negative_feedback_threat: [
      'Ich bin sehr unzufrieden und werde eine negative Bewertung abgeben.',
      'Das gibt eine 1-Stern-Bewertung, wenn sich nichts tut.',
    ],
  },
  signOffs: ['Viele Grüße\n{first}', 'MfG\n{name}', 'Gruß {first}', 'Mit freundlichen Grüßen\n{name}', ''],
};

export const DE_REPLIES: ReplyTexts = {
  replies: {
    where_is_my_order: [
      'Hallo {first},\n\nvielen Dank für Ihre Nachricht. Ihre Bestellung {order} ist mit {carrier} unterwegs, Sendungsnummer {tracking}. Bitte haben Sie noch 1-2 Werktage Geduld.',
      'Hallo {first},\n\nes tut uns leid für die Verzögerung. Wir haben bei {carrier} einen Nachforschungsauftrag gestellt und melden uns, sobald wir mehr wissen.',
    ],
    not_received: ['Hallo {first},\n\ndas tut uns sehr leid. Bitte schauen Sie noch einmal bei den Nachbarn nach. Sollte das Paket in 48 Stunden nicht auftauchen, senden wir Ersatz oder erstatten den Betrag.'],
    damaged_defective: [
      'Hallo {first},\n\ndas tut uns sehr leid! Bitte senden Sie uns ein Foto, dann schicken wir Ihnen kostenlos Ersatz oder erstatten den vollen Betrag.',
      'Hallo {first},\n\nbitte starten Sie eine Rücksendung über Ihre Bestellübersicht ({order}) mit dem Grund "defekt". Die Rücksendung ist für Sie kostenlos.',
    ],
    wrong_item: ['Hallo {first},\n\nentschuldigen Sie die Verwechslung. Wir senden Ihnen heute den richtigen Artikel zu.'],
    return_request: ['Hallo {first},\n\nselbstverständlich. Sie können die Rücksendung über Ihre Bestelldetails zu {order} starten und erhalten ein kostenloses Etikett.'],
    refund_request: [
      'Hallo {first},\n\ndie Erstattung für Bestellung {order} wurde veranlasst und ist in 3-5 Werktagen auf Ihrem Konto.',
      'Hallo {first},\n\ndie Rücksendung ist bei uns noch nicht eingegangen. Sobald sie eintrifft, wird die Erstattung automatisch ausgelöst.',
    ],
    cancel_order: [
      'Hallo {first},\n\nIhre Bestellung {order} wurde storniert. Es wurde nichts abgebucht.',
      'Hallo {first},\n\nleider ist die Bestellung {order} bereits unterwegs. Sie können sie nach Erhalt kostenlos zurücksenden.',
    ],
    change_order: ['Hallo {first},\n\nwir haben die Lieferadresse für Bestellung {order} geändert.'],
    shipping_cost: ['Hallo {first},\n\nbei Amazon Prime ist der Versand kostenlos; die Lieferung dauert in der Regel 1-3 Werktage.'],
    invoice_request: ['Hallo {first},\n\nanbei erhalten Sie die Rechnung zu Bestellung {order}.'],
    product_question: ['Hallo {first},\n\n„{product}“ ist spülmaschinengeeignet (oberer Korb) und BPA-frei. Sie haben 2 Jahre Garantie.'],
    thanks: ['Vielen Dank, {first}! Viel Freude mit Ihrem Einkauf.'],
  },
  followUpReplies: [
    'Hallo {first},\n\nvielen Dank für Ihre Geduld. Wir haben Ihnen den vollen Betrag für Bestellung {order} erstattet.',
    'Hallo {first},\n\nder Ersatz ist unterwegs, die Sendungsnummer schicken wir Ihnen separat.',
  ],
  followUpPending: 'Hallo {first},\n\ndanke für Ihre Nachfrage. Wir haben den Fall weitergeleitet und melden uns innerhalb von 24 Stunden zu Bestellung {order}.',
  notShipped: 'Hallo {first},\n\nvielen Dank für Ihre Nachricht. Bestellung {order} wird gerade verpackt und geht innerhalb eines Werktags raus; die Sendungsnummer erhalten Sie per E-Mail.',
  signature: '\n\nMit freundlichen Grüßen\n{agent}\n{brand} Kundenservice',
};
