// Package parser turns Aio source into the syntax tree of package ast.
//
// Aio's syntax is Python 3.11's, and so are its syntax errors: the same message, line and
// caret columns as CPython for every error this package reports, checked against CPython
// itself by the tests when python3 is installed.
//
// Design. The lexer produces all tokens up front. Compound statements and blocks are
// parsed by a participle grammar (grammar.go) whose struct tags are left-factored so that
// one token of lookahead decides every choice. Everything else — expressions, parameter
// and argument lists, and whole lines of simple statements — is parsed by a hand-written
// recursive-descent and precedence-climbing parser (scan.go, expr.go, atom.go, call.go,
// params.go, literal.go, assign.go, simple.go) that participle calls through ParseTypeWith
// hooks (hooks.go). It reads participle's token stream directly and builds ast nodes
// itself, so participle never sees an expression; measured on a 10,000-line program,
// running simple statements through participle's grammar cost more than everything else
// together. f-string fields are lexed again with lexer.LexFragment and parsed by the same
// code. Finally the grammar's structs become ast statements (stmt.go).
//
// Invariants:
//   - The hand-written parser backtracks only where it says so (with items; the expression
//     after a stray token, parsed quietly to name the error), and the grammar calls it only
//     where failing is a real syntax error. So the first error a hook reports is the one
//     to report, whatever participle makes of it; participle's own errors are translated
//     (diagnose) only when no hook reported one, and the error types of checks.go report
//     CPython's errors where participle would only see a missing alternative.
//   - Every target is checked as it is parsed, so errors come in source order, as CPython's.
//   - Every node has a valid span: Start is its first character, Stop just past its last.
//     A node built on a parenthesised operand includes the parentheses, while the operand
//     keeps its own span, as in CPython's ast.
//   - Recursion is bounded (maxParserLevel); after an error no token is consumed and every
//     loop stops, so no input can overflow the stack or hang the parser.
//   - An error caused only by the input ending too early has Kind lexer.Incomplete, which
//     tells the REPL to read another line.
package parser

