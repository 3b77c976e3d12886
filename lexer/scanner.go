package lexer

import (
	"unicode/utf8"

	plex "github.com/alecthomas/participle/v2/lexer"
)

// CPython's limits (Parser/tokenizer.h): MAXLEVEL brackets and MAXINDENT indentation levels.
const (
	maxLevel  = 200
	maxIndent = 100
	tabSize   = 8
)

// eof is what peek returns past the end of the source.
const eof = -1

// A scanner holds the state of one Tokenize call. Its mutable state mirrors CPython's
// tok_state: the physical line being read, the indentation stacks and the bracket stack.
type scanner struct {
	filename string
	src      string
	toks     []plex.Token
	fragment bool // lexing an f-string field: as if inside brackets, no indentation

	off     int // next byte to read
	line    int // 1-based number of the line holding off
	lineOff int // offset of that line's first byte

	// bufOff is where CPython's line buffer starts: the current line, or an earlier one if
	// the current line was read in the middle of a token (a string spanning lines, or a
	// backslash continuation after a token). One error message counts its column from it.
	bufOff int

	// Column cache: col is the 1-based rune column of byte colOff on the current line, so that
	// computing a position counts only the runes since the previous one. lineCol is the
	// column of lineOff: 1, except on the first line of a fragment.
	colOff, col, lineCol int

	// Where src starts in its file: line 1, column 1 and offset 0 except for fragments.
	startLine, startCol, offBase int

	tokStart int // first byte of the token being scanned

	atBOL bool // the next byte starts a physical line whose indentation is not yet measured
	blank bool // the current line holds only whitespace and a comment

	indent     int                // index of the innermost indentation level
	indents    [maxIndent + 1]int // widths with tabs to multiples of 8
	altIndents [maxIndent + 1]int // widths with a tab counting 1, to detect inconsistency
	parens     []paren            // open brackets, innermost last
	parenStore [maxLevel]paren    // backing array of parens
}

// paren is an open bracket, remembered for mismatch and "never closed" errors.
type paren struct {
	c    byte
	line int
	off  int // in src
}

func (s *scanner) init(start plex.Position) {
	s.startLine, s.startCol, s.offBase = start.Line, start.Column, start.Offset
	s.atBOL = !s.fragment
	s.parens = s.parenStore[:0]
	// CPython skips a UTF-8 byte order mark; columns then count from after it.
	if len(s.src) >= 3 && s.src[:3] == "\ufeff" {
		s.off = 3
	}
	s.setLine(s.startLine, s.off)
	s.bufOff = s.off
}

// setLine makes the physical line that starts at byte lineOff the current one.
func (s *scanner) setLine(line, lineOff int) {
	s.line, s.lineOff, s.colOff, s.col, s.lineCol = line, lineOff, lineOff, 1, 1
	if line == s.startLine {
		s.col, s.lineCol = s.startCol, s.startCol
	}
}

// run scans the whole source. It mirrors the loop of CPython's tok_get.
func (s *scanner) run() error {
	if err := s.checkSource(); err != nil {
		return err
	}
	for {
		if s.atBOL {
			s.atBOL = false
			if err := s.indentation(); err != nil {
				return err
			}
		}
		s.skipSpace()
		c := s.peek()
		var err error
		switch {
		case c == eof:
			return s.finish()
		case c == '#':
			s.skipComment()
		case c == '\n' || c == '\r':
			s.newline()
		case c == '\\':
			err = s.continuation()
		default:
			err = s.token(c)
		}
		if err != nil {
			return err
		}
	}
}

// token scans one token starting with byte c.
func (s *scanner) token(c int) error {
	switch {
	case isNameStartByte(c):
		return s.name()
	case isDigit(c) || c == '.' && isDigit(s.peekAt(1)):
		return s.number()
	case c == '"' || c == '\'':
		return s.str(s.off, s.off)
	}
	return s.operator()
}

// peek returns the next byte, or eof.
func (s *scanner) peek() int {
	if s.off < len(s.src) {
		return int(s.src[s.off])
	}
	return eof
}

// peekAt returns the byte at s.off+i, or eof.
func (s *scanner) peekAt(i int) int {
	if s.off+i < len(s.src) {
		return int(s.src[s.off+i])
	}
	return eof
}

func (s *scanner) skipSpace() {
	for s.off < len(s.src) {
		switch s.src[s.off] {
		case ' ', '\t', '\f':
			s.off++
		default:
			return
		}
	}
}

