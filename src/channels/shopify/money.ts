// Decimal money strings from channel APIs ("199.00", "1500" JPY) to integer minor units, exactly.
// Shared by the Shopify and TikTok adapters; the arithmetic itself is the kernel's parser (no floats).
import { parseDecimalToMinor } from '../../kernel/index.ts';
import { ChannelInputError } from '../types.ts';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * "199.00" USD -> 19900, "1500" JPY -> 1500, "1500.00" JPY -> 1500. Throws ChannelInputError naming `field` for
 * anything that is not a plain decimal, or that has more precision than the currency allows ("1.234" USD).
 */
export function toMinor(amount: string, currency: string, field = 'amount'): number {
  const text = amount.trim();
  if (!DECIMAL.test(text)) throw new ChannelInputError(`${field}: expected a decimal amount like "12.34", got ${JSON.stringify(amount)}`, field);
  const minor = parseDecimalToMinor(text, currency);
  if (minor === null) throw new ChannelInputError(`${field}: ${JSON.stringify(amount)} has more decimals than ${currency} allows`, field);
  if (!Number.isSafeInteger(minor)) throw new ChannelInputError(`${field}: ${JSON.stringify(amount)} is too large`, field);
  return minor === 0 ? 0 : minor; // no -0
}