import (
	"errors"
	"strings"

	"github.com/alecthomas/participle/v2"
	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// grammar is built once; TestBuild checks that building succeeds.
var grammar = participle.MustBuild[file](options()...)

func participleBuild() (*participle.Parser[file], error) { return participle.Build[file](options()...) }

func options() []participle.Option {
	opts := []participle.Option{participle.Lexer(lexer.Default), participle.UseLookahead(1)}
	opts = append(opts, hookOptions()...)
	return append(opts, checkOptions()...)
}

// ParseFile parses a module. The error, if any, is a *lexer.Error, whose Kind is
// lexer.Incomplete when more input could have made src valid, or for input nested too deeply
// for CPython's parser a *LimitError, its MemoryError.
func ParseFile(filename string, src []byte) (*ast.Module, error) {
	text := string(src)
	lex, st := begin(filename, text)
	defer end(lex)
	f, err := grammar.ParseFromLexer(lex)
	if err == nil && st.err == nil {
		if st.lexErr != nil {
			return nil, st.lexErr
		}
		return f.module(filename), nil
	}
	if st.err != nil && st.err.memory {
		return nil, errParserStack
	}
	return nil, st.choose(err, text)
}

// ParseExpr parses src as one expression list (star_expressions, or a yield expression),
// for tests and the REPL. The error, if any, is a *lexer.Error or a *LimitError, as for
// ParseFile.
func ParseExpr(filename, src string) (ast.Expr, error) {
	lex, st := begin(filename, src)
	defer end(lex)
	var p exprParser
	p.init(st, lex)
	x := p.yieldOrStarExpressions()
	for p.err == nil && p.tok.Type == lexer.Newline {
		p.next()
	}
	if p.err == nil && p.tok.Type != lexer.EOF {
		p.syntaxError()
	}
	if p.err != nil && p.err.memory {
		return nil, errParserStack
	}
	if p.err != nil {
		st.record(p.err)
		return nil, st.choose(nil, src)
	}
	if st.lexErr != nil {
		return nil, st.lexErr
	}
	return x, nil
}

// tokenize lexes src. After a lexical error the tokens before it are kept and an EOF is
// added: CPython reports a syntax error found before the point where the lexer failed, and
// the parser finds out whether there is one.
func tokenize(filename, src string) ([]plex.Token, *lexer.Error) {
	toks, err := lexer.Tokenize(filename, src, nil)
	if err == nil {
		return toks, nil
	}
	var le *lexer.Error
	if !errors.As(err, &le) {
		le = &lexer.Error{Kind: lexer.Syntax, Msg: err.Error(), Filename: filename, Line: 1}
	}
	if n := len(toks); n > 0 && toks[n-1].Type == lexer.EOF {
		toks = toks[:n-1]
	}
	eof := plex.Token{Type: lexer.EOF, Pos: plex.Position{Filename: filename, Line: 1, Column: 1}}
	if n := len(toks); n > 0 {
		end := tokEnd(&toks[n-1])
		eof.Pos.Line, eof.Pos.Column = int(end.Line), int(end.Col)
	}
	return append(toks, eof), le
}

// begin lexes src and registers a parse of it. It returns the parse's token stream and
// state.
func begin(filename, src string) (*plex.PeekingLexer, *parseState) {
	toks, lexErr := tokenize(filename, src)
	lex := upgrade(toks)
	st := &parseState{filename: filename, lexErr: lexErr}
	states.Store(&lex.Range(0, 1)[0], st)
	return lex, st
}

func end(lex *plex.PeekingLexer) { states.Delete(&lex.Range(0, 1)[0]) }

// choose returns the error to report for a failed parse: the first a hook reported, or else
// participle's, translated, unless a lexical error takes precedence.
func (st *parseState) choose(err error, src string) *lexer.Error {
	e := st.err
	if e == nil {
		e = diagnose(err)
	}
	if st.lexErr != nil && (e.eof || overrides(st.lexErr, e)) {
		return st.lexErr
	}
	return e.toError(st.filename, src)
}

// overrides reports whether lexical error le, found after the parser failed with e, is
// reported instead, as CPython does: after most syntax errors its tokenizer runs on to the
// end of the input, and an error it raises there replaces the parser's. Errors it only
// flags (indentation, a stray character or backslash) do not; an unclosed bracket does when
// it was opened on a line before the last one the parser read.
func overrides(le *lexer.Error, e *syntaxError) bool {
	switch {
	case le.Kind == lexer.Indentation || le.Kind == lexer.Tab:
		return false
	case e.msg == "unexpected indent" || e.msg == "unexpected unindent":
		return false // CPython reports these without looking further
	case strings.HasSuffix(le.Msg, "was never closed"):
		return le.Line < int(e.reach)
	}
	switch le.Msg {
	case "invalid syntax", "unexpected character after line continuation character", "unexpected EOF while parsing":
		return false
	}
	return true
}

// diagnose translates an error of participle's own into CPython's words. Its grammar
// leaves participle little to report: an unexpected token, or an indent where no block
// starts.
func diagnose(err error) *syntaxError {
	var ute *participle.UnexpectedTokenError
	if errors.As(err, &ute) {
		t := &ute.Unexpected
		switch t.Type {
		case lexer.Indent:
			return errorAt(t, lexer.Indentation, "unexpected indent")
		case lexer.Dedent:
			return errorAt(t, lexer.Indentation, "unexpected unindent")
		}
		return errorAt(t, lexer.Syntax, "invalid syntax")
	}
	var pe participle.Error
	if errors.As(err, &pe) {
		pos := posOf(pe.Position())
		return newError(lexer.Syntax, "invalid syntax", pos, pos)
	}
	return newError(lexer.Syntax, "invalid syntax", ast.Pos{Line: 1}, ast.Pos{Line: 1})
}

// upgrade makes a participle token stream of toks, which must end with EOF.
func upgrade(toks []plex.Token) *plex.PeekingLexer {
	lex, _ := plex.Upgrade(&tokenSlice{toks: toks})
	return lex
}

// tokenSlice hands out tokens from a slice; after EOF it keeps returning EOF.
type tokenSlice struct {
	toks []plex.Token
	next int
}

func (l *tokenSlice) Next() (plex.Token, error) {
	t := l.toks[l.next]
	if l.next < len(l.toks)-1 {
		l.next++
	}
	return t, nil
}
