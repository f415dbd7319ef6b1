// Reading and writing the LEB128 numbers of the WebAssembly binary format, for the build's
// small rewrites of a module's sections (`wasm-unused-classes.mjs`, `wasm-short-imports.mjs`).

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
