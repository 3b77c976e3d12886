package runtime

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The codecs behind str.encode, bytes.decode, str(b, encoding) and bytes(s, encoding):
// UTF-8 (also with a signature), UTF-16 and UTF-32 (either byte order, or a byte order
// mark), ASCII, Latin-1 and Windows-1252, under CPython's names and aliases, with the error
// handlers strict, ignore, replace, backslashreplace and (encoding) xmlcharrefreplace, and
// CPython's error messages.
//
// An Aio str cannot hold a lone surrogate, so surrogateescape and surrogatepass have no
// characters to produce or consume: they fail as strict does.

// codec is one encoding. Decoders that can fail are written as a step function that
// decodes one character (see decodeSteps).
type codec struct {
	encode func(s string, h *codecErrors) (string, error)
	decode func(b string, h *codecErrors) (string, error)
}

// codecs maps the module names of CPython's encodings package to their codecs.
var codecs = map[string]*codec{
	"utf_8":     {encode: func(s string, _ *codecErrors) (string, error) { return s, nil }, decode: utf8Decode},
	"utf_8_sig": {encode: func(s string, _ *codecErrors) (string, error) { return utf8BOM + s, nil }, decode: utf8SigDecode},
	"ascii":     singleByte("ascii", asciiEncode, asciiDecode, "ordinal not in range(128)"),
	"latin_1":   singleByte("latin-1", latin1Encode, func(c byte) rune { return rune(c) }, "ordinal not in range(256)"),
	"cp1252":    singleByte("charmap", cp1252Encode, cp1252Decode, "character maps to <undefined>"),
	"utf_16":    unitCodec(2, "", true),
	"utf_16_le": unitCodec(2, "le", false),
	"utf_16_be": unitCodec(2, "be", false),
	"utf_32":    unitCodec(4, "", true),
	"utf_32_le": unitCodec(4, "le", false),
	"utf_32_be": unitCodec(4, "be", false),
}

// codecAliases is the part of CPython's encodings.aliases for the codecs above.
var codecAliases = map[string]string{
	"646": "ascii", "ansi_x3.4_1968": "ascii", "ansi_x3_4_1968": "ascii", "ansi_x3.4_1986": "ascii",
	"cp367": "ascii", "csascii": "ascii", "ibm367": "ascii", "iso646_us": "ascii", "iso_646.irv_1991": "ascii",
	"iso_ir_6": "ascii", "us": "ascii", "us_ascii": "ascii",
	"8859": "latin_1", "cp819": "latin_1", "csisolatin1": "latin_1", "ibm819": "latin_1", "iso8859": "latin_1",
	"iso8859_1": "latin_1", "iso_8859_1": "latin_1", "iso_8859_1_1987": "latin_1", "iso_ir_100": "latin_1",
	"l1": "latin_1", "latin": "latin_1", "latin1": "latin_1",
	"u8": "utf_8", "utf": "utf_8", "utf8": "utf_8", "utf8_ucs2": "utf_8", "utf8_ucs4": "utf_8", "cp65001": "utf_8",
	"u16": "utf_16", "utf16": "utf_16", "unicodebigunmarked": "utf_16_be", "utf_16be": "utf_16_be",
	"unicodelittleunmarked": "utf_16_le", "utf_16le": "utf_16_le",
	"u32": "utf_32", "utf32": "utf_32", "utf_32be": "utf_32_be", "utf_32le": "utf_32_le",
	"1252": "cp1252", "windows_1252": "cp1252",
}

// lookupCodec finds an encoding as codecs.lookup does: lower case, runs of punctuation
// (but '.') as one underscore, then the aliases.
func lookupCodec(encoding string) (*codec, error) {
	norm := normalizeEncoding(strings.ToLower(encoding))
	name, ok := codecAliases[norm]
	if !ok {
		name, ok = codecAliases[strings.ReplaceAll(norm, ".", "_")]
	}
	if !ok {
		name = norm
	}
	if c, ok := codecs[name]; ok {
		return c, nil
	}
	return nil, Errorf(LookupErrorType, "unknown encoding: %s", encoding)
}

