package parser

import (
	"strings"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// scopeKind is the kind of a scope: a block of CPython's symbol table, with functions split by
// async-ness and the compiler's lambda and comprehension scope types kept apart.
type scopeKind uint8

const (
	moduleScope scopeKind = iota
	classScope
	functionScope      // def
	asyncFunctionScope // async def
	lambdaScope
	comprehensionScope // list, set and dict comprehensions and generator expressions
	annotationScope    // annotations under `from __future__ import annotations`
)

// functionLike reports whether code in the scope is compiled as a function body, where
// return and yield are allowed.
func (k scopeKind) functionLike() bool { return k >= functionScope && k <= comprehensionScope }

// scope is what the symbol-table pass learns about a function or comprehension.
type scope struct {
	kind      scopeKind
	node      ast.Node // the FuncDef, Lambda, ClassDef or comprehension; nil for others
	generator bool     // contains yield or yield from
	coroutine bool     // async def, or contains await, async for or an async comprehension
}

// symtable runs passes 2 and 3. Pass 2 visits the tree in the order of CPython's symtable.c,
// which differs from source order for functions (defaults and annotations, then decorators,
// then the body), try statements (else before the handlers), dict displays (keys, then
// values), dict comprehensions (value before key) and conditional expressions (condition
// first).
func (c *checker) symtable(m *ast.Module) {
	c.scopes = make(map[ast.Node]*scope)
	st := &symtableVisitor{checker: c, cur: &scope{kind: moduleScope}, order: make(map[string]int)}
	st.stmts(m.Body)
	st.moduleNonlocal()
}

type symtableVisitor struct {
	*checker
	cur *scope

	// For pass 3, the module scope's names in the order they first occur (as far as a
	// nonlocal statement may follow them: imports and other nonlocal statements), and its
	// nonlocal statements in visiting order.
	order     map[string]int
	nonlocals []*ast.Nonlocal

	stmtDepth int // statements being visited, for the depth of postponed annotations
}

// moduleNonlocal is pass 3. Once every scope is known CPython analyses the module's names in
// the order they first occur, and reports the first that is declared nonlocal at its first
// declaration.
func (st *symtableVisitor) moduleNonlocal() {
	var first *ast.Nonlocal
	firstOrder := len(st.order)
	for _, n := range st.nonlocals {
		for _, name := range n.Names {
			if st.order[name] < firstOrder {
				first, firstOrder = n, st.order[name]
			}
		}
	}
	if first != nil {
		st.fail(first, "nonlocal declaration not allowed at module level")
	}
}

// declare records that name occurs in the module's scope.
func (st *symtableVisitor) declare(name string) {
	if _, ok := st.order[name]; !ok {
		st.order[name] = len(st.order)
	}
}

func (st *symtableVisitor) visit(n ast.Node) {
	if _, ok := n.(ast.Stmt); ok {
		st.stmtDepth++
		st.visitNode(n)
		st.stmtDepth--
		return
	}
	st.visitNode(n)
}

func (st *symtableVisitor) visitNode(n ast.Node) {
	switch n := n.(type) {
	case *ast.FuncDef:
		st.signature(n.Args, n.Returns)
		st.visitAll(n.Decorators...)
		kind := functionScope
		if n.Async {
			kind = asyncFunctionScope
		}
		st.enter(n, kind, func() {
			st.params(n.Args)
			st.stmts(n.Body)
		})
		return
	case *ast.Lambda:
		st.defaults(n.Args)
		st.enter(n, lambdaScope, func() {
			st.params(n.Args)
			st.visit(n.Body)
		})
		return
	case *ast.ClassDef:
		st.visitAll(n.Bases...)
		for _, k := range n.Keywords {
			st.visit(k)
		}
		st.visitAll(n.Decorators...)
		st.enter(n, classScope, func() { st.stmts(n.Body) })
		return
	case *ast.Try:
		st.stmts(n.Body)
		st.stmts(n.Else)
		for _, h := range n.Handlers {
			st.visit(h)
		}
		st.stmts(n.Finally)
		return
	case *ast.Dict:
		st.visitAll(n.Keys...)
		st.visitAll(n.Values...)
		return
	case *ast.IfExp:
		st.visitAll(n.Test, n.Body, n.Else)
		return
	case *ast.AnnAssign:
		st.visit(n.Target)
		st.annotations(n.Annotation)
		if n.Value != nil {
			st.visit(n.Value)
		}
		return
	case *ast.ListComp:
		st.comprehension(n, n.Generators, n.Elt)
		return
	case *ast.SetComp:
		st.comprehension(n, n.Generators, n.Elt)
		return
	case *ast.GeneratorExp:
		st.comprehension(n, n.Generators, n.Elt)
		return
	case *ast.DictComp:
		st.comprehension(n, n.Generators, n.Value, n.Key)
		return
	case *ast.Yield, *ast.YieldFrom:
		st.children(n)
		st.cur.generator = true
		st.notInAnnotation(n, "yield expression")
		if st.cur.kind == comprehensionScope {
			st.fail(n, "'yield' inside "+comprehensionName(st.cur.node))
		}
		return
	case *ast.Await:
		st.notInAnnotation(n, "await expression")
		st.children(n)
		st.cur.coroutine = true
		return
	case *ast.NamedExpr:
		st.notInAnnotation(n, "named expression")
	case *ast.Import, *ast.ImportFrom:
		if st.cur.kind == moduleScope {
			for _, a := range ast.Children(n) {
				st.declare(boundName(a.(*ast.Alias)))
			}
		}
	case *ast.Nonlocal:
		if st.cur.kind == moduleScope {
			for _, name := range n.Names {
				st.declare(name)
			}
			st.nonlocals = append(st.nonlocals, n)
		}
	}
	st.children(n)
}

// boundName is the name an import binds: `import a.b` binds a.
func boundName(a *ast.Alias) string {
	if a.AsName != "" {
		return a.AsName
	}
	name, _, _ := strings.Cut(a.Name, ".")
	return name
}

func (st *symtableVisitor) stmts(ss []ast.Stmt) {
	for _, s := range ss {
		st.visit(s)
	}
}

func (st *symtableVisitor) children(n ast.Node) {
	for _, c := range ast.Children(n) {
		st.visit(c)
	}
}

func (st *symtableVisitor) visitAll(es ...ast.Expr) {
	for _, e := range es {
		if e != nil {
			st.visit(e)
		}
	}
}

// enter runs body in a new scope for node n and records the scope.
func (st *symtableVisitor) enter(n ast.Node, kind scopeKind, body func()) *scope {
	outer := st.cur
	st.cur = &scope{kind: kind, node: n, coroutine: kind == asyncFunctionScope}
	if n != nil {
		st.scopes[n] = st.cur
	}
	body()
	inner := st.cur
	st.cur = outer
	return inner
}

// signature visits what a def evaluates in the enclosing scope: defaults, then annotations.
func (st *symtableVisitor) signature(a *ast.Arguments, returns ast.Expr) {
	st.defaults(a)
	var anns []ast.Expr
	for _, p := range params(a) {
		anns = append(anns, p.Annotation)
	}
	st.annotations(append(anns, returns)...)
}

func (st *symtableVisitor) defaults(a *ast.Arguments) {
	if a != nil {
		st.visitAll(a.Defaults...)
		st.visitAll(a.KwDefaults...)
	}
}

// annotations visits annotations, which under `from __future__ import annotations` are kept
// as strings and may not contain yield, await or :=. The depth pass skipped those, but the
// symbol table visits them with the same limit.
func (st *symtableVisitor) annotations(es ...ast.Expr) {
	if !st.futureAnnotations {
		st.visitAll(es...)
		return
	}
	for _, e := range es {
		w := depthWalker{depth: st.stmtDepth, annotations: true}
		if e != nil && !w.expr(e) && st.err == nil {
			st.recursion = true
			st.err = &lexer.Error{Msg: errCompileRecursion.Msg} // ends the passes
			return
		}
	}
	st.enter(nil, annotationScope, func() { st.visitAll(es...) })
}

func (st *symtableVisitor) notInAnnotation(n ast.Node, what string) {
	if st.cur.kind == annotationScope {
		st.fail(n, "'"+what+"' can not be used within an annotation")
	}
}

// params declares a function's parameters in the new scope, in symtable.c's order, which puts
// keyword-only parameters before *args.
func (st *symtableVisitor) params(a *ast.Arguments) {
	seen := make(map[string]bool)
	for _, p := range params(a) {
		if seen[p.Name] {
			st.fail(p, "duplicate argument '"+p.Name+"' in function definition")
		}
		seen[p.Name] = true
	}
}

// params lists a's parameters in the order CPython's symbol table declares them.
func params(a *ast.Arguments) []*ast.Arg {
	if a == nil {
		return nil
	}
	ps := append(append(append([]*ast.Arg(nil), a.PosOnly...), a.Args...), a.KwOnly...)
	for _, p := range []*ast.Arg{a.Vararg, a.Kwarg} {
		if p != nil {
			ps = append(ps, p)
		}
	}
	return ps
}

// comprehension visits a comprehension whose element expressions are elts. The first
// iterable is evaluated in the enclosing scope, everything else in the comprehension's own;
// a list, set or dict comprehension that is a coroutine makes the enclosing scope one too.
func (st *symtableVisitor) comprehension(n ast.Expr, gens []*ast.Comprehension, elts ...ast.Expr) {
	st.visit(gens[0].Iter)
	inner := st.enter(n, comprehensionScope, func() {
		for i, g := range gens {
			st.visit(g.Target)
			if i > 0 {
				st.visit(g.Iter)
			}
			st.visitAll(g.Ifs...)
			if g.Async {
				st.cur.coroutine = true
			}
		}
		st.visitAll(elts...)
	})
	if _, genexp := n.(*ast.GeneratorExp); inner.coroutine && !genexp {
		st.cur.coroutine = true
	}
}

// comprehensionName names the kind of comprehension n, as CPython's messages do.
func comprehensionName(n ast.Node) string {
	switch n.(type) {
	case *ast.ListComp:
		return "list comprehension"
	case *ast.SetComp:
		return "set comprehension"
	case *ast.DictComp:
		return "dict comprehension"
	}
	return "generator expression"
}
