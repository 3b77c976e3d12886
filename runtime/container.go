package runtime

import (
	"slices"
	"sort"
)

// dictView is dict.keys(), dict.values() or dict.items(): a live view of the dict.
type dictView struct {
	d    *Dict
	kind int    // 0 keys, 1 values, 2 items
	cls  *Class // a subclass of the view's class (odict_keys), or nil
}

// Type returns dict_keys, dict_values or dict_items, or the subclass the view was made as.
func (v *dictView) Type() *Class {
	if v.cls != nil {
		return v.cls
	}
	return [3]*Class{DictKeysType, DictValuesType, DictItemsType}[v.kind]
}

// NewDictView returns a keys (0), values (1) or items (2) view of d.
func NewDictView(d *Dict, kind int) Value { return Ref(&dictView{d: d, kind: kind}) }

func init() {
	viewRepr := func(th *Thread, v Value) (string, error) {
		dv := v.o.(*dictView)
		items, err := ToSlice(th, v)
		if err != nil {
			return "", err
		}
		return containerRepr(th, v, dv.Type().Name+"([", "])", items)
	}
	RegisterRepr(DictKeysType, viewRepr)
	RegisterRepr(DictValuesType, viewRepr)
	RegisterRepr(DictItemsType, viewRepr)
}

// dictUpdateFrom copies every item of src into d.
func dictUpdateFrom(th *Thread, d, src *Dict) error {
	for _, e := range src.entries {
		if e.key.IsValid() {
			if err := d.Set(th, e.key, e.value); err != nil {
				return err
			}
		}
	}
	return nil
}

// setBinary implements | & - ^ between sets with set_methods.go's faithful versions of
// CPython's algorithms, so that results iterate in CPython's order; the result has the
// left operand's type.
func setBinary(th *Thread, op BinaryOp, a, b *Set) (Value, bool, error) {
	var r *Set
	var err error
	switch op {
	case OpOr:
		if r, err = a.copySet(th); err == nil {
			err = r.merge(th, b)
		}
	case OpAnd:
		r, err = a.intersect(th, Ref(b))
	case OpSub:
		r, err = a.difference(th, Ref(b))
	case OpXor:
		r, err = a.symmetricDifference(th, Ref(b))
	default:
		return Value{}, false, nil
	}
	if err != nil {
		return Value{}, true, err
	}
	r.frozen = a.frozen
	return Ref(r), true, nil
}

func setInplace(th *Thread, op BinaryOp, a, b *Set) (Value, bool, error) {
	var err error
	switch op {
	case OpOr:
		err = a.merge(th, b)
	case OpAnd:
		var r *Set
		if r, err = a.intersect(th, Ref(b)); err == nil {
			a.swapBodies(r)
		}
	case OpSub:
		err = a.differenceUpdate(th, Ref(b))
	case OpXor:
		err = a.symmetricDifferenceUpdate(th, Ref(b))
	default:
		return Value{}, false, nil
	}
	return Ref(a), true, err
}

// IsSubset reports whether every element of a is in b.
func (s *Set) IsSubset(th *Thread, b *Set) (bool, error) {
	if s.used > b.used {
		return false, nil
	}
	for _, e := range s.table {
		if e.key.IsValid() {
			i, err := b.find(th, e.key, e.hash)
			if err != nil || i < 0 {
				return false, err
			}
		}
	}
	return true, nil
}

func setCompare(th *Thread, op CompareOp, a, b *Set) (bool, bool, error) {
	switch op {
	case CmpEq, CmpNe:
		if a.used != b.used {
			return op == CmpNe, true, nil
		}
		sub, err := a.IsSubset(th, b)
		return sub == (op == CmpEq), true, err
	case CmpLe:
		r, err := a.IsSubset(th, b)
		return r, true, err
	case CmpLt:
		r, err := a.IsSubset(th, b)
		return r && a.used < b.used, true, err
	case CmpGe:
		r, err := b.IsSubset(th, a)
		return r, true, err
	}
	r, err := b.IsSubset(th, a)
	return r && b.used < a.used, true, err
}

func sortedNames(names map[string]bool) []Value {
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]Value, len(keys))
	for i, k := range keys {
		out[i] = NewStr(k)
	}
	return out
}

// symmetricUpdate toggles every element of b: removed if present, added if not.
func (s *Set) symmetricUpdate(th *Thread, b *Set) error {
	for _, e := range b.table {
		if !e.key.IsValid() {
			continue
		}
		i, err := s.find(th, e.key, e.hash)
		if err != nil {
			return err
		}
		if i >= 0 {
			s.table[i] = setEntry{hash: -1}
			s.used--
		} else if err := s.addHashed(th, e.key, e.hash); err != nil {
			return err
		}
	}
	return nil
}

