package interp

import (
	"github.com/aio-lang/aio/ast"
	rt "github.com/aio-lang/aio/runtime"
)

type classDefStmt struct {
	at
	name       string
	body       *code
	bases      []element
	kwNames    []string
	kwValues   []expr
	decorators []expr
	target     assigner
	classCell  int // slot of the __class__ cell in the body's frame, or -1
	doc        rt.Value
}

func (c *compiler) classDef(n *ast.ClassDef) stmt {
	cs := c.res.scopes[n]
	s := &classDefStmt{at: line(n), name: n.Name, bases: c.elements(n.Bases),
		decorators: c.exprs(n.Decorators), target: c.storeName(n.Name), classCell: -1, doc: docstring(n.Body)}
	for _, k := range n.Keywords {
		s.kwNames = append(s.kwNames, k.Arg)
		s.kwValues = append(s.kwValues, c.expr(k.Value))
	}
	cd := &code{name: n.Name, qualname: c.qualPrefix() + n.Name, file: c.file, line: int(n.Pos().Line)}
	c.withScope(cs, cd, func() { cd.body = c.stmts(n.Body) })
	if b := cs.bindings["__class__"]; b.cell {
		s.classCell = b.slot
		cd.cellSlots = append(cd.cellSlots, b.slot)
	}
	cd.cellSlots = append(cd.cellSlots, compCellsOf(cs)...)
	s.body = cd
	return s
}

func (s *classDefStmt) exec(fr *frame) (ctl, error) {
	v, err := applyDecorators(fr, s.decorators, exprFunc(s.build))
	if err != nil {
		return ctlNone, err
	}
	return ctlNone, s.target.assign(fr, v)
}

// exprFunc adapts a function to the expr interface.
type exprFunc func(fr *frame) (rt.Value, error)

func (f exprFunc) eval(fr *frame) (rt.Value, error) { return f(fr) }

// build evaluates the bases, runs the body in a fresh namespace and creates the class.
func (s *classDefStmt) build(fr *frame) (rt.Value, error) {
	bv, err := evalElements(fr, s.bases)
	if err != nil {
		return rt.Value{}, err
	}
	bases := make([]*rt.Class, len(bv))
	for i, b := range bv {
		cls, ok := b.Object().(*rt.Class)
		if !ok {
			return rt.Value{}, rt.TypeErrorf("bases must be types")
		}
		bases[i] = cls
	}
	for i, k := range s.kwNames {
		if k != "metaclass" {
			if _, err := s.kwValues[i].eval(fr); err != nil {
				return rt.Value{}, err
			}
		}
	}
	module, _ := fr.globals.GetStr("__name__")
	ns := rt.NewDict()
	ns.SetStr("__module__", module)
	ns.SetStr("__qualname__", rt.NewStr(s.body.qualname))
	if !s.doc.IsNone() {
		ns.SetStr("__doc__", s.doc)
	}
	slots, err := fr.interp.runClassBody(fr, s.body, ns)
	if err != nil {
		return rt.Value{}, err
	}
	modName, _ := rt.AsStr(module)
	cls, err := rt.NewClass(s.name, s.body.qualname, modName, bases, ns)
	if err != nil {
		return rt.Value{}, err
	}
	if s.classCell >= 0 {
		slots[s.classCell].Object().(*rt.Cell).V = rt.Ref(cls)
	}
	return rt.Ref(cls), nil
}

// runClassBody executes a class body with ns as its namespace, returning its slots (which
// hold the __class__ cell).
func (it *Interp) runClassBody(fr *frame, body *code, ns *rt.Dict) ([]rt.Value, error) {
	th := fr.th
	if th.Depth >= it.depthLimit() {
		return nil, recursionError()
	}
	slots := make([]rt.Value, body.nslots)
	cf := it.pushFrame(body, nil, slots, fr.globals, closureCells(fr, body.free))
	cf.classDict = ns
	th.Depth++
	_, err := execBlock(cf, body.body)
	th.Depth--
	it.popFrame(cf)
	return slots, err
}
