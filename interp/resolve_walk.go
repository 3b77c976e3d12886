package interp

import (
	"github.com/aio-lang/aio/ast"
)

// resolver walks the module twice (see resolve.go); declaring reports which pass it is in.
type resolver struct {
	res       *resolution
	declaring bool
}

func resolve(m *ast.Module) (*resolution, *resolveError) {
	res := &resolution{refs: map[*ast.Name]ref{}, scopes: map[ast.Node]*scope{}}
	r := &resolver{res: res, declaring: true}
	res.module = newScope(moduleScope, nil, m)
	res.scopes[m] = res.module
	r.stmts(res.module, m.Body)
	r.declaring = false
	r.stmts(res.module, m.Body)
	return res, res.err
}

func (r *resolver) fail(n ast.Node, msg string) {
	if r.res.err == nil {
		r.res.err = &resolveError{pos: n.Pos(), end: n.End(), msg: msg}
	}
}

// child returns the scope for node, creating it in the declaring pass.
func (r *resolver) child(kind scopeKind, parent *scope, node ast.Node) *scope {
	if s, ok := r.res.scopes[node]; ok {
		return s
	}
	s := newScope(kind, parent, node)
	r.res.scopes[node] = s
	return s
}

func (r *resolver) stmts(s *scope, body []ast.Stmt) {
	for _, st := range body {
		r.stmt(s, st)
	}
}

