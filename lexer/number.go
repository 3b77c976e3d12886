package lexer

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	plex "github.com/alecthomas/participle/v2/lexer"
)

func isDigit(c int) bool  { return '0' <= c && c <= '9' }
func isXDigit(c int) bool { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }

// number scans a numeric literal, following CPython's tok_get number states and messages.
// The scanner is on its first character: a digit, or a '.' followed by a digit.
func (s *scanner) number() error {
	s.tokStart = s.off
	typ, err := s.numberBody()
	if err != nil {
		return err
	}
	s.emit(typ, s.tokStart, s.off)
	return nil
}

func (s *scanner) numberBody() (plex.TokenType, error) {
	if s.peek() == '.' {
		s.off++
		return s.fraction()
	}
	if s.peek() == '0' {
		switch s.peekAt(1) | 0x20 {
		case 'x':
			return s.radix("hexadecimal", isXDigit, nil)
		case 'o':
			return s.radix("octal", func(c int) bool { return '0' <= c && c <= '7' }, isDigit)
		case 'b':
			return s.radix("binary", func(c int) bool { return c == '0' || c == '1' }, isDigit)
		}
		return s.zero()
	}
	if err := s.decimalTail(); err != nil {
		return 0, err
	}
	return s.afterInteger(Int)
}

// radix scans 0x, 0o and 0b literals. A digit that is valid in decimal but not in the radix
// (badDigit) gets a message of its own.
func (s *scanner) radix(kind string, digit, badDigit func(int) bool) (plex.TokenType, error) {
	s.off += 2
	for {
		if s.peek() == '_' {
			s.off++
		}
		c := s.peek()
		if !digit(c) {
			if badDigit != nil && badDigit(c) {
				return 0, s.badDigit(kind)
			}
			return 0, s.errorAt(Syntax, "invalid "+kind+" literal", s.off)
		}
		for digit(s.peek()) {
			s.off++
		}
		if s.peek() != '_' {
			break
		}
	}
	if badDigit != nil && badDigit(s.peek()) {
		return 0, s.badDigit(kind)
	}
	return Int, s.endOfNumber(kind)
}

func (s *scanner) badDigit(kind string) error {
	return s.errorAt(Syntax, fmt.Sprintf("invalid digit '%c' in %s literal", s.src[s.off], kind), s.off+1)
}

// zero scans a literal starting with '0' that is not 0x, 0o or 0b: zeros, or a float or
// imaginary literal. Other decimal integers with leading zeros are old-style octal, which
// Python 3 forbids.
func (s *scanner) zero() (plex.TokenType, error) {
	start := s.off
	for {
		if s.peek() == '_' {
			s.off++
			if !isDigit(s.peek()) {
				return 0, s.errorAt(Syntax, "invalid decimal literal", s.off)
			}
		}
		if s.peek() != '0' {
			break
		}
		s.off++
	}
	zerosEnd := s.off
	nonzero := isDigit(s.peek())
	if nonzero {
		if err := s.decimalTail(); err != nil {
			return 0, err
		}
	}
	switch s.peek() {
	case '.', 'e', 'E', 'j', 'J':
		return s.afterInteger(Int)
	}
	if nonzero {
		// CPython reports this range in bytes, not characters.
		e := s.errorAt(Syntax, "leading zeros in decimal integer literals are not permitted; "+
			"use an 0o prefix for octal integers", s.off)
		e.Col = s.lineCol + start - s.lineOff
		e.EndCol = s.lineCol + zerosEnd - s.lineOff
		return 0, e
	}
	return Int, s.endOfNumber("decimal")
}

// afterInteger continues a decimal literal after its integer digits.
func (s *scanner) afterInteger(typ plex.TokenType) (plex.TokenType, error) {
	switch s.peek() {
	case '.':
		s.off++
		return s.fraction()
	case 'e', 'E':
		return s.exponent()
	case 'j', 'J':
		return s.imaginary()
	}
	return typ, s.endOfNumber("decimal")
}

// fraction continues after the decimal point.
func (s *scanner) fraction() (plex.TokenType, error) {
	if isDigit(s.peek()) {
		if err := s.decimalTail(); err != nil {
			return 0, err
		}
	}
	switch s.peek() {
	case 'e', 'E':
		return s.exponent()
	case 'j', 'J':
		return s.imaginary()
	}
	return Float, s.endOfNumber("decimal")
}

