package parser

import (
	"strings"

	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// simpleLine is a line of simple statements and the end of its last token, which may be a
// ';' after the last statement.
type simpleLine struct {
	stmts []ast.Stmt
	end   ast.Pos
}

// simpleStatements parses a line of simple statements, `simple_stmt (';' simple_stmt)* [';']
// NEWLINE`, the most common kind of line by far. It is hand-written, like expressions:
// through participle each such line cost some twenty allocations for the grammar's
// alternatives alone.
func (p *exprParser) simpleStatements() simpleLine {
	var line simpleLine
	for {
		s := p.simpleStatement()
		if s == nil {
			return simpleLine{}
		}
		line.stmts = append(line.stmts, s)
		if !p.got(";") || p.tok.Type == lexer.Newline {
			break
		}
	}
	if p.tok.Type != lexer.Newline {
		p.syntaxError()
		return simpleLine{}
	}
	line.end = p.end()
	p.next()
	return line
}

// startsSimple reports whether a simple statement can start at t.
func startsSimple(t *plex.Token) bool {
	if t.Type == lexer.Keyword {
		switch t.Value {
		case "pass", "break", "continue", "return", "raise", "global", "nonlocal", "del", "assert", "import", "from", "yield":
			return true
		}
	}
	return canStartExpr(t) || t.Value == "*" && t.Type == lexer.Op
}

// simpleStatement parses one simple statement.
func (p *exprParser) simpleStatement() ast.Stmt {
	start := p.pos()
	if p.tok.Type != lexer.Keyword {
		return p.exprStatement()
	}
	switch p.tok.Value {
	case "pass":
		p.next()
		return &ast.Pass{Span: p.spanFrom(start)}
	case "break":
		p.next()
		return &ast.Break{Span: p.spanFrom(start)}
	case "continue":
		p.next()
		return &ast.Continue{Span: p.spanFrom(start)}
	case "return":
		p.next()
		s := &ast.Return{Value: p.optional(p.starExpressions)}
		return finish(p, s, start)
	case "raise":
		return p.raise()
	case "global", "nonlocal":
		return p.global()
	case "del":
		p.next()
		x := p.starExpressions()
		p.checkTarget(x, delTarget)
		return finish(p, &ast.Delete{Targets: unpackTuple(x)}, start)
	case "assert":
		p.next()
		s := &ast.Assert{Test: p.expression()}
		if s.Test != nil && p.got(",") {
			s.Msg = p.expression()
		}
		return finish(p, s, start)
	case "import":
		return p.importName()
	case "from":
		return p.importFrom()
	}
	return p.exprStatement()
}

// finish sets the span of statement s, which started at start, unless an error came first.
func finish[S interface {
	ast.Stmt
	SetSpan(start, end ast.Pos)
}](p *exprParser, s S, start ast.Pos) ast.Stmt {
	if p.err != nil {
		return nil
	}
	s.SetSpan(start, p.end())
	return s
}

// unpackTuple returns the items of an unparenthesised tuple, or x alone.
func unpackTuple(x ast.Expr) []ast.Expr {
	if t, ok := x.(*ast.Tuple); ok && !t.Paren {
		return t.Elts
	}
	return []ast.Expr{x}
}

// lastItem returns the last item of an unparenthesised tuple, or x itself.
func lastItem(x ast.Expr) ast.Expr {
	if t, ok := x.(*ast.Tuple); ok && !t.Paren {
		return t.Elts[len(t.Elts)-1]
	}
	return x
}

// optional parses an expression with parse if one starts at the current token.
func (p *exprParser) optional(parse func() ast.Expr) ast.Expr {
	if startsStarred(p.tok) {
		return parse()
	}
	return nil
}

// raise parses `'raise' [expression ['from' expression]]`.
func (p *exprParser) raise() ast.Stmt {
	start := p.pos()
	p.next()
	s := &ast.Raise{}
	if canStartExpr(p.tok) {
		s.Exc = p.expression()
		if s.Exc != nil && p.got("from") {
			s.Cause = p.expression()
		}
	}
	return finish(p, s, start)
}

// global parses `('global' | 'nonlocal') NAME (',' NAME)*`.
func (p *exprParser) global() ast.Stmt {
	start := p.pos()
	nonlocal := p.tok.Value == "nonlocal"
	p.next()
	var names []string
	for {
		names = append(names, p.name())
		if !p.got(",") {
			break
		}
	}
	if nonlocal {
		return finish(p, &ast.Nonlocal{Names: names}, start)
	}
	return finish(p, &ast.Global{Names: names}, start)
}

// name consumes a NAME token and returns it, or reports invalid syntax.
func (p *exprParser) name() string {
	t := p.tok
	if t.Type != lexer.Name {
		p.syntaxError()
		return ""
	}
	p.next()
	return t.Value
}

// importName parses `'import' dotted_name ['as' NAME] (',' dotted_name ['as' NAME])*`.
func (p *exprParser) importName() ast.Stmt {
	start := p.pos()
	p.next()
	s := &ast.Import{}
	for {
		s.Names = append(s.Names, p.alias(p.dottedName))
		if !p.got(",") {
			break
		}
	}
	return finish(p, s, start)
}

// alias parses a name with parse and an optional `as NAME`.
func (p *exprParser) alias(parse func() string) *ast.Alias {
	start := p.pos()
	a := &ast.Alias{Name: parse()}
	if p.got("as") {
		a.AsName = p.name()
	}
	a.Span = p.spanFrom(start)
	return a
}

// dottedName parses `NAME ('.' NAME)*`.
func (p *exprParser) dottedName() string {
	name := p.name()
	if !p.at(".") {
		return name
	}
	parts := []string{name}
	for p.got(".") {
		parts = append(parts, p.name())
	}
	return strings.Join(parts, ".")
}

// importFrom parses `'from' ('.' | '...')* [dotted_name] 'import' targets`, where the
// targets are '*', names in parentheses with an optional trailing comma, or names.
func (p *exprParser) importFrom() ast.Stmt {
	start := p.pos()
	p.next()
	s := &ast.ImportFrom{}
	for p.err == nil && (p.at(".") || p.at("...")) {
		s.Level += len(p.tok.Value)
		p.next()
	}
	if s.Level == 0 || p.tok.Type == lexer.Name {
		s.Module = p.dottedName()
	}
	p.expect("import")
	switch {
	case p.at("*"):
		star := p.pos()
		p.next()
		s.Names = []*ast.Alias{{Span: p.spanFrom(star), Name: "*"}}
	case p.got("("):
		s.Names = p.importTargets(true)
		p.expect(")")
	default:
		s.Names = p.importTargets(false)
	}
	return finish(p, s, start)
}

// importTargets parses `NAME ['as' NAME] (',' NAME ['as' NAME])*`, with a trailing comma
// only inside parentheses.
func (p *exprParser) importTargets(paren bool) []*ast.Alias {
	var names []*ast.Alias
	for p.err == nil {
		names = append(names, p.alias(p.name))
		if !p.got(",") || paren && p.at(")") {
			break
		}
		if p.tok.Type == lexer.Newline {
			p.failAt(p.tok, "trailing comma not allowed without surrounding parentheses")
		}
	}
	return names
}
