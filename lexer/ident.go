package lexer

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// isNameByte reports whether c may continue an identifier as CPython's tokenizer first sees
// it: ASCII letters, digits, '_' and any byte of a non-ASCII character. Non-ASCII names are
// checked properly afterwards (verifyName).
func isNameByte(c int) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || '0' <= c && c <= '9' || c >= utf8.RuneSelf
}

func isNameStartByte(c int) bool { return isNameByte(c) && !('0' <= c && c <= '9') }

// name scans an identifier or keyword, or a string literal if the letters are a prefix.
func (s *scanner) name() error {
	start := s.off
	if n := stringPrefix(s.src[start:]); n > 0 {
		return s.str(start, start+n)
	}
	nonASCII := false
	for s.off < len(s.src) && isNameByte(int(s.src[s.off])) {
		nonASCII = nonASCII || s.src[s.off] >= utf8.RuneSelf
		s.off++
	}
	if nonASCII {
		if err := s.verifyName(start); err != nil {
			return err
		}
	}
	typ := Name
	if isKeyword(s.src[start:s.off]) {
		typ = Keyword
	}
	s.emit(typ, start, s.off)
	return nil
}

// stringPrefix returns the length of the string prefix that src starts with, counting the
// letters only, or 0. Valid prefixes are those of CPython 3.11: b r u f br rb fr rf, in any case.
func stringPrefix(src string) int {
	lower := func(i int) byte { return src[i] | 0x20 }
	isQuote := func(i int) bool { return i < len(src) && (src[i] == '\'' || src[i] == '"') }
	switch {
	case len(src) < 2:
		return 0
	case isQuote(1):
		switch lower(0) {
		case 'b', 'r', 'u', 'f':
			return 1
		}
	case isQuote(2):
		switch uint16(lower(0))<<8 | uint16(lower(1)) {
		case 'b'<<8 | 'r', 'r'<<8 | 'b', 'f'<<8 | 'r', 'r'<<8 | 'f':
			return 2
		}
	}
	return 0
}

// verifyName checks a name holding non-ASCII characters against Python's identifier rules
// (PEP 3131) and reports the first offending character as CPython does.
func (s *scanner) verifyName(start int) error {
	for i, r := range s.src[start:s.off] {
		ok := isIDStart(r)
		if i > 0 {
			ok = isIDContinue(r)
		}
		if ok {
			continue
		}
		end := start + i + utf8.RuneLen(r)
		if unicode.IsPrint(r) {
			return s.errorAt(Syntax, fmt.Sprintf("invalid character '%c' (U+%04X)", r, r), end)
		}
		return s.errorAt(Syntax, fmt.Sprintf("invalid non-printable character U+%04X", r), end)
	}
	return nil
}

// isIDStart and isIDContinue are Unicode's ID_Start and ID_Continue, which Python's XID
// properties differ from only by a few characters that NFKC normalization changes.
func isIDStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func isIDContinue(r rune) bool {
	return isIDStart(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

// keywordTable holds Keywords by keywordHash, which is collision-free for them
// (TestKeywordTable), so that telling a keyword from a name hashes two bytes, not the name.
var keywordTable = func() (t [128]string) {
	for kw := range Keywords {
		t[keywordHash(kw)] = kw
	}
	return t
}()

func keywordHash(s string) int { return (int(s[0]) + int(s[len(s)-1]) + 19*len(s)) & 127 }

func isKeyword(name string) bool { return keywordTable[keywordHash(name)] == name }
