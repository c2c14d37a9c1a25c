/** E-mail channel: MIME parsing, classification, Amazon relay mail, sanitising, quote stripping, mbox. */
export {
  parseEmail,
  HEADERS_KEPT,
  MAX_RAW_BYTES,
  MAX_TEXT_CHARS,
  MAX_HTML_CHARS,
  MAX_ATTACHMENTS,
  MAX_ADDRESSES,
  MAX_REFERENCES,
  type ParsedEmail,
  type ParsedAttachment,
  type EmailAddress,
  type ParseEmailOptions,
} from './parse.ts';
export { classifyEmail, OUT_OF_OFFICE_SUBJECT, type EmailKind, type BounceInfo, type ReportType, type Classification, type ClassifyInput } from './classify.ts';
export {
  recognizeAmazonRelay,
  extractBuyerText,
  isAcknowledgementOnly,
  isAmazonRelayAddress,
  isAmazonAddress,
  buyerIdOf,
  marketplaceForAmazonDomain,
  findAmazonOrderId,
  findAllAmazonOrderIds,
  AMAZON_DOMAIN_MARKETPLACE,
  AMAZON_ORDER_ID,
  type AmazonRelay,
  type AmazonMailKind,
  type AmazonRelayInput,
} from './amazon-relay.ts';
export { sanitizeEmailHtml, type SanitizeOptions, type SanitizedHtml } from './sanitize.ts';
export { splitQuoted, stripQuotedText, type QuoteSplit } from './quote.ts';
export { emailToInbound, attachmentFilename, type EmailToInboundContext } from './to-inbound.ts';
export { describeEmail, type EmailDescription } from './describe.ts';
export { splitMbox, type SplitMboxOptions } from './mbox.ts';
