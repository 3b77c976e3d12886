package interp

import (
	rt "github.com/aio-lang/aio/runtime"
)

// callValue calls fn with args that sit in a window at the top of the value stack.
func callValue(fr *frame, fn rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	if f, ok := fn.Object().(*Function); ok {
		return fr.interp.call(fr.th, f, rt.Value{}, args, kw)
	}
	return rt.Call(fr.th, fn, args, kw)
}

// simpleCallExpr is f(a, b, …) with plain positional arguments.
type simpleCallExpr struct {
	fn   expr
	args []expr
	span *rt.TraceSpan
}

func (e *simpleCallExpr) eval(fr *frame) (rt.Value, error) {
	v, err := e.call(fr)
	return failAt(fr, v, err, e.span)
}

// failAt passes a call's result through, recording where it failed.
func failAt(fr *frame, v rt.Value, err error, sp *rt.TraceSpan) (rt.Value, error) {
	if err != nil {
		return v, fr.fail(err, sp)
	}
	return v, nil
}

func (e *simpleCallExpr) call(fr *frame) (rt.Value, error) {
	fn, err := e.fn.eval(fr)
	if err != nil {
		return fn, err
	}
	if f, ok := fn.Object().(*Function); ok {
		if c := f.code; c.simple && c.kind == plainCode && len(e.args) == c.nargs {
			return callInto(fr, f, rt.Value{}, e.args)
		}
	}
	st := &fr.interp.stack
	m := st.mark()
	for _, a := range e.args {
		v, err := a.eval(fr)
		if err != nil {
			st.release(m)
			return v, err
		}
		st.push(v)
	}
	r, err := callValue(fr, fn, st.window(m), nil)
	st.release(m)
	return r, err
}

// callInto is the commonest call: a plain Python function with positional parameters only,
// whose arguments (after self, when valid) are evaluated straight into its new slots.
func callInto(fr *frame, f *Function, self rt.Value, args []expr) (rt.Value, error) {
	it, th := fr.interp, fr.th
	if th.Depth >= it.depthLimit() {
		return rt.Value{}, recursionError()
	}
	m := it.stack.mark()
	n := 0
	if self.IsValid() {
		n = 1
	}
	// The argument slots are written below before anything reads them; a failing argument
	// leaves garbage in slots that are released unread.
	slots := it.stack.allocFrom(f.code.nslots, n+len(args))
	if n == 1 {
		slots[0] = self
	}
	for i, a := range args {
		v, err := a.eval(fr)
		if err != nil {
			it.stack.release(m)
			return v, err
		}
		slots[n+i] = v
	}
	r, err := it.invoke(th, f, slots)
	it.stack.release(m)
	return r, err
}

// methodCallExpr is obj.name(a, b, …): a function found on the class is called with obj
// as its first argument, without materialising a bound method.
type methodCallExpr struct {
	obj   expr
	name  string
	key   *rt.Str
	args  []expr
	cache attrCache
	span  *rt.TraceSpan // the call
	attr  *rt.TraceSpan // obj.name, where a failed lookup is reported
}

func (e *methodCallExpr) eval(fr *frame) (rt.Value, error) {
	v, err := e.call(fr)
	return failAt(fr, v, err, e.span)
}

func (e *methodCallExpr) call(fr *frame) (rt.Value, error) {
	obj, err := e.obj.eval(fr)
	if err != nil {
		return obj, err
	}
	st := &fr.interp.stack
	m := st.mark()
	fn, self, err := e.lookup(fr.th, obj)
	if err != nil {
		return rt.Value{}, fr.fail(err, e.attr)
	}
	if f, ok := fn.Object().(*Function); ok && self {
		if c := f.code; c.simple && c.kind == plainCode && len(e.args)+1 == c.nargs {
			return callInto(fr, f, obj, e.args)
		}
	}
	if self {
		st.push(obj)
	}
	for _, a := range e.args {
		v, err := a.eval(fr)
		if err != nil {
			st.release(m)
			return v, err
		}
		st.push(v)
	}
	args := st.window(m)
	var r rt.Value
	if bm, ok := fn.Object().(*rt.Method); ok && self {
		r, err = bm.Fn(fr.th, args[0], args[1:], nil)
	} else {
		r, err = callValue(fr, fn, args, nil)
	}
	st.release(m)
	return r, err
}

