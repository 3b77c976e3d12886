package interp

import (
	"github.com/aio-lang/aio/ast"
	rt "github.com/aio-lang/aio/runtime"
)

func (c *compiler) exprs(es []ast.Expr) []expr {
	out := make([]expr, len(es))
	for i, e := range es {
		out[i] = c.expr(e)
	}
	return out
}

func (c *compiler) expr(e ast.Expr) expr {
	c.depth++
	if c.depth > maxExprDepth {
		panic(&compileError{node: e, msg: "maximum recursion depth exceeded during compilation", recursion: true})
	}
	x := c.exprNode(e)
	c.depth--
	return x
}

func (c *compiler) exprNode(e ast.Expr) expr {
	switch n := e.(type) {
	case *ast.Constant:
		return &constExpr{c.constant(n)}
	case *ast.Name:
		return c.name(n)
	case *ast.BinOp:
		x, y := c.expr(n.X), c.expr(n.Y)
		k, isConst := smallIntConst(y)
		switch {
		case n.Op == ast.Add && isConst:
			return &addIntExpr{x, k, rt.OpAdd, y.(*constExpr).v, binSpan(n)}
		case n.Op == ast.Sub && isConst:
			return &addIntExpr{x, k, rt.OpSub, y.(*constExpr).v, binSpan(n)}
		case n.Op == ast.Mod && isConst && k > 0:
			return &modIntExpr{x, k, y.(*constExpr).v, binSpan(n)}
		}
		return &binaryExpr{span: binSpan(n), op: binaryOps[n.Op], x: x, y: y}
	case *ast.UnaryOp:
		return c.unary(n)
	case *ast.BoolOp:
		out := c.expr(n.Values[len(n.Values)-1])
		for i := len(n.Values) - 2; i >= 0; i-- {
			if n.Op == ast.And {
				out = &andExpr{c.expr(n.Values[i]), out}
			} else {
				out = &orExpr{c.expr(n.Values[i]), out}
			}
		}
		return out
	case *ast.Compare:
		return c.compare(n)
	case *ast.IfExp:
		return &ifExpr{test(c.expr(n.Test)), c.expr(n.Body), c.expr(n.Else)}
	case *ast.NamedExpr:
		return &namedExpr{c.expr(n.Value), c.target(n.Target)}
	case *ast.Call:
		return c.call(n)
	case *ast.Attribute:
		return &attrExpr{span: spanOf(n), x: c.expr(n.X), name: n.Name, key: c.key(n.Name)}
	case *ast.Subscript:
		return &subscriptExpr{span: subSpan(n), x: c.expr(n.X), index: c.expr(n.Index)}
	case *ast.Slice:
		s := &sliceExpr{}
		if n.Lower != nil {
			s.lo = c.expr(n.Lower)
		}
		if n.Upper != nil {
			s.hi = c.expr(n.Upper)
		}
		if n.Step != nil {
			s.step = c.expr(n.Step)
		}
		return s
	case *ast.List:
		return &listExpr{c.elements(n.Elts)}
	case *ast.Tuple:
		if len(n.Elts) == 0 {
			return &constExpr{rt.EmptyTuple}
		}
		return newTupleExpr(c.elements(n.Elts))
	case *ast.Set:
		folded := len(n.Elts) > 2
		for _, el := range n.Elts {
			if _, ok := el.(*ast.Constant); !ok {
				folded = false
			}
		}
		return &setExpr{c.elements(n.Elts), folded}
	case *ast.Dict:
		d := &dictExpr{}
		for i, k := range n.Keys {
			if k == nil {
				d.keys = append(d.keys, nil)
			} else {
				d.keys = append(d.keys, c.expr(k))
			}
			d.values = append(d.values, c.expr(n.Values[i]))
		}
		return d
	case *ast.ListComp:
		return c.comprehension(n, compList, n.Generators, n.Elt, nil)
	case *ast.SetComp:
		return c.comprehension(n, compSet, n.Generators, n.Elt, nil)
	case *ast.DictComp:
		return c.comprehension(n, compDict, n.Generators, n.Key, n.Value)
	case *ast.GeneratorExp:
		return c.genExpr(n)
	case *ast.Lambda:
		return c.lambda(n)
	case *ast.JoinedStr:
		return c.joinedStr(n)
	case *ast.FormattedValue:
		return c.formatted(n)
	case *ast.Starred:
		c.fail(n, "can't use starred expression here")
	case *ast.Await:
		c.fail(n, "'await' outside async function")
	case *ast.Yield, *ast.YieldFrom:
		c.fail(n, "'yield' outside function")
	}
	c.fail(e, "unsupported expression %T", e)
	return nil
}

func (c *compiler) unary(n *ast.UnaryOp) expr {
	if k, ok := n.X.(*ast.Constant); ok && n.Op == ast.USub {
		v, err := rt.Unary(nil, rt.OpNeg, c.constant(k))
		if err == nil {
			return &constExpr{v}
		}
	}
	return unaryNode(n, c.expr(n.X))
}

