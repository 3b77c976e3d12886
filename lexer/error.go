package lexer

import (
	"fmt"
	"strings"

	plex "github.com/alecthomas/participle/v2/lexer"
)

// ErrorKind classifies a syntax error; the REPL asks for more input on Incomplete.
type ErrorKind uint8

const (
	// Syntax is a SyntaxError.
	Syntax ErrorKind = iota
	// Indentation is an IndentationError.
	Indentation
	// Tab is a TabError.
	Tab
	// Incomplete is a SyntaxError caused only by input ending too early: an open bracket, an
	// unterminated triple-quoted string, a trailing backslash, a block header with no body.
	Incomplete
)

// Error is a syntax error of any kind. It prints exactly as CPython prints an uncaught
// SyntaxError, without the traceback header:
//
//	  File "x.aio", line 1
//	    def f(:
//	          ^
//	SyntaxError: invalid syntax
type Error struct {
	Kind     ErrorKind
	Msg      string
	Filename string
	Line     int    // 1-based
	Col      int    // 1-based rune column of the first caret; 0 for no caret
	EndCol   int    // rune column just past the last caret; ≤ Col means one caret
	Text     string // the offending source line, without its newline; "" if unknown, "\n" if empty
}

// TypeName is the Python exception class name for the error.
func (e *Error) TypeName() string {
	switch e.Kind {
	case Indentation:
		return "IndentationError"
	case Tab:
		return "TabError"
	case Incomplete:
		// A block header at the end of the input is incomplete for the REPL, but CPython
		// reports it as an IndentationError.
		if strings.HasPrefix(e.Msg, "expected an indented block") {
			return "IndentationError"
		}
	}
	return "SyntaxError"
}

// Error returns the CPython-style report: location, source line, caret and message, laid out
// as CPython's print_exception and print_error_text do it. An error with Line 0 has no
// location (CPython reports undecodable source that way) and prints only its last line.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "  File \"%s\", line %d\n", e.Filename, e.Line)
		if e.Text != "" {
			e.writeText(&b)
		}
	}
	fmt.Fprintf(&b, "%s: %s", e.TypeName(), e.Msg)
	return b.String()
}

// writeText prints the source line without its indentation and, under it, the carets, unless
// they would point left of the printed text. Columns are 1-based; Col 0 prints no caret.
func (e *Error) writeText(b *strings.Builder) {
	text := strings.TrimSuffix(e.Text, "\n")
	size := len(text) + 1 // as CPython measures the line, with its newline
	end := e.EndCol
	if end > size+1 {
		end = size + 1
	}
	carets := 1
	if end > 0 && end > e.Col {
		carets = end - e.Col
	}
	trimmed := strings.TrimLeft(text, " \t\f")
	offset := e.Col - 1 - (len(text) - len(trimmed))
	if offset > len(trimmed) { // CPython clips to the length in bytes
		offset = len(trimmed)
	}
	fmt.Fprintf(b, "    %s\n", trimmed)
	if offset >= 0 {
		fmt.Fprintf(b, "    %s%s\n", strings.Repeat(" ", offset), strings.Repeat("^", carets))
	}
}

// Message and Position let participle treat the error as its own.
func (e *Error) Message() string { return e.Msg }

// Position returns where the first caret points; Offset is not tracked and is 0.
func (e *Error) Position() plex.Position {
	return plex.Position{Filename: e.Filename, Line: e.Line, Column: e.Col}
}
