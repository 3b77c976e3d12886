package interp

import (
	"fmt"
	"strings"

	rt "github.com/aio-lang/aio/runtime"
)

// call runs f with the given arguments; self, if valid, is prepended. It is the one place
// where Python functions are entered.
func (it *Interp) call(th *rt.Thread, f *Function, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	c := f.code
	if th.Depth >= it.depthLimit() {
		return rt.Value{}, recursionError()
	}
	if c.kind != plainCode {
		return it.newCoroutineCall(th, f, self, args, kw)
	}
	m := it.stack.mark()
	var slots []rt.Value
	ok := false
	if c.simple && !self.IsValid() && len(kw) == 0 && len(args) == c.nargs {
		slots, ok = it.stack.extend(args, c.nslots)
		if ok {
			m.sp -= len(args) // the slots began at the arguments' window
		}
	}
	if !ok && c.simple && self.IsValid() && len(kw) == 0 && len(args)+1 == c.nargs {
		// A method called through its class (__init__ from a constructor, say).
		slots = it.stack.allocFrom(c.nslots, c.nargs)
		slots[0] = self
		copy(slots[1:], args)
		ok = true
	}
	if !ok {
		slots = it.stack.alloc(c.nslots)
		if err := bindArgs(th, f, slots, self, args, kw); err != nil {
			it.stack.release(m)
			return rt.Value{}, err
		}
	}
	ret, err := it.invoke(th, f, slots)
	it.stack.release(m)
	return ret, err
}

// invoke runs a plain function's body in slots that hold its bound arguments.
func (it *Interp) invoke(th *rt.Thread, f *Function, slots []rt.Value) (rt.Value, error) {
	c := f.code
	fr := it.pushFrame(c, f, slots, f.globals, f.closure)
	th.Depth++
	ctl, err := execBlock(fr, c.body)
	th.Depth--
	ret := fr.ret
	it.popFrame(fr)
	if err != nil {
		return rt.Value{}, err
	}
	if ctl != ctlReturn {
		return rt.None, nil
	}
	return ret, nil
}

// newCoroutineCall makes the generator, coroutine or async generator object of a call: its
// slots live on the heap from the start, since they outlive the call.
func (it *Interp) newCoroutineCall(th *rt.Thread, f *Function, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	c := f.code
	g := it.makeGenerator(f)
	slots := g.frame.slots
	if c.simple && !self.IsValid() && len(kw) == 0 && len(args) == c.nargs {
		copy(slots, args)
	} else if err := bindArgs(th, f, slots, self, args, kw); err != nil {
		return rt.Value{}, err
	}
	initCells(c, slots)
	return rt.Ref(g), nil
}

// pushFrame takes a frame from the pool for a new activation and prepares its cells.
func (it *Interp) pushFrame(c *code, f *Function, slots []rt.Value, globals *rt.Dict, closure []*rt.Cell) *frame {
	d := it.th.Depth
	for len(it.frames) <= d {
		it.frames = append(it.frames, &frame{interp: it, th: it.th})
	}
	fr := it.frames[d]
	it.serial++
	if fr.fn != f || f == nil {
		// A recursive function finds its own fields in the frames of its depths.
		fr.code, fr.fn, fr.globals, fr.free = c, f, globals, closure
	}
	fr.slots, fr.id, fr.back = slots, it.serial, it.cur
	if fr.errSpan != nil {
		fr.errSpan = nil
	}
	if fr.classDict != nil {
		fr.classDict = nil
	}
	if len(c.cellParams)+len(c.cellSlots) > 0 {
		initCells(c, slots)
	}
	it.cur = fr
	return fr
}

// popFrame ends an activation. The pooled frame keeps its stale fields until reused: only
// the return value, which may be large, is dropped.
func (it *Interp) popFrame(fr *frame) {
	it.cur = fr.back
	fr.ret = rt.Value{}
}

// initCells wraps captured parameters in cells and gives other captured locals empty ones.
func initCells(c *code, slots []rt.Value) {
	for _, i := range c.cellParams {
		slots[i] = rt.Ref(&rt.Cell{V: slots[i]})
	}
	for _, i := range c.cellSlots {
		slots[i] = rt.Ref(&rt.Cell{})
	}
}

func recursionError() error {
	return rt.Errorf(rt.RecursionErrorType, "maximum recursion depth exceeded")
}

