import { g, neg, type Lexicon } from './types.ts';

const WARE = 'bestellung|paket|päckchen|packet|sendung|lieferung|ware|waren|artikel|produkt|zeug|bestellungen';

export const de: Lexicon = {
  language: 'de',
  script: 'latin',
  negators: ['nicht', 'nich', 'nie', 'niemals', 'kein', 'keine', 'keinen', 'keiner', 'keines', 'keinem', 'ohne', 'nichts', 'weder', 'nirgends', 'net'],
  bridges: ['ist', 'war', 'sind', 'waren', 'wurde', 'wurden', 'es', 'das', 'die', 'der', 'den', 'dem', 'ein', 'eine', 'einen', 'wirklich', 'sehr', 'gar',
    'überhaupt', 'auch', 'mal', 'richtig', 'ganz', 'komplett', 'zu', 'so', 'sichtbar', 'erkennbar', 'irgendwie', 'irgendwelche', 'anzeichen', 'spuren',
    'von', 'hat', 'habe', 'haben', 'möchte', 'will', 'wollen', 'brauche', 'brauchen', 'ich', 'wir', 'bitte', 'sie', 'doch', 'mehr', 'oder'],
  groups: [
    // ---- where is my order ----
    g('where_is_my_order', 3,
      `wo * ${WARE}`, 'wo bleibt', 'wann ** kommt|kommen|ankommt|ankommen|geliefert|versendet|verschickt|versandt|zugestellt|erhalte|bekomme|liefern|eintreffen|rechnen|kommen',
      'sendungsverfolgung*|sendungsnummer|trackingnummer|trackingnummern|verfolgungsnummer|paketnummer|sendungsstatus|lieferstatus|bestellstatus|versandstatus|trackinglink',
      'status * bestellung|sendung|lieferung|paket', 'nicht|noch|kein * verschickt|versendet|versandt|rausgegangen|abgeschickt|losgeschickt',
      'schon|bereits * verschickt|versendet|versandt|unterwegs|abgeschickt', 'stand * bestellung|lieferung|sendung',
      'liegt|hängt|hängen|steckt|stecken * fest|paketzentrum|verteilzentrum|depot|zoll|zollamt', 'keine * sendungsverfolgung|trackingnummer|informationen|info|neuigkeiten|updates|bewegung'),
    g('where_is_my_order', 2, 'liefertermin|lieferdatum|lieferzeit|zustelltermin|zustellung|zustelldatum', 'voraussichtlich*', 'verzögert|verzögerung|verspätet|verspätung|verspätungen',
      'zu spät', 'warte * noch|immer|lange', 'immer noch * warte|warten|nichts', 'tracking*', 'unterwegs'),
    g('where_is_my_order', 1, 'seit * tagen|wochen', 'paketdienst|dhl|hermes|dpd|gls|ups|zusteller', 'zoll'),

    // ---- not received ----
    g('not_received', 3,
      'nicht|nich|nie|niemals * angekommen|erhalten|bekommen|geliefert|zugestellt|eingetroffen|da|zugegangen|gekommen|erhalt',
      'kam|kommt * nie|nicht|nich * an', 'nie|nicht kam|kamen|ankam|ankamen|eintraf|eintrafen',
      `${WARE} * immer|noch * noch|immer * nicht|nich|nichts`, `kein|keine|keinen * ${WARE} * erhalten|bekommen|angekommen|zugestellt|geliefert`, 'nichts * erhalten|bekommen|angekommen|geliefert|zugestellt',
      `${WARE} ** verloren|verschwunden|gestohlen|abhanden`, 'als * zugestellt|geliefert * markiert|angezeigt|gekennzeichnet', 'zugestellt|geliefert * aber|obwohl|jedoch',
      'laut|angeblich * zugestellt|geliefert', 'status * zugestellt', 'falsche|falschen|anderen|andere * adresse|nachbarn|empfänger|person * zugestellt|geliefert|abgegeben',
      'leer|leeres|leerer|leeren * paket|karton|packung|umschlag'),
    g('not_received', 2, 'verloren|verschwunden|abhanden', 'gestohlen|geklaut', 'nicht|nichts * briefkasten'),

    // ---- damaged / defective ----
    neg('damaged_defective', 3,
      'beschädigt|beschädigte|beschädigter|beschädigtes|beschädigung|beschädigungen|defekt|defekte|defekter|defektes|kaputt|kaputte|kaputter|kaputtes|zerbrochen|gebrochen',
      'zersprungen|gesprungen|gerissen|zerrissen|zerkratzt|verkratzt|kratzer|delle|dellen|eingedrückt|verbeult|undicht|ausgelaufen|schaden|schäden|mangel|mängel|mangelhaft|fehlerhaft',
      'verbogen|verschimmelt|schimmel|abgelaufen|verrostet|rost|bruch|riss|risse|sprung|*schaden|*schäden|defekt*', 'auseinandergefallen|auseinander',
      'abgerissen|abgebrochen|ausgefallen|durchgebrannt|kaputtgegangen'),
    neg('damaged_defective', 2, 'locker|wackelt|wackelig|klappert|flackert|brummt|quietscht'),
    g('damaged_defective', 3,
      'funktioniert|funktionieren|funktionierte|läuft|startet|lädt|reagiert|leuchtet|heizt|kühlt|druckt|spielt|klappt * nicht|kaum|gar', 'geht * nicht * an|mehr',
      'lässt * nicht|kaum * einschalten|aufladen|laden|öffnen|verbinden|koppeln|schließen|starten|bedienen',
      'nicht * einschalten|aufladen|funktionsfähig|benutzbar|brauchbar|verwendbar|nutzbar', 'ohne funktion', 'kein|keinen ton|strom|bild|empfang|signal',
      'fehlt|fehlen|fehlte|fehlten * teil|teile|schraube|schrauben|zubehör|kabel|ladegerät|deckel|netzteil|fernbedienung|anleitung|akku',
      'teil|teile|schrauben|zubehör|kabel|ladegerät|deckel|netzteil|akku * fehlt|fehlen|fehlte', 'unvollständig', 'qualitätsmangel|qualitätsproblem|qualitätsmängel',
      'in einzelteilen', 'nach * tagen|wochen|benutzung * kaputt|defekt'),
    g('damaged_defective', 2, 'geht nicht', 'fehlermeldung'),
    g('damaged_defective', 1.5, 'fehler'),

    // ---- wrong item ----
    g('wrong_item', 3,
      'falsch|falsche|falscher|falsches|falschen * artikel|produkt|ware|größe|farbe|modell|teil|paket|sache|buch|variante|gerät|schuhe|sendung|lieferung|ding|set|schuhgröße|version',
      'falsch * geliefert|geschickt|verschickt|bekommen|erhalten|zugeschickt|versendet|verpackt', 'nicht * bestellt', 'entspricht * nicht * beschreibung|abbildung|bild|foto|bestellung|angebot|angaben',
      'nicht wie * beschrieben|abgebildet|bestellt|angeboten', 'anders als * beschreibung|beschrieben|abgebildet|abbildung|bild|foto|angezeigt|bestellt',
      'anderen|anderes|andere|anderer * artikel|produkt|modell|gerät|farbe|größe * erhalten|bekommen|geliefert|geschickt',
      'farbe|größe|modell|artikel|lieferung|bestellung|ware|menge|inhalt * stimmt|stimmen|stimmte * nicht|nich', 'statt|anstatt|anstelle ** erhalten|bekommen|geliefert|geschickt|kam'),
    g('wrong_item', 2, 'falsch|falsche|falscher|falsches', 'statt|anstatt|anstelle', 'verwechselt|vertauscht|verwechslung', 'anderen|anderes|andere|anderer * artikel|produkt|modell|gerät'),

    // ---- return ----
    g('return_request', 3,
      'zurückschicken|zurücksenden|zurückgeben|zurückgesendet|zurückgeschickt|rücksendung|rücksendungen|rücksende*|retoure|retouren|retournieren|retourniert|retouren*',
      'umtausch*|umtauschen|umgetauscht|widerruf|widerrufen|widerrufe|austausch|austauschen|ersatz|ersatzgerät|ersatzlieferung|rückgabe',
      'schicke|schicken|sende|senden|geben|bringe * zurück', 'zurück * schicken|senden|geben'),
    g('return_request', 2, 'tauschen|getauscht'),

    // ---- refund ----
    g('refund_request', 3,
      'rückerstattung|erstattung|erstatten|erstattet|zurückerstatten|zurückerstattet|rückzahlung|gutschrift|gutschreiben|rückerstatten|erstatte|*erstattung|rückvergütung',
      'geld * zurück', 'mein geld', 'geld|betrag|kaufpreis ** zurückbuchen|zurücküberweisen|überweisen|erstatten|gutschreiben', 'preisnachlass|teilerstattung|entschädigung|kompensation|teilrückerstattung',
      'erstattung|rückerstattung|gutschrift|geld|*erstattung * nicht|noch|kein * erhalten|bekommen|angekommen|eingegangen|da|gutgeschrieben',
      'kein|keine|keinen * erstattung|rückerstattung|gutschrift|geld * erhalten|bekommen|gesehen'),
    g('refund_request', 2, 'nachlass', 'kaufpreis'),
    g('refund_request', 1.5, 'geld'),

    // ---- cancel ----
    neg('cancel_order', 3, 'stornieren|storniere|storniert|stornierung|storno|stornos|stornierungen|abbestellen|abbestellt|annullieren|annulliert|rückgängig|stornier*'),
    g('cancel_order', 3, 'bestellung|versand|lieferung|sendung * aufhalten|stoppen|anhalten|zurückhalten'),
    g('cancel_order', 2, 'brauche|benötige|brauchen|will|möchte * nicht mehr', 'versehentlich|versehen|irrtümlich|fälschlicherweise|doppelt * bestellt|gekauft',
      'kündigen|kündigung', 'bestellung * zurückziehen|zurücknehmen'),

    // ---- change order ----
    g('change_order', 3,
      'adressänderung|adresswechsel|adressaenderung',
      'adresse|lieferadresse|anschrift|hausnummer|postleitzahl|plz * ändern|korrigieren|aktualisieren|anpassen|geändert|falsch|berichtigen|ergänzen',
      'ändern|korrigieren|aktualisieren|anpassen|berichtigen * adresse|lieferadresse|anschrift|hausnummer',
      'falsche|falscher|falschen|alte|neue|andere|anderen * adresse|lieferadresse|anschrift|hausnummer|postleitzahl|plz',
      'bestellung * ändern|anpassen|ergänzen|abändern|umändern', 'umbestellen', 'an * andere|anderen|neue * adresse|anschrift'),
    g('change_order', 2, 'größe|farbe|menge|anzahl|stückzahl * ändern|umändern', 'hinzufügen|dazubestellen|nachbestellen', 'vor * versand|verschicken|versendung|versenden'),
    g('change_order', 1, 'packstation|lieferadresse|adresse|anschrift'),

    // ---- shipping cost ----
    g('shipping_cost', 3,
      'versandkosten|versandgebühr|versandgebühren|portokosten|porto|liefergebühr|liefergebühren|lieferkosten|zustellgebühr|zollgebühr|zollgebühren|zollkosten',
      'einfuhrumsatzsteuer|einfuhrabgaben|versandkostenfrei|versandpauschale|frachtkosten|expresszuschlag|zölle', 'kostenlos|kostenlosen|kostenloser|gratis * versand|lieferung',
      'versand|lieferung * kosten|kostet|gekostet|berechnet', 'kosten * versand|lieferung', 'zoll * bezahlen|zahlen|gebühr|kosten'),
    g('shipping_cost', 2, 'warum * versand'),

    // ---- invoice ----
    g('invoice_request', 3, 'rechnung|rechnungen|quittung|beleg|kaufbeleg|kassenbon|mwst|mehrwertsteuer|umsatzsteuer|steuernummer|firmenrechnung|rechnungskopie|nettorechnung|rechnung*',
      'kopie * rechnung|beleg|quittung', 'ust|ustid'),
    g('invoice_request', 2, 'ausgewiesen|ausweisen'),

    // ---- payment ----
    g('payment_issue', 3,
      'doppelt|zweimal|2x|zweifach|mehrfach * abgebucht|belastet|bezahlt|berechnet|gezahlt|abgezogen|eingezogen|abgerechnet',
      'zahlung|bezahlung|überweisung|lastschrift * fehlgeschlagen|abgelehnt|nicht|problem|probleme|fehler|hängt|funktioniert', 'karte|kreditkarte * abgelehnt|akzeptiert',
      'zuviel * berechnet|bezahlt|abgebucht|belastet', 'zu viel * berechnet|bezahlt|abgebucht|belastet', 'falscher|falschen * betrag|preis',
      'zahlungsart|zahlungsmethode|zahlungsproblem|zahlungsmöglichkeit|zahlungsmöglichkeiten|bezahlmöglichkeit|zahlungsweise', 'auf|per|mit rechnung * bezahlen|zahlen|kaufen',
      'storn* *** abgebucht|belastet|berechnet|eingezogen', 'trotzdem * abgebucht|belastet|berechnet|eingezogen|bezahlt', 'abgebucht|belastet|berechnet|eingezogen ** storn*'),
    g('payment_issue', 2, 'abbuchung|abbuchungen|abgebucht|belastet|belastung|abgezogen', 'überweisung|überwiesen|vorkasse', 'wie * bezahlen|zahlen', 'bezahlt * aber'),
    g('payment_issue', 1, 'paypal|klarna|lastschrift|sofortüberweisung|giropay|zahlung'),

    // ---- product question ----
    neg('product_question', 3, 'kompatibel|kompatibilität'),
    g('product_question', 3,
      'wie * benutzen|benutzt|verwende|verwenden|bediene|bedienen|aufbauen|montieren|reinigen|einstellen|verbinden|anschließen|installieren|koppeln|waschen|aufladen|funktioniert',
      'bedienungsanleitung|anleitung|handbuch|gebrauchsanweisung|aufbauanleitung', 'frage zu|zum|zur|bezüglich', 'auf lager', 'wieder * lager|verfügbar|erhältlich|lieferbar'),
    g('product_question', 2, 'passt * für|zu|auf|an|in', 'welche * größe|maße|farbe|abmessungen', 'lieferbar|verfügbar|vorrätig|verfügbarkeit', 'garantie|gewährleistung',
      'geeignet', 'frage|fragen', 'wissen * ob', 'gibt es * auch|in', 'haben sie * auch|in', 'mengenrabatt|großhandel|rabatt'),
    g('product_question', 1.5, 'größe|maße|abmessung*|material|gewicht|inhaltsstoffe|fassungsvermögen|akkulaufzeit'),

    // ---- feedback ----
    g('feedback_review', 3,
      'positiv|positive|positives|gute|tolle|5|fünf * bewertung|bewertungen|rezension|feedback|sterne', '5|fünf sterne|stern',
      'bewertung|rezension|feedback * abgegeben|geschrieben|hinterlassen|gegeben|löschen|ändern|entfernen|anpassen|zurückziehen|schreiben',
      'löschen|ändern|entfernen|anpassen * bewertung|rezension|feedback', 'bewertungsanfrage*', 'mails|emails|nachrichten|anfragen|erinnerungen * bewertung|bewertungen|rezension|feedback'),
    g('feedback_review', 1, 'bewertung|bewertungen|rezension|rezensionen|feedback|sterne|stern|bewerten|bewertet|rezensieren'),

    // ---- complaint ----
    g('complaint', 3,
      'keine|kein * antwort|reaktion|rückmeldung|rückruf', 'nicht * geantwortet|reagiert|gemeldet|zurückgemeldet|zurückgerufen|beantwortet',
      'niemand * antwortet|meldet|reagiert|hilft', 'schon|bereits * mal|mehrfach|mehrmals|zweimal|dreimal * geschrieben|kontaktiert|angeschrieben|nachgefragt|gemeldet',
      'mehrfach|mehrmals * geschrieben|kontaktiert|angefragt|nachgefragt', 'schlechter|schlechten|miserabler|schlechte * service|kundenservice|kundendienst|qualität|verpackung',
      'enttäuscht|enttäuschend|enttäuschung', 'nicht zufrieden', 'unzufrieden'),
    g('complaint', 2, 'unverschämt|unverschämtheit|frechheit|unmöglich|katastrophe|katastrophal|miserabel|lächerlich|beschwerde|beschweren|verärgert|ärgerlich|zumutung',
      'unfreundlich|unhöflich|skandal|skandalös|schrott|betrug|abzocke|sauer|wütend|armselig|inakzeptabel|unseriös|unfassbar|müll|billig'),

    // ---- thanks ----
    g('thanks', 3, 'danke|dankeschön|bedanke|danken|merci|thx', 'vielen|herzlichen|besten|lieben|tausend * dank',
      'gut|heil|wohlbehalten|unbeschadet|schnell|pünktlich|heute|gestern|problemlos|einwandfrei * angekommen|erhalten|geliefert|eingetroffen',
      'alles * bestens|gut|ok|okay|prima|erledigt|ordnung|geklärt', 'funktioniert * wieder|jetzt|einwandfrei|super|prima|bestens',
      'erstattung|rückerstattung|gutschrift|geld erhalten|bekommen|angekommen|eingegangen'),
    neg('thanks', 3, 'erledigt|gelöst|geklärt'),
    g('thanks', 2, 'dank'),
    g('thanks', 3, 'empfehlenswert|weiterempfehlen|weiterzuempfehlen', 'gerne|gern wieder', 'immer wieder gerne', 'super|toller|top|zuverlässiger|netter verkäufer|service|händler',
      'schnelle|schneller|zügige|prompte * lieferung|versand|abwicklung'),
    g('thanks', 1.5, 'super|top|prima|perfekt|toll'),

    // ---- signals ----
    g('a_to_z_threat', 3, 'a bis z', 'a z * garantie|anspruch|antrag', 'atoz|a2z',
      'melde|melden|beschwere|beschweren|reklamiere|reklamieren|wende|wenden|schreibe|eskaliere|informiere ** amazon',
      'amazon * garantie|einschalten|informieren|kontaktieren|melden|einbeziehen|beschweren|beschwerde|reklamieren|reklamation|antrag|anspruch|wenden|schreiben|eskalieren',
      'garantieantrag|garantiefall'),
    g('chargeback_threat', 3, 'rückbuchung|rückbuchen|chargeback|rücklastschrift|zahlungsrückforderung|käuferschutz',
      'bank|kreditkarte|paypal|kreditkartenfirma ** zurückbuchen|zurückbuchung|zurückholen|zurückfordern', 'zurückbuchen|zurückbuchung ** bank|kreditkarte|paypal',
      'lastschrift * zurück*|widerrufen|widersprechen|zurückgeben|zurückholen', 'zahlung * zurückholen|zurückfordern|widerrufen|zurückbuchen',
      'bank|kreditkartenfirma|kreditkartenunternehmen|kreditkarteninstitut * einschalten|kontaktieren|informieren|melden|zurück*|widersprechen|beauftragen',
      'meine|meiner|meinen bank|kreditkartenfirma|kreditkartengesellschaft', 'paypal * fall|konflikt|beschwerde|melden|eröffnen|klären|einschalten',
      'widerspruch * lastschrift|zahlung|bank|kreditkarte', 'kreditkartenfirma|kreditkartengesellschaft|kreditkartenunternehmen'),
    g('negative_feedback_threat', 3,
      'negativ|negative|negatives|schlecht|schlechte|schlechtes|schlechteste|mieses|miese * bewertung|bewertungen|bewerten|feedback|rezension|rezensionen|kritik|note',
      '1|ein|einen|null|eins stern|sterne', 'entsprechend * bewerten|bewertung|bewertet|rezension', 'bewertung|bewerten * entsprechend', 'warnen * andere|käufer|kunden|alle',
      'öffentlich * machen', 'social media', 'sozialen * medien|netzwerken'),
    g('legal_threat', 3, 'anwalt|anwältin|rechtsanwalt|anwaltlich|anwaltliche|rechtlich|rechtliche|klage|verklagen|gericht|gerichtlich|verbraucherzentrale|verbraucherschutz',
      'polizei|strafanzeige|betrugsanzeige|mahnverfahren|schlichtungsstelle|inkasso|abmahnung|rechtsschutz|rechtsweg|staatsanwaltschaft', 'anzeige * erstatten|stellen'),
    neg('safety_issue', 3, 'feuer|brannte|gebrannt|verbrannt|verbrennung|verbrennungen|rauch|raucht|rauchte|geraucht|qualm|qualmt|qualmte|gequalmt|funken|stromschlag|verletzt|verletzung|verletzungen',
      'geschnitten|blutet|blutung|allergie|allergisch|allergische|ausschlag|juckreiz|krankenhaus|notaufnahme|explodiert|explosion|geschmolzen|geschmort|überhitzt|überhitzung',
      'durchgebrannt|gestunken|verschmort|gefährlich|brandgefahr|brandgeruch|brandfleck|giftig|verschluckt|erstickungsgefahr|kurzschluss|schmorgeruch|lebensgefahr|glüht|rötung|rötungen|schwellung|geschwollen|brand'),
    neg('safety_issue', 2, 'arzt|ärztin|heiß'),
    neg('counterfeit_claim', 3, 'fälschung|gefälscht|gefälschte|gefälschtes|fake|plagiat|nachahmung|imitat|raubkopie|billigkopie|kopie|nachgemacht|nachbau|fälschungen'),
    g('counterfeit_claim', 3, 'nicht|kein|keine * original|originalware|originalprodukt|echt|echte|echtes|authentisch|markenware|originale|originalteil'),

    // ---- cues ----
    g('_none', 3, 'danke|dank * voraus|vorab', 'vorab * danke|dank', 'möchte|will|brauche|wollen|möchten * kein|keine|keinen * erstattung|rückerstattung|gutschrift|geld'),
    g('_request', 1, 'bitte|bite|bitten|können|könnten|würden|möchte|möchten|brauche|benötige|hilfe|helfen|wäre|bräuchte'),
  ],
};
