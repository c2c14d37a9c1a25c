import type { LanguageTexts, ReplyTexts } from './types.ts';

export const ES: LanguageTexts = {
  inbound: {
    where_is_my_order: [
      'Hola, pedí el {product} (pedido {order}) y todavía no llega. Decía que llegaba el {date}. ¿Dónde está mi paquete?',
      'Buenas tardes, ¿me pueden decir el estado del pedido {order}? El rastreo de {carrier} no se ha movido en días.',
      'hola cuando envian mi pedido {order}? gracias',
    ],
    not_received: [
      'Hola, el rastreo dice que se entregó pero no recibí nada. Pedido {order}. Ya revisé con los vecinos.',
      'Buenas, mi pedido {order} nunca llegó. Quiero un reembolso o que me lo manden de nuevo.',
    ],
    damaged_defective: [
      'Hola, el {product} llegó roto, la caja venía aplastada. Pedido {order}. Tengo fotos.',
      'Hola, el {product} no funciona. Lo cargué toda la noche y nada. Pedido {order}.',
      'El producto dejó de funcionar a los dos días. Muy decepcionada. Pedido {order}.',
    ],
    wrong_item: [
      'Hola, me llegó un producto equivocado. Yo pedí {product}. Pedido {order}.',
      'Buenas, en mi pedido {order} vino otro color. ¿Me pueden mandar el correcto?',
    ],
    return_request: [
      'Hola, quiero devolver el {product} del pedido {order}. Está sin abrir. ¿Cómo lo hago?',
      'Buenas, ¿me pueden mandar una etiqueta para devolver el pedido {order}?',
    ],
    refund_request: [
      'Hola, devolví el {product} hace dos semanas y no me han hecho el reembolso. Pedido {order}.',
      'Por favor reembolsen mi pedido {order}.',
    ],
    cancel_order: ['Hola, por favor cancelen mi pedido {order}, me equivoqué.', 'Buenas, ¿todavía puedo cancelar el pedido {order}?'],
    change_order: ['Hola, puse mal la dirección en el pedido {order}. ¿La pueden cambiar antes de enviarlo?'],
    shipping_cost: ['Hola, ¿por qué me cobraron envío en el pedido {order}?', '¿Cuánto cuesta el envío rápido? Necesito el {product} para el viernes.'],
    invoice_request: ['Hola, ¿me pueden mandar la factura del pedido {order}?', 'Buenas, necesito un recibo con impuestos del pedido {order}.'],
    product_question: ['Hola, ¿el {product} se puede lavar en el lavavajillas?', 'Buenas, ¿el {product} tiene garantía?'],
    thanks: ['Muchas gracias, el {product} llegó rápido y funciona muy bien!', '¡Gracias por la ayuda!'],
  },
  subjects: {
    where_is_my_order: ['¿Dónde está mi pedido {order}?'], not_received: ['Paquete no recibido - {order}'],
    damaged_defective: ['Producto dañado - {order}'], wrong_item: ['Producto equivocado'],
    return_request: ['Devolución pedido {order}'], refund_request: ['Reembolso {order}'],
    cancel_order: ['Cancelar pedido {order}'], change_order: ['Cambio de dirección {order}'],
    shipping_cost: ['Pregunta sobre envío'], invoice_request: ['Factura pedido {order}'],
    product_question: ['Pregunta sobre {product}'], thanks: ['¡Gracias!'],
  },
  followUps: ['¿Alguna novedad?', 'Hola, sigo sin respuesta. Pedido {order}.'],
  trackingFollowUp: 'Gracias, pero el rastreo sigue igual.',
  signals: {
    a_to_z_threat: ['Si no se resuelve voy a abrir una reclamación de la Garantía de la A a la Z.'],
    chargeback_threat: ['Si no, voy a disputar el cargo con mi banco.'],
    negative_feedback_threat: ['Voy a dejar una opinión negativa si no lo arreglan.'],
  },
  signOffs: ['Gracias,\n{first}', 'Saludos,\n{name}', '{first}', ''],
};

export const ES_REPLIES: ReplyTexts = {
  replies: {
    where_is_my_order: ['Hola {first},\n\ngracias por escribirnos. Su pedido {order} va en camino con {carrier}, número de rastreo {tracking}.'],
    not_received: ['Hola {first},\n\nlo sentimos mucho. ¿Podría revisar con sus vecinos? Si no aparece en 48 horas le enviaremos un reemplazo o le reembolsaremos.'],
    damaged_defective: ['Hola {first},\n\nlo sentimos mucho. Envíenos una foto y le mandamos un reemplazo o un reembolso completo.'],
    wrong_item: ['Hola {first},\n\ndisculpe el error. Hoy le enviamos el producto correcto.'],
    return_request: ['Hola {first},\n\npor supuesto. Puede iniciar la devolución desde los detalles del pedido {order}.'],
    refund_request: ['Hola {first},\n\nel reembolso del pedido {order} ya fue emitido; lo verá en 3-5 días hábiles.'],
    cancel_order: ['Hola {first},\n\nsu pedido {order} fue cancelado.'],
    change_order: ['Hola {first},\n\nactualizamos la dirección de envío del pedido {order}.'],
    shipping_cost: ['Hola {first},\n\nel envío es gratis en pedidos de más de $50; el estándar tarda 3-5 días hábiles.'],
    invoice_request: ['Hola {first},\n\nadjuntamos la factura del pedido {order}.'],
    product_question: ['Hola {first},\n\nel {product} se puede lavar en la parte de arriba del lavavajillas y tiene 2 años de garantía.'],
    thanks: ['¡Muchas gracias, {first}!'],
  },
  followUpReplies: ['Hola {first},\n\ngracias por su paciencia. Le reembolsamos el total del pedido {order}.'],
  followUpPending: 'Hola {first},\n\ngracias por escribir de nuevo. Le responderemos en 24 horas sobre el pedido {order}.',
  notShipped: 'Hola {first},\n\ngracias por su mensaje. El pedido {order} se está preparando y saldrá en 1 día hábil.',
  signature: '\n\nSaludos,\n{agent}\nAtención al cliente {brand}',
};