// bindArgs assigns arguments to parameter slots with Python's rules and error messages.
func bindArgs(th *rt.Thread, f *Function, slots []rt.Value, self rt.Value, args []rt.Value, kw []rt.Kwarg) error {
	c := f.code
	pos := args
	if self.IsValid() {
		pos = make([]rt.Value, 0, len(args)+1)
		pos = append(append(pos, self), args...)
	}
	n := len(pos)
	if n > c.nargs {
		if !c.hasVararg {
			return tooManyPositional(f, n, kw)
		}
		slots[c.nargs] = rt.NewTuple(append([]rt.Value(nil), pos[c.nargs:]...))
		n = c.nargs
	} else if c.hasVararg {
		slots[c.nargs] = rt.EmptyTuple
	}
	copy(slots, pos[:n])
	var kwargs *rt.Dict
	if c.hasKwarg {
		kwargs = rt.NewDict()
		slots[len(c.params)-1] = rt.Ref(kwargs)
	}
	for _, k := range kw {
		i := paramSlot(c, k.Name)
		if i < 0 {
			if kwargs == nil {
				if j := posOnlyIndex(c, k.Name); j >= 0 {
					return rt.TypeErrorf("%s() got some positional-only arguments passed as keyword arguments: '%s'", f.qualname, k.Name)
				}
				return rt.TypeErrorf("%s() got an unexpected keyword argument '%s'", f.qualname, k.Name)
			}
			if err := kwargs.Set(th, rt.NewStr(k.Name), k.Value); err != nil {
				return err
			}
			continue
		}
		if slots[i].IsValid() {
			return rt.TypeErrorf("%s() got multiple values for argument '%s'", f.qualname, k.Name)
		}
		slots[i] = k.Value
	}
	return fillDefaults(f, slots)
}

// paramSlot finds the slot of a parameter that may be passed by keyword.
func paramSlot(c *code, name string) int {
	for i := c.nposonly; i < c.nargs; i++ {
		if c.params[i] == name {
			return i
		}
	}
	start := c.nargs
	if c.hasVararg {
		start++
	}
	for i := start; i < start+c.nkwonly; i++ {
		if c.params[i] == name {
			return i
		}
	}
	return -1
}

func posOnlyIndex(c *code, name string) int {
	for i := 0; i < c.nposonly; i++ {
		if c.params[i] == name {
			return i
		}
	}
	return -1
}

// fillDefaults supplies defaults for missing parameters and reports the ones still missing.
func fillDefaults(f *Function, slots []rt.Value) error {
	c := f.code
	firstDefault := c.nargs - len(f.defaults)
	var missing []string
	for i := 0; i < c.nargs; i++ {
		if slots[i].IsValid() {
			continue
		}
		if i >= firstDefault {
			slots[i] = f.defaults[i-firstDefault]
		} else {
			missing = append(missing, c.params[i])
		}
	}
	if missing != nil {
		return missingArgs(f, "positional", missing)
	}
	start := c.nargs
	if c.hasVararg {
		start++
	}
	for j := 0; j < c.nkwonly; j++ {
		i := start + j
		if slots[i].IsValid() {
			continue
		}
		if j < len(f.kwdefaults) && f.kwdefaults[j].IsValid() {
			slots[i] = f.kwdefaults[j]
		} else {
			missing = append(missing, c.params[i])
		}
	}
	if missing != nil {
		return missingArgs(f, "keyword-only", missing)
	}
	return nil
}

func missingArgs(f *Function, kind string, names []string) error {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + n + "'"
	}
	var list string
	switch len(quoted) {
	case 1:
		list = quoted[0]
	case 2:
		list = quoted[0] + " and " + quoted[1]
	default:
		list = strings.Join(quoted[:len(quoted)-1], ", ") + ", and " + quoted[len(quoted)-1]
	}
	s := "s"
	if len(names) == 1 {
		s = ""
	}
	return rt.TypeErrorf("%s() missing %d required %s argument%s: %s", f.qualname, len(names), kind, s, list)
}

func tooManyPositional(f *Function, given int, kw []rt.Kwarg) error {
	c := f.code
	want := fmt.Sprintf("%d positional argument", c.nargs)
	if c.nargs != 1 {
		want += "s"
	}
	if d := len(f.defaults); d > 0 {
		want = fmt.Sprintf("from %d to %d positional arguments", c.nargs-d, c.nargs)
	}
	kwonly := 0
	for _, k := range kw {
		if i := paramSlot(c, k.Name); i >= c.nargs {
			kwonly++
		}
	}
	was := "were"
	if given == 1 {
		was = "was"
	}
	if kwonly > 0 {
		s := ""
		if kwonly != 1 {
			s = "s"
		}
		ps := "s"
		if given == 1 {
			ps = ""
		}
		return rt.TypeErrorf("%s() takes %s but %d positional argument%s (and %d keyword-only argument%s) were given",
			f.qualname, want, given, ps, kwonly, s)
	}
	return rt.TypeErrorf("%s() takes %s but %d %s given", f.qualname, want, given, was)
}
