/**
 * Numbers straight from bytes. Plain decimals with at most 15 significant digits and a power of
 * ten within 1e22 are computed exactly (one correctly rounded multiply or divide, Clinger 1990);
 * anything else goes through Number(). NaN means "not a number".
 */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

function slowParse(buf: Uint8Array, start: number, end: number): number {
  const t = Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1').trim();
  return t === '' ? NaN : Number(t);
}

export function parseNumberBytes(buf: Uint8Array, start: number, end: number): number {
  let p = start;
  let negative = false;
  if (p < end && (buf[p] === 45 || buf[p] === 43)) negative = buf[p++] === 45;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let sawDigit = false;
  for (; p < end && buf[p] >= 48 && buf[p] <= 57; p++, sawDigit = true) {
    if (digits > 0 || buf[p] !== 48) digits++;
    mantissa = mantissa * 10 + (buf[p] - 48);
  }
  if (p < end && buf[p] === 46) {
    for (p++; p < end && buf[p] >= 48 && buf[p] <= 57; p++, sawDigit = true) {
      if (digits > 0 || buf[p] !== 48) digits++;
      mantissa = mantissa * 10 + (buf[p] - 48);
      scale--;
    }
  }
  if (p < end && (buf[p] === 101 || buf[p] === 69)) return slowParse(buf, start, end);
  if (p !== end || !sawDigit || digits > 15 || scale < -22) return slowParse(buf, start, end);
  const value = scale === 0 ? mantissa : mantissa / POW10[-scale];
  return negative ? -value : value;
}