// normalizeEncoding is encodings.normalize_encoding.
func normalizeEncoding(s string) string {
	var b strings.Builder
	punct := false
	for _, r := range s {
		if !isAlnumChar(r) && r != '.' {
			punct = true
			continue
		}
		if punct && b.Len() > 0 {
			b.WriteByte('_')
		}
		if r < utf8.RuneSelf {
			b.WriteRune(r)
		}
		punct = false
	}
	return b.String()
}

// codecErrors is the errors argument of one encode or decode call.
type codecErrors struct {
	handler  string
	encoding string // as the caller spelled it
	decoding bool
}

// unknown is the LookupError for an unknown handler. CPython decodes the commonest
// spellings of its built-in codecs in C and reports it bare; on the way through the codec
// registry the error is wrapped, naming the encoding as given.
func (h *codecErrors) unknown() error {
	err := Errorf(LookupErrorType, "unknown error handler name '%s'", h.handler)
	if h.fastPath() {
		return err
	}
	verb := "encoding"
	if h.decoding {
		verb = "decoding"
	}
	return Errorf(LookupErrorType, "%s with '%s' codec failed (LookupError: %s)", verb, h.encoding, err.Message())
}

// fastPath reports whether CPython's PyUnicode_Decode or PyUnicode_AsEncodedString
// handle the encoding name without the registry.
func (h *codecErrors) fastPath() bool {
	n := strings.ReplaceAll(strings.ToLower(h.encoding), "_", "-")
	switch n {
	case "utf-8", "utf8", "ascii", "us-ascii", "latin1", "latin-1", "iso-8859-1", "iso8859-1":
		return true
	case "utf-16", "utf16", "utf-32", "utf32":
		return h.decoding
	}
	return false
}

// encodeStr is s.encode(encoding, errors).
func encodeStr(s, encoding, errors string) (string, error) {
	c, err := lookupCodec(encoding)
	if err != nil {
		return "", err
	}
	return c.encode(s, &codecErrors{handler: errors, encoding: encoding})
}

// DecodeBytes is b.decode(encoding, errors).
func DecodeBytes(b, encoding, errors string) (string, error) {
	c, err := lookupCodec(encoding)
	if err != nil {
		return "", err
	}
	return c.decode(b, &codecErrors{handler: errors, encoding: encoding, decoding: true})
}

// errStrict marks a handler that gives up, so that the caller raises the codec error.
var errStrict = fmt.Errorf("strict")

// ---- encoding ----

// singleByte makes a codec that maps characters to single bytes: enc gives a character's
// byte (ok false if it has none), dec a byte's character (-1 if none). name and reason
// are as error messages have them.
func singleByte(name string, enc func(rune) (byte, bool), dec func(byte) rune, reason string) *codec {
	return &codec{
		encode: func(s string, h *codecErrors) (string, error) { return encodeBytewise(s, name, enc, reason, h) },
		decode: func(b string, h *codecErrors) (string, error) {
			if isASCII(b) { // all three codecs extend ASCII
				return b, nil
			}
			return decodeSteps(b, 0, name, h, func(b string, i int) (rune, int, string) {
				if r := dec(b[i]); r >= 0 {
					return r, 1, ""
				}
				return 0, 1, reason
			})
		},
	}
}

func asciiEncode(r rune) (byte, bool) { return byte(r), r < 0x80 }

func latin1Encode(r rune) (byte, bool) { return byte(r), r < 0x100 }

func asciiDecode(c byte) rune {
	if c < 0x80 {
		return rune(c)
	}
	return -1
}

