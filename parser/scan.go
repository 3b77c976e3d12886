package parser

import (
	"strings"
	"unicode/utf8"

	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// The expression parser's recursion is bounded as CPython 3.11's parser bounds its own: past
// a stack of maxParserLevel rule calls (its MAXSTACK) CPython gives up with MemoryError. Its
// PEG rules recurse through several levels for each nesting construct where this parser
// recurses once, so each construct here counts the levels it costs CPython (the level*
// constants, measured with python3.11), on top of the baseLevel CPython has reached at the
// value of a module-level assignment. That makes the limit exact for chains of one construct
// at module level (5968 unary minuses fail, 5967 do not); other statements start a couple of
// levels higher or lower and each enclosing block adds about six, which is not counted here,
// so elsewhere the limit may be off by a few levels. Brackets are bounded at 200 by the
// lexer, as by CPython's tokenizer. Each level here is a few Go frames at most, so the Go
// stack stays small. Nesting within this limit but deeper than the 3000 levels CPython's
// compiler allows fails in Check's depth pass (check_depth.go) with RecursionError.
const (
	maxParserLevel = 6000 // MAXSTACK in CPython 3.11's Parser/parser.c
	baseLevel      = 32   // the level of the value of a module-level assignment

	levelUnary  = 1  // - + ~ not, and each further conditional of an `a if b else c if …` chain
	levelPower  = 2  // the right operand of **
	levelLambda = 2  // lambda
	levelAwait  = 1  // await
	levelParen  = 28 // a parenthesised group or tuple, or a generator expression
	levelList   = 29 // a list, set or dict display or comprehension
	levelCall   = 24 // the brackets of a call or subscript
	levelOuter  = 18 // less for the first bracket of an expression: CPython is in it already
	levelField  = 21 // an f-string replacement field
	levelBlock  = 1  // the brackets of a def's parameters or a with's items
)

// errParserStack is the MemoryError of input nested deeper than maxParserLevel.
var errParserStack = &LimitError{Type: "MemoryError"}

// exprParser parses expressions by recursive descent and precedence climbing, straight from
// participle's token stream. It keeps the first error and stops consuming tokens after it, so
// callers check p.err only where a loop could otherwise go on.
type exprParser struct {
	st    *parseState
	lex   *plex.PeekingLexer
	tok   *plex.Token // the next token
	last  *plex.Token // the token consumed last; nil before the first
	depth int         // CPython's parser levels below baseLevel, against maxParserLevel
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

// reset goes back to m, forgetting any error since but running out of stack, which ends
// the parse wherever it happens, as in CPython.
func (p *exprParser) reset(m mark) {
	p.lex.LoadCheckpoint(m.cp)
	p.tok, p.last = m.tok, m.last
	if p.err != nil && !p.err.memory {
		p.err = nil
	}
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

// enter counts the levels a construct costs CPython's parser; it fails with CPython's
// MemoryError when the input nests too deeply. Each enter(n) that succeeds is undone by
// leave(n).
func (p *exprParser) enter(n int) bool {
	p.depth += n
	if baseLevel+p.depth >= maxParserLevel && p.err == nil {
		p.err = &syntaxError{msg: errParserStack.Error(), memory: true}
		return false
	}
	return p.err == nil
}

func (p *exprParser) leave(n int) { p.depth -= n }

// bracketCost is what a bracket whose nested use costs n levels costs here.
func (p *exprParser) bracketCost(n int) int {
	if p.depth == 0 {
		return n - levelOuter
	}
	return n
}

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
