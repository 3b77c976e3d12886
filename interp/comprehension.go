package interp

import (
	"github.com/aio-lang/aio/ast"
	rt "github.com/aio-lang/aio/runtime"
)

type compKind uint8

const (
	compList compKind = iota
	compSet
	compDict
)

// compExpr is an inlined list, set or dict comprehension: its loop variables are slots of
// the enclosing frame.
type compExpr struct {
	kind     compKind
	clauses  []compClause
	elt, val expr
}

type compClause struct {
	iter   expr
	target assigner
	ifs    []expr
}

func (c *compiler) comprehension(n ast.Node, kind compKind, gens []*ast.Comprehension, elt, val ast.Expr) expr {
	for _, g := range gens {
		if g.Async {
			c.fail(g, "asynchronous comprehension outside of an asynchronous function")
		}
	}
	ce := &compExpr{kind: kind}
	first := c.expr(gens[0].Iter)
	outer := c.scope
	c.scope = c.res.scopes[n]
	defer func() { c.scope = outer }()
	for i, g := range gens {
		cl := compClause{iter: first, target: c.target(g.Target), ifs: c.exprs(g.Ifs)}
		if i > 0 {
			cl.iter = c.expr(g.Iter)
		}
		ce.clauses = append(ce.clauses, cl)
	}
	ce.elt = c.expr(elt)
	if val != nil {
		ce.val = c.expr(val)
	}
	return ce
}

// compAcc accumulates a comprehension's result.
type compAcc struct {
	items []rt.Value
	set   *rt.Set
	dict  *rt.Dict
}

func (e *compExpr) eval(fr *frame) (rt.Value, error) {
	acc := &compAcc{}
	switch e.kind {
	case compSet:
		acc.set = rt.NewSet()
	case compDict:
		acc.dict = rt.NewDict()
	}
	if err := e.loop(fr, 0, acc); err != nil {
		return rt.Value{}, err
	}
	switch e.kind {
	case compSet:
		return rt.Ref(acc.set), nil
	case compDict:
		return rt.Ref(acc.dict), nil
	}
	if acc.items == nil {
		acc.items = []rt.Value{}
	}
	return rt.NewList(acc.items), nil
}

func (e *compExpr) loop(fr *frame, level int, acc *compAcc) error {
	cl := &e.clauses[level]
	iv, err := cl.iter.eval(fr)
	if err != nil {
		return err
	}
	if r, ok := iv.Object().(*rt.Range); ok {
		n := r.Len()
		for i, v := int64(0), r.Start; i < n; i, v = i+1, v+r.Step {
			if err := e.step(fr, level, acc, rt.Int(v)); err != nil {
				return err
			}
		}
		return nil
	}
	it, err := rt.Iter(fr.th, iv)
	if err != nil {
		return err
	}
	for {
		v, ok, err := it.Next(fr.th)
		if err != nil || !ok {
			return err
		}
		if err := e.step(fr, level, acc, v); err != nil {
			return err
		}
	}
}

// step handles one value of clause level: bind, filter, then recurse or produce.
func (e *compExpr) step(fr *frame, level int, acc *compAcc, v rt.Value) error {
	cl := &e.clauses[level]
	if err := cl.target.assign(fr, v); err != nil {
		return err
	}
	for _, f := range cl.ifs {
		t, err := truth(fr, f)
		if err != nil || !t {
			return err
		}
	}
	if err := checkpoint(fr); err != nil {
		return err
	}
	if level+1 < len(e.clauses) {
		return e.loop(fr, level+1, acc)
	}
	x, err := e.elt.eval(fr)
	if err != nil {
		return err
	}
	switch e.kind {
	case compSet:
		return acc.set.Add(fr.th, x)
	case compDict:
		y, err := e.val.eval(fr)
		if err != nil {
			return err
		}
		return acc.dict.Set(fr.th, x, y)
	}
	acc.items = append(acc.items, x)
	return nil
}
