package interp

import (
	rt "github.com/aio-lang/aio/runtime"
)

// expr is a compiled expression.
type expr interface {
	eval(fr *frame) (rt.Value, error)
}

type constExpr struct{ v rt.Value }

func (e *constExpr) eval(*frame) (rt.Value, error) { return e.v, nil }

// localExpr reads a plain (uncaptured) local slot.
type localExpr struct {
	slot int
	name string
}

func (e *localExpr) eval(fr *frame) (rt.Value, error) {
	v := fr.slots[e.slot]
	if !v.IsValid() {
		return v, unboundLocal(e.name)
	}
	return v, nil
}

func unboundLocal(name string) error {
	return rt.Errorf(rt.UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", name)
}

// cellExpr reads a local captured by an inner function: the slot holds a *Cell.
type cellExpr struct {
	slot int
	name string
}

func (e *cellExpr) eval(fr *frame) (rt.Value, error) {
	v := fr.slots[e.slot].Object().(*rt.Cell).V
	if !v.IsValid() {
		return v, unboundLocal(e.name)
	}
	return v, nil
}

// freeExpr reads a closure variable.
type freeExpr struct {
	index int
	name  string
}

func (e *freeExpr) eval(fr *frame) (rt.Value, error) {
	v := fr.free[e.index].V
	if !v.IsValid() {
		return v, rt.Errorf(rt.NameErrorType, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", e.name)
	}
	return v, nil
}

// globalExpr reads a module-level name, falling back to builtins.
type globalExpr struct {
	span     *rt.TraceSpan
	name     string
	key      *rt.Str // the name with its hash cached
	global   rt.KeyCache
	builtins rt.KeyCache
}

func (e *globalExpr) eval(fr *frame) (rt.Value, error) {
	if v, ok := fr.globals.GetKeyCached(e.key, &e.global); ok {
		return v, nil
	}
	if v, ok := fr.interp.builtins.GetKeyCached(e.key, &e.builtins); ok {
		return v, nil
	}
	err := nameError(e.name)
	err.Suggestion = nameSuggestion(fr, e.name)
	return rt.Value{}, fr.fail(err, e.span)
}

func nameError(name string) *rt.Exception {
	e := rt.Errorf(rt.NameErrorType, "name '%s' is not defined", name)
	e.Dict = rt.NewDict()
	e.Dict.SetStr("name", rt.NewStr(name))
	return e
}

// classNameExpr reads a name in a class body: the class namespace, then globals and
// builtins (or, for refClassFree, the enclosing function's cell).
type classNameExpr struct {
	global *globalExpr
	free   int // closure index, or -1
}

func (e *classNameExpr) eval(fr *frame) (rt.Value, error) {
	if v, ok := fr.classDict.GetKey(e.global.key); ok {
		return v, nil
	}
	if e.free >= 0 {
		if v := fr.free[e.free].V; v.IsValid() {
			return v, nil
		}
	}
	return e.global.eval(fr)
}

// tempExpr reads a compiler temporary.
type tempExpr struct{ slot int }

func (e *tempExpr) eval(fr *frame) (rt.Value, error) { return fr.slots[e.slot], nil }

type attrExpr struct {
	span  *rt.TraceSpan
	x     expr
	name  string
	key   *rt.Str
	cache attrCache
	hint  int32 // entry of the attribute in the last instance dict read here
}

func (e *attrExpr) eval(fr *frame) (rt.Value, error) {
	x, err := e.x.eval(fr)
	if err != nil {
		return x, err
	}
	if inst, ok := x.Object().(*rt.Instance); ok {
		cv := e.cache.lookup(inst.Type(), e.key)
		if e.cache.plain {
			if v, ok := inst.Dict.GetKeyHint(e.key, &e.hint); ok {
				return v, nil
			}
			if f, ok := cv.Object().(*Function); ok {
				return rt.Ref(&rt.BoundMethod{Self: x, Fn: f}), nil
			}
		}
	}
	v, err := rt.GetAttr(fr.th, x, e.name)
	if err != nil {
		return v, fr.fail(err, e.span)
	}
	return v, nil
}

// attrCache remembers the class attribute lookups made at one site, for up to four classes
// (call sites in object-oriented code are often polymorphic), valid while rt.ClassEpoch is
// unchanged. After lookup, plain reports that the attribute is not a property, so that an
// instance's own attribute of that name takes precedence, and plainStore that moreover the
// class keeps object's __setattr__, so that a store may go straight into the instance dict.
type attrCache struct {
	epoch      uint64
	entries    [4]attrEntry
	next       uint8
	plain      bool
	plainStore bool
}

type attrEntry struct {
	cls               *rt.Class
	cv                rt.Value
	plain, plainStore bool
}

var setattrKey = rt.MakeStr("__setattr__")

func (c *attrCache) lookup(cls *rt.Class, key *rt.Str) rt.Value {
	if ep := rt.ClassEpoch.Load(); c.epoch != ep {
		*c = attrCache{epoch: ep}
	}
	for i := range c.entries {
		if e := &c.entries[i]; e.cls == cls {
			c.plain, c.plainStore = e.plain, e.plainStore
			return e.cv
		}
	}
	cv := cls.LookupKey(key)
	_, isProp := cv.Object().(*rt.Property)
	sa := cls.LookupKey(setattrKey)
	e := attrEntry{cls: cls, cv: cv, plain: !isProp}
	e.plainStore = e.plain && (!sa.IsValid() || sa.Is(objectSetattr))
	c.entries[c.next&3] = e
	c.next++
	c.plain, c.plainStore = e.plain, e.plainStore
	return cv
}

type subscriptExpr struct {
	span     *rt.TraceSpan
	x, index expr
}

func (e *subscriptExpr) eval(fr *frame) (rt.Value, error) {
	x, i, err := operands(fr, e.x, e.index)
	if err != nil {
		return rt.Value{}, err
	}
	if l, ok := rt.ExactList(x); ok {
		if n, ok := i.SmallInt(); ok {
			if n < 0 {
				n += int64(len(l.Items))
			}
			if n >= 0 && n < int64(len(l.Items)) {
				return l.Items[n], nil
			}
		}
	}
	v, err := rt.GetItem(fr.th, x, i)
	if err != nil {
		return v, fr.fail(err, e.span)
	}
	return v, nil
}

type sliceExpr struct {
	lo, hi, step expr // nil parts are None
}

func (e *sliceExpr) eval(fr *frame) (rt.Value, error) {
	var parts [3]rt.Value
	for i, p := range [3]expr{e.lo, e.hi, e.step} {
		parts[i] = rt.None
		if p != nil {
			v, err := p.eval(fr)
			if err != nil {
				return v, err
			}
			parts[i] = v
		}
	}
	return rt.Ref(&rt.Slice{Start: parts[0], Stop: parts[1], Step: parts[2]}), nil
}

// operands evaluates two operands, left to right.
func operands(fr *frame, x, y expr) (rt.Value, rt.Value, error) {
	a, err := x.eval(fr)
	if err != nil {
		return a, a, err
	}
	b, err := y.eval(fr)
	return a, b, err
}

type binaryExpr struct {
	span *rt.TraceSpan
	op   rt.BinaryOp
	x, y expr
}

func (e *binaryExpr) eval(fr *frame) (rt.Value, error) {
	// Operands are evaluated inline rather than through operands(): this is the hottest
	// node, and the helper's two interface calls keep it from being inlined.
	x, err := e.x.eval(fr)
	if err != nil {
		return x, err
	}
	y, err := e.y.eval(fr)
	if err != nil {
		return y, err
	}
	v, err := arith(fr.th, e.op, x, y)
	if err != nil {
		return v, fr.fail(err, e.span)
	}
	return v, nil
}

// arith evaluates x op y with inline paths for small ints and floats.
func arith(th *rt.Thread, op rt.BinaryOp, x, y rt.Value) (rt.Value, error) {
	if a, ok := x.SmallInt(); ok {
		if b, ok := y.SmallInt(); ok {
			if r, ok := intArith(op, a, b); ok {
				return rt.Int(r), nil
			}
		} else if b, ok := y.FloatVal(); ok && a > -1<<53 && a < 1<<53 {
			if r, ok := floatArith(op, float64(a), b); ok {
				return rt.Float(r), nil
			}
		}
	} else if a, ok := x.FloatVal(); ok {
		b, ok := y.FloatVal()
		if !ok {
			if n, isInt := y.SmallInt(); isInt && n > -1<<53 && n < 1<<53 {
				b, ok = float64(n), true
			}
		}
		if ok {
			if r, ok := floatArith(op, a, b); ok {
				return rt.Float(r), nil
			}
		}
	} else if a, ok := x.Object().(*rt.Str); ok && op == rt.OpAdd {
		if b, ok := y.Object().(*rt.Str); ok {
			return rt.Concat(a, b), nil
		}
	}
	return rt.Binary(th, op, x, y)
}

// inplace evaluates x op= y: numbers take the arith paths, everything else the runtime's
// in-place protocol.
func inplace(th *rt.Thread, op rt.BinaryOp, x, y rt.Value) (rt.Value, error) {
	if _, ok := x.SmallInt(); ok {
		return arith(th, op, x, y)
	}
	if _, ok := x.FloatVal(); ok {
		return arith(th, op, x, y)
	}
	return rt.InplaceBinary(th, op, x, y)
}

// floatArith computes + - * / on floats; ok is false where Python raises.
func floatArith(op rt.BinaryOp, a, b float64) (float64, bool) {
	switch op {
	case rt.OpAdd:
		return a + b, true
	case rt.OpSub:
		return a - b, true
	case rt.OpMul:
		return a * b, true
	case rt.OpTrueDiv:
		if b != 0 {
			return a / b, true
		}
	}
	return 0, false
}

// intArith computes the common small-int operators inline; ok is false when the result
// would overflow or the operator needs the general path (division, powers, errors).
func intArith(op rt.BinaryOp, a, b int64) (int64, bool) {
	switch op {
	case rt.OpAdd:
		if s := a + b; (s > a) == (b > 0) {
			return s, true
		}
	case rt.OpSub:
		if d := a - b; (d < a) == (b > 0) {
			return d, true
		}
	case rt.OpMul:
		if a > -1<<31 && a < 1<<31 && b > -1<<31 && b < 1<<31 {
			return a * b, true
		}
	case rt.OpMod:
		if b > 0 {
			m := a % b
			if m < 0 {
				m += b
			}
			return m, true
		}
	case rt.OpFloorDiv:
		if b > 0 {
			q := a / b
			if a%b < 0 {
				q--
			}
			return q, true
		}
	case rt.OpAnd:
		return a & b, true
	case rt.OpOr:
		return a | b, true
	case rt.OpXor:
		return a ^ b, true
	}
	return 0, false
}

type unaryExpr struct {
	op   rt.UnaryOp
	x    expr
	span *rt.TraceSpan
}

func (e *unaryExpr) eval(fr *frame) (rt.Value, error) {
	x, err := e.x.eval(fr)
	if err != nil {
		return x, err
	}
	v, err := rt.Unary(fr.th, e.op, x)
	if err != nil {
		return v, fr.fail(err, e.span)
	}
	return v, nil
}

type notExpr struct{ x expr }

func (e *notExpr) eval(fr *frame) (rt.Value, error) {
	x, err := e.x.eval(fr)
	if err != nil {
		return x, err
	}
	t, err := rt.Truth(fr.th, x)
	return rt.Bool(!t), err
}

// truth evaluates e for its truth value, without boxing comparisons' results.
func truth(fr *frame, e expr) (bool, error) {
	v, err := e.eval(fr)
	if err != nil {
		return false, err
	}
	if b, ok := v.BoolVal(); ok {
		return b, nil
	}
	return rt.Truth(fr.th, v)
}

type andExpr struct{ x, y expr }

func (e *andExpr) eval(fr *frame) (rt.Value, error) {
	x, err := e.x.eval(fr)
	if err != nil {
		return x, err
	}
	t, err := rt.Truth(fr.th, x)
	if err != nil || !t {
		return x, err
	}
	return e.y.eval(fr)
}

type orExpr struct{ x, y expr }

func (e *orExpr) eval(fr *frame) (rt.Value, error) {
	x, err := e.x.eval(fr)
	if err != nil {
		return x, err
	}
	t, err := rt.Truth(fr.th, x)
	if err != nil || t {
		return x, err
	}
	return e.y.eval(fr)
}

type ifExpr struct {
	cond      condExpr
	then, els expr
}

func (e *ifExpr) eval(fr *frame) (rt.Value, error) {
	t, err := e.cond.cond(fr)
	if err != nil {
		return rt.Value{}, err
	}
	if t {
		return e.then.eval(fr)
	}
	return e.els.eval(fr)
}

// cmpOp is one operator of a comparison chain.
type cmpOp uint8

const (
	cmpRich cmpOp = iota // rt.Compare with rich
	cmpIs
	cmpIsNot
	cmpIn
	cmpNotIn
)

type compareExpr struct {
	kind cmpOp
	rich rt.CompareOp
	x, y expr
	span *rt.TraceSpan
}

func (e *compareExpr) eval(fr *frame) (rt.Value, error) {
	x, y, err := operands(fr, e.x, e.y)
	if err != nil {
		return rt.Value{}, err
	}
	v, err := compareValues(fr, e.kind, e.rich, x, y)
	if err != nil {
		return v, fr.fail(err, e.span)
	}
	return v, nil
}

func compareValues(fr *frame, kind cmpOp, rich rt.CompareOp, x, y rt.Value) (rt.Value, error) {
	switch kind {
	case cmpIs:
		return rt.Bool(x.Is(y)), nil
	case cmpIsNot:
		return rt.Bool(!x.Is(y)), nil
	case cmpIn, cmpNotIn:
		in, err := rt.Contains(fr.th, y, x)
		return rt.Bool(in == (kind == cmpIn)), err
	}
	if a, ok := x.SmallInt(); ok {
		if b, ok := y.SmallInt(); ok {
			return rt.Bool(cmpInts(rich, a, b)), nil
		}
	}
	return rt.Compare(fr.th, rich, x, y)
}

// chainExpr is a comparison chain a < b < c: each middle operand is evaluated once.
type chainExpr struct {
	operands []expr
	kinds    []cmpOp
	riches   []rt.CompareOp
}

func (e *chainExpr) eval(fr *frame) (rt.Value, error) {
	x, err := e.operands[0].eval(fr)
	if err != nil {
		return x, err
	}
	var r rt.Value
	for i, k := range e.kinds {
		y, err := e.operands[i+1].eval(fr)
		if err != nil {
			return y, err
		}
		r, err = compareValues(fr, k, e.riches[i], x, y)
		if err != nil {
			return r, err
		}
		if i < len(e.kinds)-1 {
			t, err := rt.Truth(fr.th, r)
			if err != nil || !t {
				return r, err
			}
		}
		x = y
	}
	return r, nil
}

// namedExpr is the walrus: evaluate, store, yield the value.
type namedExpr struct {
	value  expr
	target assigner
}

func (e *namedExpr) eval(fr *frame) (rt.Value, error) {
	v, err := e.value.eval(fr)
	if err != nil {
		return v, err
	}
	return v, e.target.assign(fr, v)
}
