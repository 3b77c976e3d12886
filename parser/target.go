package parser

import "github.com/aio-lang/aio/ast"

// targetKind selects the rules and wording for checking targets.
type targetKind uint8

const (
	storeTarget targetKind = iota // assignment, for, with … as, comprehension
	delTarget                     // del
)

// targetList parses `star_targets` up to 'in' and checks that they can be assigned to.
func (p *exprParser) targetList() ast.Expr {
	x := p.exprList(p.starTarget)
	p.checkTarget(x, storeTarget)
	return x
}

// starTarget parses one target, `'*'? bitwise_or`, leaving the check to the caller.
func (p *exprParser) starTarget() ast.Expr {
	if p.at("*") {
		return p.starred(p.bitwiseOr)
	}
	return p.bitwiseOr()
}

// checkTarget reports the first part of x that cannot be assigned to or deleted.
func (p *exprParser) checkTarget(x ast.Expr, kind targetKind) {
	if x == nil {
		return
	}
	if bad := invalidTarget(x, kind); bad != nil {
		verb := "cannot assign to "
		if kind == delTarget {
			verb = "cannot delete "
		}
		p.failNode(bad, verb+exprName(bad))
	}
}

// invalidTarget returns the first node in x that is not a valid target, or nil, as CPython's
// _PyPegen_get_invalid_target does.
func invalidTarget(x ast.Expr, kind targetKind) ast.Expr {
	switch x := x.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
		return nil
	case *ast.Tuple:
		return firstInvalid(x.Elts, kind)
	case *ast.List:
		return firstInvalid(x.Elts, kind)
	case *ast.Starred:
		if kind == delTarget {
			return x
		}
		return invalidTarget(x.X, kind)
	}
	return x
}

func firstInvalid(elts []ast.Expr, kind targetKind) ast.Expr {
	for _, e := range elts {
		if bad := invalidTarget(e, kind); bad != nil {
			return bad
		}
	}
	return nil
}

// exprName names the kind of expression x in messages, as CPython's
// _PyPegen_get_expr_name does.
func exprName(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Attribute:
		return "attribute"
	case *ast.Subscript:
		return "subscript"
	case *ast.Starred:
		return "starred"
	case *ast.Name:
		return "name"
	case *ast.List:
		return "list"
	case *ast.Tuple:
		return "tuple"
	case *ast.Lambda:
		return "lambda"
	case *ast.Call:
		return "function call"
	case *ast.GeneratorExp:
		return "generator expression"
	case *ast.Yield, *ast.YieldFrom:
		return "yield expression"
	case *ast.Await:
		return "await expression"
	case *ast.ListComp:
		return "list comprehension"
	case *ast.SetComp:
		return "set comprehension"
	case *ast.DictComp:
		return "dict comprehension"
	case *ast.Dict:
		return "dict literal"
	case *ast.Set:
		return "set display"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "f-string expression"
	case *ast.Compare:
		return "comparison"
	case *ast.IfExp:
		return "conditional expression"
	case *ast.NamedExpr:
		return "named expression"
	case *ast.Constant:
		switch v := x.Value.(type) {
		case nil:
			return "None"
		case bool:
			if v {
				return "True"
			}
			return "False"
		case ast.Ellipsis:
			return "ellipsis"
		}
		return "literal"
	}
	return "expression"
}

func isName(x ast.Expr) bool {
	_, ok := x.(*ast.Name)
	return ok
}

func isStarred(x ast.Expr) bool {
	_, ok := x.(*ast.Starred)
	return ok
}

// isKeywordConstant reports whether c is None, True or False.
func isKeywordConstant(c *ast.Constant) bool {
	switch c.Value.(type) {
	case nil, bool:
		return true
	}
	return false
}

// isBitwiseOr reports whether x, whose first token is at start, parses as an operand of
// '|' level: anything but a comparison, not, and, or, a conditional, lambda, starred or
// yield expression, unless parenthesised (a group starts before its node does).
func isBitwiseOr(x ast.Expr, start ast.Pos) bool {
	if x.Pos() != start {
		return true
	}
	switch x := x.(type) {
	case *ast.Compare, *ast.BoolOp, *ast.IfExp, *ast.Lambda, *ast.Starred, *ast.Yield, *ast.YieldFrom, *ast.NamedExpr:
		return false
	case *ast.UnaryOp:
		return x.Op != ast.Not
	}
	return true
}

// isExpression reports whether x, whose first token is at start, parses as CPython's
// `expression` rule: anything but an unparenthesised yield or starred expression.
func isExpression(x ast.Expr, start ast.Pos) bool {
	switch x.(type) {
	case *ast.Yield, *ast.YieldFrom, *ast.Starred:
		return x.Pos() != start
	}
	return true
}

// startsWithDisplay reports whether x, whose first token is at start, begins with a list or
// tuple display, a generator expression, True, False or None: CPython's
// invalid_named_expression rule does not apply to those.
func startsWithDisplay(x ast.Expr, start ast.Pos) bool {
	atom := leftmost(x)
	if atom.Pos() != start {
		return false // parenthesised
	}
	switch atom := atom.(type) {
	case *ast.List, *ast.GeneratorExp:
		return true
	case *ast.Tuple:
		return atom.Paren
	case *ast.Constant:
		return isKeywordConstant(atom)
	}
	return false
}

// leftmost returns the operand of '|' level or tighter that x begins with, down to an atom.
func leftmost(x ast.Expr) ast.Expr {
	for {
		switch y := x.(type) {
		case *ast.Attribute:
			x = y.X
		case *ast.Subscript:
			x = y.X
		case *ast.Call:
			x = y.Func
		case *ast.BinOp:
			x = y.X
		default:
			return x
		}
	}
}
