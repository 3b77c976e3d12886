package parser

import "github.com/aio-lang/aio/ast"

// maxCompileDepth is how deeply CPython 3.11's compiler lets statements and expressions
// nest: the recursion limit (1000) times its COMPILER_STACK_FRAME_SCALE (3).
const maxCompileDepth = 3000

// errCompileRecursion is the error of the depth pass.
var errCompileRecursion = &LimitError{Type: "RecursionError", Msg: "maximum recursion depth exceeded during compilation"}

// tooDeep is the depth pass, which CPython's AST optimizer (Python/ast_opt.c) makes after the
// future pass and before the symbol table: it counts one level for each statement,
// expression and pattern on the way down (not for arguments, keywords, comprehension clauses,
// with items or handlers) and raises RecursionError past maxCompileDepth. So a module nested
// that deeply anywhere fails with RecursionError before any error of the later passes, and
// the passes after this one, like the resolver and compiler of package interp, never recurse
// much deeper than maxCompileDepth.
//
// The walk stops at the first level too deep, so a pathological tree (a million-term sum is
// a left-leaning chain of a million BinOps) costs maxCompileDepth steps, not its size.
func tooDeep(m *ast.Module, futureAnnotations bool) bool {
	w := depthWalker{annotations: !futureAnnotations}
	return !w.stmts(m.Body)
}

// depthWalker walks a tree for tooDeep. Each method reports whether its nodes are within the
// limit; the first false ends the walk.
type depthWalker struct {
	depth       int
	annotations bool // annotations are evaluated, so CPython optimizes them
}

func (w *depthWalker) stmts(ss []ast.Stmt) bool {
	for _, s := range ss {
		if !w.stmt(s) {
			return false
		}
	}
	return true
}

func (w *depthWalker) stmt(s ast.Stmt) bool {
	if w.depth++; w.depth > maxCompileDepth {
		return false
	}
	ok := true
	switch s := s.(type) {
	case *ast.ExprStmt:
		ok = w.expr(s.X)
	case *ast.Assign:
		ok = w.exprs(s.Targets) && w.expr(s.Value)
	case *ast.AugAssign:
		ok = w.expr(s.Target) && w.expr(s.Value)
	case *ast.AnnAssign:
		ok = w.expr(s.Target) && w.annotation(s.Annotation) && w.opt(s.Value)
	case *ast.If:
		ok = w.expr(s.Cond) && w.stmts(s.Body) && w.stmts(s.Else)
	case *ast.While:
		ok = w.expr(s.Cond) && w.stmts(s.Body) && w.stmts(s.Else)
	case *ast.For:
		ok = w.expr(s.Target) && w.expr(s.Iter) && w.stmts(s.Body) && w.stmts(s.Else)
	case *ast.Return:
		ok = w.opt(s.Value)
	case *ast.FuncDef:
		ok = w.arguments(s.Args) && w.stmts(s.Body) && w.exprs(s.Decorators) && w.annotation(s.Returns)
	case *ast.ClassDef:
		ok = w.exprs(s.Bases) && w.keywords(s.Keywords) && w.stmts(s.Body) && w.exprs(s.Decorators)
	case *ast.Try:
		ok = w.stmts(s.Body)
		for _, h := range s.Handlers {
			ok = ok && w.opt(h.Type) && w.stmts(h.Body)
		}
		ok = ok && w.stmts(s.Else) && w.stmts(s.Finally)
	case *ast.Raise:
		ok = w.opt(s.Exc) && w.opt(s.Cause)
	case *ast.With:
		for _, it := range s.Items {
			ok = ok && w.expr(it.Context) && w.opt(it.Target)
		}
		ok = ok && w.stmts(s.Body)
	case *ast.Assert:
		ok = w.expr(s.Test) && w.opt(s.Msg)
	case *ast.Delete:
		ok = w.exprs(s.Targets)
	}
	w.depth--
	return ok
}

// annotation visits an annotation, which CPython leaves alone under `from __future__ import
// annotations`.
func (w *depthWalker) annotation(e ast.Expr) bool { return !w.annotations || w.opt(e) }