// exponent continues at an 'e'. Without digits after it the 'e' is not part of the number
// (1else is 1 else), unless a sign shows it was meant to be.
func (s *scanner) exponent() (plex.TokenType, error) {
	e := s.off
	s.off++
	switch c := s.peek(); {
	case c == '+' || c == '-':
		s.off++
		if !isDigit(s.peek()) {
			return 0, s.errorAt(Syntax, "invalid decimal literal", s.off)
		}
	case !isDigit(c):
		s.off = e
		if err := s.endOfNumber("decimal"); err != nil {
			return 0, err
		}
		if strings.IndexByte(s.src[s.tokStart:e], '.') >= 0 {
			return Float, nil
		}
		return Int, nil
	}
	if err := s.decimalTail(); err != nil {
		return 0, err
	}
	if c := s.peek(); c == 'j' || c == 'J' {
		return s.imaginary()
	}
	return Float, s.endOfNumber("decimal")
}

func (s *scanner) imaginary() (plex.TokenType, error) {
	s.off++
	return Imag, s.endOfNumber("imaginary")
}

// decimalTail scans digits with single underscores between them.
func (s *scanner) decimalTail() error {
	for {
		for isDigit(s.peek()) {
			s.off++
		}
		if s.peek() != '_' {
			return nil
		}
		s.off++
		if !isDigit(s.peek()) {
			return s.errorAt(Syntax, "invalid decimal literal", s.off)
		}
	}
}

// endOfNumber rejects a literal run into an ASCII name, as in 1abc, which CPython reports
// as an invalid literal. The keywords that may follow a number in valid code (1if x else y)
// are let through; CPython only warns about them. A non-ASCII character ends the number and
// starts a name, as in CPython.
func (s *scanner) endOfNumber(kind string) error {
	c := s.peek()
	if c >= utf8.RuneSelf || !isNameByte(c) || s.keywordAfterNumber() {
		return nil
	}
	return s.errorAt(Syntax, "invalid "+kind+" literal", s.off)
}

func (s *scanner) keywordAfterNumber() bool {
	rest := s.src[s.off:]
	if len(rest) >= 2 && rest[0] == 'i' && strings.IndexByte("fns", rest[1]) >= 0 {
		return true
	}
	for _, kw := range [...]string{"and", "else", "for", "or", "not"} {
		if strings.HasPrefix(rest, kw) && (len(rest) == len(kw) || !isNameByte(int(rest[len(kw)]))) {
			return true
		}
	}
	return false
}

// ParseInt converts an Int token. It returns the value as an int64 when it fits, and
// otherwise as a *big.Int with the int64 zero.
func ParseInt(text string) (int64, *big.Int, error) {
	if text == "" || !isDigit(int(text[0])) {
		return 0, nil, errors.New("invalid integer literal " + strconv.Quote(text))
	}
	clean := strings.ReplaceAll(text, "_", "")
	base := 10
	if len(clean) > 1 && clean[0] == '0' {
		switch clean[1] | 0x20 {
		case 'x':
			base = 16
		case 'o':
			base = 8
		case 'b':
			base = 2
		}
		if base != 10 {
			clean = clean[2:]
		}
	}
	if n, err := strconv.ParseInt(clean, base, 64); err == nil {
		return n, nil, nil
	}
	z, ok := new(big.Int).SetString(clean, base)
	if !ok || clean == "" || clean[0] == '+' || clean[0] == '-' { // a sign after a prefix
		return 0, nil, errors.New("invalid integer literal " + strconv.Quote(text))
	}
	return 0, z, nil
}

// ParseFloat converts a Float token, or an Imag token without its 'j'. Like Python, a literal
// too large for a float64 is infinity, not an error.
func ParseFloat(text string) (float64, error) {
	f, err := strconv.ParseFloat(strings.ReplaceAll(text, "_", ""), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, errors.New("invalid float literal " + strconv.Quote(text))
	}
	if math.IsNaN(f) || text == "" || !isDigit(int(text[0])) && text[0] != '.' {
		return 0, errors.New("invalid float literal " + strconv.Quote(text))
	}
	return f, nil
}