// skipComment stops before the newline, which ends the line as usual.
func (s *scanner) skipComment() {
	for s.off < len(s.src) && s.src[s.off] != '\n' && s.src[s.off] != '\r' {
		s.off++
	}
}

// eolLen returns the length of the line ending at off: 1 for "\n" or "\r", 2 for "\r\n".
// CPython reads source with universal newlines, so all three end a line.
func (s *scanner) eolLen(off int) int {
	if s.src[off] == '\r' && off+1 < len(s.src) && s.src[off+1] == '\n' {
		return 2
	}
	return 1
}

// nextLine moves past the line ending at s.off to the start of the next physical line.
func (s *scanner) nextLine() {
	s.off += s.eolLen(s.off)
	s.setLine(s.line+1, s.off)
}

// newline ends a physical line, emitting a Newline token if it ends a logical line.
func (s *scanner) newline() {
	if !s.blank && len(s.parens) == 0 && !s.fragment {
		s.emit(Newline, s.off, s.off+s.eolLen(s.off))
	}
	s.nextLine()
	s.atBOL = !s.fragment
	s.bufOff = s.off
}

// continuation handles a backslash outside a string: it must end the line, and some line
// must follow it.
func (s *scanner) continuation() error {
	start := s.off
	s.off++
	c := s.peek()
	if c != '\n' && c != '\r' && c != eof {
		// CPython counts this column in bytes from the start of its line buffer.
		e := s.errorAt(Syntax, "unexpected character after line continuation character", s.off+1)
		e.Col, e.EndCol = s.lineCol+s.off-s.bufOff, 0
		return e
	}
	if c != eof {
		s.nextLine()
	}
	if s.off == len(s.src) {
		return s.eofAfterBackslash(start)
	}
	return nil
}

// eofAfterBackslash reports a backslash continuation with no line after it. CPython puts the
// caret just past the backslash, and inside brackets reports the innermost open one instead.
func (s *scanner) eofAfterBackslash(backslash int) error {
	if len(s.parens) > 0 {
		return s.unclosed()
	}
	s.moveTo(backslash)
	return s.errorAt(Incomplete, "unexpected EOF while parsing", backslash+2)
}

// moveTo sets the line bookkeeping to the line holding off, for errors reported on another
// line than the current one.
func (s *scanner) moveTo(off int) {
	if off >= s.lineOff && off <= s.lineEnd() {
		return
	}
	s.setLine(s.startLine+countLines(s.src[:off]), lineStart(s.src, off))
}

// finish handles the end of input: an open bracket is an error; otherwise a last line
// without a newline gets a Newline token, as CPython appends a newline to such a line, and
// the Dedents and EOF follow at the start of the line after the last.
func (s *scanner) finish() error {
	if len(s.parens) > 0 {
		return s.unclosed()
	}
	if !s.fragment {
		if s.off > s.lineOff {
			if !s.blank {
				s.emit(Newline, s.off, s.off)
			}
			s.setLine(s.line+1, s.off)
		}
		for ; s.indent > 0; s.indent-- {
			s.emit(Dedent, s.off, s.off)
		}
	}
	s.emit(EOF, s.off, s.off)
	return nil
}

// unclosed reports the innermost bracket still open at EOF. CPython's parser raises this
// one, so its column may count bytes (ColumnsInBytes).
func (s *scanner) unclosed() error {
	p := s.parens[len(s.parens)-1]
	s.moveTo(p.off)
	e := s.errorAt(Incomplete, "'"+string(p.c)+"' was never closed", p.off+1)
	if ColumnsInBytes(s.src) {
		e.Col = s.lineCol + p.off - s.lineOff
	}
	e.EndCol = 0
	return e
}

// emit appends a token spanning src[start:end], which lies on the current line or starts on it.
func (s *scanner) emit(typ plex.TokenType, start, end int) {
	s.emitAt(typ, start, end, s.pos(start))
}

func (s *scanner) emitAt(typ plex.TokenType, start, end int, pos plex.Position) {
	s.toks = append(s.toks, plex.Token{Type: typ, Value: s.src[start:end], Pos: pos})
}

// pos returns the position of byte off, which must lie on the current line at or after the
// line's start.
func (s *scanner) pos(off int) plex.Position {
	if off < s.colOff {
		s.colOff, s.col = s.lineOff, s.lineCol
	}
	s.col += utf8.RuneCountInString(s.src[s.colOff:off])
	s.colOff = off
	return plex.Position{Filename: s.filename, Offset: s.offBase + off, Line: s.line, Column: s.col}
}