// Append adds v at the end of l. Past a thousand items the list doubles when full rather
// than growing by the quarter Go's append uses: a long list built one append at a time is
// then copied about twice its size in all instead of five times, which (with the collector
// scanning every copy) dominated loops that build big lists.
func (l *List) Append(v Value) {
	if n := len(l.Items); n == cap(l.Items) {
		switch {
		case n < 4:
			// Room for four at once, as CPython's list makes: small lists built by
			// appending (a window, a row) would otherwise grow at 1, 2 and 4 items.
			l.Items = slices.Grow(l.Items, 4-n)
		case n >= 1024:
			l.Items = slices.Grow(l.Items, n)
		}
	}
	l.Items = append(l.Items, v)
}

// viewBinary is | & - ^ with a keys or items view on either side, as CPython's dictviews_*
// functions do them: the result is a set made from the left operand and updated with the
// right one; & keeps what one operand holds of the other's items.
func viewBinary(th *Thread, op BinaryOp, x, y Value) (Value, bool, error) {
	var err error
	r := NewSet()
	switch op {
	case OpAnd:
		return viewIntersect(th, x, y)
	case OpOr:
		if err = r.updateFrom(th, x); err == nil {
			err = r.updateFrom(th, y)
		}
	case OpSub:
		if err = r.updateFrom(th, x); err == nil {
			err = r.differenceUpdate(th, y)
		}
	case OpXor:
		if err = r.updateFrom(th, x); err == nil {
			err = r.symmetricDifferenceUpdate(th, y)
		}
	default:
		return Value{}, false, nil
	}
	return Ref(r), true, err
}

// setView returns the keys or items view v holds; values views are not set-like.
func setView(v Value) (*dictView, bool) {
	dv, ok := v.o.(*dictView)
	return dv, ok && dv.kind != 1
}

// viewIntersect is view & other (either way round), as CPython's _PyDictView_Intersect:
// a set no smaller than the view intersects itself with it; otherwise the smaller operand
// is iterated and its items kept where the larger view contains them.
func viewIntersect(th *Thread, x, y Value) (Value, bool, error) {
	self, other := x, y
	if _, ok := setView(self); !ok {
		self, other = other, self
	}
	sv, _ := setView(self)
	if s, ok := other.o.(*Set); ok && !s.frozen && s.sub == nil && sv.d.Len() <= s.Len() {
		r, err := s.intersect(th, self)
		return Ref(r), true, err
	}
	if ov, ok := setView(other); ok && ov.d.Len() > sv.d.Len() {
		self, other = other, self
	}
	items, err := ToSlice(th, other)
	if err != nil {
		return Value{}, true, err
	}
	r := NewSet()
	for _, k := range items {
		in, err := Contains(th, self, k)
		if err == nil && in {
			err = r.Add(th, k)
		}
		if err != nil {
			return Value{}, true, err
		}
	}
	return Ref(r), true, nil
}

// viewCompare compares a keys or items view with a set or another such view, as CPython's
// dictview_richcompare does: by size, then by containment of one in the other (items views
// look their pairs up by key, so unhashable values compare too). ok is false for other
// operands.
func viewCompare(th *Thread, op CompareOp, x, y Value) (r, ok bool, err error) {
	lx, okx := setLikeLen(x)
	ly, oky := setLikeLen(y)
	if !okx || !oky {
		return false, false, nil
	}
	switch op {
	case CmpEq, CmpNe:
		r = lx == ly
		if r {
			r, err = allContainedIn(th, x, y)
		}
		return r == (op == CmpEq), true, err
	case CmpLt, CmpLe:
		if r = lx < ly || op == CmpLe && lx == ly; r {
			r, err = allContainedIn(th, x, y)
		}
	default:
		if r = lx > ly || op == CmpGe && lx == ly; r {
			r, err = allContainedIn(th, y, x)
		}
	}
	return r, true, err
}

// setLikeLen is the size of a set, frozenset or keys or items view.
func setLikeLen(v Value) (int, bool) {
	if s, ok := v.o.(*Set); ok {
		return s.Len(), true
	}
	if dv, ok := setView(v); ok {
		return dv.d.Len(), true
	}
	return 0, false
}

// allContainedIn reports whether every item of x is in y.
func allContainedIn(th *Thread, x, y Value) (bool, error) {
	items, err := ToSlice(th, x)
	if err != nil {
		return false, err
	}
	for _, it := range items {
		if in, err := Contains(th, y, it); err != nil || !in {
			return false, err
		}
	}
	return true, nil
}
