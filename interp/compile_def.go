package interp

import (
	"github.com/aio-lang/aio/ast"
	rt "github.com/aio-lang/aio/runtime"
)

// qualPrefix is the __qualname__ prefix for definitions in the current scope.
func (c *compiler) qualPrefix() string {
	switch c.scope.frame.kind {
	case functionScope:
		return c.code.qualname + ".<locals>."
	case classScope:
		return c.code.qualname + "."
	}
	return ""
}

// newFuncCode lays out a function's parameters and compiles its body.
func (c *compiler) newFuncCode(node ast.Node, name string, args *ast.Arguments, async bool, body func(*code)) *funcExpr {
	fs := c.res.scopes[node]
	cd := &code{name: name, qualname: c.qualPrefix() + name, file: c.file, line: int(node.Pos().Line)}
	eachParam(args, func(a *ast.Arg) { cd.params = append(cd.params, a.Name) })
	cd.nposonly = len(args.PosOnly)
	cd.nargs = len(args.PosOnly) + len(args.Args)
	cd.nkwonly = len(args.KwOnly)
	cd.hasVararg = args.Vararg != nil
	cd.hasKwarg = args.Kwarg != nil
	cd.simple = !cd.hasVararg && !cd.hasKwarg && cd.nkwonly == 0
	switch {
	case fs.isGen && async:
		cd.kind = asyncGenCode
	case fs.isGen:
		cd.kind = generatorCode
	case async:
		cd.kind = coroutineCode
	}
	c.withScope(fs, cd, func() { body(cd) })
	for _, b := range fs.bindings {
		if !b.cell {
			continue
		}
		if b.slot < len(cd.params) {
			cd.cellParams = append(cd.cellParams, b.slot)
		} else {
			cd.cellSlots = append(cd.cellSlots, b.slot)
		}
	}
	cd.cellSlots = append(cd.cellSlots, compCellsOf(fs)...)
	fe := &funcExpr{code: cd, doc: rt.None}
	for _, d := range args.Defaults {
		fe.defaults = append(fe.defaults, c.expr(d))
	}
	for _, d := range args.KwDefaults {
		if d == nil {
			fe.kwdefaults = append(fe.kwdefaults, nil)
		} else {
			fe.kwdefaults = append(fe.kwdefaults, c.expr(d))
		}
	}
	return fe
}

// compCellsOf lists the captured variables of the comprehensions inlined in a frame scope:
// they live in its frame and start as empty cells.
func compCellsOf(s *scope) []int {
	var out []int
	for _, ch := range s.children {
		if ch.kind != compScope {
			continue
		}
		for _, b := range ch.bindings {
			if b.cell {
				out = append(out, b.slot)
			}
		}
		out = append(out, compCellsOf(ch)...)
	}
	return out
}

// body compiles a function body into cd: a statement tree, or a step program for
// generators and coroutines.
func (c *compiler) body(cd *code, body []ast.Stmt) {
	if cd.kind == plainCode {
		cd.body = c.stmts(body)
		return
	}
	cd.steps = c.steps(body)
}

func docstring(body []ast.Stmt) rt.Value {
	if len(body) > 0 {
		if es, ok := body[0].(*ast.ExprStmt); ok {
			if k, ok := es.X.(*ast.Constant); ok {
				if s, ok := k.Value.(string); ok {
					return rt.NewStr(s)
				}
			}
		}
	}
	return rt.None
}

type funcDefStmt struct {
	at
	fn         *funcExpr
	decorators []expr
	target     assigner
}

func (c *compiler) funcDef(n *ast.FuncDef) stmt {
	s := &funcDefStmt{at: line(n), decorators: c.exprs(n.Decorators), target: c.storeName(n.Name)}
	s.fn = c.newFuncCode(n, n.Name, n.Args, n.Async, func(cd *code) { c.body(cd, n.Body) })
	s.fn.doc = docstring(n.Body)
	return s
}

func (s *funcDefStmt) exec(fr *frame) (ctl, error) {
	v, err := applyDecorators(fr, s.decorators, s.fn)
	if err != nil {
		return ctlNone, err
	}
	return ctlNone, s.target.assign(fr, v)
}