// lookup finds obj.name for calling. When the attribute is a plain function or built-in
// method on the class (and not shadowed), it returns it unbound with self true.
func (e *methodCallExpr) lookup(th *rt.Thread, obj rt.Value) (rt.Value, bool, error) {
	switch o := obj.Object().(type) {
	case *rt.Instance:
		m := e.cache.lookup(o.Type(), e.key)
		if e.cache.plain {
			if v, ok := o.Dict.GetKey(e.key); ok {
				return v, false, nil
			}
		}
		switch m.Object().(type) {
		case *Function, *rt.Method:
			return m, true, nil
		}
	case *rt.Class, *rt.Module, *rt.Super, *rt.Exception:
	case *rt.List, *rt.Dict, *rt.Str, *rt.Set, *rt.Tuple, *rt.Bytes:
		// The commonest receivers, which keep no attributes of their own: no need to ask
		// whether they are an rt.Attributer.
		m := e.cache.lookup(obj.Type(), e.key)
		switch m.Object().(type) {
		case *Function, *rt.Method:
			return m, true, nil
		}
	default:
		m := e.cache.lookup(obj.Type(), e.key)
		switch m.Object().(type) {
		case *Function, *rt.Method:
			if _, custom := obj.Object().(rt.Attributer); !custom {
				return m, true, nil
			}
		}
	}
	v, err := rt.GetAttr(th, obj, e.name)
	return v, false, err
}

// callExpr is the general call: starred arguments, keywords and **mappings.
type callExpr struct {
	fn       expr
	args     []element
	kwNames  []string // "" marks a **mapping entry
	kwValues []expr
	span     *rt.TraceSpan
}

func (e *callExpr) eval(fr *frame) (rt.Value, error) {
	v, err := e.call(fr)
	return failAt(fr, v, err, e.span)
}

func (e *callExpr) call(fr *frame) (rt.Value, error) {
	fn, err := e.fn.eval(fr)
	if err != nil {
		return fn, err
	}
	args, err := evalElements(fr, e.args)
	if err != nil {
		return rt.Value{}, err
	}
	kw, err := e.keywords(fr)
	if err != nil {
		return rt.Value{}, err
	}
	return callValue(fr, fn, args, kw)
}

func (e *callExpr) keywords(fr *frame) ([]rt.Kwarg, error) {
	if len(e.kwNames) == 0 {
		return nil, nil
	}
	kw := make([]rt.Kwarg, 0, len(e.kwNames))
	for i, name := range e.kwNames {
		v, err := e.kwValues[i].eval(fr)
		if err != nil {
			return nil, err
		}
		if name != "" {
			kw = append(kw, rt.Kwarg{Name: name, Value: v})
			continue
		}
		keys, get, err := mappingKeys(fr.th, v)
		if err != nil {
			return nil, argAfterStarStar(fr, v)
		}
		for _, k := range keys {
			ks, ok := rt.AsStr(k)
			if !ok {
				return nil, rt.TypeErrorf("keywords must be strings")
			}
			for _, prev := range kw {
				if prev.Name == ks {
					return nil, rt.TypeErrorf("got multiple values for keyword argument '%s'", ks)
				}
			}
			kv, err := get(k)
			if err != nil {
				return nil, err
			}
			kw = append(kw, rt.Kwarg{Name: ks, Value: kv})
		}
	}
	return kw, nil
}

func argAfterStarStar(fr *frame, v rt.Value) error {
	return rt.TypeErrorf("argument after ** must be a mapping, not %s", v.Type().Name)
}

// superExpr is zero-argument super(): the class comes from the __class__ cell and the
// instance from the function's first parameter.
type superExpr struct {
	classFree int
	selfSlot  int
}

func (e *superExpr) eval(fr *frame) (rt.Value, error) {
	cls, self, err := e.resolve(fr)
	if err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(&rt.Super{Class: cls, Self: self}), nil
}

