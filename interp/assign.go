package interp

import (
	rt "github.com/aio-lang/aio/runtime"
)

// assigner is a compiled assignment target.
type assigner interface {
	assign(fr *frame, v rt.Value) error
}

// deleter is a compiled del target.
type deleter interface {
	del(fr *frame) error
}

type localTarget struct {
	slot int
	name string
}

func (t *localTarget) assign(fr *frame, v rt.Value) error {
	fr.slots[t.slot] = v
	return nil
}

func (t *localTarget) del(fr *frame) error {
	if !fr.slots[t.slot].IsValid() {
		return unboundLocal(t.name)
	}
	fr.slots[t.slot] = rt.Value{}
	return nil
}

type cellTarget struct {
	slot int
	name string
}

func (t *cellTarget) assign(fr *frame, v rt.Value) error {
	fr.slots[t.slot].Object().(*rt.Cell).V = v
	return nil
}

func (t *cellTarget) del(fr *frame) error {
	c := fr.slots[t.slot].Object().(*rt.Cell)
	if !c.V.IsValid() {
		return unboundLocal(t.name)
	}
	c.V = rt.Value{}
	return nil
}

type freeTarget struct {
	index int
	name  string
}

func (t *freeTarget) assign(fr *frame, v rt.Value) error {
	fr.free[t.index].V = v
	return nil
}

func (t *freeTarget) del(fr *frame) error {
	c := fr.free[t.index]
	if !c.V.IsValid() {
		return rt.Errorf(rt.NameErrorType, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", t.name)
	}
	c.V = rt.Value{}
	return nil
}

// nameTarget stores a name in a namespace: the module's globals, or the namespace of the
// class body being executed.
type nameTarget struct {
	name  string
	key   *rt.Str
	class bool
}

func (t *nameTarget) ns(fr *frame) *rt.Dict {
	if t.class {
		return fr.classDict
	}
	return fr.globals
}

func (t *nameTarget) assign(fr *frame, v rt.Value) error {
	t.ns(fr).SetKey(t.key, v)
	return nil
}

func (t *nameTarget) del(fr *frame) error {
	if _, ok, _ := t.ns(fr).Delete(fr.th, rt.Ref(t.key)); !ok {
		return nameError(t.name)
	}
	return nil
}

type attrTarget struct {
	x    expr
	name string
	key  *rt.Str
	instanceStore
}

// instanceStore is the fast path of attribute stores: an instance of a user class that
// neither makes the attribute a property nor overrides __setattr__ takes the value straight
// into its dict.
type instanceStore struct {
	cache attrCache // the class attribute of that name and the class's __setattr__
	hint  int32     // entry of the attribute in the last instance dict written here
}

// plainDict returns x's attribute dict when a store of key may go straight into it.
func (s *instanceStore) plainDict(x rt.Value, key *rt.Str) *rt.Dict {
	inst, ok := x.Object().(*rt.Instance)
	if !ok {
		return nil
	}
	cls := inst.Type()
	if !cls.IsUser() {
		return nil
	}
	if s.cache.lookup(cls, key); s.cache.plainStore {
		return inst.Dict
	}
	return nil
}

func (t *attrTarget) assign(fr *frame, v rt.Value) error {
	x, err := t.x.eval(fr)
	if err != nil {
		return err
	}
	if d := t.plainDict(x, t.key); d != nil {
		d.SetKeyHint(t.key, v, &t.hint)
		return nil
	}
	return rt.SetAttrKey(fr.th, x, t.key, v)
}

var objectSetattr = rt.ObjectType.Lookup("__setattr__")

func (t *attrTarget) del(fr *frame) error {
	x, err := t.x.eval(fr)
	if err != nil {
		return err
	}
	return rt.DelAttr(fr.th, x, t.name)
}

type subscriptTarget struct {
	x, index expr
}

func (t *subscriptTarget) assign(fr *frame, v rt.Value) error {
	x, i, err := operands(fr, t.x, t.index)
	if err != nil {
		return err
	}
	if l, ok := rt.ExactList(x); ok {
		if n, ok := i.SmallInt(); ok {
			if n < 0 {
				n += int64(len(l.Items))
			}
			if n >= 0 && n < int64(len(l.Items)) {
				l.Items[n] = v
				return nil
			}
		}
	}
	return rt.SetItem(fr.th, x, i, v)
}

func (t *subscriptTarget) del(fr *frame) error {
	x, i, err := operands(fr, t.x, t.index)
	if err != nil {
		return err
	}
	return rt.DelItem(fr.th, x, i)
}

// unpackTarget is a tuple or list target, with at most one starred element.
type unpackTarget struct {
	elts []assigner
	star int // index of the starred element, or -1
	// locals means every element is a plain variable, so assigning cannot change the list
	// being unpacked and its items need no copy.
	locals bool
}

func (t *unpackTarget) assign(fr *frame, v rt.Value) error {
	if l, ok := rt.ExactList(v); ok && t.locals && t.star < 0 && len(l.Items) == len(t.elts) {
		for i, el := range t.elts {
			el.assign(fr, l.Items[i])
		}
		return nil
	}
	items, err := unpackItems(fr.th, v)
	if err != nil {
		return err
	}
	n := len(t.elts)
	if t.star < 0 {
		if len(items) != n {
			return unpackCountError(len(items), n)
		}
		for i, el := range t.elts {
			if err := el.assign(fr, items[i]); err != nil {
				return err
			}
		}
		return nil
	}
	after := n - t.star - 1
	if len(items) < n-1 {
		return rt.ValueErrorf("not enough values to unpack (expected at least %d, got %d)", n-1, len(items))
	}
	for i := 0; i < t.star; i++ {
		if err := t.elts[i].assign(fr, items[i]); err != nil {
			return err
		}
	}
	mid := append([]rt.Value(nil), items[t.star:len(items)-after]...)
	if err := t.elts[t.star].assign(fr, rt.NewList(mid)); err != nil {
		return err
	}
	for i := 0; i < after; i++ {
		if err := t.elts[t.star+1+i].assign(fr, items[len(items)-after+i]); err != nil {
			return err
		}
	}
	return nil
}

func (t *unpackTarget) del(fr *frame) error {
	for _, el := range t.elts {
		if d, ok := el.(deleter); ok {
			if err := d.del(fr); err != nil {
				return err
			}
		}
	}
	return nil
}

func unpackItems(th *rt.Thread, v rt.Value) ([]rt.Value, error) {
	if l, ok := rt.ExactList(v); ok {
		return append([]rt.Value(nil), l.Items...), nil
	}
	items, err := rt.ToSlice(th, v) // tuples without a copy
	if err != nil {
		if e, ok := err.(*rt.Exception); ok && e.Matches(rt.TypeErrorType) && !isIterable(th, v) {
			return nil, rt.TypeErrorf("cannot unpack non-iterable %s object", v.Type().Name)
		}
	}
	return items, err
}

func isIterable(th *rt.Thread, v rt.Value) bool {
	_, err := rt.Iter(th, v)
	return err == nil
}

func unpackCountError(got, want int) error {
	if got > want {
		return rt.ValueErrorf("too many values to unpack (expected %d)", want)
	}
	return rt.ValueErrorf("not enough values to unpack (expected %d, got %d)", want, got)
}
