/**
 * Language profiles for the Latin-script languages: function words and common support-mail words, word endings
 * and letters typical of each language. Hand-written and deliberately small; folded like the text at load time.
 */
import type { Language } from './types.ts';

export type LatinLanguage = Exclude<Language, 'ja' | 'zh'>;
export const LATIN_LANGUAGES: readonly LatinLanguage[] = ['en', 'de', 'fr', 'it', 'es'];

export const WORDS: Record<LatinLanguage, string> = {
  en: `the and is are was were my i you your it this that have has had not with for of to on but please can could
    would will what where when why how there they we do does did dont didnt doesnt havent hasnt wasnt isnt its im just
    still order ordered package parcel item items received arrived delivery delivered refund thanks thank hi hello dear
    regards yet got get been be which if from at an any about as wrong broken like want need should one all them their
    here shipping tracking days week weeks today yesterday back money box never again sent send ive id sure asap thx
    wanted bought product seller anyone someone nothing something pls plz bad good very really cheers mate sorted lol
    u ur okay thanks`,
  de: `der die das und ist nicht ich mein meine meinen meiner sie es ein eine einen einem einer mit von zu auf für noch
    aber habe hat haben wurde wurden bitte danke kein keine keinen wie wo wann was warum auch schon immer nur bei sich
    dass den dem des im am sind war wird kann können könnten möchte hallo guten tag grüße freundlichen bestellung paket
    päckchen lieferung ware artikel erhalten bekommen angekommen geliefert rückerstattung leider heute gestern tage
    woche wochen jetzt mir mich uns ihr ihre ihnen sehr geehrte geehrter damen herren oder weil wenn dann also doch mal
    gerne kaputt sendung hier gibt geht funktioniert zurück geld bestellt gekauft nichts vielen dank sofort seit über
    werde würde hätte ob nach
    laden rufen zurück leider schon wieder sehr gut schlecht keine antwort firma händler verkäufer bekommen
    geschickt bezahlt bestellt nochmal trotzdem eigentlich`,
  fr: `le la les un une des du et est je ai mon ma mes pas ne que qui pour avec sur dans il elle vous votre vos nous ce
    cette mais où toujours encore merci bonjour madame monsieur cordialement commande colis reçu livraison livré livrée
    article remboursement au aux suis été avez avoir fait depuis jours semaine aujourd hui hier très bien plus rien
    comment quand pourquoi svp plaît sont était lui leur même car donc alors aussi jamais produit reçois chez veuillez
    voudrais aimerais souhaite ça cela comme
    aucun aucune réponse client nul bonne bon colis payé reçu mauvais envoyé cassé lieu avec chez acheté vendeur
    boutique mon ton son ses leurs nos notre été faire veux peux pouvez voici voilà quoi y`,
  it: `il lo gli un uno una di da con su per tra fra è non ho ha hanno sono mio mia miei mie che chi cosa come dove quando
    perché ancora grazie buongiorno buonasera salve cordiali saluti ordine pacco spedizione consegna ricevuto arrivato
    articolo prodotto rimborso del della dei delle al alla nel nella sul ci vi voi anche però molto più già oggi ieri
    giorni settimana settimane sto stato essere avere fatto questo questa quello vorrei potete gentile niente nulla
    qualcosa subito tutto dell ciao
    servizio nessuna nessun risposta pessimo avete abbiamo negozio mai arrivata sono stato fatto ricevuta voglio posso
    potete vorrei spedito rotto pagato venditore sempre ecco sempre mai ordinato comprato dopo ancora pacchetto`,
  es: `el los las unos unas del y con por para qué está están he han mis sus sí pero todavía aún ya muy más gracias hola
    buenos buenas días saludos atentamente pedido paquete envío entrega recibido llegado llegó producto artículo
    reembolso nos yo usted ustedes este esta esto eso cuando donde cómo porque hace hoy ayer semana semanas tengo tiene
    quiero necesito pueden estoy fue sido nada todo nunca también bien compré pedí hice mucho ningún ninguna sigue
    servicio nadie pésimo responde abriré banco disputa tienda tienen tenéis vosotros os llegado roto enviado pagado
    vendedor favor quería puedo podéis siempre dónde cuándo cuánto ahora aquí`,
};