// encodeBytewise encodes s one byte per character; runs of characters enc refuses go to
// the error handler together.
func encodeBytewise(s, name string, enc func(rune) (byte, bool), reason string, h *codecErrors) (string, error) {
	runes := []rune(s)
	var b strings.Builder
	for i := 0; i < len(runes); i++ {
		if c, ok := enc(runes[i]); ok {
			b.WriteByte(c)
			continue
		}
		end := i + 1
		for end < len(runes) {
			if _, ok := enc(runes[end]); ok {
				break
			}
			end++
		}
		if err := encodeBad(&b, runes[i:end], h); err != nil {
			return "", encodeError(name, runes, i, end, reason, err)
		}
		i = end - 1
	}
	return b.String(), nil
}

// encodeBad applies the error handler to unencodable characters.
func encodeBad(b *strings.Builder, bad []rune, h *codecErrors) error {
	for _, r := range bad {
		switch h.handler {
		case "strict", "surrogateescape", "surrogatepass":
			return errStrict
		case "ignore":
		case "replace":
			b.WriteByte('?')
		case "backslashreplace":
			writeEscapedRune(b, r)
		case "xmlcharrefreplace":
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		default:
			return h.unknown()
		}
	}
	return nil
}

// encodeError is the UnicodeEncodeError for runes[start:end], or the handler's own error.
func encodeError(codec string, runes []rune, start, end int, reason string, err error) error {
	if err != errStrict {
		return err
	}
	return NewException(UnicodeEncodeErrorType, NewStr(codec), NewStr(string(runes)), Int(int64(start)),
		Int(int64(end)), NewStr(reason))
}

// ---- decoding ----

// decodeSteps decodes b from offset start: step decodes the character at b[i:] and
// returns it and its length, or the length of the undecodable sequence there and CPython's
// reason for refusing it. Decoding resumes after the sequence when the handler allows.
func decodeSteps(b string, start int, name string, h *codecErrors, step func(b string, i int) (rune, int, string)) (string, error) {
	var out strings.Builder
	for i := start; i < len(b); {
		r, n, reason := step(b, i)
		if reason == "" {
			out.WriteRune(r)
		} else if err := decodeBad(&out, b[i:i+n], h); err != nil {
			return "", decodeError(name, b, i, i+n, reason, err)
		}
		i += n
	}
	return out.String(), nil
}

// decodeBad applies the error handler to undecodable bytes.
func decodeBad(out *strings.Builder, bad string, h *codecErrors) error {
	switch h.handler {
	case "strict", "surrogateescape", "surrogatepass":
		return errStrict
	case "ignore":
	case "replace":
		out.WriteRune(utf8.RuneError)
	case "backslashreplace":
		for i := 0; i < len(bad); i++ {
			out.WriteString(`\x` + hex2(bad[i]))
		}
	default:
		return h.unknown()
	}
	return nil
}

// decodeError is the UnicodeDecodeError for b[start:end], or the handler's own error.
func decodeError(codec, b string, start, end int, reason string, err error) error {
	if err != errStrict {
		return err
	}
	return NewException(UnicodeDecodeErrorType, NewStr(codec), NewBytes(b), Int(int64(start)), Int(int64(end)),
		NewStr(reason))
}

// unicodeErrorFields are the arguments of UnicodeDecodeError and UnicodeEncodeError, in
// order, which are also their attributes.
var unicodeErrorFields = []string{"encoding", "object", "start", "end", "reason"}

// unicodeErrorAttr reads an attribute of a UnicodeDecodeError or UnicodeEncodeError.
func unicodeErrorAttr(e *Exception, name string) (Value, bool) {
	i := slices.Index(unicodeErrorFields, name)
	if i < 0 || len(e.Args) != len(unicodeErrorFields) ||
		!e.Matches(UnicodeDecodeErrorType) && !e.Matches(UnicodeEncodeErrorType) {
		return Value{}, false
	}
	return e.Args[i], true
}