func (w *depthWalker) arguments(a *ast.Arguments) bool {
	if a == nil {
		return true
	}
	return w.args(a.PosOnly) && w.args(a.Args) && w.arg(a.Vararg) && w.args(a.KwOnly) &&
		w.exprs(a.KwDefaults) && w.arg(a.Kwarg) && w.exprs(a.Defaults)
}

func (w *depthWalker) args(as []*ast.Arg) bool {
	for _, a := range as {
		if !w.arg(a) {
			return false
		}
	}
	return true
}

func (w *depthWalker) arg(a *ast.Arg) bool { return a == nil || w.annotation(a.Annotation) }

func (w *depthWalker) keywords(kws []*ast.Keyword) bool {
	for _, k := range kws {
		if !w.expr(k.Value) {
			return false
		}
	}
	return true
}

// exprs visits es, skipping nil entries (absent keyword-only defaults, `**` in dicts).
func (w *depthWalker) exprs(es []ast.Expr) bool {
	for _, e := range es {
		if !w.opt(e) {
			return false
		}
	}
	return true
}

// opt visits e unless it is nil.
func (w *depthWalker) opt(e ast.Expr) bool { return e == nil || w.expr(e) }

func (w *depthWalker) expr(e ast.Expr) bool {
	if w.depth++; w.depth > maxCompileDepth {
		return false
	}
	ok := true
	switch e := e.(type) {
	case *ast.BinOp:
		ok = w.expr(e.X) && w.expr(e.Y)
	case *ast.UnaryOp:
		ok = w.expr(e.X)
	case *ast.BoolOp:
		ok = w.exprs(e.Values)
	case *ast.Compare:
		ok = w.expr(e.Left) && w.exprs(e.Comparators)
	case *ast.IfExp:
		ok = w.expr(e.Test) && w.expr(e.Body) && w.expr(e.Else)
	case *ast.Lambda:
		ok = w.arguments(e.Args) && w.expr(e.Body)
	case *ast.NamedExpr:
		ok = w.expr(e.Value)
	case *ast.Call:
		ok = w.expr(e.Func) && w.exprs(e.Args) && w.keywords(e.Keywords)
	case *ast.Attribute:
		ok = w.expr(e.X)
	case *ast.Subscript:
		ok = w.expr(e.X) && w.expr(e.Index)
	case *ast.Slice:
		ok = w.opt(e.Lower) && w.opt(e.Upper) && w.opt(e.Step)
	case *ast.Starred:
		ok = w.expr(e.X)
	case *ast.List:
		ok = w.exprs(e.Elts)
	case *ast.Tuple:
		ok = w.exprs(e.Elts)
	case *ast.Set:
		ok = w.exprs(e.Elts)
	case *ast.Dict:
		ok = w.exprs(e.Keys) && w.exprs(e.Values)
	case *ast.JoinedStr:
		ok = w.exprs(e.Values)
	case *ast.FormattedValue:
		ok = w.expr(e.Value) && (e.FormatSpec == nil || w.expr(e.FormatSpec))
	case *ast.ListComp:
		ok = w.expr(e.Elt) && w.comprehension(e.Generators)
	case *ast.SetComp:
		ok = w.expr(e.Elt) && w.comprehension(e.Generators)
	case *ast.GeneratorExp:
		ok = w.expr(e.Elt) && w.comprehension(e.Generators)
	case *ast.DictComp:
		ok = w.expr(e.Key) && w.expr(e.Value) && w.comprehension(e.Generators)
	case *ast.Await:
		ok = w.expr(e.X)
	case *ast.Yield:
		ok = w.opt(e.Value)
	case *ast.YieldFrom:
		ok = w.expr(e.X)
	}
	w.depth--
	return ok
}

func (w *depthWalker) comprehension(gens []*ast.Comprehension) bool {
	for _, g := range gens {
		if !w.expr(g.Target) || !w.expr(g.Iter) || !w.exprs(g.Ifs) {
			return false
		}
	}
	return true
}