func (r *resolver) stmt(s *scope, st ast.Stmt) {
	switch n := st.(type) {
	case *ast.ExprStmt:
		r.expr(s, n.X)
	case *ast.Assign:
		r.expr(s, n.Value)
		for _, t := range n.Targets {
			r.target(s, t)
		}
	case *ast.AugAssign:
		r.expr(s, n.Value)
		r.target(s, n.Target)
		if name, ok := n.Target.(*ast.Name); ok && !r.declaring {
			r.use(s, name) // x += 1 reads x too
		}
	case *ast.AnnAssign:
		if n.Value != nil {
			r.expr(s, n.Value)
		}
		if s.kind != functionScope {
			r.expr(s, n.Annotation)
		}
		if n.Value != nil || n.Simple {
			r.target(s, n.Target)
		}
	case *ast.If:
		r.expr(s, n.Cond)
		r.stmts(s, n.Body)
		r.stmts(s, n.Else)
	case *ast.While:
		r.expr(s, n.Cond)
		r.stmts(s, n.Body)
		r.stmts(s, n.Else)
	case *ast.For:
		r.expr(s, n.Iter)
		r.target(s, n.Target)
		r.stmts(s, n.Body)
		r.stmts(s, n.Else)
		if n.Async {
			s.hasAwait = true
		}
	case *ast.Return:
		if n.Value != nil {
			r.expr(s, n.Value)
		}
	case *ast.FuncDef:
		r.funcDef(s, n)
	case *ast.ClassDef:
		r.classDef(s, n)
	case *ast.Try:
		r.stmts(s, n.Body)
		for _, h := range n.Handlers {
			if h.Type != nil {
				r.expr(s, h.Type)
			}
			if h.Name != "" {
				r.bindName(s, h.Name)
			}
			r.stmts(s, h.Body)
		}
		r.stmts(s, n.Else)
		r.stmts(s, n.Finally)
	case *ast.Raise:
		if n.Exc != nil {
			r.expr(s, n.Exc)
		}
		if n.Cause != nil {
			r.expr(s, n.Cause)
		}
	case *ast.With:
		for _, it := range n.Items {
			r.expr(s, it.Context)
			if it.Target != nil {
				r.target(s, it.Target)
			}
		}
		r.stmts(s, n.Body)
		if n.Async {
			s.hasAwait = true
		}
	case *ast.Import:
		for _, a := range n.Names {
			name := a.AsName
			if name == "" {
				name = a.Name
				if i := indexByte(name, '.'); i >= 0 {
					name = name[:i]
				}
			}
			r.bindName(s, name)
		}
	case *ast.ImportFrom:
		for _, a := range n.Names {
			if a.Name == "*" {
				continue
			}
			name := a.AsName
			if name == "" {
				name = a.Name
			}
			r.bindName(s, name)
		}
	case *ast.Global:
		r.declareGlobal(s, n)
	case *ast.Nonlocal:
		r.declareNonlocal(s, n)
	case *ast.Assert:
		r.expr(s, n.Test)
		if n.Msg != nil {
			r.expr(s, n.Msg)
		}
	case *ast.Delete:
		for _, t := range n.Targets {
			r.target(s, t)
		}
	}
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func (r *resolver) declareGlobal(s *scope, n *ast.Global) {
	if !r.declaring {
		return
	}
	for _, name := range n.Names {
		if b, ok := s.bindings[name]; ok && b.slot >= 0 && s.kind == functionScope && isParam(s, name) {
			r.fail(n, "name '"+name+"' is parameter and global")
			return
		}
		s.globals[name] = true
	}
}

func (r *resolver) declareNonlocal(s *scope, n *ast.Nonlocal) {
	if !r.declaring {
		for _, name := range n.Names {
			if _, ok := r.freeVarIndex(s, name); !ok {
				r.fail(n, "no binding for nonlocal '"+name+"' found")
			}
		}
		return
	}
	for _, name := range n.Names {
		if isParam(s, name) {
			r.fail(n, "name '"+name+"' is parameter and nonlocal")
			return
		}
		s.nonlocals[name] = true
	}
}

// isParam reports whether name is a parameter of the function scope s.
func isParam(s *scope, name string) bool {
	var args *ast.Arguments
	switch f := s.node.(type) {
	case *ast.FuncDef:
		args = f.Args
	case *ast.Lambda:
		args = f.Args
	default:
		return false
	}
	found := false
	eachParam(args, func(a *ast.Arg) {
		if a.Name == name {
			found = true
		}
	})
	return found
}

// eachParam calls f for every parameter in frame-slot order: positional-only, positional,
// *args, keyword-only, **kwargs.
func eachParam(args *ast.Arguments, f func(*ast.Arg)) {
	for _, a := range args.PosOnly {
		f(a)
	}
	for _, a := range args.Args {
		f(a)
	}
	if args.Vararg != nil {
		f(args.Vararg)
	}
	for _, a := range args.KwOnly {
		f(a)
	}
	if args.Kwarg != nil {
		f(args.Kwarg)
	}
}

func (r *resolver) bindName(s *scope, name string) {
	if r.declaring {
		s.bind(name)
	}
}

func (r *resolver) funcDef(s *scope, n *ast.FuncDef) {
	for _, d := range n.Decorators {
		r.expr(s, d)
	}
	r.argDefaults(s, n.Args)
	if n.Returns != nil {
		r.expr(s, n.Returns)
	}
	r.bindName(s, n.Name)
	fs := r.child(functionScope, s, n)
	fs.isAsync = n.Async
	if r.declaring {
		eachParam(n.Args, func(a *ast.Arg) { fs.bind(a.Name) })
	}
	r.stmts(fs, n.Body)
}

func (r *resolver) argDefaults(s *scope, args *ast.Arguments) {
	for _, d := range args.Defaults {
		r.expr(s, d)
	}
	for _, d := range args.KwDefaults {
		if d != nil {
			r.expr(s, d)
		}
	}
	eachParam(args, func(a *ast.Arg) {
		if a.Annotation != nil {
			r.expr(s, a.Annotation)
		}
	})
}

func (r *resolver) classDef(s *scope, n *ast.ClassDef) {
	for _, d := range n.Decorators {
		r.expr(s, d)
	}
	for _, b := range n.Bases {
		r.expr(s, b)
	}
	for _, k := range n.Keywords {
		r.expr(s, k.Value)
	}
	r.bindName(s, n.Name)
	cs := r.child(classScope, s, n)
	if r.declaring {
		// The implicit __class__ cell that zero-argument super() reads.
		cs.bindings["__class__"] = &binding{name: "__class__", slot: cs.newSlot(), scope: cs}
	}
	r.stmts(cs, n.Body)
}

// target handles an assignment target: binds names in the declaring pass, resolves the
// expressions inside attribute and subscript targets in the use pass.
func (r *resolver) target(s *scope, t ast.Expr) {
	switch n := t.(type) {
	case *ast.Name:
		if r.declaring {
			s.bind(n.ID)
		} else {
			r.use(s, n)
		}
	case *ast.Tuple:
		for _, e := range n.Elts {
			r.target(s, e)
		}
	case *ast.List:
		for _, e := range n.Elts {
			r.target(s, e)
		}
	case *ast.Starred:
		r.target(s, n.X)
	default:
		r.expr(s, t)
	}
}

func (r *resolver) expr(s *scope, e ast.Expr) {
	switch n := e.(type) {
	case nil:
	case *ast.Name:
		if !r.declaring {
			r.use(s, n)
		}
		if (n.ID == "super" || n.ID == "__class__") && !r.declaring && s.frame.kind == functionScope {
			r.freeVarIndex(s.frame, "__class__")
		}
	case *ast.NamedExpr:
		r.expr(s, n.Value)
		home := s
		for home.kind == compScope || home.genExpr {
			home = home.parent
		}
		if r.declaring {
			home.bind(n.Target.ID)
		} else {
			r.use(s, n.Target)
		}
	case *ast.Lambda:
		r.argDefaults(s, n.Args)
		fs := r.child(functionScope, s, n)
		if r.declaring {
			eachParam(n.Args, func(a *ast.Arg) { fs.bind(a.Name) })
		}
		r.expr(fs, n.Body)
	case *ast.ListComp:
		r.comprehension(s, n, n.Generators, n.Elt, nil, compScope)
	case *ast.SetComp:
		r.comprehension(s, n, n.Generators, n.Elt, nil, compScope)
	case *ast.DictComp:
		r.comprehension(s, n, n.Generators, n.Key, n.Value, compScope)
	case *ast.GeneratorExp:
		r.comprehension(s, n, n.Generators, n.Elt, nil, functionScope)
	case *ast.Yield:
		s.frame.isGen = true
		r.expr(s, n.Value)
	case *ast.YieldFrom:
		s.frame.isGen = true
		r.expr(s, n.X)
	case *ast.Await:
		s.frame.hasAwait = true
		r.expr(s, n.X)
	default:
		for _, c := range ast.Children(e) {
			switch c := c.(type) {
			case ast.Expr:
				r.expr(s, c)
			case *ast.Keyword:
				r.expr(s, c.Value)
			}
		}
	}
}

// comprehension resolves a comprehension: the first iterable in the enclosing scope, the
// rest in the comprehension's own scope, whose targets are fresh bindings.
func (r *resolver) comprehension(s *scope, node ast.Node, gens []*ast.Comprehension, elt, val ast.Expr, kind scopeKind) {
	r.expr(s, gens[0].Iter)
	cs := r.child(kind, s, node)
	if kind == functionScope {
		cs.isGen, cs.genExpr = true, true
	}
	for i, g := range gens {
		if i > 0 {
			r.expr(cs, g.Iter)
		}
		if r.declaring {
			r.declareComp(cs, g.Target)
		} else {
			r.target(cs, g.Target)
		}
		for _, c := range g.Ifs {
			r.expr(cs, c)
		}
		if g.Async {
			cs.frame.hasAwait = true
		}
	}
	r.expr(cs, elt)
	r.expr(cs, val)
}

// declareComp binds a comprehension target's names in the comprehension scope itself.
func (r *resolver) declareComp(cs *scope, t ast.Expr) {
	ast.Inspect(t, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Name:
			if _, ok := cs.bindings[n.ID]; !ok {
				cs.bindings[n.ID] = &binding{name: n.ID, slot: cs.newSlot(), scope: cs}
			}
		case *ast.Attribute, *ast.Subscript:
			return false
		}
		return true
	})
}