// unicodeErrorMessage is str() of a UnicodeDecodeError or UnicodeEncodeError made with
// its five arguments, as CPython words it.
func unicodeErrorMessage(e *Exception) (string, bool) {
	var f [5]Value
	for i, name := range unicodeErrorFields {
		var ok bool
		if f[i], ok = unicodeErrorAttr(e, name); !ok {
			return "", false
		}
	}
	codec, _ := AsStr(f[0])
	reason, _ := AsStr(f[4])
	start, ok1 := AsInt64(f[2])
	end, ok2 := AsInt64(f[3])
	if !ok1 || !ok2 {
		return "", false
	}
	verb, what := "decode", "byte"
	var one string
	if s, ok := AsStr(f[1]); ok {
		verb, what = "encode", "character"
		if r := []rune(s); start >= 0 && start < int64(len(r)) {
			var b strings.Builder
			writeEscapedRune(&b, r[start])
			one = "'" + b.String() + "'"
		}
	} else if b, ok := BytesLike(f[1]); ok && start >= 0 && start < int64(len(b)) {
		one = "0x" + hex2(b[start])
	}
	if end == start+1 && one != "" {
		return fmt.Sprintf("'%s' codec can't %s %s %s in position %d: %s", codec, verb, what, one, start, reason), true
	}
	return fmt.Sprintf("'%s' codec can't %s %ss in position %d-%d: %s", codec, verb, what, start, end-1, reason), true
}

const utf8BOM = "\xef\xbb\xbf"

func utf8Decode(b string, h *codecErrors) (string, error) {
	if utf8.ValidString(b) {
		return b, nil
	}
	return decodeSteps(b, 0, "utf-8", h, func(b string, i int) (rune, int, string) {
		if n, reason := badUTF8Prefix(b[i:]); n > 0 {
			return 0, n, reason
		}
		r, n := utf8.DecodeRuneInString(b[i:])
		return r, n, ""
	})
}

// utf8SigDecode is UTF-8 after an optional byte order mark; error positions count from
// after it, as CPython's do.
func utf8SigDecode(b string, h *codecErrors) (string, error) {
	return utf8Decode(strings.TrimPrefix(b, utf8BOM), h)
}

// badUTF8Prefix returns the length of the invalid UTF-8 sequence b starts with (0 if b
// starts with a valid character) and CPython's reason for rejecting it.
func badUTF8Prefix(b string) (int, string) {
	c := b[0]
	if c < 0x80 {
		return 0, ""
	}
	if c < 0xc2 || c > 0xf4 {
		return 1, "invalid start byte"
	}
	need, lo, hi := 1, byte(0x80), byte(0xbf)
	switch {
	case c >= 0xf0:
		need = 3
	case c >= 0xe0:
		need = 2
	}
	switch c {
	case 0xe0:
		lo = 0xa0
	case 0xed:
		hi = 0x9f
	case 0xf0:
		lo = 0x90
	case 0xf4:
		hi = 0x8f
	}
	for i := 1; i <= need; i++ {
		if i >= len(b) {
			return i, "unexpected end of data"
		}
		if b[i] < lo || b[i] > hi {
			return i, "invalid continuation byte"
		}
		lo, hi = 0x80, 0xbf
	}
	return 0, ""
}

