// Meta (Instagram / Messenger) channel adapter: webhook signature and handshake, message parser, Send API client.
export { verifyMetaSignature, handleMetaVerification, type MetaQuery } from './verify.ts';
export { parseMetaWebhook, type MetaParseContext } from './parse.ts';
export { MetaGraphClient, MetaGraphError, metaGraphError, META_GRAPH_BASE_URL, META_GRAPH_DEFAULT_VERSION, type MetaGraphClientOptions } from './client.ts';
