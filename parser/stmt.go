package parser

import (
	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/aio-lang/aio/ast"
)

// This file turns the grammar's structs into ast statements. Every check has been made
// while parsing, so the conversion cannot fail.

func (f *file) module(filename string) *ast.Module {
	m := &ast.Module{File: filename}
	for _, s := range f.Body {
		m.Body = s.append(m.Body)
	}
	m.Span = ast.Span{Start: ast.Pos{Line: 1, Col: 1}, Stop: ast.Pos{Line: 1, Col: 1}}
	if n := len(m.Body); n > 0 {
		m.Span = ast.Span{Start: m.Body[0].Pos(), Stop: m.Body[n-1].End()}
	}
	return m
}

// append adds the statements of s to out: a line of simple statements holds several.
func (s *statement) append(out []ast.Stmt) []ast.Stmt {
	switch {
	case s.Simple != nil:
		return append(out, s.Simple.value().stmts...)
	case s.If != nil:
		return append(out, s.If.node())
	case s.Def != nil:
		return append(out, s.Def.node(posOf(s.Def.Pos), false, nil))
	case s.For != nil:
		return append(out, s.For.node(posOf(s.For.Pos), false))
	case s.Class != nil:
		return append(out, s.Class.node(nil))
	case s.Try != nil:
		return append(out, s.Try.node())
	case s.With != nil:
		return append(out, s.With.node(posOf(s.With.Pos), false))
	case s.While != nil:
		return append(out, s.While.node())
	case s.Async != nil:
		return append(out, s.Async.node())
	case s.Decorated != nil:
		return append(out, s.Decorated.node())
	}
	return out
}

func (b *suite) stmts() []ast.Stmt {
	if b.Simple != nil {
		return b.Simple.value().stmts
	}
	var out []ast.Stmt
	for _, s := range b.Body {
		out = s.append(out)
	}
	return out
}

func (s *ifStmt) node() ast.Stmt {
	stop := s.last().end()
	n := &ast.If{Cond: s.Cond, Body: s.Body.stmts(), Else: s.Else.stmtsOrNil()}
	// An elif chain nests: each elif is an If in the Else of the one before.
	for i := len(s.Elifs) - 1; i >= 0; i-- {
		e := s.Elifs[i]
		elif := &ast.If{Span: ast.Span{Start: posOf(e.Pos), Stop: stop}, Cond: e.Cond, Body: e.Body.stmts(), Else: n.Else}
		n.Else = []ast.Stmt{elif}
	}
	n.Span = ast.Span{Start: posOf(s.Pos), Stop: stop}
	return n
}

func (s *whileStmt) node() ast.Stmt {
	n := &ast.While{Cond: s.Cond, Body: s.Body.stmts(), Else: s.Else.stmtsOrNil()}
	n.Span = ast.Span{Start: posOf(s.Pos), Stop: lastOf(s.Body, s.Else).end()}
	return n
}

func (s *forStmt) node(start ast.Pos, async bool) ast.Stmt {
	n := &ast.For{Async: async, Target: s.Target, Iter: s.Iter, Body: s.Body.stmts(), Else: s.Else.stmtsOrNil()}
	n.Span = ast.Span{Start: start, Stop: lastOf(s.Body, s.Else).end()}
	return n
}

func (s *tryStmt) node() ast.Stmt {
	n := &ast.Try{Body: s.Body.stmts(), Else: s.Else.stmtsOrNil()}
	for _, h := range s.Handlers {
		handler := &ast.ExceptHandler{Span: ast.Span{Start: posOf(h.Pos), Stop: h.Body.end()}, Name: h.Name, Body: h.Body.stmts()}
		if h.Type != nil {
			t := h.Type.value()
			handler.Type, n.Star = t.x, n.Star || t.star
		}
		n.Handlers = append(n.Handlers, handler)
	}
	if s.Finally != nil {
		n.Finally = s.Finally.Body.stmts()
	}
	n.Span = ast.Span{Start: posOf(s.Pos), Stop: s.last().end()}
	return n
}

func (s *withStmt) node(start ast.Pos, async bool) ast.Stmt {
	n := &ast.With{Async: async, Items: s.Items.value(), Body: s.Body.stmts()}
	n.Span = ast.Span{Start: start, Stop: s.Body.end()}
	return n
}