// applyDecorators evaluates the decorators (top to bottom), then the definition, then calls
// the decorators bottom-up.
func applyDecorators(fr *frame, decorators []expr, def expr) (rt.Value, error) {
	decs := make([]rt.Value, len(decorators))
	for i, d := range decorators {
		v, err := d.eval(fr)
		if err != nil {
			return v, err
		}
		decs[i] = v
	}
	v, err := def.eval(fr)
	if err != nil {
		return v, err
	}
	for i := len(decs) - 1; i >= 0; i-- {
		v, err = rt.Call(fr.th, decs[i], []rt.Value{v}, nil)
		if err != nil {
			return v, err
		}
	}
	return v, nil
}

func (c *compiler) lambda(n *ast.Lambda) expr {
	return c.newFuncCode(n, "<lambda>", n.Args, false, func(cd *code) {
		if cd.kind != plainCode {
			c.fail(n, "'yield' inside lambda is not supported")
		}
		cd.body = []stmt{&returnStmt{line(n), c.expr(n.Body)}}
	})
}

// genExpr compiles a generator expression into a generator function of one parameter, the
// iterator of its first iterable, which is evaluated where the expression stands.
func (c *compiler) genExpr(n *ast.GeneratorExp) expr {
	return c.genExprWith(n, c.expr(n.Generators[0].Iter))
}

// genExprWith compiles a generator expression whose first iterable is already compiled.
func (c *compiler) genExprWith(n *ast.GeneratorExp, iter expr) expr {
	gs := c.res.scopes[n]
	cd := &code{name: "<genexpr>", qualname: c.qualPrefix() + "<genexpr>", file: c.file,
		line: int(n.Pos().Line), kind: generatorCode}
	if gs.hasAwait {
		cd.kind = asyncGenCode
	}
	arg := gs.newSlot()
	c.withScope(gs, cd, func() {
		cd.steps = c.steps([]ast.Stmt{comprehensionLoop(n, n.Generators, arg, c.res, func(at ast.Node) ast.Stmt {
			y := &ast.Yield{Value: n.Elt}
			y.SetSpan(n.Elt.Pos(), n.Elt.End())
			s := &ast.ExprStmt{X: y}
			s.SetSpan(n.Elt.Pos(), n.Elt.End())
			return s
		})})
		cd.steps.async = n.Generators[0].Async
	})
	for _, b := range gs.bindings {
		if b.cell {
			cd.cellSlots = append(cd.cellSlots, b.slot)
		}
	}
	return &genExprNode{code: cd, iter: iter, arg: arg}
}

// comprehensionLoop builds the statement form of a comprehension's clauses around inner:
// nested for and if statements. The first iterable is read from slot arg.
func comprehensionLoop(n ast.Node, gens []*ast.Comprehension, arg int, res *resolution, inner func(ast.Node) ast.Stmt) ast.Stmt {
	var build func(i int) ast.Stmt
	build = func(i int) ast.Stmt {
		if i == len(gens) {
			return inner(n)
		}
		g := gens[i]
		body := build(i + 1)
		for j := len(g.Ifs) - 1; j >= 0; j-- {
			ifs := &ast.If{Cond: g.Ifs[j], Body: []ast.Stmt{body}}
			ifs.SetSpan(g.Ifs[j].Pos(), g.Ifs[j].End())
			body = ifs
		}
		iter := g.Iter
		if i == 0 {
			name := &ast.Name{ID: ".0"}
			name.SetSpan(g.Iter.Pos(), g.Iter.End())
			res.refs[name] = ref{kind: refLocal, b: &binding{name: ".0", slot: arg}}
			iter = name
		}
		f := &ast.For{Async: g.Async, Target: g.Target, Iter: iter, Body: []ast.Stmt{body}}
		f.SetSpan(g.Pos(), g.End())
		return f
	}
	return build(0)
}

// genExprNode creates the generator of a generator expression.
type genExprNode struct {
	code *code
	iter expr
	arg  int
}

func (e *genExprNode) eval(fr *frame) (rt.Value, error) {
	iv, err := e.iter.eval(fr)
	if err != nil {
		return iv, err
	}
	if e.code.steps.async {
		it, err := aiter(fr.th, iv)
		if err != nil {
			return rt.Value{}, err
		}
		iv = it
	} else {
		it, err := rt.Iter(fr.th, iv)
		if err != nil {
			return rt.Value{}, err
		}
		iv = rt.Ref(it)
	}
	f := &Function{code: e.code, globals: fr.globals, name: e.code.name, qualname: e.code.qualname,
		interp: fr.interp, closure: closureCells(fr, e.code.free)}
	slots := make([]rt.Value, e.code.nslots)
	slots[e.arg] = iv
	initCells(e.code, slots)
	return fr.interp.newGenerator(f, slots), nil
}
