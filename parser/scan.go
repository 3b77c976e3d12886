package parser

import (
	"strings"
	"unicode/utf8"

	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// maxDepth bounds the recursion of the expression parser. Brackets are bounded at 200 levels
// by the lexer, as by CPython's tokenizer; this catches the other ways to nest (unary
// operators, not, lambda, await, conditional expressions, f-strings) long before Go's stack
// is at risk. CPython 3.11 accepts about 3000 such levels and then fails to compile with a
// RecursionError; real programs come nowhere near either limit.
const maxDepth = 1000

// exprParser parses expressions by recursive descent and precedence climbing, straight from
// participle's token stream. It keeps the first error and stops consuming tokens after it, so
// callers check p.err only where a loop could otherwise go on.
type exprParser struct {
	st    *parseState
	lex   *plex.PeekingLexer
	tok   *plex.Token // the next token
	last  *plex.Token // the token consumed last; nil before the first
	depth int         // recursion depth, against maxDepth
	level int         // open brackets: "Perhaps you forgot a comma?" applies only inside them
	quiet int         // > 0 while parsing speculatively, with error-guessing rules off
	err   *syntaxError
}

func (p *exprParser) init(st *parseState, lex *plex.PeekingLexer) {
	p.st, p.lex, p.tok = st, lex, lex.Peek()
}

// next consumes the current token; after an error it does nothing, so that the error's
// token stays current and every loop ends.
func (p *exprParser) next() {
	if p.err != nil {
		return
	}
	p.last = p.tok
	p.lex.Next()
	p.tok = p.lex.Peek()
}

// at reports whether the current token is the operator or keyword s.
func (p *exprParser) at(s string) bool {
	return p.tok.Value == s && (p.tok.Type == lexer.Op || p.tok.Type == lexer.Keyword)
}

// got consumes the current token if it is the operator or keyword s.
func (p *exprParser) got(s string) bool {
	if p.at(s) && p.err == nil {
		p.next()
		return true
	}
	return false
}

// expect consumes s or fails with "invalid syntax" at the current token.
func (p *exprParser) expect(s string) {
	if !p.got(s) {
		p.syntaxError()
	}
}

// peek2 returns the token after the current one without consuming anything.
func (p *exprParser) peek2() *plex.Token {
	cp := p.lex.MakeCheckpoint()
	p.lex.Next()
	t := p.lex.Peek()
	p.lex.LoadCheckpoint(cp)
	return t
}

// mark is a position in the token stream to come back to.
type mark struct {
	cp        plex.Checkpoint
	tok, last *plex.Token
}

func (p *exprParser) mark() mark { return mark{p.lex.MakeCheckpoint(), p.tok, p.last} }

// reset goes back to m, forgetting any error since.
func (p *exprParser) reset(m mark) {
	p.lex.LoadCheckpoint(m.cp)
	p.tok, p.last, p.err = m.tok, m.last, nil
}

// pos is the start of the current token.
func (p *exprParser) pos() ast.Pos { return tokPos(p.tok) }

// end is the end of the last consumed token.
func (p *exprParser) end() ast.Pos {
	if p.last == nil {
		return p.pos()
	}
	return tokEnd(p.last)
}

// spanFrom is the span from start to the end of the last consumed token.
func (p *exprParser) spanFrom(start ast.Pos) ast.Span { return ast.Span{Start: start, Stop: p.end()} }

// enter counts one level of recursion; it fails when the input nests too deeply.
func (p *exprParser) enter() bool {
	p.depth++
	if p.depth > maxDepth {
		p.failAt(p.tok, "too complex")
		return false
	}
	return p.err == nil
}

func (p *exprParser) leave() { p.depth-- }

func tokPos(t *plex.Token) ast.Pos {
	return ast.Pos{Line: int32(t.Pos.Line), Col: int32(t.Pos.Column)}
}

// tokEnd is the position just past the token's last character. Only string tokens span
// lines (triple quotes, backslash continuations inside the literal).
func tokEnd(t *plex.Token) ast.Pos {
	v := t.Value
	nl := strings.LastIndexByte(v, '\n')
	if nl < 0 {
		return ast.Pos{Line: int32(t.Pos.Line), Col: int32(t.Pos.Column + utf8.RuneCountInString(v))}
	}
	return ast.Pos{
		Line: int32(t.Pos.Line + strings.Count(v, "\n")),
		Col:  int32(1 + utf8.RuneCountInString(v[nl+1:])),
	}
}

// canStartExpr reports whether t can begin an expression (not counting '*' and 'yield',
// which only some contexts accept).
func canStartExpr(t *plex.Token) bool {
	switch t.Type {
	case lexer.Name, lexer.Int, lexer.Float, lexer.Imag, lexer.String, lexer.FString:
		return true
	case lexer.Keyword:
		switch t.Value {
		case "None", "True", "False", "not", "lambda", "await":
			return true
		}
	case lexer.Op:
		switch t.Value {
		case "(", "[", "{", "-", "+", "~", "...":
			return true
		}
	}
	return false
}
