package parser

import (
	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// primary parses `atom` followed by any number of trailers: `.name`, `(arguments)` and
// `[slices]`. Every trailer's node starts where the atom's first token does.
func (p *exprParser) primary() ast.Expr {
	start := p.pos()
	x := p.atom()
	for x != nil && p.err == nil {
		switch {
		case p.at("."):
			p.next()
			if p.tok.Type != lexer.Name {
				return p.syntaxError()
			}
			x = &ast.Attribute{Span: ast.Span{Start: start, Stop: tokEnd(p.tok)}, X: x, Name: p.tok.Value, NamePos: p.pos()}
			p.next()
		case p.at("("):
			x = p.call(x, start)
		case p.at("["):
			x = p.subscript(x, start)
		default:
			return x
		}
	}
	return nil
}

// atom parses a name, a literal, `...`, or a parenthesised form or display. After an error
// it returns nil: every loop that builds nodes comes through here and so ends.
func (p *exprParser) atom() ast.Expr {
	if p.err != nil {
		return nil
	}
	t := p.tok
	switch t.Type {
	case lexer.Name:
		p.next()
		return &ast.Name{Span: ast.Span{Start: tokPos(t), Stop: tokEnd(t)}, ID: t.Value}
	case lexer.Int, lexer.Float, lexer.Imag:
		return p.number()
	case lexer.String, lexer.FString:
		return p.strings()
	case lexer.Keyword:
		switch t.Value {
		case "None":
			return p.constant(nil)
		case "True":
			return p.constant(true)
		case "False":
			return p.constant(false)
		}
	case lexer.Op:
		switch t.Value {
		case "(":
			return p.bracketed(p.bracketCost(levelParen), p.paren)
		case "[":
			return p.bracketed(p.bracketCost(levelList), p.list)
		case "{":
			return p.bracketed(p.bracketCost(levelList), p.brace)
		case "...":
			return p.constant(ast.Ellipsis{})
		}
	}
	return p.syntaxError()
}

// constant consumes the current token as the constant v.
func (p *exprParser) constant(v any) ast.Expr {
	t := p.tok
	p.next()
	return &ast.Constant{Span: ast.Span{Start: tokPos(t), Stop: tokEnd(t)}, Value: v}
}

// bracketed runs parse, which starts at an opening bracket, one bracket and cost levels
// deeper.
func (p *exprParser) bracketed(cost int, parse func() ast.Expr) ast.Expr {
	if !p.enter(cost) {
		return nil
	}
	p.level++
	x := parse()
	p.level--
	p.leave(cost)
	return x
}

// paren parses what starts with '(': an empty or parenthesised tuple, a yield expression,
// a generator expression, or a group, whose node keeps its own span.
func (p *exprParser) paren() ast.Expr {
	start := p.pos()
	p.next()
	if p.got(")") {
		return &ast.Tuple{Span: p.spanFrom(start), Paren: true}
	}
	if p.at("yield") {
		x := p.yieldExpr()
		if x != nil && !p.got(")") {
			return p.syntaxError()
		}
		return x
	}
	x := p.starNamedExpression()
	switch {
	case x == nil:
		return nil
	case p.atComprehension():
		if gens := p.comprehension(x, ")"); gens != nil {
			return &ast.GeneratorExp{Span: p.spanFrom(start), Elt: x, Generators: gens}
		}
		return nil
	case p.at(")"):
		if isStarred(x) {
			return p.failNode(x, "cannot use starred expression here")
		}
		p.next()
		return x
	}
	elts := p.items(x, ")", p.starNamedExpression)
	if elts == nil {
		return nil
	}
	return &ast.Tuple{Span: p.spanFrom(start), Elts: elts, Paren: true}
}

// items parses the rest of a comma-separated display whose first item is first, through the
// closing bracket.
func (p *exprParser) items(first ast.Expr, closer string, item func() ast.Expr) []ast.Expr {
	elts := []ast.Expr{first}
	for p.got(",") && !p.at(closer) {
		if closer != ")" && p.atComprehension() {
			// CPython's caret runs to the comma after a lone first item.
			end := p.end()
			if len(elts) > 1 {
				end = elts[len(elts)-1].End()
			}
			p.failSpan(first.Pos(), end, "did you forget parentheses around the comprehension target?")
			return nil
		}
		x := item()
		if x == nil {
			return nil
		}
		elts = append(elts, x)
	}
	if closer != ")" && p.atComprehension() {
		p.failSpan(first.Pos(), elts[len(elts)-1].End(), "did you forget parentheses around the comprehension target?")
		return nil
	}
	if !p.got(closer) {
		p.syntaxError()
		return nil
	}
	return elts
}

// list parses `'[' [star_named_expressions] ']'` or a list comprehension.
func (p *exprParser) list() ast.Expr {
	start := p.pos()
	p.next()
	if p.got("]") {
		return &ast.List{Span: p.spanFrom(start)}
	}
	x := p.starNamedExpression()
	switch {
	case x == nil:
		return nil
	case p.atComprehension():
		if gens := p.comprehension(x, "]"); gens != nil {
			return &ast.ListComp{Span: p.spanFrom(start), Elt: x, Generators: gens}
		}
		return nil
	}
	elts := p.items(x, "]", p.starNamedExpression)
	if elts == nil {
		return nil
	}
	return &ast.List{Span: p.spanFrom(start), Elts: elts}
}

// brace parses what starts with '{': a dict or set display or comprehension. The first item
// decides which.
func (p *exprParser) brace() ast.Expr {
	start := p.pos()
	p.next()
	if p.got("}") {
		return &ast.Dict{Span: p.spanFrom(start)}
	}
	if p.at("**") {
		return p.dict(start, nil)
	}
	x := p.starNamedExpression()
	switch {
	case x == nil:
		return nil
	case p.at(":"):
		return p.dict(start, x)
	case p.atComprehension():
		if gens := p.comprehension(x, "}"); gens != nil {
			return &ast.SetComp{Span: p.spanFrom(start), Elt: x, Generators: gens}
		}
		return nil
	}
	elts := p.items(x, "}", p.starNamedExpression)
	if elts == nil {
		return nil
	}
	return &ast.Set{Span: p.spanFrom(start), Elts: elts}
}

// dict parses the rest of a dict display or comprehension; key is the first key, already
// parsed, or nil when the display starts with `**`.
func (p *exprParser) dict(start ast.Pos, key ast.Expr) ast.Expr {
	d := &ast.Dict{}
	for {
		var v ast.Expr
		if key == nil && p.got("**") {
			v = p.bitwiseOr()
		} else {
			if key == nil {
				key = p.expression()
			}
			v = p.dictValue(key)
		}
		if v == nil || p.err != nil {
			return nil
		}
		if len(d.Keys) == 0 && key != nil && p.atComprehension() {
			if gens := p.comprehension(key, "}"); gens != nil {
				return &ast.DictComp{Span: p.spanFrom(start), Key: key, Value: v, Generators: gens}
			}
			return nil
		}
		d.Keys = append(d.Keys, key)
		d.Values = append(d.Values, v)
		key = nil
		if !p.got(",") || p.at("}") {
			break
		}
	}
	if !p.got("}") {
		return p.syntaxError()
	}
	d.Span = p.spanFrom(start)
	return d
}

// dictValue parses `':' expression` after key, with CPython's messages for a missing part.
func (p *exprParser) dictValue(key ast.Expr) ast.Expr {
	if key == nil {
		return nil
	}
	colon := p.tok
	if !p.got(":") {
		if p.at(",") || p.at("}") {
			return p.failSpan(key.Pos(), key.Pos(), "':' expected after dictionary key")
		}
		return p.syntaxError()
	}
	switch {
	case p.at(",") || p.at("}"):
		return p.failAt(colon, "expression expected after dictionary key and ':'")
	case p.at("*"):
		if x := p.quietly(func() ast.Expr { return p.starred(p.bitwiseOr) }); x != nil {
			return p.failNode(x, "cannot use a starred expression in a dictionary value")
		}
	}
	return p.expression()
}

// atComprehension reports whether a comprehension's `for` or `async for` starts here.
func (p *exprParser) atComprehension() bool {
	return p.at("for") || p.at("async") && p.peek2().Value == "for"
}

// comprehension parses the `for_if_clauses` after the element elt of a display, and the
// display's closing bracket.
func (p *exprParser) comprehension(elt ast.Expr, closer string) []*ast.Comprehension {
	if isStarred(elt) {
		p.failNode(elt, "iterable unpacking cannot be used in comprehension")
		return nil
	}
	gens := p.forIfClauses()
	if gens == nil || !p.got(closer) {
		p.syntaxError()
		return nil
	}
	return gens
}

// forIfClauses parses `(['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*)+`.
func (p *exprParser) forIfClauses() []*ast.Comprehension {
	var gens []*ast.Comprehension
	for p.err == nil && p.atComprehension() {
		c := &ast.Comprehension{Span: ast.Span{Start: p.pos()}}
		c.Async = p.got("async")
		p.expect("for")
		if c.Target = p.targetList(); c.Target != nil && canStartExpr(p.tok) {
			p.juxtaposed(lastItem(c.Target))
		}
		p.expect("in")
		c.Iter = p.disjunction()
		for c.Iter != nil && p.got("if") {
			cond := p.disjunction()
			if cond == nil {
				return nil
			}
			c.Ifs = append(c.Ifs, cond)
		}
		if c.Target == nil || c.Iter == nil || p.err != nil {
			return nil
		}
		c.Stop = p.end()
		gens = append(gens, c)
	}
	return gens
}

// subscript parses `'[' slices ']'` after x, which started at start.
func (p *exprParser) subscript(x ast.Expr, start ast.Pos) ast.Expr {
	index := p.bracketed(p.bracketCost(levelCall), func() ast.Expr {
		p.next()
		index := p.slices()
		p.expect("]")
		return index
	})
	if index == nil || p.err != nil {
		return nil
	}
	return &ast.Subscript{Span: p.spanFrom(start), X: x, Index: index}
}

// slices parses `slice !',' | ','.(slice | starred_expression)+ [',']`; the second form,
// which a lone starred expression takes, makes a Tuple.
func (p *exprParser) slices() ast.Expr {
	start := p.pos()
	x := p.slice()
	if x == nil || !isStarred(x) && !p.at(",") {
		return x
	}
	elts := []ast.Expr{x}
	for p.got(",") && !p.at("]") {
		if x = p.slice(); x == nil {
			return nil
		}
		elts = append(elts, x)
	}
	return &ast.Tuple{Span: p.spanFrom(start), Elts: elts}
}

// slice parses `[expression] ':' [expression] [':' [expression]] | named_expression`, or a
// starred expression.
func (p *exprParser) slice() ast.Expr {
	if p.at("*") {
		return p.starred(p.expression)
	}
	start := p.pos()
	var lower ast.Expr
	if !p.at(":") {
		if lower = p.namedExpression(); lower == nil || !p.at(":") {
			return lower
		}
	}
	s := &ast.Slice{Lower: lower}
	p.next()
	if canStartExpr(p.tok) {
		s.Upper = p.expression()
	}
	if p.got(":") && canStartExpr(p.tok) {
		s.Step = p.expression()
	}
	if p.err != nil {
		return nil
	}
	s.Span = p.spanFrom(start)
	return s
}

// yieldExpr parses `'yield' 'from' expression | 'yield' [star_expressions]`.
func (p *exprParser) yieldExpr() ast.Expr {
	start := p.pos()
	p.next()
	if p.got("from") {
		x := p.expression()
		if x == nil {
			return nil
		}
		return &ast.YieldFrom{Span: p.spanFrom(start), X: x}
	}
	y := &ast.Yield{Value: p.optional(p.starExpressions)}
	if p.err != nil {
		return nil
	}
	y.Span = p.spanFrom(start)
	return y
}