func (s *funcDef) node(start ast.Pos, async bool, decorators []ast.Expr) ast.Stmt {
	n := &ast.FuncDef{
		Async:      async,
		Name:       s.Name.Value,
		NamePos:    tokPos(&s.Name),
		Args:       s.Params.value(),
		Returns:    s.Returns,
		Body:       s.Body.stmts(),
		Decorators: decorators,
	}
	n.Span = ast.Span{Start: start, Stop: s.Body.end()}
	return n
}

func (s *classDef) node(decorators []ast.Expr) ast.Stmt {
	n := &ast.ClassDef{Name: s.Name.Value, NamePos: tokPos(&s.Name), Body: s.Body.stmts(), Decorators: decorators}
	if s.Args != nil {
		a := s.Args.value()
		n.Bases, n.Keywords = a.args, a.keywords
	}
	n.Span = ast.Span{Start: posOf(s.Pos), Stop: s.Body.end()}
	return n
}

func (s *asyncStmt) node() ast.Stmt {
	start := posOf(s.Pos)
	switch {
	case s.Def != nil:
		return s.Def.node(start, true, nil)
	case s.For != nil:
		return s.For.node(start, true)
	}
	return s.With.node(start, true)
}

func (s *decorated) node() ast.Stmt {
	decorators := make([]ast.Expr, len(s.Decorators))
	for i, d := range s.Decorators {
		decorators[i] = d
	}
	switch {
	case s.Def != nil:
		return s.Def.node(posOf(s.Def.Pos), false, decorators)
	case s.AsyncDef != nil:
		return s.AsyncDef.Def.node(posOf(s.AsyncDef.Pos), true, decorators)
	}
	return s.Class.node(decorators)
}

// stmtsOrNil returns the statements of an optional suite.
func (b *suite) stmtsOrNil() []ast.Stmt {
	if b == nil {
		return nil
	}
	return b.stmts()
}

// A compound statement ends where the last line of its last suite does, including a
// trailing ';' that belongs to no statement, as in CPython.

// end is the end of the suite's last line.
func (b *suite) end() ast.Pos {
	if b.Simple != nil {
		return b.Simple.value().end
	}
	return b.Body[len(b.Body)-1].end()
}

// end is the end of the statement's last line.
func (s *statement) end() ast.Pos {
	switch {
	case s.Simple != nil:
		return s.Simple.value().end
	case s.If != nil:
		return s.If.last().end()
	case s.Def != nil:
		return s.Def.Body.end()
	case s.For != nil:
		return lastOf(s.For.Body, s.For.Else).end()
	case s.Class != nil:
		return s.Class.Body.end()
	case s.Try != nil:
		return s.Try.last().end()
	case s.With != nil:
		return s.With.Body.end()
	case s.While != nil:
		return lastOf(s.While.Body, s.While.Else).end()
	case s.Async != nil:
		return s.Async.last().end()
	}
	return s.Decorated.last().end()
}

// lastOf returns the optional suite orElse if it is there, and body otherwise.
func lastOf(body, orElse *suite) *suite {
	if orElse != nil {
		return orElse
	}
	return body
}

func (s *ifStmt) last() *suite {
	switch {
	case s.Else != nil:
		return s.Else
	case len(s.Elifs) > 0:
		return s.Elifs[len(s.Elifs)-1].Body
	}
	return s.Body
}

func (s *tryStmt) last() *suite {
	switch {
	case s.Finally != nil:
		return s.Finally.Body
	case s.Else != nil:
		return s.Else
	case len(s.Handlers) > 0:
		return s.Handlers[len(s.Handlers)-1].Body
	}
	return s.Body
}

func (s *asyncStmt) last() *suite {
	switch {
	case s.Def != nil:
		return s.Def.Body
	case s.For != nil:
		return lastOf(s.For.Body, s.For.Else)
	}
	return s.With.Body
}

func (s *decorated) last() *suite {
	switch {
	case s.Def != nil:
		return s.Def.Body
	case s.AsyncDef != nil:
		return s.AsyncDef.Def.Body
	}
	return s.Class.Body
}

func posOf(p plex.Position) ast.Pos { return ast.Pos{Line: int32(p.Line), Col: int32(p.Column)} }