func isASCII(b string) bool {
	for i := 0; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// ---- UTF-16 and UTF-32 ----

// unitCodec makes UTF-16 (width 2) or UTF-32 (width 4) in byte order "le" or "be"; with
// bom, encoding writes a little-endian byte order mark and decoding follows the mark it
// finds (little-endian without one).
func unitCodec(width int, order string, bom bool) *codec {
	return &codec{
		encode: func(s string, _ *codecErrors) (string, error) {
			return encodeUnits(s, width, order == "be", bom), nil
		},
		decode: func(b string, h *codecErrors) (string, error) {
			start, order := 0, order
			if bom {
				start, order = byteOrderMark(b, width)
			}
			name := fmt.Sprintf("utf-%d-%s", 8*width, order)
			if width == 2 {
				return decodeSteps(b, start, name, h, utf16Step(order == "be"))
			}
			return decodeSteps(b, start, name, h, utf32Step(order == "be"))
		},
	}
}

// byteOrderMark returns the length of the mark b starts with and the byte order it
// gives.
func byteOrderMark(b string, width int) (int, string) {
	switch {
	case strings.HasPrefix(b, string(encodeUnit(nil, width, false, 0xfeff))):
		return width, "le"
	case strings.HasPrefix(b, string(encodeUnit(nil, width, true, 0xfeff))):
		return width, "be"
	}
	return 0, "le"
}

func encodeUnits(s string, width int, big, bom bool) string {
	out := make([]byte, 0, width*(len(s)+1))
	if bom {
		out = encodeUnit(out, width, big, 0xfeff)
	}
	for _, r := range s {
		if width == 2 && r > 0xffff {
			r -= 0x10000
			out = encodeUnit(out, width, big, 0xd800+r>>10)
			r = 0xdc00 + r&0x3ff
		}
		out = encodeUnit(out, width, big, r)
	}
	return string(out)
}

// encodeUnit appends the width-byte code unit r.
func encodeUnit(out []byte, width int, big bool, r rune) []byte {
	for i := range width {
		shift := 8 * i
		if big {
			shift = 8 * (width - 1 - i)
		}
		out = append(out, byte(r>>shift))
	}
	return out
}

// decodeUnit reads the width-byte code unit at b[i:].
func decodeUnit(b string, i, width int, big bool) rune {
	var r rune
	for k := range width {
		shift := 8 * k
		if big {
			shift = 8 * (width - 1 - k)
		}
		r |= rune(b[i+k]) << shift
	}
	return r
}

// utf16Step decodes one UTF-16 character, failing as CPython's decoder does: an odd byte
// at the end is truncated data; a high surrogate without a low one after it is illegal (or
// an unexpected end, when nothing follows) and the low half after it is decoded anew; a
// lone low surrogate is an illegal encoding.
func utf16Step(big bool) func(b string, i int) (rune, int, string) {
	return func(b string, i int) (rune, int, string) {
		if len(b)-i < 2 {
			return 0, len(b) - i, "truncated data"
		}
		u := decodeUnit(b, i, 2, big)
		switch {
		case u < 0xd800 || u > 0xdfff:
			return u, 2, ""
		case u >= 0xdc00:
			return 0, 2, "illegal encoding"
		case len(b)-i < 4:
			return 0, len(b) - i, "unexpected end of data"
		}
		lo := decodeUnit(b, i+2, 2, big)
		if lo < 0xdc00 || lo > 0xdfff {
			return 0, 2, "illegal UTF-16 surrogate"
		}
		return 0x10000 + (u-0xd800)<<10 + (lo - 0xdc00), 4, ""
	}
}

// utf32Step decodes one UTF-32 character; fewer than four bytes left are truncated data.
func utf32Step(big bool) func(b string, i int) (rune, int, string) {
	return func(b string, i int) (rune, int, string) {
		if len(b)-i < 4 {
			return 0, len(b) - i, "truncated data"
		}
		u := uint32(decodeUnit(b, i, 4, big))
		switch {
		case u >= 0x110000:
			return 0, 4, "code point not in range(0x110000)"
		case u >= 0xd800 && u < 0xe000:
			return 0, 4, "code point in surrogate code point range(0xd800, 0xe000)"
		}
		return rune(u), 4, ""
	}
}

// ---- Windows-1252 ----

// cp1252High maps bytes 0x80-0x9f; the rest are Latin-1. -1 marks the five undefined
// bytes.
var cp1252High = [32]rune{
	0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1,
	-1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178,
}

func cp1252Decode(c byte) rune {
	if c >= 0x80 && c < 0xa0 {
		return cp1252High[c-0x80]
	}
	return rune(c)
}

func cp1252Encode(r rune) (byte, bool) {
	if r < 0x80 || r >= 0xa0 && r < 0x100 {
		return byte(r), true
	}
	for i, h := range cp1252High {
		if h == r {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}
