import { g, neg, type Lexicon } from './types.ts';

/** English negation as it is typed: with or without the apostrophe, or split ("didn t"). */
const N = 'not|never|didnt|didn|havent|haven|hasnt|hasn|hadnt|dont|doesnt|doesn|wasnt|wasn|isnt|isn|arent|werent|wont|cant|cannot|couldnt|yet|nt';
const PARCEL = 'order|orders|package|packages|parcel|parcels|item|items|shipment|delivery|stuff|purchase|product|goods|pkg|box';
const ARRIVE = 'receiv*|recieve*|recive*|arriv*|deliver*|got|gotten|get|come|came|show*|turn*|reach*';

export const en: Lexicon = {
  language: 'en',
  script: 'latin',
  negators: ['not', 'no', 'never', 'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'arent', 'werent', 'havent', 'hasnt', 'hadnt', 'wont', 'cant', 'cannot',
    'couldnt', 'without', 'nor', 'none', 'didn', 'doesn', 'isn', 'wasn', 'haven', 'hasn', 'aint', 'nothing', 'neither', 'nobody'],
  bridges: ['a', 'an', 'the', 'any', 'my', 'it', 'its', 'is', 'was', 'be', 'been', 'being', 'are', 'were', 'get', 'really', 'very', 'too', 'even', 'at',
    'all', 'so', 'that', 'want', 'need', 'wish', 'to', 'have', 'has', 'do', 'does', 'did', 'i', 'we', 'seem', 'seems', 'look', 'looks', 'appear',
    'signs', 'sign', 'of', 'visible', 'major', 'obvious', 'apparent', 'completely', 'totally', 'anything', 'intend', 'going', 'gonna', 'plan', 'trying', 'got'],
  groups: [
    // ---- where is my order: status, tracking, when ----
    g('where_is_my_order', 3,
      `where * ${PARCEL}`, 'wheres|whereis * order|package|parcel|item|stuff',
      'when ** arrive|arriving|arrives|delivered|deliver|here|ship|shipped|dispatched|sent|receive|get|come|coming|expect',
      'delivery|arrival|shipping estimate|estimation|window',
      'order|delivery|shipping|shipment|package|parcel status', 'status * order|package|parcel|delivery|shipment',
      'tracking number|info|information|details|link|code|id|page', `${N} * shipped|dispatched|posted|mailed|sent`,
      'has|have|was * shipped|dispatched|posted|sent', 'any update|updates|news * order|package|parcel|delivery|shipment',
      'estimated|expected delivery|arrival', 'how long * take|until|till', 'stuck in|at customs|transit|warehouse',
      'tracking * not * updated|moved|changed|working|updating', 'tracking * stuck|says|shows|hasnt', 'no tracking',
      'tracking ** doesnt|isnt|not|wont|invalid * work|working|valid|exist', 'left|leave|leaving * warehouse|depot|facility',
      'sitting|stuck|sat|held|waiting ** depot|warehouse|hub|facility|customs|sorting'),
    g('where_is_my_order', 2,
      'track*', 'still waiting|wating', 'waiting * order|package|parcel|delivery|shipment', 'delayed|delay|delays', 'late',
      'delivery|arrival date|time', 'in transit', 'out for delivery', 'eta', 'any news', 'update me', 'stuck', 'no movement', 'dispatch*', 'courier'),

    // ---- not received: the buyer says it did not come ----
    g('not_received', 3,
      `${N} * ${ARRIVE}`, 'never ** arriv*|receiv*|got|came|showed|turned|delivered', 'nothing * arrived|came|received|delivered',
      'lost * package|parcel|order|shipment|mail|post|transit', 'package|parcel|order|shipment * lost|missing|stolen|disappeared|vanished',
      'missing package|parcel|order|shipment|delivery', 'says|said|shows|showing|marked|states|shown * delivered', 'delivered * but|yet|however|although',
      'delivered to * wrong|another|different|someone|neighbour|neighbor', 'wrong address * delivered', 'no package|parcel',
      'no sign of * package|parcel|order|it', 'box|package|parcel|envelope ** empty', 'empty box|envelope|package|parcel', 'still * not here', 'not here yet', 'not in * mailbox|letterbox|mail|porch'),
    g('not_received', 2, 'stolen', 'lost', 'went missing', 'never came', 'never got'),
    g('not_received', 2.5, 'still nothing', 'still not here'),

    // ---- damaged or defective ----
    neg('damaged_defective', 3,
      'damaged|damage|damages|broken|cracked|crack|cracks|defective|defect|defects|faulty|shattered|smashed|crushed|dented|dent|scratched|scratches',
      'torn|ripped|leaking|leaks|leaked|malfunction*|busted|snapped|chipped|warped|rusty|rusted|mouldy|moldy|expired|spoiled|rotten|stained|fault',
      'fell|falling|came|coming apart', 'in pieces', 'doa', 'dead on arrival'),
    neg('damaged_defective', 2, 'broke', 'died', 'dead', 'bent', 'overheat*', 'incomplete', 'unusable', 'useless', 'loose|wobbly|wobbles|rattles|rattling|buzzing|squeaks|squeaking|noisy'),
    neg('damaged_defective', 3, 'flicker*'),
    g('damaged_defective', 3,
      `${N}|stopped|stop|stops|wouldnt * work|working|works|function*|operate|operating`,
      `${N}|wouldnt|fails|failed * turn|switch|power * on|up`, `${N}|wouldnt|fails|failed|unable * boot|start|connect|pair|heat|charging|light`,
      'wont|doesnt|doesn|cant|cannot|wouldnt|not * charge', 'wont|doesnt|cant|cannot|wouldnt|doesn|not * hold * charge',
      'stopped * working|charging|heating', 'quit working', 'missing * part|parts|piece|pieces|screw|screws|cable|charger|accessor*|batter*|lid|component*|remote',
      'part|parts|piece|pieces|screws|cable|charger|lid|accessories * missing', 'keeps * disconnecting|crashing|turning|restarting|beeping|shutting|dying|freezing',
      'no sound|power|picture|signal|display', 'error code|message', 'does nothing', 'something * wrong with', 'wrong with * it|item|product|unit|device',
      'quality * issue|issues|problem|problems', 'after * days|weeks|uses * broke|stopped|died|failed'),
    g('damaged_defective', 2, 'doesnt work', 'issue with * item|product|unit', 'problem with * item|product|unit|device'),

    // ---- wrong item ----
    g('wrong_item', 3,
      'wrong|incorrect item|items|product|size|sizes|colour|color|model|one|thing|things|version|style|type|variant|pair|book|part|flavour|flavor|order|package|parcel|shoes|shirt',
      'wrong * size|colour|color|model|item', 'not|isnt|wasnt|arent|werent|nt what * ordered|order|bought|purchased|paid',
      'sent|received|got|delivered|shipped ** instead', 'different * from|than|to * picture|photo|pic|pics|description|listing|advert*|ad|pictured|shown|image|website|ordered',
      'not as|like * described|pictured|advertised|shown|listed|picture|photo|pictures|photos', 'doesnt|doesn|not|dont|didnt * match * description|picture|photo|listing|order|pictures',
      'someone elses|else * order|item|package', 'ordered * but * received|got|sent|came', 'instead of what * ordered', 'not the * i|we * ordered', 'mixed up'),
    g('wrong_item', 2, 'different item|product|colour|color|size|model'),
    g('wrong_item', 1.5, 'wrong', 'instead of'),

    // ---- return ----
    g('return_request', 3,
      'return|returns|returning|returned', 'send * back', 'ship * back', 'mail * back', 'take * back', 'return label|slip|address|authori*',
      'rma', 'exchange|exchanged|exchanging', 'replacement', 'replace * it|item|product|unit|one', 'swap * for'),
    g('return_request', 2, 'swap', 'prepaid label', 'shipping label', 'label to send'),

    // ---- refund ----
    g('refund_request', 3,
      'refund*|refound*|refaund*|reimburs*|reimbus*', 'money * back', 'my money', 'pay me back', 'give * back * money',
      `${N} * receiv*|got|get|seen * refund*|money|credit`, 'refund* * not * received|arrived|processed|showing|shown',
      'still|yet|got|received|seen * no refund', 'no refund * yet|issued|processed|received|credited|made',
      'partial refund|credit', 'compensat*', 'credit * card|account * back'),

    // ---- cancel ----
    neg('cancel_order', 3, 'cancel*|cancle*|cancelation', 'stop * order|shipment|delivery', 'void * order'),
    g('cancel_order', 2, 'dont|not|no * want|need * anymore|more', 'no longer * need|want', 'changed my mind', 'ordered * by mistake|accident|error',
      'accidentally|mistakenly * ordered|bought|purchased', 'ordered * twice', 'duplicate order'),

    // ---- change the order before it ships ----
    g('change_order', 3,
      'change|update|correct|edit|modify|amend|fix * address', 'wrong|incorrect * postcode|zip|postal|address|house|apartment|street|flat|suite',
      'put|typed|entered|wrote|gave * wrong|incorrect|old', 'address * change|changed|update|wrong|incorrect|mistake|typo',
      'wrong|incorrect|old|new|different * address', 'ship|send|deliver * to * different|another|other|new|work|office',
      'change|switch|update|modify|amend * size|colour|color|quantity|qty|item|order|model', 'add * to * order', 'combine * orders',
      'forgot * apartment|apt|flat|unit|suite|house|door|postcode|zip', 'missing * apartment|apt|flat|unit|suite|house * number',
      'before * ships|shipped|shipping|dispatch*|sent|goes'),
    g('change_order', 2, 'quantity|qty', 'instead', 'apartment|apt|suite number', 'zip|postal code', 'postcode'),
    g('change_order', 1, 'address'),

    // ---- shipping cost ----
    g('shipping_cost', 3,
      'shipping|delivery|postage|freight|handling|courier cost*|fee|fees|charge*|price*|rate*', 'cost|costs|fee|fees|price|charge|charges of * shipping|delivery|postage',
      'postage', 'free shipping|delivery|postage', 'customs * fee|fees|duty|duties|charge*|tax|taxes', 'import * duty|duties|tax|taxes|fees|vat',
      'duties', 'how much * shipping|postage|delivery|ship', 'pay * for * shipping|delivery|postage', 'charged|charging|charge * for * shipping|delivery|postage',
      'expensive|pricey * shipping|postage|delivery', 'shipping * expensive|overpriced|much'),

    // ---- invoice ----
    g('invoice_request', 3, 'invoice*|invoce*|invioce*', 'receipt|reciept|receipts', 'vat|tax number|invoice|receipt|id', 'proof of purchase',
      'bill * for * company|business|records|expense*', 'copy of * bill|order|purchase'),
    g('invoice_request', 2, 'vat', 'company name * on', 'for * accounting|tax|expense|expenses|bookkeeping'),

    // ---- payment ----
    g('payment_issue', 3,
      'charged|billed|debited|paid|taken|charge * twice|double|2x|thrice', 'charged|billed|debited|paid|taken|charge * two|2|three times',
      'double * charge*|charging|payment|billing|billed|debit*',
      'payment|transaction * fail*|declin*|rejected|error|problem|issue|pending|stuck', 'payment|transaction * not|didnt|wont|won * go|going * through',
      'card * declin*|rejected|refused', 'card * not|wont|isnt * accepted|working|work',
      'overcharg*', 'charged|billed * too|more|wrong|extra|full', 'wrong|incorrect amount|price', 'charged|billed * but|although|though|after|despite',
      'still * charged|billed|charging', 'cancel* ** charged|billed|charge|debited|payment', 'charged|billed ** cancel*',
      'unauthori* * charge|payment|transaction', 'payment method|option|options', 'how * pay|paying',
      'pay|paying by|with * paypal|card|invoice|klarna|transfer|cash|apple|google', 'cant|cannot|unable * pay|checkout',
      'cant|cannot|unable * complete * payment|purchase|order'),
    g('payment_issue', 2, 'paid * but'),
    g('payment_issue', 1.5, 'charged'),
    g('payment_issue', 1, 'payment', 'billing'),

    // ---- product question ----
    neg('product_question', 3, 'compatible|compatibility|compatable', 'does it|this fit'),
    g('product_question', 3,
      'does|do|will|would|can|could|is|are * it|this|they|these * work|fit|come|include|includes|support|hold|suitable|safe|waterproof|washable|dishwasher',
      'how * use|install|assemble|setup|set|connect|clean|wash|pair|adjust|operate|reset|turn|fold|open', 'what * size|dimensions|material|materials|capacity|voltage|wattage|made',
      'is it|this * genuine|original|authentic|real|new', 'are they * genuine|original|authentic', 'in stock', 'restock*', 'question about * product|item|listing|this',
      'instructions|manual|manuals', 'user guide', 'warranty', 'difference between', 'do you * sell|have|offer|carry', 'batteries|battery included|life', 'battery * last|lasts', 'bulk|wholesale', 'can|could * i|you * use|wash|put'),
    g('product_question', 2, 'size|sizing|dimension*|measurement*|weight|material|ingredient*', 'available|availability', 'question', 'wondering|curious',
      'can|could you tell me', 'like|want to know', 'recommend*', 'suitable for', 'discount'),

    // ---- feedback / review ----
    g('feedback_review', 3,
      'left|leave|write|wrote|posted|gave|give|post|written * review|feedback|rating|stars', 'positive|good|great|glowing|5|five * review|feedback|rating|star|stars',
      '5|five star|stars', 'review request|requests', 'remove|delete|change|update|edit|revise|retract * review|feedback|rating',
      'asked * review|feedback', 'stop * asking|emailing|sending * review|feedback', 'asking|ask|asks * for * review|feedback|rating', 'already * rated|reviewed'),
    g('feedback_review', 1, 'review', 'feedback', 'rating'),

    // ---- complaint ----
    g('complaint', 3,
      'poor|bad|terrible|horrible|awful|worst|appalling|lousy|rubbish|shocking * service|quality|packaging|communication|experience|seller',
      'nobody|noone * answer*|respond*|reply|replies|replied|responded|help*|got|gets', 'no one * answer*|respond*|reply|replies|replied|responded|help*|got|gets',
      `${N} * respond*|answer*|reply|replied|heard|gotten`, `${N} * receiv*|got|get|had * response|reply|answer|email`,
      'no response|reply|answer|word|communication|help', 'still no * response|reply|answer',
      'written|wrote|emailed|contacted|messaged|asked * times|twice|several|multiple|again|already',
      'waste of money|time', 'rip off', 'ripoff', 'not happy', 'unhappy|dissatisfied|unsatisfied', 'complain*', 'disappoint*', 'fed up', 'sick of'),
    g('complaint', 2, 'impolite|unfriendly|unacceptable|terrible|horrible|awful|worst|ridiculous|disgusting|disgraceful|disgrace|rude|scam|shocking|appalling|pathetic|outrageous|furious|angry|frustrat*|joke|poor|lousy|cheap|junk|garbage|crap'),

    // ---- thanks (counts as the intent only when nothing else is asked) ----
    g('thanks', 3, 'thank*|thnak*|thx|thanx|thnx|tks|ty|cheers|appreciate*|grateful', 'much obliged', 'received * thanks|thank', 'got it',
      'arrived|came|arrives * today|safely|fine|well|ok|okay|good|perfect|yesterday|morning|time|quickly|safe|intact',
      'all good|sorted|fine|set', 'working|works * now|fine|great|perfectly', 'no need to * reply|respond|answer',
      'received|got * refund|money|replacement|it', 'great|excellent|perfect|amazing|awesome|fantastic|wonderful * service|product|seller|job|quality|item'),
    neg('thanks', 3, 'solved|resolved|sorted'),
    neg('thanks', 2, 'perfect', 'love it', 'happy with'),
    g('thanks', 3, 'would|highly|definitely|will * recommend', 'buy|order again', 'buy from you again', 'great|excellent|top|reliable|fantastic|lovely seller|service|communication',
      'fast|quick|speedy|prompt * delivery|shipping|dispatch|service', 'replacement|new * arrived|came|received|works|working|fine|perfect'),
    g('thanks', 1.5, 'great'),
    g('thanks', 1, 'ok', 'okay', 'good'),

    // ---- signals ----
    g('a_to_z_threat', 3, 'a to z', 'a z claim|guarantee|garantee', 'atoz|a2z|atozclaim', 'amazon * guarantee|claim|complaint|dispute|case',
      'contact|contacting|complain|complaining|escalate|escalating|involve|tell|inform|report|reporting|go|going * amazon'),
    g('a_to_z_threat', 2, 'file|open|opening|filing|raise|submit * claim'),
    g('chargeback_threat', 3, 'chargeback*', 'charge back', 'dispute * charge|payment|transaction|purchase|with', 'my bank', 'credit|card * company|issuer|provider',
      'paypal * claim|dispute|case|protection', 'reverse * charge|payment|transaction', 'stop * payment', 'open|file * dispute', 'bank * dispute|claim|reverse|fraud|refund',
      'contact|call * bank|visa|mastercard|amex|paypal'),
    g('chargeback_threat', 2, 'dispute', 'disputing'),
    g('negative_feedback_threat', 3,
      'negative|bad|poor|terrible|low|lowest|honest|scathing|horrible|awful * review|feedback|rating|reviews', '1|one|zero|0 star|stars',
      'review|rate|rating|feedback * accordingly', 'warn * others|other|people|everyone|customers|buyers', 'tell * everyone|friends|others',
      'social media', 'post|share|expose|write * facebook|twitter|tiktok|instagram|reddit|youtube|trustpilot|social', 'leave * bad|negative',
      'change * review|rating * 1|one'),
    g('legal_threat', 3, 'lawyer|lawyers|attorney|solicitor|sue|suing|lawsuit|legal|court|courts|ombudsman|police|bbb|ftc', 'small claims', 'better business bureau',
      'attorney general', 'consumer protection|rights|affairs|council|agency', 'trading standards', 'report * fraud|authorities'),
    g('legal_threat', 2, 'fraud'),
    neg('safety_issue', 3, 'fire|flames|flame|fires', 'burn|burns|burned|burnt|burning|scorch*', 'smoke|smoked|smoking|smoky|smokes', 'spark|sparks|sparked|sparking',
      'electric|electrical shock', 'shocked me', 'got|gave * shock|shocked', 'electrocut*', 'injur*|hurt|hurts|wound*|bleed*|bleeding|blood|stitches',
      'cut * myself|finger|hand|fingers|skin', 'allergic|allergy|rash|hives|swelling|swollen|itching|itchy|blister*', 'hospital|paramedic*|ambulance', 'emergency room',
      'explod*|explosion|melt*', 'blew up', 'dangerous|hazard|hazardous|unsafe|toxic|poison*|choking|choke|fumes', 'too|extremely|very hot', 'chemical|burning|burnt smell',
      'short circuit*'),
    neg('safety_issue', 2, 'overheat*', 'doctor|gp'),
    neg('counterfeit_claim', 3, 'fake|fakes|counterfeit*|replica|imitation|bootleg|pirated|forgery|copycat', 'knock off|offs', 'knockoff*', 'cheap|chinese copy'),
    g('counterfeit_claim', 3, `${N} * genuine|original|authentic|real|legit|official`),

    // ---- cues ----
    g('_none', 3, 'ordered|bought|purchased|picked|chose|selected|got * wrong|incorrect * item|size|colour|color|model|one|thing|version|product|type',
      'thank* * in advance', 'in advance', 'dont|not|no * need|want * refund|invoice|receipt|return', 'no need * refund|return',
      'kindle fire', 'fire tv|stick|tablet|hd|os', 'smoke detector|alarm'),
    g('_request', 1, 'please|pls|plz|plse|kindly', 'can|could|would|will you', 'i need|want', 'i would|d like', 'id like', 'help', 'let me know', 'advise', 'asap'),
  ],
};
