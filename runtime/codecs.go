package runtime

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The codecs behind str.encode, bytes.decode and str(b, encoding): UTF-8, ASCII and
// Latin-1, with the error handlers strict, ignore, replace, backslashreplace and (for
// encoding) xmlcharrefreplace, and CPython's error messages.

// codecName returns the canonical name of a supported encoding, as errors spell it.
func codecName(encoding string) (string, error) {
	norm := strings.ToLower(strings.NewReplacer("-", "_", " ", "_").Replace(encoding))
	switch norm {
	case "utf_8", "utf8", "u8", "utf", "cp65001":
		return "utf-8", nil
	case "ascii", "us_ascii", "646", "us":
		return "ascii", nil
	case "latin_1", "latin1", "latin", "l1", "iso8859_1", "iso_8859_1", "8859", "cp819":
		return "latin-1", nil
	}
	return "", Errorf(LookupErrorType, "unknown encoding: %s", encoding)
}

// codecLimit is the first code point an encoding cannot represent in one byte.
func codecLimit(codec string) rune {
	if codec == "ascii" {
		return 0x80
	}
	return 0x100
}

func unknownHandler(errors string) error {
	return Errorf(LookupErrorType, "unknown error handler name '%s'", errors)
}

// encodeStr is s.encode(encoding, errors).
func encodeStr(s, encoding, errors string) (string, error) {
	codec, err := codecName(encoding)
	if err != nil {
		return "", err
	}
	if codec == "utf-8" {
		return s, nil
	}
	limit := codecLimit(codec)
	runes := []rune(s)
	var b strings.Builder
	for i := 0; i < len(runes); i++ {
		if runes[i] < limit {
			b.WriteByte(byte(runes[i]))
			continue
		}
		end := i + 1
		for end < len(runes) && runes[end] >= limit {
			end++
		}
		if err := encodeBad(&b, runes[i:end], errors); err != nil {
			return "", encodeError(codec, runes, i, end, limit, err)
		}
		i = end - 1
	}
	return b.String(), nil
}

// errStrict marks a handler that gives up, so that the caller raises the codec error.
var errStrict = fmt.Errorf("strict")

// encodeBad applies the error handler to unencodable characters.
func encodeBad(b *strings.Builder, bad []rune, errors string) error {
	for _, r := range bad {
		switch errors {
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
			return unknownHandler(errors)
		}
	}
	return nil
}

func encodeError(codec string, runes []rune, start, end int, limit rune, err error) error {
	if err != errStrict {
		return err
	}
	if end-start == 1 {
		var b strings.Builder
		writeEscapedRune(&b, runes[start])
		return Errorf(UnicodeEncodeErrorType, "'%s' codec can't encode character '%s' in position %d: ordinal not in range(%d)",
			codec, b.String(), start, limit)
	}
	return Errorf(UnicodeEncodeErrorType, "'%s' codec can't encode characters in position %d-%d: ordinal not in range(%d)",
		codec, start, end-1, limit)
}

// decodeBytes is b.decode(encoding, errors).
func decodeBytes(b, encoding, errors string) (string, error) {
	codec, err := codecName(encoding)
	if err != nil {
		return "", err
	}
	switch codec {
	case "latin-1":
		return latin1Decode(b), nil
	case "utf-8":
		if utf8.ValidString(b) {
			return b, nil
		}
	}
	var out strings.Builder
	for i := 0; i < len(b); {
		n, reason := badPrefix(b[i:], codec)
		if n == 0 {
			_, size := utf8.DecodeRuneInString(b[i:])
			out.WriteString(b[i : i+size])
			i += size
			continue
		}
		if err := decodeBad(&out, b[i:i+n], errors); err != nil {
			return "", decodeError(codec, b, i, i+n, reason, err)
		}
		i += n
	}
	return out.String(), nil
}

func latin1Decode(b string) string {
	runes := make([]rune, len(b))
	for i := 0; i < len(b); i++ {
		runes[i] = rune(b[i])
	}
	return string(runes)
}

// badPrefix returns the length of the undecodable sequence b starts with (0 if b starts
// with a valid character) and CPython's reason for rejecting it.
func badPrefix(b, codec string) (int, string) {
	c := b[0]
	if c < 0x80 {
		return 0, ""
	}
	if codec == "ascii" {
		return 1, "ordinal not in range(128)"
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

// decodeBad applies the error handler to undecodable bytes.
func decodeBad(out *strings.Builder, bad, errors string) error {
	switch errors {
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
		return unknownHandler(errors)
	}
	return nil
}

func decodeError(codec, b string, start, end int, reason string, err error) error {
	if err != errStrict {
		return err
	}
	if end-start == 1 {
		return Errorf(UnicodeDecodeErrorType, "'%s' codec can't decode byte 0x%s in position %d: %s",
			codec, hex2(b[start]), start, reason)
	}
	return Errorf(UnicodeDecodeErrorType, "'%s' codec can't decode bytes in position %d-%d: %s",
		codec, start, end-1, reason)
}
