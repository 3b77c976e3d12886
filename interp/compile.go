package interp

import (
	"fmt"
	"math/big"

	"github.com/aio-lang/aio/ast"
	rt "github.com/aio-lang/aio/runtime"
)

// compiler turns a resolved module into code objects: trees of expr and stmt nodes for
// plain code, step programs for generators and coroutines (see gen_compile.go).
type compiler struct {
	res   *resolution
	rsv   *resolver
	file  string
	scope *scope
	code  *code
	strs  map[string]rt.Value // interned string constants
	keys  map[string]*rt.Str  // interned names: lookups then compare by pointer
	depth int                 // expression nesting, bounded as CPython's compiler bounds it
}

// maxExprDepth is where CPython 3.11's compiler gives up on deeply nested expressions
// (its recursion limit times three).
const maxExprDepth = 3000

// key returns the one *Str the module's code uses for a name.
func (c *compiler) key(name string) *rt.Str {
	k, ok := c.keys[name]
	if !ok {
		k = rt.MakeStr(name)
		c.keys[name] = k
	}
	return k
}

func (c *compiler) global(name string) *globalExpr {
	return &globalExpr{name: name, key: c.key(name)}
}

// globalAt is a global read that knows its place in the source, for tracebacks.
func (c *compiler) globalAt(n *ast.Name) *globalExpr {
	g := c.global(n.ID)
	g.span = spanOf(n)
	return g
}

// compileError is an error found while compiling (a SyntaxError CPython reports at
// compile time that the parser's checks do not, or, when recursion is set, the
// RecursionError of an expression nested too deeply).
type compileError struct {
	node      ast.Node
	msg       string
	recursion bool
}

func (e *compileError) Error() string { return e.msg }

func compileModule(m *ast.Module, res *resolution) (*code, error) {
	return compileTop(m, res, func(cp *compiler, c *code) { c.body = cp.stmts(m.Body) })
}

// compileTop compiles a module's top level with body, turning the compiler's bailout on the
// first error into an error value.
func compileTop(m *ast.Module, res *resolution, body func(*compiler, *code)) (c *code, err error) {
	cp := &compiler{res: res, rsv: &resolver{res: res}, file: m.File, strs: map[string]rt.Value{}, keys: map[string]*rt.Str{}}
	defer func() {
		if r := recover(); r != nil {
			ce, ok := r.(*compileError)
			if !ok {
				panic(r)
			}
			err = ce
		}
	}()
	c = &code{name: "<module>", qualname: "<module>", file: m.File, line: 1}
	cp.withScope(res.module, c, func() { body(cp, c) })
	c.cellSlots = compCellsOf(res.module)
	return c, nil
}

// fail aborts compilation with a SyntaxError at node.
func (c *compiler) fail(node ast.Node, format string, a ...any) {
	panic(&compileError{node: node, msg: fmt.Sprintf(format, a...)})
}

// withScope compiles f with s and cd current, then fills in cd's slot layout.
func (c *compiler) withScope(s *scope, cd *code, f func()) {
	oldScope, oldCode := c.scope, c.code
	c.scope, c.code = s, cd
	f()
	cd.site = &rt.TraceSite{File: cd.file, Function: cd.name}
	cd.nslots = s.nslots
	cd.free = s.free
	cd.varnames = make([]string, s.nslots)
	for name, b := range s.allBindings() {
		if b.slot >= 0 && b.slot < len(cd.varnames) {
			cd.varnames[b.slot] = name
		}
	}
	c.scope, c.code = oldScope, oldCode
}

// allBindings returns the bindings of a frame scope and of the comprehensions inlined in it.
func (s *scope) allBindings() map[string]*binding {
	out := map[string]*binding{}
	var walk func(*scope)
	walk = func(x *scope) {
		for n, b := range x.bindings {
			if _, ok := out[n]; !ok || x == s {
				out[n] = b
			}
		}
		for _, ch := range x.children {
			if ch.kind == compScope {
				walk(ch)
			}
		}
	}
	walk(s)
	return out
}

// temp allocates a compiler temporary slot in the current frame.
func (c *compiler) temp() int { return c.scope.newSlot() }

func (c *compiler) stmts(body []ast.Stmt) []stmt {
	out := make([]stmt, 0, len(body))
	for _, s := range body {
		if cs := c.stmt(s); cs != nil {
			out = append(out, cs)
		}
	}
	return out
}

func line(n ast.Node) at { return at{ln: n.Pos().Line} }

