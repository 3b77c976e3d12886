package parser

import (
	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// The functions below follow the rules of CPython 3.11's grammar (Grammar/python.gram) and
// are named after them. Each parses one rule starting at the current token and returns nil
// after an error. Composite nodes span from their first token to their last, so parentheses
// around an operand belong to the node built on it: in `(a) + 1` the BinOp starts at '(' while
// the Name keeps its own span, exactly as in CPython's ast.

// starExpressions parses `star_expressions`: one or more `*x` or expressions separated by
// commas, a tuple without parentheses when there is a comma.
func (p *exprParser) starExpressions() ast.Expr {
	return p.exprList(p.starExpression)
}

// starExpression parses `'*' bitwise_or | expression`.
func (p *exprParser) starExpression() ast.Expr {
	if p.at("*") {
		return p.starred(p.bitwiseOr)
	}
	return p.expression()
}

// starNamedExpression parses `'*' bitwise_or | named_expression`, the items of displays.
func (p *exprParser) starNamedExpression() ast.Expr {
	if p.at("*") {
		return p.starred(p.bitwiseOr)
	}
	return p.namedExpression()
}

// starred parses '*' followed by an operand parsed by item.
func (p *exprParser) starred(item func() ast.Expr) ast.Expr {
	start := p.pos()
	p.next()
	x := item()
	if x == nil {
		return nil
	}
	return &ast.Starred{Span: p.spanFrom(start), X: x}
}

// exprList parses item (',' item)* [','], returning the single item itself or an
// unparenthesised Tuple. The list goes on after a comma only if an item can start there.
func (p *exprParser) exprList(item func() ast.Expr) ast.Expr {
	start := p.pos()
	x := item()
	if x == nil || !p.at(",") {
		return x
	}
	elts := []ast.Expr{x}
	for p.got(",") && (canStartExpr(p.tok) || p.at("*")) {
		x = item()
		if x == nil {
			return nil
		}
		elts = append(elts, x)
	}
	return &ast.Tuple{Span: p.spanFrom(start), Elts: elts}
}

// namedExpression parses `NAME ':=' expression | expression`. A stray '=' after it gets
// CPython's hints.
func (p *exprParser) namedExpression() ast.Expr {
	start := p.pos()
	x := p.expression()
	if x == nil {
		return nil
	}
	switch {
	case p.at(":="):
		return p.walrus(x, start)
	case p.at("="):
		return p.strayAssign(x, start)
	}
	return x
}

// walrus finishes `target := value` once target is parsed and ':=' is current.
func (p *exprParser) walrus(target ast.Expr, start ast.Pos) ast.Expr {
	name, ok := target.(*ast.Name)
	if !ok {
		return p.failNode(target, "cannot use assignment expressions with "+exprName(target))
	}
	p.next()
	v := p.expression()
	if v == nil {
		return nil
	}
	return &ast.NamedExpr{Span: p.spanFrom(start), Target: name, Value: v}
}

// strayAssign reports `x = y` where an expression was expected, as CPython's
// invalid_named_expression rule does: a name gets "Maybe you meant '==' or ':='", another
// operand of '|' level "cannot assign to … here", anything else plain invalid syntax.
func (p *exprParser) strayAssign(x ast.Expr, start ast.Pos) ast.Expr {
	eq := p.tok
	if !isBitwiseOr(x, start) || startsWithDisplay(x, start) {
		return p.failAt(eq, "invalid syntax")
	}
	p.next()
	if !startsBitwiseOr(p.tok) {
		return p.failAt(eq, "invalid syntax")
	}
	if y := p.quietly(p.bitwiseOr); y == nil || p.at("=") || p.at(":=") {
		return p.failAt(eq, "invalid syntax")
	}
	if isName(x) && x.Pos() == start {
		return p.failSpan(x.Pos(), p.end(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	}
	return p.failNode(x, "cannot assign to "+exprName(x)+" here. Maybe you meant '==' instead of '='?")
}

// expression parses `disjunction ['if' disjunction 'else' expression] | lambdef`.
func (p *exprParser) expression() ast.Expr {
	if p.at("lambda") {
		return p.lambda()
	}
	start := p.pos()
	body := p.disjunction()
	if body != nil && canStartExpr(p.tok) && p.quiet == 0 {
		return p.juxtaposed(body)
	}
	if body == nil || !p.at("if") {
		return body
	}
	if !p.enter(levelUnary) {
		return nil
	}
	defer p.leave(levelUnary)
	p.next()
	test := p.disjunction()
	if test == nil {
		return nil
	}
	if !p.got("else") {
		if p.at(":") {
			return p.syntaxError()
		}
		return p.failSpan(body.Pos(), test.End(), "expected 'else' after 'if' expression")
	}
	orelse := p.expression()
	if orelse == nil {
		return nil
	}
	return &ast.IfExp{Span: p.spanFrom(start), Test: test, Body: body, Else: orelse}
}

// juxtaposed handles an expression a followed directly by the start of another: always an
// error. CPython's invalid_expression and invalid_legacy_expression rules name the likely
// mistakes: missing call parentheses after print and exec, and a missing comma inside
// brackets. Otherwise a is returned and the caller reports invalid syntax at the current
// token.
func (p *exprParser) juxtaposed(a ast.Expr) ast.Expr {
	bTok := p.tok
	if n, ok := a.(*ast.Name); ok && (n.ID == "print" || n.ID == "exec") && !p.at("(") {
		b := p.quietly(p.starExpressions)
		if b == nil {
			return p.failAt(bTok, "invalid syntax")
		}
		return p.failSpan(a.Pos(), b.End(), "Missing parentheses in call to '"+n.ID+"'. Did you mean "+n.ID+"(...)?")
	}
	if p.level == 0 || isStarred(a) || startsWithSoftKeyword(a) || isName(a) && (bTok.Type == lexer.String || bTok.Type == lexer.FString) {
		return a
	}
	b := p.longestExpression()
	if b == nil {
		return a
	}
	if p.tok.Type == lexer.EOF && p.st.lexErr != nil {
		// CPython's tokenizer would have stopped at this lexical error first.
		return p.failAt(p.tok, "invalid syntax")
	}
	return p.failSpan(a.Pos(), b.End(), "invalid syntax. Perhaps you forgot a comma?")
}

// longestExpression parses, quietly, the longest expression that starts here, as a PEG
// parser finds it: `b + )` yields b. It returns nil, having consumed nothing, if no
// expression starts here.
func (p *exprParser) longestExpression() ast.Expr {
	m := p.mark()
	if x := p.quietly(p.expression); x != nil {
		return x
	}
	p.reset(m)
	if x := p.quietly(p.factor); x != nil {
		return x
	}
	p.reset(m)
	return nil
}

// quietly runs parse with CPython's error-guessing rules off, as its *_without_invalid
// rules do, and drops any error but running out of stack: the caller is already reporting
// one.
func (p *exprParser) quietly(parse func() ast.Expr) ast.Expr {
	p.quiet++
	x := parse()
	p.quiet--
	if p.err != nil {
		if !p.err.memory {
			p.err = nil
		}
		return nil
	}
	return x
}

// startsWithSoftKeyword reports whether a begins with one of Python 3.11's soft keywords.
func startsWithSoftKeyword(a ast.Expr) bool {
	n, ok := leftmost(a).(*ast.Name)
	return ok && n.Pos() == a.Pos() && (n.ID == "_" || n.ID == "match" || n.ID == "case")
}

// disjunction parses `conjunction ('or' conjunction)*`.
func (p *exprParser) disjunction() ast.Expr { return p.boolOp("or", ast.Or, p.conjunction) }

// conjunction parses `inversion ('and' inversion)*`.
func (p *exprParser) conjunction() ast.Expr { return p.boolOp("and", ast.And, p.inversion) }

func (p *exprParser) boolOp(kw string, op ast.Op, operand func() ast.Expr) ast.Expr {
	start := p.pos()
	x := operand()
	if x == nil || !p.at(kw) {
		return x
	}
	values := []ast.Expr{x}
	for p.got(kw) {
		y := operand()
		if y == nil {
			return nil
		}
		values = append(values, y)
	}
	return &ast.BoolOp{Span: p.spanFrom(start), Op: op, Values: values}
}

// inversion parses `'not' inversion | comparison`.
func (p *exprParser) inversion() ast.Expr {
	if !p.at("not") {
		return p.comparison()
	}
	return p.unary(ast.Not, p.inversion)
}

// unary parses the operator at the current token applied to an operand parsed by operand.
func (p *exprParser) unary(op ast.Op, operand func() ast.Expr) ast.Expr {
	if !p.enter(levelUnary) {
		return nil
	}
	defer p.leave(levelUnary)
	start := p.pos()
	p.next()
	x := operand()
	if x == nil {
		return nil
	}
	return &ast.UnaryOp{Span: p.spanFrom(start), Op: op, X: x}
}

// comparison parses `bitwise_or (compare_op bitwise_or)*`.
func (p *exprParser) comparison() ast.Expr {
	start := p.pos()
	x := p.bitwiseOr()
	if x == nil {
		return nil
	}
	op := p.compareOp()
	if op == ast.Invalid {
		return x
	}
	cmp := &ast.Compare{Left: x}
	for ; op != ast.Invalid; op = p.compareOp() {
		y := p.bitwiseOr()
		if y == nil {
			return nil
		}
		cmp.Ops = append(cmp.Ops, op)
		cmp.Comparators = append(cmp.Comparators, y)
	}
	cmp.Span = p.spanFrom(start)
	return cmp
}

// compareOp consumes a comparison operator, or returns Invalid and consumes nothing.
func (p *exprParser) compareOp() ast.Op {
	if p.err != nil {
		return ast.Invalid
	}
	var op ast.Op
	switch p.tok.Value {
	case "<":
		op = ast.Lt
	case ">":
		op = ast.Gt
	case "==":
		op = ast.Eq
	case ">=":
		op = ast.GtE
	case "<=":
		op = ast.LtE
	case "!=":
		op = ast.NotEq
	case "in":
		op = ast.In
	case "is":
		p.next()
		if p.got("not") {
			return ast.IsNot
		}
		return ast.Is
	case "not":
		// After an operand, 'not' can only begin 'not in'.
		p.next()
		if !p.got("in") {
			p.syntaxError()
			return ast.Invalid
		}
		return ast.NotIn
	default:
		return ast.Invalid
	}
	p.next()
	return op
}

// Binding powers of the binary operators, from '|' (loosest) to the multiplicative ones.
const (
	precBitOr = 1 + iota
	precBitXor
	precBitAnd
	precShift
	precArith
	precTerm
)

// binaryOp returns the operator at the current token and its binding power, or 0.
func (p *exprParser) binaryOp() (ast.Op, int) {
	if p.tok.Type != lexer.Op {
		return ast.Invalid, 0
	}
	switch p.tok.Value {
	case "|":
		return ast.BitOr, precBitOr
	case "^":
		return ast.BitXor, precBitXor
	case "&":
		return ast.BitAnd, precBitAnd
	case "<<":
		return ast.LShift, precShift
	case ">>":
		return ast.RShift, precShift
	case "+":
		return ast.Add, precArith
	case "-":
		return ast.Sub, precArith
	case "*":
		return ast.Mult, precTerm
	case "/":
		return ast.Div, precTerm
	case "//":
		return ast.FloorDiv, precTerm
	case "%":
		return ast.Mod, precTerm
	case "@":
		return ast.MatMult, precTerm
	}
	return ast.Invalid, 0
}

// bitwiseOr parses `bitwise_or`, the loosest binary operator level.
func (p *exprParser) bitwiseOr() ast.Expr { return p.binary(precBitOr) }

// binary parses a chain of left-associative binary operators binding at least as tightly
// as min, by precedence climbing: the loop handles one level, the recursion tighter ones.
func (p *exprParser) binary(min int) ast.Expr {
	start := p.pos()
	x := p.factor()
	for x != nil {
		op, prec := p.binaryOp()
		if prec < min {
			break
		}
		p.next()
		y := p.binary(prec + 1)
		if y == nil {
			return nil
		}
		x = &ast.BinOp{Span: p.spanFrom(start), X: x, Op: op, Y: y}
	}
	return x
}

// factor parses `('+' | '-' | '~') factor | power`.
func (p *exprParser) factor() ast.Expr {
	if p.tok.Type == lexer.Op {
		switch p.tok.Value {
		case "-":
			return p.unary(ast.USub, p.factor)
		case "+":
			return p.unary(ast.UAdd, p.factor)
		case "~":
			return p.unary(ast.Invert, p.factor)
		}
	}
	return p.power()
}

// power parses `await_primary ['**' factor]`: '**' is right-associative and binds tighter
// than a unary operator on its left but not on its right (-2**-1 is -(2**(-1))).
func (p *exprParser) power() ast.Expr {
	start := p.pos()
	x := p.awaitPrimary()
	if x == nil || !p.at("**") {
		return x
	}
	if !p.enter(levelPower) {
		return nil
	}
	defer p.leave(levelPower)
	p.next()
	y := p.factor()
	if y == nil {
		return nil
	}
	return &ast.BinOp{Span: p.spanFrom(start), X: x, Op: ast.Pow, Y: y}
}

// awaitPrimary parses `'await' primary | primary`.
func (p *exprParser) awaitPrimary() ast.Expr {
	if !p.at("await") {
		return p.primary()
	}
	if !p.enter(levelAwait) {
		return nil
	}
	defer p.leave(levelAwait)
	start := p.pos()
	p.next()
	x := p.primary()
	if x == nil {
		return nil
	}
	return &ast.Await{Span: p.spanFrom(start), X: x}
}
