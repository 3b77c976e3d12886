package parser

import (
	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// lambda parses `'lambda' [lambda_params] ':' expression`.
func (p *exprParser) lambda() ast.Expr {
	if !p.enter(levelLambda) {
		return nil
	}
	defer p.leave(levelLambda)
	start := p.pos()
	p.next()
	args := p.parameters(":", false)
	p.expect(":")
	if p.err != nil {
		return nil
	}
	body := p.expression()
	if body == nil {
		return nil
	}
	return &ast.Lambda{Span: p.spanFrom(start), Args: args, Body: body}
}

// defParameters parses the `'(' [params] ')'` of a def.
func (p *exprParser) defParameters() *ast.Arguments {
	var args *ast.Arguments
	p.bracketed(levelBlock, func() ast.Expr {
		p.expect("(")
		args = p.parameters(")", true)
		p.expect(")")
		return nil
	})
	if p.err != nil {
		return nil
	}
	return args
}

// paramState tracks where a parameter list has got to, for its ordering rules.
type paramState struct {
	slash, star, kwarg, defaults bool
}

// parameters parses a parameter list up to closer, ')' for def and ':' for lambda; def
// parameters may be annotated. The span of an empty list is the position of closer.
func (p *exprParser) parameters(closer string, annotated bool) *ast.Arguments {
	a := &ast.Arguments{}
	start := p.pos()
	var st paramState
	for !p.at(closer) && p.err == nil {
		p.parameter(a, &st, closer, annotated)
		if !p.got(",") {
			break
		}
	}
	if p.err != nil {
		return nil
	}
	a.Span = ast.Span{Start: start, Stop: start}
	if p.last != nil && p.pos() != start {
		a.Stop = p.end()
	}
	return a
}

// parameter parses one item of a parameter list: '/', '*', `*args`, `**kwargs` or a
// parameter with an optional default.
func (p *exprParser) parameter(a *ast.Arguments, st *paramState, closer string, annotated bool) {
	t := p.tok
	switch {
	case st.kwarg:
		p.failAt(t, "arguments cannot follow var-keyword argument")
	case p.at("/"):
		switch {
		case st.slash:
			p.failAt(t, "/ may appear only once")
		case st.star:
			p.failAt(t, "/ must be ahead of *")
		case len(a.Args) == 0:
			p.syntaxError()
		}
		p.next()
		a.PosOnly, a.Args, st.slash = a.Args, nil, true
	case p.at("*"):
		if st.star {
			p.failAt(t, "* argument may appear only once")
		}
		p.next()
		st.star = true
		if p.at(",") || p.at(closer) {
			p.bareStar(t, closer, annotated)
			return
		}
		a.Vararg = p.annotatedParam(annotated, p.starExpression)
		if p.at("=") {
			p.failAt(p.tok, "var-positional argument cannot have default value")
		}
	case p.at("**"):
		p.next()
		a.Kwarg = p.param(annotated)
		st.kwarg = true
		if p.at("=") {
			p.failAt(p.tok, "var-keyword argument cannot have default value")
		}
	default:
		p.namedParameter(a, st, annotated)
	}
}

// bareStar checks that the bare '*' at token star, now consumed, is followed by a named
// parameter. CPython reports its error at the '*' in a def and, in a lambda, at the last
// token it looked at.
func (p *exprParser) bareStar(star *plex.Token, closer string, annotated bool) {
	last := p.tok
	if p.at(",") {
		last = p.peek2()
	}
	if last.Value != closer && last.Value != "**" {
		return
	}
	if annotated {
		last = star
	}
	p.failAt(last, "named arguments must follow bare *")
}

// namedParameter parses `name [: annotation] [= default]`.
func (p *exprParser) namedParameter(a *ast.Arguments, st *paramState, annotated bool) {
	arg := p.param(annotated)
	var def ast.Expr
	if eq := p.tok; arg != nil && p.got("=") {
		if !canStartExpr(p.tok) {
			p.failAt(eq, "expected default value expression")
			return
		}
		def = p.expression()
	}
	if p.err != nil {
		return
	}
	switch {
	case st.star:
		a.KwOnly = append(a.KwOnly, arg)
		a.KwDefaults = append(a.KwDefaults, def)
	case def == nil && st.defaults:
		p.failNode(arg, "non-default argument follows default argument")
	default:
		if def != nil {
			st.defaults = true
			a.Defaults = append(a.Defaults, def)
		}
		a.Args = append(a.Args, arg)
	}
}

// param parses a parameter name and, in a def, its annotation.
func (p *exprParser) param(annotated bool) *ast.Arg {
	return p.annotatedParam(annotated, p.expression)
}

// annotatedParam parses a parameter name and, in a def, its annotation, which annotation
// parses: `*args` may have a starred one (PEP 646).
func (p *exprParser) annotatedParam(annotated bool, annotation func() ast.Expr) *ast.Arg {
	t := p.tok
	if t.Type != lexer.Name {
		if p.at("(") {
			p.parenthesizedParam(annotated)
		}
		p.syntaxError()
		return nil
	}
	p.next()
	arg := &ast.Arg{Name: t.Value}
	if annotated && p.got(":") {
		if arg.Annotation = annotation(); arg.Annotation == nil {
			return nil
		}
	}
	arg.Span = p.spanFrom(tokPos(t))
	return arg
}

// parenthesizedParam reports `(x)` or `(x, y)` where a parameter name should be.
func (p *exprParser) parenthesizedParam(annotated bool) {
	start := p.pos()
	x := p.quietly(p.atom)
	if t, ok := x.(*ast.Tuple); ok && t.Paren && len(t.Elts) > 0 {
		for _, e := range t.Elts {
			if !isName(e) {
				return
			}
		}
	} else if !isName(x) {
		return
	}
	what := "Lambda expression parameters"
	if annotated {
		what = "Function parameters"
	}
	p.failSpan(start, p.end(), what+" cannot be parenthesized")
}

// exceptType is what follows except: the type of the exceptions caught, and whether it is
// except*.
type exceptType struct {
	star bool
	x    ast.Expr
}

// exceptTypes parses `['*'] expression` after except. CPython names two mistakes: except*
// without a type, and several types without parentheses.
func (p *exprParser) exceptTypes() exceptType {
	var t exceptType
	if t.star = p.got("*"); t.star && !canStartExpr(p.tok) {
		p.failAt(p.tok, "expected one or more exception types")
		return t
	}
	t.x = p.expression()
	if t.x != nil && p.at(",") {
		comma := p.tok
		p.next()
		p.quietly(p.starExpressions)
		if p.got("as") && p.tok.Type == lexer.Name {
			p.next()
		}
		if p.at(":") {
			p.failSpan(t.x.Pos(), p.pos(), "multiple exception types must be parenthesized")
		} else {
			p.failAt(comma, "invalid syntax")
		}
	}
	return t
}

// withItems parses the items of a with statement: `with_item (',' with_item)*`, or the
// same in parentheses with an optional trailing comma. The parenthesised form is tried
// first and kept only if a ':' follows it, as in CPython: `with (a, b):` has two items,
// `with (a, b) as c:` one.
func (p *exprParser) withItems() []*ast.WithItem {
	if !p.at("(") {
		return p.withItemList(":")
	}
	m := p.mark()
	var items []*ast.WithItem
	p.bracketed(levelBlock, func() ast.Expr {
		p.next()
		items = p.withItemList(")")
		p.expect(")")
		return nil
	})
	if p.err == nil && p.at(":") {
		return items
	}
	// As CPython does, report a generic error where the parenthesised form failed if the
	// other form fails before that.
	farthest := p.tok
	p.reset(m)
	items = p.withItemList(":")
	if p.err != nil && p.err.msg == "invalid syntax" && before(p.err.start, tokPos(farthest)) {
		p.err = errorAt(farthest, lexer.Syntax, "invalid syntax")
	}
	return items
}

// before reports whether position a comes before b.
func before(a, b ast.Pos) bool { return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col }

// withItemList parses `with_item (',' with_item)*`, allowing a trailing comma before ')'.
func (p *exprParser) withItemList(closer string) []*ast.WithItem {
	var items []*ast.WithItem
	for p.err == nil {
		start := p.pos()
		item := &ast.WithItem{Context: p.expression()}
		if item.Context != nil && p.got("as") {
			item.Target = p.starTarget()
			p.checkTarget(item.Target, storeTarget)
		}
		item.Span = p.spanFrom(start)
		items = append(items, item)
		if !p.got(",") || closer == ")" && p.at(closer) {
			break
		}
	}
	if p.err != nil {
		return nil
	}
	return items
}