func (c *compiler) stmt(s ast.Stmt) stmt {
	switch n := s.(type) {
	case *displayNode:
		return &displayStmt{line(n), c.expr(n.X)}
	case *ast.ExprStmt:
		return &exprStmt{line(n), c.expr(n.X)}
	case *ast.Assign:
		return c.assign(n)
	case *ast.AugAssign:
		return c.augAssign(n)
	case *ast.AnnAssign:
		if n.Value == nil {
			return nil
		}
		return &assignStmt{line(n), []assigner{c.target(n.Target)}, c.expr(n.Value)}
	case *ast.If:
		return &ifStmt{line(n), test(c.expr(n.Cond)), c.stmts(n.Body), c.stmts(n.Else)}
	case *ast.While:
		return &whileStmt{line(n), test(c.expr(n.Cond)), c.stmts(n.Body), c.stmts(n.Else)}
	case *ast.For:
		if n.Async {
			c.fail(n, "'async for' outside async function")
		}
		f := &forStmt{at: line(n), target: c.target(n.Target), slot: -1, iter: c.expr(n.Iter)}
		switch n.Iter.(type) {
		case *ast.Call, *ast.GeneratorExp:
			f.owns = true
		}
		if lt, ok := f.target.(*localTarget); ok {
			f.slot = lt.slot
		}
		f.body, f.els = c.stmts(n.Body), c.stmts(n.Else)
		return f
	case *ast.Break:
		return &breakStmt{line(n)}
	case *ast.Continue:
		return &continueStmt{line(n)}
	case *ast.Pass:
		return nil
	case *ast.Return:
		r := &returnStmt{at: line(n)}
		if n.Value != nil {
			r.value = c.expr(n.Value)
		}
		return r
	case *ast.FuncDef:
		return c.funcDef(n)
	case *ast.ClassDef:
		return c.classDef(n)
	case *ast.Try:
		return c.try(n)
	case *ast.Raise:
		r := &raiseStmt{at: line(n)}
		if n.Exc != nil {
			r.exc = c.expr(n.Exc)
		}
		if n.Cause != nil {
			r.cause = c.expr(n.Cause)
		}
		return r
	case *ast.With:
		if n.Async {
			c.fail(n, "'async with' outside async function")
		}
		w := &withStmt{at: line(n), body: c.stmts(n.Body)}
		for _, it := range n.Items {
			wi := withItem{ctx: c.expr(it.Context)}
			if it.Target != nil {
				wi.target = c.target(it.Target)
			}
			w.items = append(w.items, wi)
		}
		return w
	case *ast.Import:
		return c.importStmt(n)
	case *ast.ImportFrom:
		return c.importFrom(n)
	case *ast.Global, *ast.Nonlocal:
		return nil
	case *ast.Assert:
		a := &assertStmt{at: line(n), test: c.expr(n.Test)}
		if n.Msg != nil {
			a.msg = c.expr(n.Msg)
		}
		return a
	case *ast.Delete:
		d := &deleteStmt{at: line(n)}
		for _, t := range n.Targets {
			d.targets = append(d.targets, c.target(t).(deleter))
		}
		return d
	}
	c.fail(s, "unsupported statement %T", s)
	return nil
}

func (c *compiler) assign(n *ast.Assign) stmt {
	value := c.expr(n.Value)
	if len(n.Targets) == 1 {
		if t, ok := c.target(n.Targets[0]).(*localTarget); ok {
			return &assignLocalStmt{line(n), t.slot, value}
		}
	}
	targets := make([]assigner, len(n.Targets))
	for i, t := range n.Targets {
		targets[i] = c.target(t)
	}
	return &assignStmt{line(n), targets, value}
}

func (c *compiler) augAssign(n *ast.AugAssign) stmt {
	op := binaryOps[n.Op]
	value := c.expr(n.Value)
	switch t := n.Target.(type) {
	case *ast.Name:
		store := c.target(t)
		if lt, ok := store.(*localTarget); ok {
			return &augLocalStmt{line(n), op, lt.slot, lt.name, value}
		}
		return &augAssignStmt{line(n), op, &nameAug{load: c.name(t), store: store}, value}
	case *ast.Attribute:
		return &augAssignStmt{line(n), op, &attrAug{x: c.expr(t.X), name: t.Name, key: c.key(t.Name)}, value}
	case *ast.Subscript:
		return &augAssignStmt{line(n), op, &subscriptAug{x: c.expr(t.X), index: c.expr(t.Index)}, value}
	}
	c.fail(n.Target, "'%s' is an illegal expression for augmented assignment", "expression")
	return nil
}

// name compiles a read of a resolved name.
func (c *compiler) name(n *ast.Name) expr {
	r, ok := c.res.refs[n]
	if !ok {
		r = c.rsv.lookup(c.scope, n.ID)
	}
	if r.kind == refGlobal {
		return c.globalAt(n)
	}
	return c.load(r, n.ID)
}

