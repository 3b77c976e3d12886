package interp

import (
	"github.com/aio-lang/aio/ast"
	rt "github.com/aio-lang/aio/runtime"
)

// lower compiles an expression that may suspend: suspension points become instructions
// whose results land in temporaries, and the rest becomes an ordinary expression reading
// them. nil stays nil.
func (sc *stepCompiler) lower(e ast.Expr) expr {
	if e == nil {
		return nil
	}
	c := sc.c
	if !sc.suspends(e) {
		return c.expr(e)
	}
	if op, x, ok := sc.suspendOperand(e); ok {
		t := c.temp()
		sc.emit(instr{op: op, x: x, target: &localTarget{slot: t}, line: e.Pos().Line})
		return &tempExpr{t}
	}
	switch n := e.(type) {
	case *ast.BinOp:
		xs := sc.lowerAll([]ast.Expr{n.X, n.Y})
		return &binaryExpr{span: binSpan(n), op: binaryOps[n.Op], x: xs[0], y: xs[1]}
	case *ast.UnaryOp:
		return unaryNode(n, sc.lower(n.X))
	case *ast.Compare:
		xs := sc.lowerAll(append([]ast.Expr{n.Left}, n.Comparators...))
		ch := &chainExpr{operands: xs}
		for _, o := range n.Ops {
			op := compareOps[o]
			ch.kinds = append(ch.kinds, op.kind)
			ch.riches = append(ch.riches, op.rich)
		}
		return ch
	case *ast.BoolOp:
		return sc.boolOp(n)
	case *ast.IfExp:
		return sc.ifExp(n)
	case *ast.Call:
		return sc.call(n)
	case *ast.Attribute:
		return &attrExpr{span: spanOf(n), x: sc.lower(n.X), name: n.Name, key: c.key(n.Name)}
	case *ast.Subscript:
		xs := sc.lowerAll([]ast.Expr{n.X, n.Index})
		return &subscriptExpr{span: subSpan(n), x: xs[0], index: xs[1]}
	case *ast.Slice:
		xs := sc.lowerAll([]ast.Expr{n.Lower, n.Upper, n.Step})
		return &sliceExpr{xs[0], xs[1], xs[2]}
	case *ast.Tuple:
		return newTupleExpr(sc.elements(n.Elts))
	case *ast.List:
		return &listExpr{sc.elements(n.Elts)}
	case *ast.Set:
		return &setExpr{elts: sc.elements(n.Elts)}
	case *ast.Dict:
		return sc.dict(n)
	case *ast.JoinedStr:
		return newJoinedStr(sc.lowerAll(n.Values))
	case *ast.FormattedValue:
		f := &formatExpr{conv: n.Conversion}
		var spec ast.Expr
		if n.FormatSpec != nil {
			spec = n.FormatSpec
		}
		xs := sc.lowerAll([]ast.Expr{n.Value, spec})
		f.value, f.spec = xs[0], xs[1]
		if n.DebugText != "" && n.Conversion == 0 && n.FormatSpec == nil {
			f.conv = 'r'
		}
		if n.DebugText != "" {
			return newJoinedStr([]expr{&constExpr{rt.NewStr(n.DebugText)}, f})
		}
		return f
	case *ast.NamedExpr:
		return &namedExpr{sc.lower(n.Value), c.target(n.Target)}
	case *ast.ListComp:
		return sc.comprehension(n, compList, n.Generators, n.Elt, nil)
	case *ast.SetComp:
		return sc.comprehension(n, compSet, n.Generators, n.Elt, nil)
	case *ast.DictComp:
		return sc.comprehension(n, compDict, n.Generators, n.Key, n.Value)
	case *ast.GeneratorExp:
		return c.genExprWith(n, sc.lower(n.Generators[0].Iter))
	}
	c.fail(e, "'await' or 'yield' is not supported in this expression")
	return nil
}

// lowerAll lowers operands evaluated left to right, spilling each one that precedes a
// suspension point to a temporary so that it is evaluated before the suspension.
func (sc *stepCompiler) lowerAll(es []ast.Expr) []expr {
	last := -1
	for i, e := range es {
		if e != nil && sc.suspends(e) {
			last = i
		}
	}
	out := make([]expr, len(es))
	for i, e := range es {
		if e == nil {
			continue
		}
		x := sc.lower(e)
		if i < last {
			x = sc.spill(x)
		}
		out[i] = x
	}
	return out
}

// spill evaluates x into a temporary now, unless reading it later gives the same value.
func (sc *stepCompiler) spill(x expr) expr {
	switch x.(type) {
	case *constExpr, *tempExpr, *localExpr:
		return x
	}
	t := sc.c.temp()
	sc.emit(instr{op: opSetTemp, a: t, x: x})
	return &tempExpr{t}
}

