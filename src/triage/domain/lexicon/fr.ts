import { g, neg, type Lexicon } from './types.ts';

const COLIS = 'commande|commandes|colis|paquet|article|articles|livraison|achat|produit|envoi|marchandise|achats';

export const fr: Lexicon = {
  language: 'fr',
  script: 'latin',
  negators: ['pas', 'ne', 'n', 'jamais', 'aucun', 'aucune', 'sans', 'rien', 'ni', 'non', 'nullement', 'guère'],
  bridges: ['du', 'tout', 'de', 'd', 'le', 'la', 'les', 'l', 'un', 'une', 'est', 'était', 'été', 'a', 'ai', 'semble', 'vraiment', 'très', 'trop', 'encore',
    'si', 'ça', 'ce', 'c', 'il', 'elle', 'en', 'y', 'veux', 'voulons', 'souhaite', 'besoin', 'signe', 'trace', 'traces', 'visible', 'apparent', 'je', 'j',
    'me', 'm', 'nous', 'vous', 'suis', 'sont', 'plus', 'je'],
  groups: [
    // ---- where is my order ----
    g('where_is_my_order', 3,
      'où en est', 'quand ** recevoir|recevrai|recevrais|arriver|arrivera|arrive|livré|livrer|livrée|livraison|expédié|expédier|expédiée|envoyé|envoyée|partir|partira',
      'suivi|tracking|traçage|tracabilite', 'statut|état * commande|colis|livraison|envoi', 'toujours|encore|pas|jamais * expédié|expédiée|expédiés|envoyé|envoyée|parti|partie|remis',
      'toujours * attente', 'commande|colis|paquet ** parti|partie|expédié|expédiée|envoyé|envoyée', 'attends|attend|attendons * toujours|encore|colis|commande|livraison'),
    g('where_is_my_order', 2.5, `où * ${COLIS}`),
    g('where_is_my_order', 2, 'retard|retardé|retardée|retards', 'délai|délais', 'date * livraison', 'bloqué|bloquée|coincé|coincée',
      'nouvelles|nouvelle * commande|colis|livraison'),
    g('where_is_my_order', 1, 'prévu|prévue|prévision', 'transporteur|colissimo|chronopost|relay|poste'),

    // ---- not received ----
    g('not_received', 3,
      'pas|jamais|rien|toujours|aucun|aucune|non * reçu|reçue|reçus|arrivé|arrivée|arrivés|livré|livrée|livrés|parvenu|parvenue|venu|eu',
      'aucun|aucune * colis|paquet|livraison|article', 'colis|paquet|commande * perdu|perdue|égaré|égarée|volé|volée|disparu|disparue',
      'indiqué|indiquée|marqué|marquée|affiché|signalé|noté|notée|indique|marque|affiche * livré|livrée|distribué|distribuée',
      'livré|livrée|distribué|distribuée|déposé|déposée|laissé|laissée ** mais|pourtant|alors', 'y a rien|personne'),
    g('not_received', 2.5, 'colis|carton|boîte|paquet * vide'),
    g('not_received', 2, 'perdu|perdue|égaré|égarée|disparu', 'volé|volée'),
    g('not_received', 1, 'boîte * lettres'),

    // ---- damaged ----
    neg('damaged_defective', 3,
      'endommagé|endommagée|endommagés|endommagées|abîmé|abîmée|abîmés|abîmées|cassé|cassée|cassés|cassées|brisé|brisée|défectueux|défectueuse|défectueuses|défaut|défauts',
      'fissuré|fissurée|fissure|rayé|rayée|rayures|rayure|cabossé|cabossée|déchiré|déchirée|fuite|fuit|panne|écrasé|écrasée|tordu|tordue|détérioré|détériorée|déformé|déformée',
      'moisi|périmé|périmée|troué|trouée|ébréché|ébréchée|hs', 'hors service'),
    g('damaged_defective', 3,
      'fonctionne|marche|fonctionnent|marchent|allume|démarre|charge|chauffe|répond|fonctionnait|marchait * pas|plus|mal', 'arrêté * fonctionner|marcher|charger',
      'manque|manquent|manquait|manquaient * pièce|pièces|vis|câble|chargeur|accessoire|accessoires|élément|éléments|couvercle|notice|télécommande',
      'pièce|pièces|vis|câble|chargeur|accessoire|accessoires|élément|éléments * manquant|manquante|manquants|manquantes|manque|manquent', 'incomplet|incomplète',
      'en * morceaux|miettes', 'aucun|aucune son|image|signal', 'pas de|d son|image|courant|signal', 'problème * qualité', 'défaut * fabrication'),
    g('damaged_defective', 2, 'ne|n * fonctionne|marche|fonctionnent|marchent'),

    // ---- wrong item ----
    g('wrong_item', 3,
      'mauvais|mauvaise|mauvaises * article|produit|taille|couleur|modèle|colis|pièce|référence|pointure|version|objet|livre|commande|produits|articles|coloris',
      'pas * bon|bonne * article|produit|taille|couleur|modèle|colis|référence|pointure|coloris', 'pas ce que * commandé|acheté|commandée|commandés',
      'reçu|envoyé|livré ** au lieu', 'différent|différente|différents|différentes * photo|photos|description|image|images|annonce|fiche|site|commandé|celui|celle',
      'non|pas conforme|conformes', 'correspond|correspondent * pas|plus'),
    g('wrong_item', 2, 'pas * commandé', 'erreur * article|produit|colis|envoi|commande|expédition|taille|couleur|préparation', 'au lieu',
      'autre|autres article|produit|chose|modèle|couleur|taille'),

    // ---- return ----
    g('return_request', 3, 'retour|retours|retourner|retourne|retournée|renvoyer|renvoie|renvoi|renvoyé|remplacement|remplacer|remplacé|rétractation|rétracter|rétracte'),
    g('return_request', 2, 'rendre|rends|échange|échanger|échanges'),

    // ---- refund ----
    g('refund_request', 3, 'rembours*', 'mon argent', 'rendre|rendez|rendiez * argent', 'pas|jamais|rien|toujours|aucun * reçu|eu|vu * rembours*|argent|virement',
      'rembours* * pas|toujours|jamais|rien * reçu|arrivé|effectué|vu|eu|crédité'),
    g('refund_request', 2, 'geste commercial', 'dédommag*|indemnis*|compensation|compenser', 'argent'),

    // ---- cancel ----
    neg('cancel_order', 3, 'annul*'),
    g('cancel_order', 3, 'arrêter|stopper * commande|envoi|expédition'),
    g('cancel_order', 2, 'veux|voulons * plus', 'plus besoin', 'par erreur|mégarde|inadvertance', 'en double'),

    // ---- change ----
    g('change_order', 3,
      'changer|modifier|corriger|mettre|rectifier * adresse', 'adresse * erreur|erronée|erroné|fausse|incorrecte|mauvaise|changer|modifier|corriger|incomplète|nouvelle',
      'mauvaise|fausse|nouvelle|ancienne|autre * adresse'),
    g('change_order', 2.5, 'modifier|changer * commande|taille|couleur|quantité|article|modèle'),
    g('change_order', 2, 'ajouter * commande|article', 'avant * expédition|envoi|expédier|livraison|départ'),
    g('change_order', 3, 'changement * adresse'),
    g('change_order', 1.5, 'code postal'),
    g('change_order', 1.5, 'quantité'),
    g('change_order', 1, 'digicode|interphone|bâtiment|appartement|étage|adresse'),

    // ---- shipping cost ----
    g('shipping_cost', 3, 'frais * port|livraison|envoi|expédition|douane|transport', 'coût|coûts|prix|tarif * livraison|envoi|port|expédition',
      'livraison|port * gratuite|gratuit|offert|offerte', 'droits * douane', 'combien * livraison|port|envoi', 'payer * port|livraison|envoi|douane'),
    g('shipping_cost', 2, 'douane|douanes'),
    g('shipping_cost', 1, 'taxes'),

    // ---- invoice ----
    g('invoice_request', 3, 'facture|factures', 'justificatif|justificatifs|tva', 'preuve * achat', 'copie * facture'),
    g('invoice_request', 2, 'facturation'),

    // ---- payment ----
    g('payment_issue', 3,
      'débité|débitée|prélevé|prélevée|facturé|payé|encaissé * deux|2 fois', 'deux|2 fois * débité|débitée|prélevé|prélevée|facturé|payé|encaissé',
      'double * prélèvement|paiement|débit|facturation', 'paiement|payement|transaction * refusé|refusée|échoué|échec|bloqué|bloquée|problème|erreur|impossible|pas|attente',
      'carte * refusée|refusé|bloquée', 'trop * payé|facturé|prélevé|débité|perçu', 'montant * incorrect|erroné|faux|différent|pas', 'moyen|mode * paiement',
      'annul* ** débité|prélevé|facturé|payé|encaissé', 'débité|prélevé|facturé|encaissé ** annul*'),
    g('payment_issue', 2, 'prélèvement|prélevé|prélevée|débité|débitée|débit', 'virement', 'comment * payer'),
    g('payment_issue', 1, 'paypal|klarna|paiement'),

    // ---- product question ----
    neg('product_question', 3, 'compatible|compatibles|compatibilité'),
    g('product_question', 3, 'comment * utiliser|installer|monter|régler|nettoyer|connecter|brancher|charger|fonctionne|laver|utilise|assembler', 'notice|manuel', 'mode * emploi'),
    g('product_question', 3, 'existe|existent ** taille|couleur|version|modèle|coloris|pointure'),
    g('product_question', 2.5, 'quelle * taille|dimension|dimensions|matière|couleur|capacité|puissance'),
    g('product_question', 2, 'disponible|disponibles|disponibilité|stock|réapprovisionnement|réassort', 'garantie', 'convient|adapté|adaptée', 'question|questions|renseignement|renseignements',
      'savoir * si', 'lavable|lavables', 'en machine', 'batterie|autonomie * dure|tient', 'peut|peux|puis * utiliser|laver|mettre'),
    g('product_question', 1.5, 'taille|dimension*|mesure*|poids|matière|composition|capacité', 'information|informations'),

    // ---- feedback ----
    g('feedback_review', 3,
      'bon|bonne|positif|positive|excellent|excellente|5|cinq * avis|évaluation|note|commentaire|étoiles', '5|cinq étoiles|étoile',
      'laisser|laissé|mis|mettre|donner|donné|écrire|écrit|publier|posté * avis|évaluation|note|commentaire|étoiles',
      'supprimer|modifier|retirer|changer|enlever * avis|évaluation|note|commentaire', 'demande|demandes * avis|évaluation'),
    g('feedback_review', 1, 'avis|évaluation|évaluations|note|étoiles|commentaire|commentaires'),

    // ---- complaint ----
    g('complaint', 3,
      'aucune|aucun|sans|pas * réponse|retour|nouvelles|réponses', 'personne * répond|réponds|rappelle|aide', 'jamais * répondu|réponse|rappelé', 'pas * répondu|réagi|rappelé',
      'plusieurs|déjà * fois|messages|mails|écrit|contacté|relancé', 'déçu|déçue|déçus|déception|décevant|décevante', 'pas|plus * content|contente|satisfait|satisfaite|satisfaits',
      'mauvaise|mauvais|nul|nulle * qualité|service'),
    g('complaint', 2, 'inadmissible|inacceptable|scandaleux|scandaleuse|honteux|honteuse|honte|lamentable|nul|nulle|catastrophe|catastrophique|mécontent|mécontente',
      'insatisfait|insatisfaite|plainte|réclamation|arnaque|escroquerie|escroc|escrocs|incompétent|incompétents|minable|pitoyable|marre|furieux|furieuse|énervé|énervée',
      'agacé|agacée|déplorable|inexistant|désagréable|impoli|malpoli|grossier', 'relance|relancer|relances|relancé'),

    // ---- thanks ----
    g('thanks', 3, 'merci|remercie|remercions|remerciements|remercier', 'bien * reçu|reçue|arrivé|arrivée|reçus', 'tout * ordre|parfait|bon|ok|nickel',
      'fonctionne|marche bien|parfaitement|nickel', 'reçu * rembours*'),
    neg('thanks', 3, 'résolu|résolue|réglé|réglée'),
    g('thanks', 1.5, 'super|parfait|nickel|génial|top|excellent'),
    g('thanks', 3, 'recommande|recommander|recommanderai', 'vendeur|service * top|sérieux|sérieuse|parfait|excellent|rapide|impeccable|fiable',
      'livraison|envoi|expédition * rapide|rapides|soigné|soignée', 'emballage * soigné|parfait|impeccable'),

    // ---- signals ----
    g('a_to_z_threat', 3, 'a à z', 'atoz|a2z', 'amazon * garantie|réclamation|réclamer|litige|plainte|signaler|contacter|prévenir|avertir|saisir|ouvrir|informer',
      'contacter|prévenir|avertir|saisir|signaler|informer|alerter|contacterai|préviendrai|signalerai|plaindre|réclamation|plainte * amazon'),
    g('a_to_z_threat', 2, 'auprès * amazon'),
    g('chargeback_threat', 3, 'opposition', 'rétrofacturation|chargeback', 'litige * paypal|banque|carte|bancaire', 'paypal * litige|réclamation|plainte|ouvrir',
      'contester * paiement|prélèvement|débit|transaction|achat', 'ma banque', 'mon banquier'),
    g('chargeback_threat', 2, 'banque * rembourser|contester|litige|contacter'),
    g('negative_feedback_threat', 3,
      'avis|note|évaluation|commentaire|commentaires * négatif|négative|négatifs|négatives|mauvais|salé',
      'mauvais|mauvaise|mauvaises|négatif|négative * avis|note|évaluation|commentaire|commentaires|critique', '1|une|zéro étoile|étoiles', 'une seule étoile',
      'noter|noterai|évaluer|évaluerai * conséquence', 'prévenir|avertir|préviendrai|avertirai * autres|acheteurs|clients|monde', 'réseaux sociaux',
      'publier|poster|partager|dénoncer * facebook|tiktok|instagram|twitter|trustpilot|réseaux'),
    g('negative_feedback_threat', 2, 'trustpilot'),
    g('legal_threat', 3, 'avocat|avocats|tribunal|tribunaux|justice|poursuites|poursuivre|juridique|juridiques|dgccrf|ufc|médiateur|gendarmerie|police|judiciaire|huissier',
      'porter plainte', 'mise en demeure', 'association * consommateurs', 'protection * consommateurs|consommateur', 'signalconso'),
    g('legal_threat', 2, 'que choisir'),
    neg('safety_issue', 3, 'feu|incendie|flammes|flamme|brûlé|brûlée|brûlés|brûlure|brûlures|brûler|fumée|fumait|étincelle|étincelles|électrocuté|électrocution',
      'blessé|blessée|blessure|blessures|coupure|saigne|saignement|sang|allergie|allergique|allergiques|eczéma|démangeaison|démangeaisons|urgences|hôpital',
      'explosé|explosion|fondu|fondue|surchauffe|surchauffer|dangereux|dangereuse|danger|toxique|asphyxie|étouffé', 'court circuit|circuits', 'odeur * brûlé|plastique|chimique',
      'décharge * électrique'),
    neg('safety_issue', 2, 'fume', 'médecin', 'rougeur|rougeurs|irritation|irritations'),
    neg('counterfeit_claim', 3, 'contrefaçon|contrefaçons|contrefait|contrefaite|contrefaits|copie|copies|imitation|réplique|fake|piraté'),
    neg('counterfeit_claim', 2, 'faux|fausse'),
    g('counterfeit_claim', 3, 'pas|non * authentique|original|originale|origine|officiel|officielle|vrai|vraie'),

    // ---- cues ----
    g('_none', 3, 'merci * avance', 'avance merci', 'merci de|d me|m|nous|bien|faire|procéder'),
    g('_request', 1, 'pouvez|pourriez|pourrais|svp|stp|plaît|voudrais|souhaiterais|aimerais|besoin|aide|aider|voulez|veuillez', 'merci de|d'),
  ],
};