// resolve returns the class and instance super() stands for.
func (e *superExpr) resolve(fr *frame) (*rt.Class, rt.Value, error) {
	var cls *rt.Class
	if e.classFree >= 0 {
		cls, _ = fr.free[e.classFree].V.Object().(*rt.Class)
	}
	if cls == nil {
		return nil, rt.Value{}, rt.Errorf(rt.RuntimeErrorType, "super(): __class__ cell not found")
	}
	if e.selfSlot < 0 || e.selfSlot >= len(fr.slots) {
		return nil, rt.Value{}, rt.Errorf(rt.RuntimeErrorType, "super(): no arguments")
	}
	self := fr.slots[e.selfSlot]
	if c, ok := self.Object().(*rt.Cell); ok {
		self = c.V
	}
	if !self.IsValid() {
		return nil, rt.Value{}, rt.Errorf(rt.RuntimeErrorType, "super(): arg[0] deleted")
	}
	return cls, self, nil
}

// superMethodCallExpr is super().name(args) on an instance, the way __init__ methods chain
// up: the method found past the class is called with self directly, with no super object or
// bound method made. Anything unusual (a class as self, a descriptor) takes the general path.
type superMethodCallExpr struct {
	sup     *superExpr
	general *methodCallExpr
}

func (e *superMethodCallExpr) eval(fr *frame) (rt.Value, error) {
	g := e.general
	cls, self, err := e.sup.resolve(fr)
	if err != nil {
		return rt.Value{}, fr.fail(err, g.span)
	}
	if _, isClass := self.Object().(*rt.Class); !isClass {
		if m, _, ok := rt.SuperLookup(cls, self, g.name); ok {
			switch f := m.Object().(type) {
			case *Function:
				if c := f.code; c.simple && c.kind == plainCode && len(g.args)+1 == c.nargs {
					v, err := callInto(fr, f, self, g.args)
					return failAt(fr, v, err, g.span)
				}
			case *rt.Method:
				v, err := callMethodWith(fr, f, self, g.args)
				return failAt(fr, v, err, g.span)
			}
		}
	}
	return g.eval(fr)
}

// callMethodWith calls a built-in method with self and the values of args.
func callMethodWith(fr *frame, m *rt.Method, self rt.Value, args []expr) (rt.Value, error) {
	st := &fr.interp.stack
	mark := st.mark()
	for _, a := range args {
		v, err := a.eval(fr)
		if err != nil {
			st.release(mark)
			return v, err
		}
		st.push(v)
	}
	r, err := m.Fn(fr.th, self, st.window(mark), nil)
	st.release(mark)
	return r, err
}

// funcExpr creates a function object (def or lambda) in the current frame.
type funcExpr struct {
	code       *code
	defaults   []expr
	kwdefaults []expr // parallel to keyword-only parameters; nil = required
	doc        rt.Value
}

func (e *funcExpr) eval(fr *frame) (rt.Value, error) {
	f := &Function{code: e.code, globals: fr.globals, name: e.code.name, qualname: e.code.qualname,
		interp: fr.interp, doc: e.doc}
	f.module, _ = fr.globals.GetStr("__name__")
	if !f.module.IsValid() {
		f.module = rt.None
	}
	for _, d := range e.defaults {
		v, err := d.eval(fr)
		if err != nil {
			return v, err
		}
		f.defaults = append(f.defaults, v)
	}
	if len(e.kwdefaults) > 0 {
		f.kwdefaults = make([]rt.Value, len(e.kwdefaults))
		for i, d := range e.kwdefaults {
			if d == nil {
				continue
			}
			v, err := d.eval(fr)
			if err != nil {
				return v, err
			}
			f.kwdefaults[i] = v
		}
	}
	f.closure = closureCells(fr, e.code.free)
	return rt.Ref(f), nil
}

// closureCells collects the cells a new function captures from the creating frame.
func closureCells(fr *frame, free []*freeVar) []*rt.Cell {
	if len(free) == 0 {
		return nil
	}
	cells := make([]*rt.Cell, len(free))
	for i, fv := range free {
		if fv.fromFree {
			cells[i] = fr.free[fv.outerFree]
		} else {
			cells[i] = fr.slots[fv.outerCell].Object().(*rt.Cell)
		}
	}
	return cells
}