func (c *compiler) load(r ref, name string) expr {
	switch r.kind {
	case refLocal:
		if r.b.cell {
			return &cellExpr{r.b.slot, name}
		}
		return &localExpr{r.b.slot, name}
	case refFree:
		return &freeExpr{r.free, name}
	case refClass:
		return &classNameExpr{global: c.global(name), free: -1}
	case refClassFree:
		return &classNameExpr{global: c.global(name), free: r.free}
	}
	return c.global(name)
}

// store compiles a write to a name in the current scope.
func (c *compiler) store(r ref, name string) assigner {
	switch r.kind {
	case refLocal:
		if r.b.cell {
			return &cellTarget{r.b.slot, name}
		}
		return &localTarget{r.b.slot, name}
	case refFree:
		return &freeTarget{r.free, name}
	case refClass, refClassFree:
		return &nameTarget{name, c.key(name), true}
	}
	return &nameTarget{name, c.key(name), false}
}

// storeName compiles a write to a name bound by a statement (def, class, import, except).
func (c *compiler) storeName(name string) assigner {
	return c.store(c.rsv.lookup(c.scope, name), name)
}

func (c *compiler) target(t ast.Expr) assigner {
	switch n := t.(type) {
	case *ast.Name:
		r, ok := c.res.refs[n]
		if !ok {
			r = c.rsv.lookup(c.scope, n.ID)
		}
		return c.store(r, n.ID)
	case *ast.Attribute:
		return &attrTarget{x: c.expr(n.X), name: n.Name, key: c.key(n.Name)}
	case *ast.Subscript:
		return &subscriptTarget{c.expr(n.X), c.expr(n.Index)}
	case *ast.Tuple:
		return c.unpack(n.Elts)
	case *ast.List:
		return c.unpack(n.Elts)
	case *ast.Starred:
		c.fail(n, "starred assignment target must be in a list or tuple")
	}
	c.fail(t, "cannot assign to expression")
	return nil
}

func (c *compiler) unpack(elts []ast.Expr) assigner {
	u := &unpackTarget{star: -1, locals: true}
	for i, e := range elts {
		if s, ok := e.(*ast.Starred); ok {
			if u.star >= 0 {
				c.fail(e, "multiple starred expressions in assignment")
			}
			u.star = i
			e = s.X
		}
		t := c.target(e)
		switch t.(type) {
		case *localTarget, *cellTarget:
		default:
			u.locals = false
		}
		u.elts = append(u.elts, t)
	}
	return u
}

var binaryOps = map[ast.Op]rt.BinaryOp{
	ast.Add: rt.OpAdd, ast.Sub: rt.OpSub, ast.Mult: rt.OpMul, ast.Div: rt.OpTrueDiv,
	ast.FloorDiv: rt.OpFloorDiv, ast.Mod: rt.OpMod, ast.Pow: rt.OpPow, ast.LShift: rt.OpLShift,
	ast.RShift: rt.OpRShift, ast.BitAnd: rt.OpAnd, ast.BitOr: rt.OpOr, ast.BitXor: rt.OpXor,
	ast.MatMult: rt.OpMatMul,
}

var compareOps = map[ast.Op]struct {
	kind cmpOp
	rich rt.CompareOp
}{
	ast.Eq: {cmpRich, rt.CmpEq}, ast.NotEq: {cmpRich, rt.CmpNe}, ast.Lt: {cmpRich, rt.CmpLt},
	ast.LtE: {cmpRich, rt.CmpLe}, ast.Gt: {cmpRich, rt.CmpGt}, ast.GtE: {cmpRich, rt.CmpGe},
	ast.Is: {kind: cmpIs}, ast.IsNot: {kind: cmpIsNot}, ast.In: {kind: cmpIn}, ast.NotIn: {kind: cmpNotIn},
}

// constant converts a literal's value.
func (c *compiler) constant(n *ast.Constant) rt.Value {
	switch v := n.Value.(type) {
	case nil:
		return rt.None
	case bool:
		return rt.Bool(v)
	case int64:
		return rt.Int(v)
	case *big.Int:
		return rt.MakeBig(v)
	case float64:
		return rt.Float(v)
	case string:
		if s, ok := c.strs[v]; ok {
			return s
		}
		s := rt.NewStr(v)
		c.strs[v] = s
		return s
	case ast.Bytes:
		return rt.NewBytes(string(v))
	case ast.Ellipsis:
		return rt.Ellipsis
	}
	c.fail(n, "complex numbers are not supported")
	return rt.Value{}
}