func (sc *stepCompiler) elements(es []ast.Expr) []element {
	inner := make([]ast.Expr, len(es))
	for i, e := range es {
		if s, ok := e.(*ast.Starred); ok {
			inner[i] = s.X
		} else {
			inner[i] = e
		}
	}
	xs := sc.lowerAll(inner)
	out := make([]element, len(es))
	for i, e := range es {
		_, star := e.(*ast.Starred)
		out[i] = element{xs[i], star}
	}
	return out
}

func (sc *stepCompiler) dict(n *ast.Dict) expr {
	var flat []ast.Expr
	for i, k := range n.Keys {
		flat = append(flat, k, n.Values[i])
	}
	xs := sc.lowerAll(flat)
	d := &dictExpr{}
	for i := 0; i < len(xs); i += 2 {
		d.keys = append(d.keys, xs[i])
		d.values = append(d.values, xs[i+1])
	}
	return d
}

func (sc *stepCompiler) call(n *ast.Call) expr {
	args := append([]ast.Expr{n.Func}, n.Args...)
	for _, k := range n.Keywords {
		args = append(args, k.Value)
	}
	inner := make([]ast.Expr, len(args))
	for i, a := range args {
		if s, ok := a.(*ast.Starred); ok {
			inner[i] = s.X
		} else {
			inner[i] = a
		}
	}
	xs := sc.lowerAll(inner)
	ce := &callExpr{fn: xs[0], span: spanOf(n)}
	for i, a := range n.Args {
		_, star := a.(*ast.Starred)
		ce.args = append(ce.args, element{xs[1+i], star})
	}
	for i, k := range n.Keywords {
		ce.kwNames = append(ce.kwNames, k.Arg)
		ce.kwValues = append(ce.kwValues, xs[1+len(n.Args)+i])
	}
	return ce
}

// boolOp evaluates and/or operands in turn into one temporary, stopping early.
func (sc *stepCompiler) boolOp(n *ast.BoolOp) expr {
	t := sc.c.temp()
	op := opJumpIfFalse
	if n.Op == ast.Or {
		op = opJumpIfTrue
	}
	var jumps []int
	for i, v := range n.Values {
		sc.emit(instr{op: opSetTemp, a: t, x: sc.lower(v)})
		if i < len(n.Values)-1 {
			jumps = append(jumps, sc.emit(instr{op: op, x: &tempExpr{t}}))
		}
	}
	for _, j := range jumps {
		sc.code[j].a = sc.here()
	}
	return &tempExpr{t}
}

func (sc *stepCompiler) ifExp(n *ast.IfExp) expr {
	t := sc.c.temp()
	jf := sc.emit(instr{op: opJumpIfFalse, x: sc.lower(n.Test)})
	sc.emit(instr{op: opSetTemp, a: t, x: sc.lower(n.Body)})
	j := sc.emit(instr{op: opJump})
	sc.code[jf].a = sc.here()
	sc.emit(instr{op: opSetTemp, a: t, x: sc.lower(n.Else)})
	sc.code[j].a = sc.here()
	return &tempExpr{t}
}

// comprehension lowers a comprehension containing await or async for into a loop that
// fills an accumulator temporary.
func (sc *stepCompiler) comprehension(n ast.Node, kind compKind, gens []*ast.Comprehension, elt, val ast.Expr) expr {
	c := sc.c
	acc := c.temp()
	first := c.temp()
	sc.emit(instr{op: opSetTemp, a: first, x: sc.lower(gens[0].Iter)})
	var init expr
	switch kind {
	case compList:
		init = &listExpr{}
	case compSet:
		init = &setExpr{}
	default:
		init = &dictExpr{}
	}
	sc.emit(instr{op: opSetTemp, a: acc, x: init})
	outer := c.scope
	c.scope = c.res.scopes[n]
	loop := comprehensionLoop(n, gens, first, c.res, func(ast.Node) ast.Stmt {
		return accumulate(c.res, acc, kind, elt, val)
	})
	sc.stmt(loop)
	c.scope = outer
	return &tempExpr{acc}
}

// accumulate builds `acc.append(elt)`, `acc.add(elt)` or `acc[key] = val` on the temporary.
func accumulate(res *resolution, acc int, kind compKind, elt, val ast.Expr) ast.Stmt {
	name := &ast.Name{ID: ".acc"}
	name.SetSpan(elt.Pos(), elt.End())
	res.refs[name] = ref{kind: refLocal, b: &binding{name: ".acc", slot: acc}}
	if kind == compDict {
		sub := &ast.Subscript{X: name, Index: elt}
		sub.SetSpan(elt.Pos(), elt.End())
		a := &ast.Assign{Targets: []ast.Expr{sub}, Value: val}
		a.SetSpan(elt.Pos(), val.End())
		return a
	}
	method := "append"
	if kind == compSet {
		method = "add"
	}
	attr := &ast.Attribute{X: name, Name: method}
	attr.SetSpan(elt.Pos(), elt.End())
	call := &ast.Call{Func: attr, Args: []ast.Expr{elt}}
	call.SetSpan(elt.Pos(), elt.End())
	s := &ast.ExprStmt{X: call}
	s.SetSpan(elt.Pos(), elt.End())
	return s
}
