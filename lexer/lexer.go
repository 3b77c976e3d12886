// Package lexer turns Aio source text into tokens for the participle-based parser.
//
// The scanner is hand-written and follows CPython 3.11's tokenizer (Parser/tokenizer.c) rule
// for rule, because Aio promises that every valid program is valid Python and that syntax
// errors print exactly as CPython prints them. It implements participle's lexer.Definition
// (Default) and its string and byte fast paths. Tests compare its tokens with Python's
// tokenize module and its errors with what python3 prints.
//
// Design and invariants:
//
//   - Scanning is eager: Tokenize scans the whole input into one []lexer.Token before the
//     parser runs, so a buffer can be reused across calls and participle's Upgrade copies
//     nothing but the slice. On a syntax error Tokenize also returns the tokens scanned
//     before it: CPython's tokenizer is lazy, so a parser error before that point is the one
//     CPython reports, and the parser can find it.
//   - Every token's Value is a substring of the source (no copies), and every token,
//     including the synthetic ones, has a Position: byte Offset, 1-based Line and 1-based
//     Column counted in runes. Newline's Value is the line ending as written ("\n", "\r\n" or
//     "\r"), or "" for the one added at EOF. Indent and Dedent have empty values and sit at
//     the first token of their line; EOF, and the Dedents before it, sit at the start of the
//     line after the last.
//   - Comments and blank lines produce no tokens. Newlines inside (), [] and {} and after a
//     backslash continuation produce none either.
//   - At EOF the scanner emits a Newline if the last logical line lacks one, then one Dedent
//     per open indentation level, then EOF.
//   - String and FString tokens hold the whole literal with prefix and quotes. As in Python
//     3.11, an f-string ends at its first unescaped closing quote (so a field cannot hold
//     the string's own quote); SplitFString then splits it into literal parts and
//     replacement fields, tracking brackets and nested strings, and LexFragment lexes a
//     field's expression.
//   - Source that CPython refuses to read (NUL bytes, invalid UTF-8) is rejected before any
//     token, as CPython rejects it before parsing. A UTF-8 byte order mark is skipped.
//   - The scanner never panics and always terminates: it advances at least one byte per
//     step and bounds the bracket and indentation stacks as CPython does (200 and 100
//     levels).
//
// Errors are *Error values carrying CPython's message, kind, line and caret columns. An error
// caused only by the input ending too early (an open bracket, an unterminated triple-quoted
// string, a backslash before EOF) has Kind Incomplete; every other error is final. That is
// the lenient lexing a REPL needs: on Incomplete it reads another line and scans the whole
// buffer again. No separate mode is needed, since CPython's compile and its interactive
// prompt tokenize alike up to this point; the interactive rule that a compound statement
// ends only at an empty line belongs to the REPL's classifier.
package lexer

import (
	"io"

	plex "github.com/alecthomas/participle/v2/lexer"
)

// Definition is the participle lexer definition for Aio. Its zero value is ready to use.
type Definition struct{}

// Default is the definition to pass to participle.Lexer.
var Default plex.Definition = Definition{}

var (
	_ plex.StringDefinition = Definition{}
	_ plex.BytesDefinition  = Definition{}
)

// Symbols returns the token type names of token.go.
func (Definition) Symbols() map[string]plex.TokenType { return symbols }

// Lex reads all of r and scans it.
func (d Definition) Lex(filename string, r io.Reader) (plex.Lexer, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexBytes(filename, src)
}

// LexBytes scans src.
func (d Definition) LexBytes(filename string, src []byte) (plex.Lexer, error) {
	return d.LexString(filename, string(src))
}

// LexString scans src. A syntax error is returned at once, before any token.
func (Definition) LexString(filename, src string) (plex.Lexer, error) {
	toks, err := Tokenize(filename, src, nil)
	if err != nil {
		return nil, err
	}
	return &sliceLexer{toks: toks}, nil
}

// Tokenize scans all of src, appending the tokens to buf[:0] (pass nil, or a buffer from an
// earlier call to reuse it). The result ends with an EOF token. On a syntax error it returns
// the tokens scanned before the error (without EOF) and an *Error.
func Tokenize(filename, src string, buf []plex.Token) ([]plex.Token, error) {
	if buf == nil {
		buf = make([]plex.Token, 0, len(src)/3+16) // typical code has 3 to 4 bytes a token
	}
	s := scanner{filename: filename, src: src, toks: buf[:0]}
	s.init(plex.Position{Filename: filename, Line: 1, Column: 1})
	err := s.run()
	return s.toks, err
}

// sliceLexer hands out pre-scanned tokens; after EOF it keeps returning EOF.
type sliceLexer struct {
	toks []plex.Token
	next int
}

func (l *sliceLexer) Next() (plex.Token, error) {
	t := l.toks[l.next]
	if l.next < len(l.toks)-1 {
		l.next++
	}
	return t, nil
}
