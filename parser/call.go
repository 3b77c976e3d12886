package parser

import (
	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// callArgs holds the arguments of a call or of a class header.
type callArgs struct {
	args     []ast.Expr
	keywords []*ast.Keyword
	// misplaced is CPython's complaint about a positional argument after keywords, which
	// it reports at the end of the argument list.
	misplaced string
}

// call parses `'(' [arguments] ')'` after fn, which started at start.
func (p *exprParser) call(fn ast.Expr, start ast.Pos) ast.Expr {
	var a callArgs
	if !p.bracketedArgs(&a, true) {
		return nil
	}
	return &ast.Call{Span: p.spanFrom(start), Func: fn, Args: a.args, Keywords: a.keywords}
}

// bracketedArgs parses `'(' [arguments] ')'` into a. A lone generator expression argument
// without parentheses of its own is accepted only in calls (genexp).
func (p *exprParser) bracketedArgs(a *callArgs, genexp bool) bool {
	p.bracketed(p.bracketCost(levelCall), func() ast.Expr {
		open := p.pos()
		p.next()
		for !p.at(")") && p.err == nil {
			p.argument(a, open, genexp)
			if !p.got(",") {
				break
			}
		}
		if a.misplaced != "" {
			p.failAt(p.tok, a.misplaced)
		}
		p.expect(")")
		return nil
	})
	return p.err == nil
}

// argument parses one argument: `*x`, `**x`, `name=x`, or a positional expression, which
// may be a generator expression when it is the only argument.
func (p *exprParser) argument(a *callArgs, open ast.Pos, genexp bool) {
	start := p.pos()
	switch {
	case p.at("*"):
		star := p.tok
		x := p.starred(p.expression)
		switch {
		case x == nil:
		case p.atComprehension():
			p.failNode(x, "iterable unpacking cannot be used in comprehension")
		case a.unpacksKeywords():
			p.failAt(star, "iterable argument unpacking follows keyword argument unpacking")
		}
		a.args = append(a.args, x)
	case p.at("**"):
		p.next()
		if x := p.expression(); x != nil {
			a.keywords = append(a.keywords, &ast.Keyword{Span: p.spanFrom(start), Value: x})
		}
	case p.tok.Type == lexer.Name && p.peek2().Value == "=":
		name := p.tok
		p.next()
		eq := tokEnd(p.tok)
		p.next()
		x := p.expression()
		switch {
		case x == nil:
		case p.atComprehension():
			p.failSpan(start, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
		default:
			a.keywords = append(a.keywords, &ast.Keyword{Span: p.spanFrom(start), Arg: name.Value, Value: x})
		}
	default:
		p.positional(a, start, open, genexp)
	}
}

// positional parses a positional argument at start; open is the call's '('.
func (p *exprParser) positional(a *callArgs, start, open ast.Pos, genexp bool) {
	x := p.expression()
	switch {
	case x == nil:
		return
	case p.at(":="):
		x = p.walrus(x, start)
	case p.at("="):
		p.keywordTarget(x)
		return
	case p.atComprehension() && genexp:
		gens := p.forIfClauses()
		switch {
		case gens == nil:
			return
		case len(a.args) > 0 || len(a.keywords) > 0 || p.at(","):
			p.failSpan(x.Pos(), p.end(), "Generator expression must be parenthesized")
			return
		case !p.at(")"):
			p.syntaxError()
			return
		}
		x = &ast.GeneratorExp{Span: ast.Span{Start: open, Stop: tokEnd(p.tok)}, Elt: x, Generators: gens}
	}
	if x == nil {
		return
	}
	if len(a.keywords) > 0 && a.misplaced == "" {
		a.misplaced = "positional argument follows keyword argument"
		if a.unpacksKeywords() {
			a.misplaced += " unpacking"
		}
	}
	a.args = append(a.args, x)
}

// keywordTarget reports `x=` in an argument list where x is not a name (CPython's
// invalid_kwarg).
func (p *exprParser) keywordTarget(x ast.Expr) {
	eq := tokEnd(p.tok)
	if c, ok := x.(*ast.Constant); ok && x.Pos() == tokPos(p.last) && isKeywordConstant(c) {
		p.failSpan(x.Pos(), eq, "cannot assign to "+exprName(x))
		return
	}
	p.failSpan(x.Pos(), eq, `expression cannot contain assignment, perhaps you meant "=="?`)
}

// unpacksKeywords reports whether a `**` argument has been seen.
func (a *callArgs) unpacksKeywords() bool {
	for _, k := range a.keywords {
		if k.Arg == "" {
			return true
		}
	}
	return false
}
