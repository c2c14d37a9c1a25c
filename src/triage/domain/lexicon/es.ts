import { g, neg, type Lexicon } from './types.ts';

const PEDIDO = 'pedido|paquete|envío|compra|orden|producto|artículo|mercancía|encomienda|pedidos|paquetes';

export const es: Lexicon = {
  language: 'es',
  script: 'latin',
  negators: ['no', 'nunca', 'jamás', 'ningún', 'ninguna', 'ninguno', 'sin', 'nada', 'ni', 'tampoco'],
  bridges: ['está', 'estaba', 'es', 'era', 'ha', 'he', 'han', 'sido', 'estado', 'me', 'lo', 'la', 'le', 'se', 'el', 'un', 'una', 'muy', 'para', 'quiero',
    'queremos', 'necesito', 'hay', 'tiene', 'tenía', 'señal', 'señales', 'rastro', 'signo', 'de', 'del', 'realmente', 'parece', 'veo', 'nos', 'están', 'estan'],
  groups: [
    // ---- where is my order ----
    g('where_is_my_order', 3,
      `dónde * ${PEDIDO}`, 'cuándo ** llega|llegará|llegaría|llegue|llegar|recibiré|recibir|enviarán|envían|enviado|entregan|entregarán|entrega|sale|saldrá|despachan|mandan|llegan',
      'seguimiento|tracking|rastreo|rastrear|localizador', 'ya * enviado|enviaron|salido|despachado|mandado', `estado * ${PEDIDO}`, 'no|todavía|aún ** enviado|enviaron|despachado|salido|mandado|envían'),
    g('where_is_my_order', 2, 'retraso|retrasado|retrasada|demora|demorado|tarde|atrasado|atrasada|atraso', 'plazo|fecha * entrega', 'sigo|sigue|todavía|aún|seguimos * esperando',
      `esperando * ${PEDIDO}`, 'atascado|atascada|parado|parada|detenido|detenida|retenido|retenida', 'novedades|noticias|actualización'),
    g('where_is_my_order', 1.5, 'prevista|estimada|estimado'),
    g('where_is_my_order', 1, 'aduana|aduanas', 'correos|seur|mrw|gls|dhl|ups|nacex'),

    // ---- not received ----
    g('not_received', 3,
      'no|nunca|jamás ** recibido|recibí|llegado|llegó|entregado|entregaron|llega|recibo|recibimos|aparecido|aparece|llegaron',
      `ningún|ninguna|ninguno * ${PEDIDO}`, `${PEDIDO} * perdido|perdida|extraviado|extraviada|robado|robada|desaparecido`,
      'figura|aparece|dice|pone|marca|indica|sale|consta ** entregado|entregada', 'sin llegar|recibir|recibirlo|noticias',
      'dejó|dejado|dejaron|entregado|entregada|entregaron ** pero'),
    g('not_received', 2.5, 'no hay nada'),
    g('not_received', 3, 'entregado|entregada * pero|sin'),
    g('not_received', 2, 'perdido|extraviado|extraviada|extravío', 'robado|robada|robaron', 'caja|paquete * vacío|vacía'),
    g('not_received', 1, 'buzón'),

    // ---- damaged ----
    neg('damaged_defective', 3,
      'dañado|dañada|dañados|dañadas|daño|daños|roto|rota|rotos|rotas|defectuoso|defectuosa|defectuosos|defecto|defectos|averiado|averiada|avería|estropeado|estropeada',
      'rajado|rajada|agrietado|agrietada|rayado|rayada|rayones|abollado|abollada|quebrado|quebrada|manchado|manchada|rasgado|rasgada|deteriorado|deteriorada',
      'caducado|caducada|podrido|doblado|doblada|deformado|deformada|pinchado|destrozado|destrozada|fallo|falla|fallas|fallos'),
    neg('damaged_defective', 2, 'golpeado|golpeada|golpe', 'suelto|suelta|despegado|despegada|descosido|descosida'),
    neg('damaged_defective', 3, 'rompió|rompe|rompen|rompieron'),
    g('damaged_defective', 3,
      'no * funciona|funcionan|enciende|encienden|carga|cargan|arranca|prende|prenden|sirve|conecta|calienta|responde|va|funcionaba',
      'dejó|dejado|deja * funcionar|cargar|encender', 'falta|faltan|faltaba|faltaban * pieza|piezas|tornillo|tornillos|cable|cargador|accesorio|accesorios|parte|partes|tapa|mando|manual|componente|componentes',
      'piezas|pieza|tornillos|accesorios * faltantes|faltan|falta', 'incompleto|incompleta', 'pedazos|trizas|añicos'),
    g('damaged_defective', 2, 'sin * sonido|imagen|señal|corriente', 'problema * calidad'),

    // ---- wrong item ----
    g('wrong_item', 3,
      'producto|artículo|talla|color|modelo|pedido|paquete|número|tamaño|versión|pieza|libro * equivocado|equivocada|incorrecto|incorrecta|erróneo|errónea|distinto|distinta|diferente|otro|otra',
      'no es * que * pedí|compré|ordené|encargué|pedimos|pedido|esperaba', 'no * pedí|compré|ordené|encargué',
      'diferente|distinto|distinta|diferentes * foto|fotos|descripción|imagen|imágenes|anuncio|pedido|web|página|pedí', 'no * coincide|corresponde|concuerda'),
    g('wrong_item', 2, 'equivocado|equivocada|equivocados|incorrecto|incorrecta|erróneo|errónea|errado|errada', 'en vez|lugar', 'otro|otra * producto|artículo|modelo|color|talla'),

    // ---- return ----
    g('return_request', 3, 'devolver|devolverlo|devolverla|devolución|devoluciones|devuelvo|devolví|devuelto|retorno|reenviar|regresar|regresarlo',
      'etiqueta * devolución|envío', 'sustitución|sustituir|reemplazo|reemplazar|repuesto'),
    g('return_request', 2, 'cambio|cambiarlo|cambiarla'),

    // ---- refund ----
    g('refund_request', 3, 'reembols*|reenbols*|reintegro|reintegrar|reintegren', 'mi dinero', 'devolución|devolver|devuelvan|devuelven|devolverme * dinero|importe|pago|plata|cargo',
      'no|nunca|todavía|aún ** recibido|llegado|devuelto|visto ** reembols*|dinero|devolución|abono', 'reembols*|dinero|devolución|abono * no|todavía|aún ** recibido|llegado|visto|ingresado|realizado'),
    g('refund_request', 2, 'compensación|indemnización|bonificación|abono|abonen|abonar', 'dinero'),

    // ---- cancel ----
    neg('cancel_order', 3, 'cancel*|anul*'),
    g('cancel_order', 2, 'ya no * quiero|necesito|interesa|falta', 'por error|equivocación', 'duplicado|duplicada'),

    // ---- change ----
    g('change_order', 3, 'cambio * dirección|domicilio', 'cambiar|modificar|corregir|actualizar|rectificar * dirección|domicilio',
      'dirección|domicilio * equivocada|incorrecta|errónea|mal|nueva|cambiar|modificar|otra|incompleta', 'nueva|otra|diferente * dirección'),
    g('change_order', 2.5, 'modificar|cambiar * pedido|talla|color|cantidad|artículo|modelo|tamaño'),
    g('change_order', 2.5, 'puse|escribí|metí|introduje|puesto * mal'),
    g('change_order', 2, 'añadir|agregar * pedido|artículo', 'antes * envío|enviar|salga|envíen|despachar'),
    g('change_order', 1.5, 'código postal'),
    g('change_order', 1, 'piso|portal|escalera|dirección|cantidad'),

    // ---- shipping cost ----
    g('shipping_cost', 3, 'gastos|costo|coste|costos|costes|precio|tarifa|cargo * envío|entrega|transporte|aduana|portes', 'envío * gratis|gratuito', 'aranceles|arancel',
      'cuánto * envío|enviar', 'pagar * envío|aduana|portes'),
    g('shipping_cost', 2, 'portes'),
    g('shipping_cost', 1.5, 'impuestos|tasas'),

    // ---- invoice ----
    g('invoice_request', 3, 'factura|facturas|comprobante|justificante|nif|cif|iva', 'copia * factura|recibo|ticket|justificante',
      'no ** enviado|enviaron|mandado|mandaron|recibido|llegado * factura|recibo|justificante'),
    g('invoice_request', 2, 'ticket|facturación'),
    g('invoice_request', 1.5, 'recibo'),

    // ---- payment ----
    g('payment_issue', 3,
      'cobrado|cobraron|cobrada|cargado|cargaron|pagado|pagué|cobro|cargo|descontado|descontaron * dos|doble|2|duplicado', 'doble * cobro|cargo|pago|cobrado',
      'cobro|cargo|pago * doble|duplicado', 'pago * rechazado|rechazada|fallido|fallo|error|problema|pendiente|denegado|bloqueado', 'no * pagar',
      'tarjeta * rechazada|rechazado|denegada|bloqueada', 'importe|cantidad|monto * incorrecto|incorrecta|equivocado|erróneo|mayor|distinto',
      'cobraron|cobrado|cargaron|pagué * más|demás', 'método|forma|formas|métodos * pago', 'cancel*|anul* ** cobrado|cobraron|cargo|cobro|cargaron',
      'cobrado|cobraron|cargaron|cobro ** cancel*|anul*'),
    g('payment_issue', 2, 'cobro|cobrado|cobraron|cargo|cargaron|descontaron|debitado', 'transferencia'),
    g('payment_issue', 1, 'paypal|bizum|pago'),
    g('payment_issue', 3, 'contra reembolso', 'contrareembolso'),

    // ---- product question ----
    neg('product_question', 3, 'compatible|compatibles|compatibilidad'),
    g('product_question', 3, 'cómo * usar|utilizar|instalar|montar|conectar|limpiar|funciona|lavar|cargar|configurar|encender|ajustar|usarlo|montarlo', 'instrucciones|manual|manuales'),
    g('product_question', 2.5, 'qué|cuál|cuáles * talla|medida|medidas|tamaño|color|material|dimensiones|capacidad|tallas|colores'),
    g('product_question', 3, 'tenéis|tienen|tienes|hay|existe|viene ** talla|color|tamaño|versión|modelo', 'dura * batería|pila', 'batería * dura|duración', 'puede|puedo|pueden * usar|utilizar|lavar|usarlo|meter'),
    g('product_question', 2, 'disponible|disponibles|disponibilidad|stock|existencias|reponer|reposición', 'garantía', 'pregunta|preguntas|duda|dudas|consulta|consultar',
      'saber * si', 'quisiera|gustaría * saber'),
    neg('product_question', 2, 'sirve|vale|funciona|valdría|serviría * para|con'),
    g('product_question', 1.5, 'medidas|dimensiones|talla|tamaño|material|peso|capacidad|ingredientes|composición|tela', 'información'),

    // ---- feedback ----
    g('feedback_review', 3, 'buena|positiva|excelente|5|cinco * reseña|opinión|valoración|calificación|estrellas|puntuación',
      'reseña|opinión|valoración|calificación|comentario * positiva|positivo|buena|excelente',
      'dejé|dejar|dejaré|escribí|escribir|puse|poner|dar|di * reseña|opinión|valoración|calificación|comentario|estrellas',
      'eliminar|borrar|quitar|cambiar|modificar|retirar * reseña|opinión|valoración|calificación|comentario'),
    g('feedback_review', 1, 'reseña|reseñas|opinión|opiniones|valoración|valoraciones|calificación|comentario|estrellas'),

    // ---- complaint ----
    g('complaint', 3, 'sin|ninguna|ningún * respuesta|contestación|noticias', 'nadie * responde|contesta|ayuda|atiende|respondió|contestó',
      'no * responden|contestan|respondido|contestado|responde|contesta|atienden', 'no * recibido|recibo|tengo * respuesta|contestación',
      'ya * escribí|escrito|reclamado|contactado|pregunté', 'decepcionado|decepcionada|decepción|decepcionante', 'mal|malo|mala|pésimo|pésima * servicio|atención|calidad|trato',
      'no * contento|contenta|satisfecho|satisfecha'),
    g('complaint', 2, 'varias|muchas|tres * veces', 'inaceptable|vergüenza|vergonzoso|vergonzosa|pésimo|pésima|fatal|horrible|terrible|indignante|indignado|indignada',
      'maleducado|maleducada|grosero|grosera|borde|insatisfecho|insatisfecha|queja|quejas|reclamación|reclamo|estafa|timo|estafadores|harto|harta|molesto|molesta|enfadado|enfadada|lamentable|desastre|cutre|basura|tomadura'),
    g('complaint', 1.5, 'otra vez'),

    // ---- thanks ----
    g('thanks', 3, 'gracias|grasias|agradezco|agradecido|agradecida|agradecimiento', 'todo * bien|correcto|perfecto|ok|orden'),
    neg('thanks', 3, 'llegó|recibí|recibido|llegado * bien|perfecto|perfectamente|hoy|ayer|correctamente', 'solucionado|resuelto|solucionada|resuelta',
      'funciona * bien|perfectamente|correctamente'),
    g('thanks', 1.5, 'perfecto|genial|excelente|estupendo'),
    g('thanks', 3, 'recomiendo|recomendable|recomendado', 'vendedor|servicio * confianza|fiable|serio|excelente|genial|top|rápido',
      'envío|entrega * rápido|rápida|rapidísimo', 'embalaje * perfecto|cuidado'),
    g('thanks', 1, 'ok|vale'),

    // ---- signals ----
    g('a_to_z_threat', 3, 'a a la z', 'atoz|a2z', 'garantía * amazon', 'amazon * garantía|reclamación|reclamar|denuncia|queja|disputa|reclamo|reporte|intervenga|intervenir',
      'reclamar|reclamación|quejarme|queja|denunciar|reportar|contactar|escribir|acudir|informar|avisar|reclamaré|denunciaré|reportaré|contactaré|escribiré|acudiré|avisaré|informaré * amazon'),
    g('chargeback_threat', 3, 'contracargo|contracargos|chargeback', 'disputa|disputar * cargo|cobro|pago|tarjeta|banco|paypal', 'mi banco',
      'paypal * reclamación|disputa|reclamar|caso|abrir', 'reclamación|disputa|caso * paypal', 'entidad bancaria'),
    g('chargeback_threat', 2, 'disputa', 'banco * reclamar|reclamación|devolver|anular|disputa|contactar', 'anular|revertir|retroceder * cargo|cobro|pago'),
    g('negative_feedback_threat', 3, 'reseña|reseñas|opinión|valoración|calificación|comentario|crítica * negativa|negativo|mala|malo|pésima',
      'mala|malas|negativa|negativas|pésima * reseña|reseñas|opinión|valoración|calificación|crítica|nota', 'una|1|cero|0 estrella|estrellas',
      'avisar|advertir|alertar|avisaré|advertiré * otros|compradores|clientes|todos|gente', 'redes sociales', 'publicar|publicaré|subir|compartir|denunciar * redes|facebook|instagram|tiktok|twitter|trustpilot'),
    g('negative_feedback_threat', 2, 'trustpilot'),
    g('legal_threat', 3, 'abogado|abogados|abogada|demanda|demandar|demandaré|denuncia|denunciar|denunciaré|tribunal|tribunales|juzgado|juicio|judicial|legales|legal|policía|omic|ocu|facua',
      'guardia civil', 'oficina * consumo', 'hoja * reclamaciones', 'defensa * consumidor|consumidores'),
    g('legal_threat', 1.5, 'consumo|fraude'),
    neg('safety_issue', 3, 'fuego|incendio|incendió|quemado|quemada|quemó|quemadura|quemaduras|quemar|quemaba|humo|humeando|chispas|chispa|chispazo|electrocutó|electrocutado|calambre',
      'herido|herida|heridas|lesión|lesiones|sangre|sangrando|alergia|alérgica|alérgico|alergias|sarpullido|erupción|picor|picazón|ronchas|urgencias|hospital',
      'explotó|explotado|explosión|derretido|derretida|sobrecalentado|sobrecalienta|sobrecalentamiento|peligroso|peligrosa|peligro|tóxico|tóxica|cortocircuito',
      'descarga * eléctrica'),
    neg('safety_issue', 2, 'llamas|médico'),
    neg('safety_issue', 1.5, 'corte|cortado|corté'),
    neg('counterfeit_claim', 3, 'falso|falsa|falsos|falsas|falsificado|falsificada|falsificación|imitación|copia|réplica|fake|pirata|trucho|trucha|clon'),
    g('counterfeit_claim', 3, 'no * original|originales|auténtico|auténtica|genuino|genuina'),

    // ---- cues ----
    g('_none', 3, 'gracias * antemano|adelantado', 'antemano', 'espera * respuesta|noticias', 'espero * respuesta|noticias', 'no * quiero|necesito * reembols*|devolución'),
    g('_request', 1, 'favor|porfavor|porfa|xfa|podrían|pueden|podría|puede|necesito|quiero|quisiera|gustaría|ayuda|ayudar|ayudarme|solicito|agradecería|agradeceríamos'),
  ],
};
