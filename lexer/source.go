package lexer

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// checkSource rejects, before any token, what CPython rejects while reading the file: a NUL
// byte or bytes that are not UTF-8. The first offending byte decides the error.
func (s *scanner) checkSource() error {
	nul := strings.IndexByte(s.src, 0)
	bad := -1
	if !utf8.ValidString(s.src) {
		bad = firstInvalidUTF8(s.src)
	}
	switch {
	case bad >= 0 && (nul < 0 || bad < nul):
		line := 1 + countLines(s.src[:bad])
		msg := fmt.Sprintf("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "+
			"but no encoding declared; see https://peps.python.org/pep-0263/ for details",
			s.src[bad], s.filename, line)
		// CPython prints no location for this one: Line 0.
		return &Error{Kind: Syntax, Msg: msg, Filename: s.filename}
	case nul >= 0:
		s.moveTo(nul)
		text := s.src[s.lineOff:nul]
		if text == "" {
			text = "\n" // an empty line, which still prints
		}
		return &Error{Kind: Syntax, Msg: "source code cannot contain null bytes",
			Filename: s.filename, Line: s.line, Text: text}
	}
	return nil
}

func firstInvalidUTF8(src string) int {
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// countLines counts line endings in universal-newline mode: "\n", "\r\n" and a lone "\r".
func countLines(s string) int {
	n := strings.Count(s, "\n")
	if strings.IndexByte(s, '\r') < 0 {
		return n
	}
	return n + strings.Count(s, "\r") - strings.Count(s, "\r\n")
}

// lineStart returns the offset of the first byte of the line holding off.
func lineStart(src string, off int) int {
	return strings.LastIndexAny(src[:off], "\r\n") + 1
}

// lineEnd returns the offset where the current line's text ends, before its newline.
func (s *scanner) lineEnd() int {
	if i := strings.IndexAny(s.src[s.lineOff:], "\r\n"); i >= 0 {
		return s.lineOff + i
	}
	return len(s.src)
}

// errorAt returns an error on the current line whose caret is at the last character before
// byte cur, like CPython's syntaxerror(), which reports the column of the character just
// read. cur may lie past the end of the source by a byte or two.
func (s *scanner) errorAt(kind ErrorKind, msg string, cur int) *Error {
	past := 0
	if cur > len(s.src) {
		cur, past = len(s.src), cur-len(s.src)
	}
	col := s.lineCol - 1 + utf8.RuneCountInString(s.src[s.lineOff:cur]) + past
	return &Error{Kind: kind, Msg: msg, Filename: s.filename, Line: s.line, Col: col, EndCol: col,
		Text: s.src[s.lineOff:s.lineEnd()]}
}

// lineError returns an error about the current line as a whole, as CPython reports
// indentation trouble: its offset is 1, which prints no caret under an indented line.
func (s *scanner) lineError(kind ErrorKind, msg string) *Error {
	return &Error{Kind: kind, Msg: msg, Filename: s.filename, Line: s.line, Col: 1,
		Text: s.src[s.lineOff:s.lineEnd()]}
}

// ColumnsInBytes reports whether CPython, running src as a script, reports the columns of
// the syntax errors that its parser raises in bytes rather than characters. It does for a
// file with neither a coding declaration nor a byte order mark: without an encoding name it
// skips converting byte offsets. (The errors its tokenizer raises count characters.) The
// difference shows only on lines with non-ASCII text before the error.
func ColumnsInBytes(src string) bool {
	if strings.HasPrefix(src, "\ufeff") {
		return false
	}
	for i := 0; i < 2; i++ {
		line := src
		if end := strings.IndexAny(src, "\r\n"); end >= 0 {
			line, src = src[:end], src[end+1:]
		} else {
			src = ""
		}
		text := strings.TrimLeft(line, " \t\f")
		if hasCodingSpec(text) {
			return false
		}
		if text != "" && text[0] != '#' {
			break // only a comment or blank first line lets CPython look at the second
		}
	}
	return true
}

// hasCodingSpec reports a PEP 263 declaration: a comment holding "coding:" or "coding=".
func hasCodingSpec(comment string) bool {
	if !strings.HasPrefix(comment, "#") {
		return false
	}
	i := strings.Index(comment, "coding")
	return i >= 0 && i+6 < len(comment) && (comment[i+6] == ':' || comment[i+6] == '=')
}
