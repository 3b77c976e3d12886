package lexer

import (
	"fmt"
	"strings"

	plex "github.com/alecthomas/participle/v2/lexer"
)

// str scans a string literal whose prefix starts at start and whose opening quote is at q.
// As in CPython 3.11 the body is not interpreted beyond backslashes, which hide the next
// character, so f-strings are scanned like any other string and end at the first
// unescaped closing quote.
func (s *scanner) str(start, q int) error {
	pos := s.pos(start)
	line, lineOff := s.line, s.lineOff
	quote := s.src[q]
	size := 1
	s.off = q + 1
	switch {
	case s.peek() == int(quote) && s.peekAt(1) == int(quote):
		size = 3
		s.off += 2
	case s.peek() == int(quote): // the empty string
		s.off++
		s.emitString(start, q, pos)
		return nil
	}
	for closing := 0; closing < size; {
		if s.off == len(s.src) {
			return s.unterminated(size, line, lineOff, start, s.off == s.lineOff)
		}
		switch c := s.src[s.off]; c {
		case '\n', '\r':
			if size == 1 {
				return s.unterminated(size, line, lineOff, start, false)
			}
			s.nextLine()
			closing = 0
		case quote:
			closing++
			s.off++
		case '\\':
			closing = 0
			s.off++
			switch {
			case s.off == len(s.src): // escapes the newline CPython adds at the end
				return s.unterminated(size, line, lineOff, start, true)
			case s.src[s.off] == '\n' || s.src[s.off] == '\r':
				s.nextLine()
			default:
				s.off++
			}
		default:
			closing = 0
			s.off++
		}
	}
	s.emitString(start, q, pos)
	return nil
}

// emitString emits the literal that ends at s.off; its prefix is src[start:q].
func (s *scanner) emitString(start, q int, pos plex.Position) {
	typ := String
	if strings.ContainsAny(s.src[start:q], "fF") {
		typ = FString
	}
	s.emitAt(typ, start, s.off, pos)
}

// unterminated reports a string that reaches the end of its line (single quotes) or of the
// input. CPython points at the string's first character and names the line where it
// noticed. A string that more input could complete is Incomplete: a triple-quoted one, or a
// single-quoted one whose last line ended in a backslash (continued).
func (s *scanner) unterminated(size, line, lineOff, start int, continued bool) error {
	detected := s.line
	if s.off == len(s.src) && s.off == s.lineOff && s.off > 0 {
		detected-- // the input ended with a newline: the last line is the one before
	}
	kind := Syntax
	if size == 3 || continued {
		kind = Incomplete
	}
	s.setLine(line, lineOff)
	msg := fmt.Sprintf("unterminated string literal (detected at line %d)", detected)
	if size == 3 {
		msg = fmt.Sprintf("unterminated triple-quoted string literal (detected at line %d)", detected)
	}
	return s.errorAt(kind, msg, start+1)
}
