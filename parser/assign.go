package parser

import (
	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// exprStatement parses the simple statements made of expressions alone: an expression
// statement, an assignment chain, an augmented or an annotated assignment. They share a
// first expression list, so one function reads it and decides by the token after it; the
// targets are checked here, in source order, so that the first error is the one reported.
func (p *exprParser) exprStatement() ast.Stmt {
	first := p.tok
	start := p.pos()
	x := p.yieldOrStarExpressions()
	switch {
	case x == nil:
		return nil
	case p.at("="):
		return p.assignment(x, start, first)
	case p.at(":"):
		return p.annotated(x, start)
	case p.at(":=") && (x.Pos() != start || !isName(x)):
		p.failNode(x, "cannot use assignment expressions with "+exprName(x))
		return nil
	}
	if op := augAssignOp(p.tok); op != ast.Invalid {
		return p.augmented(x, op, start)
	}
	return &ast.ExprStmt{Span: p.spanFrom(start), X: x}
}

// yieldOrStarExpressions parses `yield_expr | star_expressions`.
func (p *exprParser) yieldOrStarExpressions() ast.Expr {
	if p.at("yield") {
		return p.yieldExpr()
	}
	return p.starExpressions()
}

// assignment parses the rest of `x = … = value`, x having started at start with token first.
func (p *exprParser) assignment(x ast.Expr, start ast.Pos, first *plex.Token) ast.Stmt {
	exprs := []ast.Expr{x}
	var second *plex.Token // the first token after the first '='
	yieldAt := -1          // the first target that is an unparenthesised yield
	if first.Value == "yield" {
		yieldAt = 0
	}
	for p.got("=") {
		t := p.tok
		if !startsStarred(t) && t.Value != "yield" {
			// No value follows: CPython still names a bad target first.
			p.assignTargets(append(exprs, nil), start, nil, yieldAt)
			p.syntaxError()
			return nil
		}
		if second == nil {
			second = t
		}
		x := p.yieldOrStarExpressions()
		if x == nil {
			return nil
		}
		if yieldAt < 0 && t.Value == "yield" && p.at("=") {
			yieldAt = len(exprs)
		}
		exprs = append(exprs, x)
	}
	n := len(exprs) - 1
	if !p.assignTargets(exprs, start, second, yieldAt) {
		return nil
	}
	return &ast.Assign{Span: p.spanFrom(start), Targets: exprs[:n:n], Value: exprs[n]}
}

// assignTargets checks the targets of `E0 = E1 = … = En` and reports the first error as
// CPython does: first its hint for a mistyped comparison (see assignHint), then the first
// target that cannot be assigned to. second is the first token of E1, nil when there is
// no E1.
func (p *exprParser) assignTargets(exprs []ast.Expr, start ast.Pos, second *plex.Token, yieldAt int) bool {
	var bad ast.Expr
	isYield := false
	for i, t := range exprs[:len(exprs)-1] {
		if isYield = i == yieldAt; isYield {
			bad = t
			break
		}
		if bad = invalidTarget(t, storeTarget); bad != nil {
			break
		}
	}
	switch {
	case bad == nil:
		return true
	case second != nil && p.assignHint(exprs, start, second):
	case isYield:
		p.failNode(bad, "assignment to yield expression not possible")
	default:
		p.failNode(bad, "cannot assign to "+exprName(bad))
	}
	return false
}

// assignHint applies CPython's invalid_named_expression rule to the target right before the
// first '=', which it tries before anything else: `1 = x` was probably meant as `1 == x`.
// It applies when that target is an operand of '|' level and E1 starts with one too that
// is not itself a target followed by '='. It reports whether it reported an error.
func (p *exprParser) assignHint(exprs []ast.Expr, start ast.Pos, second *plex.Token) bool {
	a, aStart := exprs[0], start
	if t, ok := a.(*ast.Tuple); ok && !t.Paren {
		a = t.Elts[len(t.Elts)-1]
		if a.End() != t.End() {
			return false // a trailing comma before '='
		}
		aStart = a.Pos()
	}
	if !isBitwiseOr(a, aStart) || startsWithDisplay(a, aStart) || !startsBitwiseOr(second) {
		return false
	}
	b := leftmostOperand(exprs[1], tokPos(second))
	if len(exprs) > 2 && b == exprs[1] {
		return false // E1 is a whole target: '=' follows it
	}
	if isName(a) && a.Pos() == aStart {
		p.failSpan(a.Pos(), b.End(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	} else {
		p.failNode(a, "cannot assign to "+exprName(a)+" here. Maybe you meant '==' instead of '='?")
	}
	return true
}

// startsBitwiseOr reports whether an operand of '|' level can start at t.
func startsBitwiseOr(t *plex.Token) bool {
	return canStartExpr(t) && t.Value != "not" && t.Value != "lambda"
}

// leftmostOperand returns the operand of '|' level that x, starting at start, begins with:
// the first item of a tuple, the left side of a comparison, and so on.
func leftmostOperand(x ast.Expr, start ast.Pos) ast.Expr {
	for x.Pos() == start {
		switch y := x.(type) {
		case *ast.Tuple:
			if y.Paren {
				return x
			}
			x = y.Elts[0]
		case *ast.Compare:
			x = y.Left
		case *ast.BoolOp:
			x = y.Values[0]
		case *ast.IfExp:
			x = y.Body
		default:
			return x
		}
	}
	return x
}

// annotated parses the rest of `target: annotation [= value]`.
func (p *exprParser) annotated(target ast.Expr, start ast.Pos) ast.Stmt {
	switch target.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
	default:
		p.badAnnotated(target, start)
		return nil
	}
	p.next()
	s := &ast.AnnAssign{Target: target, Annotation: p.expression()}
	s.Simple = isName(target) && target.Pos() == start
	if s.Annotation != nil && p.got("=") {
		s.Value = p.yieldOrStarExpressions()
	}
	if p.err != nil {
		return nil
	}
	s.Span = p.spanFrom(start)
	return s
}

// badAnnotated reports an annotation of something other than a single target, which
// started at start. CPython names the mistake only for an expression followed by ':', which
// is current, and an annotation.
func (p *exprParser) badAnnotated(target ast.Expr, start ast.Pos) {
	if !canStartExpr(p.peek2()) || !isExpression(target, start) {
		p.syntaxError()
		return
	}
	switch t := target.(type) {
	case *ast.Tuple:
		if !t.Paren {
			target = t.Elts[0]
		}
		p.failNode(target, "only single target (not tuple) can be annotated")
	case *ast.List:
		p.failNode(t, "only single target (not list) can be annotated")
	default:
		p.failNode(t, "illegal target for annotation")
	}
}

// augmented parses the rest of `target op= value`, target having started at start.
func (p *exprParser) augmented(target ast.Expr, op ast.Op, start ast.Pos) ast.Stmt {
	switch target.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
	default:
		p.failNode(target, "'"+exprName(target)+"' is an illegal expression for augmented assignment")
		return nil
	}
	p.next()
	value := p.yieldOrStarExpressions()
	if value == nil {
		return nil
	}
	return &ast.AugAssign{Span: p.spanFrom(start), Target: target, Op: op, Value: value}
}

// augAssignOp returns the operator of augmented assignment token t, or Invalid.
func augAssignOp(t *plex.Token) ast.Op {
	if t.Type != lexer.Op || len(t.Value) < 2 || t.Value[len(t.Value)-1] != '=' {
		return ast.Invalid
	}
	switch t.Value {
	case "+=":
		return ast.Add
	case "-=":
		return ast.Sub
	case "*=":
		return ast.Mult
	case "@=":
		return ast.MatMult
	case "/=":
		return ast.Div
	case "%=":
		return ast.Mod
	case "**=":
		return ast.Pow
	case "<<=":
		return ast.LShift
	case ">>=":
		return ast.RShift
	case "|=":
		return ast.BitOr
	case "^=":
		return ast.BitXor
	case "&=":
		return ast.BitAnd
	case "//=":
		return ast.FloorDiv
	}
	return ast.Invalid
}
