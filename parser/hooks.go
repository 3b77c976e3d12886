package parser

import (
	"sync"

	"github.com/alecthomas/participle/v2"
	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// The grammar's fields of these interface types are parsed by the hand-written parser,
// through participle.ParseTypeWith. Each type names the CPython rule its hook parses.
type (
	simpleNode     interface{ value() simpleLine }      // simple_stmts: a whole line
	starExprsNode  interface{ ast.Expr }                // star_expressions
	namedExprNode  interface{ ast.Expr }                // named_expression
	exprNode       interface{ ast.Expr }                // expression
	targetsNode    interface{ ast.Expr }                // star_targets, checked
	paramsNode     interface{ value() *ast.Arguments }  // '(' [params] ')'
	classArgsNode  interface{ value() callArgs }        // '(' [arguments] ')'
	withItemsNode  interface{ value() []*ast.WithItem } // with_item list, maybe in parentheses
	exceptTypeNode interface{ value() exceptType }      // ['*'] expression, after except
)

// parsed carries a hand-parsed value that is not an expression through a grammar field.
type parsed[T any] struct{ v T }

func (x parsed[T]) value() T { return x.v }

// hookOptions registers the hooks with participle.
func hookOptions() []participle.Option {
	return []participle.Option{
		participle.ParseTypeWith(hook(startsSimple, func(p *exprParser) simpleNode {
			if line := p.simpleStatements(); line.stmts != nil {
				return parsed[simpleLine]{line}
			}
			return nil
		})),
		participle.ParseTypeWith(hook(startsStarred, func(p *exprParser) starExprsNode {
			return p.starExpressions()
		})),
		participle.ParseTypeWith(hook(canStartExpr, func(p *exprParser) namedExprNode {
			return p.namedExpression()
		})),
		participle.ParseTypeWith(hook(canStartExpr, func(p *exprParser) exprNode {
			return p.expression()
		})),
		participle.ParseTypeWith(hook(startsStarred, func(p *exprParser) targetsNode {
			return p.targetList()
		})),
		participle.ParseTypeWith(hook(isOpenParen, func(p *exprParser) paramsNode {
			if args := p.defParameters(); args != nil {
				return parsed[*ast.Arguments]{args}
			}
			return nil
		})),
		participle.ParseTypeWith(hook(isOpenParen, func(p *exprParser) classArgsNode {
			var a callArgs
			if p.bracketedArgs(&a, false) {
				return parsed[callArgs]{a}
			}
			return nil
		})),
		participle.ParseTypeWith(hook(startsStarred, func(p *exprParser) exceptTypeNode {
			if t := p.exceptTypes(); t.x != nil {
				return parsed[exceptType]{t}
			}
			return nil
		})),
		participle.ParseTypeWith(hook(canStartExpr, func(p *exprParser) withItemsNode {
			if items := p.withItems(); items != nil {
				return parsed[[]*ast.WithItem]{items}
			}
			return nil
		})),
	}
}

// hook adapts a parse function to participle.ParseTypeWith. When the next token cannot
// start the construct, the hook consumes nothing and returns participle.NextMatch, so that
// optional fields and alternatives work. Any error is also recorded in the parse's state:
// participle may backtrack over a failed optional field and report something else, but
// the hand-written parser never runs speculatively from the grammar, so its first error is
// the true one.
func hook[T any](starts func(*plex.Token) bool, parse func(*exprParser) T) func(*plex.PeekingLexer) (T, error) {
	return func(lex *plex.PeekingLexer) (T, error) {
		var zero T
		if !starts(lex.Peek()) {
			return zero, participle.NextMatch
		}
		var p exprParser
		p.init(stateOf(lex), lex)
		x := parse(&p)
		if p.err != nil {
			p.st.record(p.err)
			return zero, p.err
		}
		return x, nil
	}
}

func startsStarred(t *plex.Token) bool { return canStartExpr(t) || t.Value == "*" }

func isOpenParen(t *plex.Token) bool { return t.Value == "(" && t.Type == lexer.Op }

// parseState is what one parse shares between its hooks, which participle calls with
// nothing but the token stream.
type parseState struct {
	filename string
	lexErr   *lexer.Error // a lexical error ends the token stream early
	err      *syntaxError // the first error a hook reported
}

func (st *parseState) record(err *syntaxError) {
	if st.err == nil {
		st.err = err
	}
}

// states maps each running parse, by the address of its first token, to its state. The
// token buffer outlives the parse and no two parses share one.
var states sync.Map

func stateOf(lex *plex.PeekingLexer) *parseState {
	if st, ok := states.Load(&lex.Range(0, 1)[0]); ok {
		return st.(*parseState)
	}
	return &parseState{}
}
