package lexer

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// DecodeString returns the value of a String token: its prefix and quotes removed and, unless
// it is raw, its escapes decoded. isBytes reports a bytes literal, whose value holds one byte
// per element. Newlines in the body read as "\n", as CPython reads source with universal
// newlines.
//
// An error's text is CPython's message, such as "(unicode error) 'unicodeescape' codec
// can't decode bytes in position 2-4: truncated \xXX escape" or "bytes can only contain ASCII
// literal characters". CPython reports the first over the whole literal and the escape errors
// at the token after it; the parser places them.
func DecodeString(tok string) (s string, isBytes bool, err error) {
	prefix, body, ok := splitLiteral(tok)
	if !ok {
		return "", false, errors.New("invalid string literal " + tok)
	}
	raw, isBytes := false, false
	for _, c := range []byte(prefix) {
		switch c | 0x20 {
		case 'r':
			raw = true
		case 'b':
			isBytes = true
		case 'f':
			return "", false, errors.New("f-string given to DecodeString: use SplitFString")
		}
	}
	body = normalizeNewlines(body)
	if isBytes {
		for i := 0; i < len(body); i++ {
			if body[i] >= utf8.RuneSelf {
				return "", true, errors.New("bytes can only contain ASCII literal characters")
			}
		}
	}
	if raw || strings.IndexByte(body, '\\') < 0 {
		return body, isBytes, nil
	}
	s, err = unescape(body, isBytes)
	return s, isBytes, err
}

// splitLiteral splits a string literal into its prefix letters and the body between its quotes.
func splitLiteral(tok string) (prefix, body string, ok bool) {
	q := strings.IndexAny(tok, `'"`)
	if q < 0 || q > 2 {
		return "", "", false
	}
	prefix, rest := tok[:q], tok[q:]
	quote := rest[:1]
	if len(rest) >= 6 && rest[1] == rest[0] && rest[2] == rest[0] {
		quote = rest[:3]
	}
	if len(rest) < 2*len(quote) || !strings.HasSuffix(rest, quote) {
		return "", "", false
	}
	return prefix, rest[len(quote) : len(rest)-len(quote)], true
}

// normalizeNewlines turns "\r\n" and lone "\r" into "\n".
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// unescape decodes the backslash escapes of a str or bytes literal body. Unknown escapes stay
// as written, backslash included, as in Python (which only warns about them).
func unescape(body string, isBytes bool) (string, error) {
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			i++
			continue
		}
		n, err := unescapeOne(&b, body, i, isBytes)
		if err != nil {
			return "", err
		}
		i += n
	}
	return b.String(), nil
}

// simpleEscapes maps the one-letter escapes to their values.
var simpleEscapes = [256]byte{
	'\\': '\\', '\'': '\'', '"': '"', 'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
	't': '\t', 'v': '\v',
}

// unescapeOne writes the value of the escape at body[i] (a backslash) and returns its length.
func unescapeOne(b *strings.Builder, body string, i int, isBytes bool) (int, error) {
	if i+1 == len(body) {
		// Only possible for a raw-looking body; the scanner never ends a string on a backslash.
		b.WriteByte('\\')
		return 1, nil
	}
	c := body[i+1]
	switch {
	case c == '\n':
		return 2, nil
	case simpleEscapes[c] != 0:
		b.WriteByte(simpleEscapes[c])
		return 2, nil
	case '0' <= c && c <= '7':
		return unescapeOctal(b, body, i, isBytes), nil
	case c == 'x':
		return unescapeHex(b, body, i, 2, isBytes)
	case !isBytes && c == 'u':
		return unescapeHex(b, body, i, 4, false)
	case !isBytes && c == 'U':
		return unescapeHex(b, body, i, 8, false)
	case !isBytes && c == 'N':
		return unescapeName(b, body, i)
	}
	b.WriteByte('\\')
	return 1, nil
}

// unescapeOctal decodes \o, \oo or \ooo. Values above 0o377 are code points in a str and
// wrap to a byte in bytes, as CPython does.
func unescapeOctal(b *strings.Builder, body string, i int, isBytes bool) int {
	v, n := 0, 1
	for n < 4 && i+n < len(body) && '0' <= body[i+n] && body[i+n] <= '7' {
		v = v*8 + int(body[i+n]-'0')
		n++
	}
	writeCode(b, rune(v), isBytes)
	return n
}

// unescapeHex decodes \xhh, \uhhhh and \Uhhhhhhhh.
func unescapeHex(b *strings.Builder, body string, i, digits int, isBytes bool) (int, error) {
	v := 0
	for k := 0; k < digits; k++ {
		j := i + 2 + k
		if j >= len(body) || !isXDigit(int(body[j])) {
			if isBytes {
				return 0, fmt.Errorf(`(value error) invalid \x escape at position %d`, i)
			}
			kind := map[int]string{2: `\xXX`, 4: `\uXXXX`, 8: `\UXXXXXXXX`}[digits]
			return 0, unicodeError(body, i, j, "truncated "+kind+" escape")
		}
		v = v*16 + hexValue(body[j])
	}
	if v > utf8.MaxRune {
		return 0, unicodeError(body, i, i+2+digits, "illegal Unicode character")
	}
	writeCode(b, rune(v), isBytes)
	return 2 + digits, nil
}

func hexValue(c byte) int {
	if c <= '9' {
		return int(c - '0')
	}
	return int(c|0x20-'a') + 10
}

// writeCode writes a code point to a str, or its low byte to bytes. A lone surrogate, which a
// Go string cannot hold, becomes U+FFFD.
func writeCode(b *strings.Builder, r rune, isBytes bool) {
	if isBytes {
		b.WriteByte(byte(r))
		return
	}
	b.WriteRune(r)
}

// unescapeName decodes \N{NAME}.
func unescapeName(b *strings.Builder, body string, i int) (int, error) {
	end := strings.IndexByte(body[i:], '}')
	if i+2 >= len(body) || body[i+2] != '{' || end < 0 || end == 3 {
		j := i + 2
		if j < len(body) && body[j] == '{' {
			j = len(body)
		}
		return 0, unicodeError(body, i, j, `malformed \N character escape`)
	}
	r, ok := lookupRuneName(body[i+3 : i+end])
	if !ok {
		return 0, unicodeError(body, i, i+end+1, "unknown Unicode character name")
	}
	b.WriteRune(r)
	return end + 1, nil
}

// unicodeError formats CPython's message for a bad escape spanning body[start:end]. CPython
// counts positions after rewriting each non-ASCII character as a 10-byte \Uxxxxxxxx escape.
func unicodeError(body string, start, end int, reason string) error {
	pos := func(off int) int {
		n := 0
		for _, r := range body[:off] {
			if r < utf8.RuneSelf {
				n++
			} else {
				n += 10
			}
		}
		return n
	}
	return fmt.Errorf("(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s",
		pos(start), pos(end)-1, reason)
}