// use resolves one name reference.
func (r *resolver) use(s *scope, n *ast.Name) {
	r.res.refs[n] = r.lookup(s, n.ID)
}

func (r *resolver) lookup(s *scope, name string) ref {
	c := s
	for c.kind == compScope {
		if b, ok := c.bindings[name]; ok {
			return ref{kind: refLocal, b: b}
		}
		c = c.parent
	}
	if c.globals[name] {
		return ref{kind: refGlobal}
	}
	switch c.kind {
	case moduleScope:
		return ref{kind: refGlobal}
	case classScope:
		if s != c { // inside a comprehension in a class body: class names are invisible
			if i, ok := r.freeVarIndex(c, name); ok {
				return ref{kind: refFree, free: i}
			}
			return ref{kind: refGlobal}
		}
		if c.nonlocals[name] {
			i, _ := r.freeVarIndex(c, name)
			return ref{kind: refFree, free: i}
		}
		if _, ok := c.bindings[name]; ok && name != "__class__" {
			return ref{kind: refClass}
		}
		if i, ok := r.freeVarIndex(c, name); ok {
			return ref{kind: refClassFree, free: i}
		}
		return ref{kind: refClass}
	}
	if b, ok := c.bindings[name]; ok && !c.nonlocals[name] {
		return ref{kind: refLocal, b: b}
	}
	if i, ok := r.freeVarIndex(c, name); ok {
		return ref{kind: refFree, free: i}
	}
	return ref{kind: refGlobal}
}

// freeVarIndex returns the closure index of name in the frame scope fs, adding it (and
// marking the captured binding as a cell) if an enclosing scope binds it.
func (r *resolver) freeVarIndex(fs *scope, name string) (int, bool) {
	if i, ok := fs.freeIndex[name]; ok {
		return i, true
	}
	for p := fs.parent; p != nil; p = p.parent {
		switch p.kind {
		case moduleScope:
			return -1, false
		case classScope:
			if b, ok := p.bindings[name]; ok && name == "__class__" {
				b.cell = true
				return fs.addFree(&freeVar{name: name, outerCell: b.slot}), true
			}
			j, ok := r.freeVarIndex(p, name)
			if !ok {
				return -1, false
			}
			return fs.addFree(&freeVar{name: name, fromFree: true, outerFree: j}), true
		}
		if p.globals[name] {
			return -1, false
		}
		if b, ok := p.bindings[name]; ok && !p.nonlocals[name] {
			b.cell = true
			return fs.addFree(&freeVar{name: name, outerCell: b.slot}), true
		}
		if p.kind == functionScope {
			j, ok := r.freeVarIndex(p, name)
			if !ok {
				return -1, false
			}
			return fs.addFree(&freeVar{name: name, fromFree: true, outerFree: j}), true
		}
	}
	return -1, false
}

func (s *scope) addFree(fv *freeVar) int {
	s.free = append(s.free, fv)
	s.freeIndex[fv.name] = len(s.free) - 1
	return len(s.free) - 1
}
