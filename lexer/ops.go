package lexer

import (
	"fmt"
	"unicode"
)

// opLen returns the length of the operator or delimiter that src starts with, longest match
// first, or 0. Like CPython's tokenizer it also passes '$', '?', '`' and a lone '!' through
// as one-character operators, which the parser then rejects as invalid syntax; and "<>"
// is one token, as in CPython, which accepts it only under "from __future__ import
// barry_as_FLUFL".
func opLen(src string) int {
	at := func(i int) byte {
		if i < len(src) {
			return src[i]
		}
		return 0
	}
	c, c1 := src[0], at(1)
	switch c {
	case '*', '/', '<', '>':
		switch {
		case c1 == c && at(2) == '=':
			return 3
		case c1 == c || c1 == '=' || c == '<' && c1 == '>':
			return 2
		}
		return 1
	case '-':
		if c1 == '=' || c1 == '>' {
			return 2
		}
		return 1
	case '+', '%', '&', '|', '^', '@', '=', '!', ':':
		if c1 == '=' {
			return 2
		}
		return 1
	case '.':
		if c1 == '.' && at(2) == '.' {
			return 3
		}
		return 1
	case '(', ')', '[', ']', '{', '}', ',', ';', '~', '$', '?', '`':
		return 1
	}
	return 0
}

// operator scans an operator or delimiter, keeping the bracket stack.
func (s *scanner) operator() error {
	start := s.off
	n := opLen(s.src[start:])
	if n == 0 {
		// Only control characters get here: letters, digits, quotes, whitespace and
		// non-ASCII bytes are scanned elsewhere.
		c := rune(s.src[start])
		if unicode.IsPrint(c) {
			return s.errorAt(Syntax, fmt.Sprintf("invalid character '%c' (U+%04X)", c, c), start+1)
		}
		return s.errorAt(Syntax, fmt.Sprintf("invalid non-printable character U+%04X", c), start+1)
	}
	pos := s.pos(start)
	s.off += n
	if n == 1 {
		if err := s.bracket(start); err != nil {
			return err
		}
	}
	s.emitAt(Op, start, s.off, pos)
	return nil
}

// bracket keeps the stack of open brackets, which turns newlines into whitespace. The
// scanner has just read the character at start.
func (s *scanner) bracket(start int) error {
	switch c := s.src[start]; c {
	case '(', '[', '{':
		if len(s.parens) >= maxLevel {
			return s.errorAt(Syntax, "too many nested parentheses", s.off)
		}
		s.parens = append(s.parens, paren{c: c, line: s.line, off: start})
	case ')', ']', '}':
		if len(s.parens) == 0 {
			return s.errorAt(Syntax, fmt.Sprintf("unmatched '%c'", c), s.off)
		}
		open := s.parens[len(s.parens)-1]
		s.parens = s.parens[:len(s.parens)-1]
		if open.c != matching(c) {
			msg := fmt.Sprintf("closing parenthesis '%c' does not match opening parenthesis '%c'", c, open.c)
			if open.line != s.line {
				msg += fmt.Sprintf(" on line %d", open.line)
			}
			return s.errorAt(Syntax, msg, s.off)
		}
	}
	return nil
}

func matching(closer byte) byte {
	switch closer {
	case ')':
		return '('
	case ']':
		return '['
	}
	return '{'
}