/** Words shared by several languages, with the languages they count for. */
export const SHARED_WORDS: Record<string, readonly LatinLanguage[]> = {
  a: ['en', 'it', 'es', 'fr'],
  in: ['en', 'de', 'it'],
  no: ['en', 'es', 'it'],
  so: ['en', 'de'],
  de: ['fr', 'es'],
  la: ['fr', 'it', 'es'],
  le: ['fr', 'it', 'es'],
  un: ['fr', 'it', 'es'],
  una: ['it', 'es'],
  non: ['it', 'fr'],
  ma: ['fr', 'it'],
  mi: ['it', 'es'],
  con: ['it', 'es'],
  que: ['fr', 'es'],
  si: ['fr', 'it', 'es'],
  me: ['en', 'fr', 'es'],
  te: ['fr', 'es', 'it'],
  e: ['it'],
  en: ['fr', 'es'],
  se: ['fr', 'it', 'es'],
  ou: ['fr'],
  lo: ['it', 'es'],
  es: ['es', 'de'],
  al: ['it', 'es'],
  o: ['it', 'es'],
  ha: ['it', 'es'],
  ho: ['it'],
  su: ['it', 'es'],
  mio: ['it'],
  l: ['fr', 'it'],
  d: ['fr'],
  j: ['fr'],
  n: ['fr'],
  qu: ['fr'],
  c: ['fr'],
  dov: ['it'],
};

/** Word endings (on the accent-free, uncollapsed word) and their languages, with weights. */
export const SUFFIXES: Record<string, Partial<Record<LatinLanguage, number>>> = {
  ing: { en: 1 }, ght: { en: 1 }, ould: { en: 1 }, ness: { en: 1 }, ful: { en: 0.6 }, ed: { en: 0.4 }, ly: { en: 0.6 },
  ung: { de: 1 }, cht: { de: 1 }, lich: { de: 1 }, keit: { de: 1 }, heit: { de: 1 }, chen: { de: 1 }, isch: { de: 0.8 },
  iert: { de: 1 }, ert: { de: 0.4 }, tz: { de: 0.8 }, en: { de: 0.3 },
  eau: { fr: 1 }, aux: { fr: 1 }, eux: { fr: 1 }, euse: { fr: 1 }, oir: { fr: 0.8 }, ais: { fr: 0.8 }, ait: { fr: 0.8 },
  ez: { fr: 0.8 }, ons: { fr: 0.6 }, ment: { fr: 0.5, en: 0.3 }, tion: { fr: 0.4, en: 0.4 }, ee: { fr: 0.5 }, ie: { de: 0.2, fr: 0.3 },
  zione: { it: 1.5 }, zioni: { it: 1.5 }, ato: { it: 0.8 }, ata: { it: 0.8 }, ati: { it: 0.8 }, uto: { it: 0.8 },
  etto: { it: 1 }, etta: { it: 1 }, tto: { it: 0.8 }, tti: { it: 0.8 }, sso: { it: 0.6 }, cchi: { it: 1 }, oni: { it: 0.5 },
  are: { it: 0.4 }, ere: { it: 0.4 }, ire: { it: 0.3 }, gli: { it: 1 }, i: { it: 0.2 },
  cion: { es: 1.5 }, ado: { es: 0.8 }, ada: { es: 0.8 }, ido: { es: 0.6, it: 0.2 }, ida: { es: 0.6 }, dad: { es: 1 },
  mos: { es: 0.8 }, llo: { es: 0.6 }, lla: { es: 0.6 }, os: { es: 0.4 }, as: { es: 0.3 }, ar: { es: 0.3 }, er: { de: 0.2, fr: 0.2 },
};

/** Letters that point to a language (counted on the lower-cased text). */
export const LETTERS: Record<string, Partial<Record<LatinLanguage, number>>> = {
  ß: { de: 2 }, ä: { de: 1.5 }, ö: { de: 1.5 }, ü: { de: 1.5 },
  é: { fr: 0.8, es: 0.4, it: 0.3 }, è: { fr: 0.8, it: 0.8 }, à: { fr: 0.6, it: 0.8 }, ù: { it: 0.5, fr: 0.5 },
  ê: { fr: 1.5 }, â: { fr: 1.5 }, î: { fr: 1.5 }, ô: { fr: 1.5 }, û: { fr: 1.5 }, ç: { fr: 1.5 }, ë: { fr: 1 }, ï: { fr: 1 }, œ: { fr: 1.5 },
  á: { es: 1 }, í: { es: 1 }, ó: { es: 1 }, ú: { es: 1 }, ñ: { es: 2 }, '¿': { es: 2 }, '¡': { es: 2 },
  ì: { it: 1.5 }, ò: { it: 1.5 },
};

/** Characters written in Chinese but not in Japanese (simplified and traditional forms, particles). */
export const ZH_ONLY = '们这个吗么没还货给发说买卖为问题时对东过让请谢钱运费单该样后里现应亚马逊开关坏啊呢吧怎邮递订這嗎麼沒還發說賣為錢單樣裡應亞壞關';
/** Characters (kanji) written in Japanese but rarely or never in Chinese. */
export const JA_ONLY = '届込様払円済発売気帰変図読続価駄頂両労説単検証届';
/** Words (two kanji) typical of Japanese shop mail and unusual in Chinese. */
export const JA_WORDS = ['注文', '未着', '返品', '返金', '配達', '領収', '請求', '宅配', '梱包', '交換', '到着', '商品', '番号', '確認', '対応', '連絡'];
