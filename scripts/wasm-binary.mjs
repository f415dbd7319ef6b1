// The WebAssembly binary format as the build's small rewrites need it (`wasm-unused-classes.mjs`,
// `wasm-short-imports.mjs`): LEB128 numbers, and one section replaced in a module.

/** The unsigned number at `pos` in `buf`, and where the next field starts. */
export function leb(buf, pos) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[pos++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [value >>> 0, pos];
}

/** `value` as an unsigned LEB128 number. */
export function uleb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

/** `buf` with its section `id` replaced by what `rewrite(buf, body, end)` answers (the new
 *  content, without id and size); every other section as it was. */
export function rewriteSection(buf, id, rewrite) {
  const parts = [buf.subarray(0, 8)];
  let pos = 8;
  while (pos < buf.length) {
    const [size, body] = leb(buf, pos + 1);
    const end = body + size;
    if (buf[pos] === id) {
      const content = rewrite(buf, body, end);
      parts.push(Buffer.from([id]), uleb(content.length), content);
    } else {
      parts.push(buf.subarray(pos, end));
    }
    pos = end;
  }
  return Buffer.concat(parts);
}
