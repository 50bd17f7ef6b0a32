// How long a text is as SMS, for the counter under the compose box when the recipient is a phone.
// The page's twin of io.sluice.sms.text.SmsLength (same rules, so the page shows what the carrier
// bills): 3GPP TS 23.038 §6.2.1 alphabet, an extension character costs two septets; part sizes of
// TS 23.040 §9.2.3.24.1, 160 GSM / 70 UCS-2 alone and 153 / 67 per concatenated part. Like the
// server's Segmentation, a part ends early rather than split an extension character from its escape
// or the two halves of a surrogate pair, so the part count matches the parts actually sent.

// The default alphabet (§6.2.1) in septet order; 0x1B is the escape to the extension table and is
// not a character of its own, so it is left out of the set below.
const DEFAULT_ALPHABET = '@£$¥èéùìòÇ\nØø\rÅå'
  + 'Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ'
  + ' !"#¤%&\'()*+,-./'
  + '0123456789:;<=>?'
  + '¡ABCDEFGHIJKLMNO'
  + 'PQRSTUVWXYZÄÖÑÜ§'
  + '¿abcdefghijklmno'
  + 'pqrstuvwxyzäöñüà';
const BASIC = new Set([...DEFAULT_ALPHABET].filter((c) => c !== '\u001B'));
// The extension table (§6.2.1.1): form feed, ^ { } \ [ ~ ] | €.
const EXTENSION = new Set(['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€']);

export const GSM7 = Object.freeze({ name: 'GSM', single: 160, concatenated: 153 });
export const UCS2 = Object.freeze({ name: 'UCS-2', single: 70, concatenated: 67 });

/** Septets of one UTF-16 code unit in GSM 7-bit: 1, 2 for the extension table, 0 if it has no code. */
function septetsOf(char) {
  if (BASIC.has(char)) return 1;
  return EXTENSION.has(char) ? 2 : 0;
}

function isHighSurrogate(code) { return code >= 0xd800 && code <= 0xdbff; }
function isLowSurrogate(code) { return code >= 0xdc00 && code <= 0xdfff; }

/**
 * The indivisible pieces of the text with their cost in units. JavaScript strings are UTF-16, as
 * Java's are, so "units" means the same thing on both sides.
 */
function pieces(text, encoding) {
  const costs = [];
  for (let i = 0; i < text.length;) {
    if (encoding === GSM7) {
      costs.push(septetsOf(text[i]));
      i += 1;
    } else {
      const pair = isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length
        && isLowSurrogate(text.charCodeAt(i + 1));
      costs.push(pair ? 2 : 1);
      i += pair ? 2 : 1;
    }
  }
  return costs;
}

/** GSM 7-bit when every character has a GSM code (extension table included), UCS-2 otherwise. */
export function chooseEncoding(text) {
  for (const char of text) {
    // for…of walks code points; a character outside the BMP is never in the GSM alphabet.
    if (char.length !== 1 || septetsOf(char) === 0) return UCS2;
  }
  return GSM7;
}

/**
 * @returns {{encoding, parts, unitsUsed, unitsLeftInPart}} as SmsLength: an empty text is one
 *   (empty) SMS; unitsLeftInPart is what still fits before one more part is needed.
 */
export function smsLength(text) {
  const encoding = chooseEncoding(text);
  const costs = pieces(text, encoding);
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  if (total <= encoding.single) {
    return { encoding, parts: 1, unitsUsed: total, unitsLeftInPart: encoding.single - total };
  }
  let parts = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > encoding.concatenated) {
      parts += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, parts, unitsUsed: total, unitsLeftInPart: encoding.concatenated - used };
}

/** One line for the compose box, e.g. "GSM · 1 SMS · 148 left" or "UCS-2 · 2 SMS · 60 left". */
export function describe(length) {
  const { encoding, parts, unitsLeftInPart } = length;
  return `${encoding.name} · ${parts} SMS · ${unitsLeftInPart} left`;
}
