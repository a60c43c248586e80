//! Bytes → text: UTF-8 (lossy, with a warning), UTF-16 with a byte-order
//! mark, and a refusal for binary files.

use std::borrow::Cow;

/// Decode a file's bytes. `Ok((text, lossy))`, or `Err(reason)` for binary data.
/// Valid UTF-8 (the usual case) is borrowed, not copied.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, bool), String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(utf8(rest));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16(rest, u16::from_be_bytes));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(format!("binary file ({kind}), not text"));
    }
    Ok(utf8(bytes))
}

fn utf8(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), false),
        Err(_) => (String::from_utf8_lossy(bytes), true),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (Cow<'static, str>, bool) {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    let text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    let lossy = text.contains(char::REPLACEMENT_CHARACTER) || bytes.len() % 2 == 1;
    (Cow::Owned(text), lossy)
}

/// Recognise common binary formats by their magic bytes, and anything with
/// NUL bytes near the start (text never has them).
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"%PDF", "PDF"),
        (b"\x1F\x8B", "gzip data"),
        (b"PK\x03\x04", "zip archive"),
    ];
    for (magic, kind) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(kind);
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    // memchr reads a vector of bytes a step; `contains` (core's byte search)
    // cost more than the UTF-8 check of a JSON line.
    memchr::memchr(0, head).map(|_| "NUL bytes")
}

/// CRLF and lone CR become LF, so that sentence and paragraph rules see one
/// kind of line end. Offsets refer to the normalised text.
/// Takes what it is given, so text without a carriage return is not copied.
/// The search is memchr's: `str::contains` on a char cost four times as much.
pub fn normalise_newlines(s: impl Into<String> + AsRef<str>) -> String {
    if memchr::memchr(b'\r', s.as_ref().as_bytes()).is_none() {
        return s.into();
    }
    s.as_ref().replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Ten killed".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap(), ("Ten killed".into(), false));
    }

    #[test]
    fn invalid_utf8_is_replaced_and_flagged() {
        let (text, lossy) = decode(b"ten \xFF killed").unwrap();
        assert!(lossy);
        assert_eq!(text, "ten \u{FFFD} killed");
    }

    #[test]
    fn binary_files_are_refused() {
        assert!(decode(b"%PDF-1.4 ...").unwrap_err().contains("PDF"));
        assert!(decode(b"abc\0def").unwrap_err().contains("NUL"));
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(normalise_newlines("a\r\nb\rc"), "a\nb\nc");
    }
}
