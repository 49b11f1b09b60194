//! Packing JSON for localStorage, two ASCII bytes to one UTF-16 unit, and back. Why and
//! how: see [`pack_piece`].

/// Packs JSON text for localStorage, two bytes to a character: ASCII bytes `a`, `b`
/// become the single UTF-16 unit `a << 8 | b`.
///
/// Why: browsers count localStorage in UTF-16 units, and JSON is nearly all ASCII, so
/// plain JSON spends two bytes of quota on each one-byte character. Packed, 1,000
/// applications with full reflections take half the space (see the README's
/// benchmark), so three times as many fit before the browser's 5 M-unit limit.
///
/// Every unit lies in U+2020..=U+7F7F: never a surrogate, a control character, `"` or
/// `\\`, so the packed text can sit in a JSON string as it is. Non-ASCII characters,
/// which valid JSON has only inside strings, are written as `\\uXXXX` escapes first;
/// an odd length is padded with a space, which JSON ignores.
///
/// Returned as UTF-16LE bytes: the browser makes its string from those with a plain
/// copy, where UTF-8 made of 3-byte characters costs a full decode on each side
/// (measured: this halved a save's time with 1,000 applications stored). Being whole
/// units, pieces packed apart can simply be joined.
pub(crate) fn pack_piece(json: &str) -> Vec<u8> {
    let escaped;
    let ascii = if is_printable_ascii(json.as_bytes()) {
        json.as_bytes()
    } else {
        escaped = ascii_json(json);
        escaped.as_slice()
    };
    let mut out = vec![0u8; ascii.len().div_ceil(2) * 2];
    // A packed unit is `a << 8 | b`; little-endian, that is the pair with its bytes
    // swapped. Eight bytes at a time, as a first save packs the whole notebook.
    let full = ascii.len() / 8 * 8;
    for (dst, src) in out[..full]
        .chunks_exact_mut(8)
        .zip(ascii[..full].chunks_exact(8))
    {
        let x = u64::from_le_bytes([
            src[0], src[1], src[2], src[3], src[4], src[5], src[6], src[7],
        ]);
        let swapped = (x & 0x00ff_00ff_00ff_00ff) << 8 | (x >> 8) & 0x00ff_00ff_00ff_00ff;
        // Byte by byte: `copy_from_slice` stays a call per word at opt-level "z".
        for (d, b) in dst.iter_mut().zip(swapped.to_le_bytes()) {
            *d = b;
        }
    }
    for (dst, pair) in out[full..].chunks_exact_mut(2).zip(ascii[full..].chunks(2)) {
        dst[0] = pair.get(1).copied().unwrap_or(b' ');
        dst[1] = pair[0];
    }
    out
}

/// True when every byte is printable ASCII (or DEL), which packs as it is.
pub(crate) fn is_printable_ascii(bytes: &[u8]) -> bool {
    // Eight bytes at a time, as this scans the whole notebook every save: no byte may
    // have its top bit, and each must have bit 5 or 6 (so is at least 0x20).
    const TOP: u64 = 0x8080_8080_8080_8080;
    const BITS_5_6: u64 = 0x6060_6060_6060_6060;
    const LOW: u64 = 0x0101_0101_0101_0101;
    let mut chunks = bytes.chunks_exact(8);
    let words_ok = chunks.all(|c| {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let t = x & BITS_5_6;
        x & TOP == 0 && ((t >> 5) | (t >> 6)) & LOW == LOW
    });
    // 0x20..=0x7f as one comparison: `RangeInclusive::contains` stays a call per byte
    // at opt-level "z".
    words_ok
        && chunks
            .remainder()
            .iter()
            .all(|&b| b.wrapping_sub(0x20) < 0x60)
}

/// `json` as printable ASCII: other characters become `\\uXXXX` escapes (valid JSON
/// has them only inside strings), and tab, CR and LF (outside strings) become spaces.
fn ascii_json(json: &str) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut bytes = Vec::with_capacity(json.len() + json.len() / 4);
    for c in json.chars() {
        match c {
            ' '..='\u{7f}' => bytes.push(c as u8),
            '\t' | '\n' | '\r' => bytes.push(b' '),
            _ => {
                let mut units = [0u16; 2];
                for &mut unit in c.encode_utf16(&mut units) {
                    bytes.extend_from_slice(b"\\u");
                    for shift in [12, 8, 4, 0] {
                        bytes.push(HEX[usize::from((unit >> shift) & 0xf)]);
                    }
                }
            }
        }
    }
    bytes
}

/// How many UTF-16 units `json` takes once packed: half its ASCII bytes, plus 3 for
/// each non-ASCII unit (written as a 6-byte `\\uXXXX` escape).
pub(crate) fn packed_units(json: &str) -> usize {
    let bytes: usize = json
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 6 * c.len_utf16() })
        .sum();
    bytes.div_ceil(2)
}

/// Reverses [`pack_piece`]; `None` if any character is outside what `pack` writes.
pub(crate) fn unpack(packed: &str) -> Option<String> {
    // Every unit `pack_into` writes is 3 bytes of UTF-8 (U+2020..=U+7F7F), so the text
    // is read 3 bytes at a time rather than decoded char by char (a big notebook is
    // millions of them, and this runs at every start).
    let raw = packed.as_bytes();
    if !raw.len().is_multiple_of(3) {
        return None;
    }
    let mut bytes = vec![0u8; raw.len() / 3 * 2];
    for (dst, c) in bytes.chunks_exact_mut(2).zip(raw.chunks_exact(3)) {
        // A lead byte of E2..=E7 starts a 3-byte character of U+2000..=U+7FFF.
        // (Ranges as single comparisons: see `is_printable_ascii`.)
        if c[0].wrapping_sub(0xe2) >= 6 {
            return None;
        }
        let unit =
            u32::from(c[0] & 0x0f) << 12 | u32::from(c[1] & 0x3f) << 6 | u32::from(c[2] & 0x3f);
        let [_, _, hi, lo] = unit.to_be_bytes();
        if hi.wrapping_sub(0x20) >= 0x60 || lo.wrapping_sub(0x20) >= 0x60 {
            return None;
        }
        dst[0] = hi;
        dst[1] = lo;
    }
    // Every byte is ASCII, so this never fails.
    String::from_utf8(bytes).ok()
}