// unaryNode builds the node of a unary operator applied to a compiled operand.
func unaryNode(n *ast.UnaryOp, x expr) expr {
	switch n.Op {
	case ast.Not:
		return &notExpr{x}
	case ast.USub:
		return &unaryExpr{rt.OpNeg, x, spanOf(n)}
	case ast.UAdd:
		return &unaryExpr{rt.OpPos, x, spanOf(n)}
	}
	return &unaryExpr{rt.OpInvert, x, spanOf(n)}
}

// spanOf is a node's location, for the carets of a traceback.
func spanOf(n ast.Node) *rt.TraceSpan {
	p, e := n.Pos(), n.End()
	return &rt.TraceSpan{Line: int(p.Line), Col: int(p.Col), EndLine: int(e.Line), EndCol: int(e.Col)}
}

// binSpan locates a binary operation and its operator.
func binSpan(n *ast.BinOp) *rt.TraceSpan {
	sp := spanOf(n)
	sp.Kind, sp.A, sp.B = rt.SpanBinOp, int(n.X.End().Col), int(n.Y.Pos().Col)
	return sp
}

// subSpan locates a subscript and its index.
func subSpan(n *ast.Subscript) *rt.TraceSpan {
	sp := spanOf(n)
	sp.Kind, sp.A, sp.B = rt.SpanSubscript, int(n.X.End().Col), int(n.Index.End().Col)
	return sp
}

func (c *compiler) compare(n *ast.Compare) expr {
	if len(n.Ops) == 1 {
		op := compareOps[n.Ops[0]]
		x, y := c.expr(n.Left), c.expr(n.Comparators[0])
		if k, ok := smallIntConst(y); ok && op.kind == cmpRich {
			return &cmpIntExpr{x, k, op.rich, y.(*constExpr).v}
		}
		return &compareExpr{op.kind, op.rich, x, y, spanOf(n)}
	}
	ch := &chainExpr{operands: []expr{c.expr(n.Left)}}
	for i, o := range n.Ops {
		op := compareOps[o]
		ch.kinds = append(ch.kinds, op.kind)
		ch.riches = append(ch.riches, op.rich)
		ch.operands = append(ch.operands, c.expr(n.Comparators[i]))
	}
	return ch
}

func (c *compiler) elements(es []ast.Expr) []element {
	out := make([]element, len(es))
	for i, e := range es {
		if s, ok := e.(*ast.Starred); ok {
			out[i] = element{c.expr(s.X), true}
		} else {
			out[i] = element{c.expr(e), false}
		}
	}
	return out
}

func (c *compiler) call(n *ast.Call) expr {
	if sup := c.superCall(n); sup != nil {
		return sup
	}
	plain := len(n.Keywords) == 0
	for _, a := range n.Args {
		if _, ok := a.(*ast.Starred); ok {
			plain = false
		}
	}
	if plain {
		if at, ok := n.Func.(*ast.Attribute); ok {
			m := &methodCallExpr{obj: c.expr(at.X), name: at.Name, key: c.key(at.Name), args: c.exprs(n.Args), span: spanOf(n), attr: spanOf(at)}
			if sup, ok := m.obj.(*superExpr); ok {
				return &superMethodCallExpr{sup: sup, general: m}
			}
			return m
		}
		return &simpleCallExpr{c.expr(n.Func), c.exprs(n.Args), spanOf(n)}
	}
	ce := &callExpr{fn: c.expr(n.Func), args: c.elements(n.Args), span: spanOf(n)}
	for _, k := range n.Keywords {
		ce.kwNames = append(ce.kwNames, k.Arg)
		ce.kwValues = append(ce.kwValues, c.expr(k.Value))
	}
	return ce
}

// superCall compiles super() with no arguments inside a method.
func (c *compiler) superCall(n *ast.Call) expr {
	name, ok := n.Func.(*ast.Name)
	if !ok || name.ID != "super" || len(n.Args) != 0 || len(n.Keywords) != 0 {
		return nil
	}
	if r := c.rsv.lookup(c.scope, "super"); r.kind != refGlobal {
		return nil
	}
	fs := c.scope.frame
	i, ok := fs.freeIndex["__class__"]
	if !ok || fs.kind != functionScope {
		return &superExpr{classFree: -1, selfSlot: -1}
	}
	self := -1
	if args := argsOf(fs.node); args != nil && len(args.PosOnly)+len(args.Args) > 0 {
		self = 0
	}
	return &superExpr{classFree: i, selfSlot: self}
}

func (c *compiler) joinedStr(n *ast.JoinedStr) expr {
	if len(n.Values) == 1 {
		if k, ok := n.Values[0].(*ast.Constant); ok {
			return &constExpr{c.constant(k)}
		}
	}
	return newJoinedStr(c.exprs(n.Values))
}

func (c *compiler) formatted(n *ast.FormattedValue) expr {
	f := &formatExpr{value: c.expr(n.Value), conv: n.Conversion}
	if n.DebugText != "" && n.Conversion == 0 && n.FormatSpec == nil {
		f.conv = 'r'
	}
	if n.FormatSpec != nil {
		f.spec = c.joinedStr(n.FormatSpec)
	}
	if n.DebugText != "" {
		return newJoinedStr([]expr{&constExpr{rt.NewStr(n.DebugText)}, f})
	}
	return f
}
