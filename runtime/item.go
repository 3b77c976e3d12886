package runtime

import "strings"

// Index converts an index value (int, bool or __index__) to an int.
func Index(th *Thread, v Value) (int64, bool, error) {
	if i, ok := AsInt64(v); ok {
		return i, true, nil
	}
	if _, ok := v.o.(*BigInt); ok {
		return 0, true, Errorf(IndexErrorType, "cannot fit 'int' into an index-sized integer")
	}
	if v.Type().user {
		if r, found, err := CallMethod(th, v, "__index__"); found || err != nil {
			if err != nil {
				return 0, true, err
			}
			i, ok := AsInt64(r)
			if !ok {
				return 0, true, TypeErrorf("__index__ returned non-int (type %s)", r.Type().Name)
			}
			return i, true, nil
		}
	}
	return 0, false, nil
}

// normIndex resolves a possibly negative index against length n.
func normIndex(i int64, n int) (int, bool) {
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return 0, false
	}
	return int(i), true
}

// SliceIndices computes start, stop, step and length of a slice applied to length n, with
// CPython's clamping rules.
func SliceIndices(th *Thread, s *Slice, n int) (start, stop, step, length int, err error) {
	step = 1
	if !s.Step.IsNone() {
		st, ok, err := Index(th, s.Step)
		if err != nil || !ok {
			return 0, 0, 0, 0, sliceIndexError(err)
		}
		if st == 0 {
			return 0, 0, 0, 0, ValueErrorf("slice step cannot be zero")
		}
		step = clampInt(st)
	}
	lower, upper := 0, n
	if step < 0 {
		lower, upper = -1, n-1
	}
	bound := func(v Value, def int) (int, error) {
		if v.IsNone() {
			return def, nil
		}
		i, ok, err := Index(th, v)
		if err != nil || !ok {
			return 0, sliceIndexError(err)
		}
		x := clampInt(i)
		if x < 0 {
			x += n
			if x < lower {
				x = lower
			}
		} else if x > upper {
			x = upper
		}
		return x, nil
	}
	if step > 0 {
		start, err = bound(s.Start, lower)
		if err == nil {
			stop, err = bound(s.Stop, upper)
		}
	} else {
		start, err = bound(s.Start, upper)
		if err == nil {
			stop, err = bound(s.Stop, lower)
		}
	}
	if err != nil {
		return
	}
	switch {
	case step > 0 && start < stop:
		length = (stop - start + step - 1) / step
	case step < 0 && start > stop:
		length = (start - stop - step - 1) / -step
	}
	return
}

func clampInt(i int64) int {
	const lim = 1 << 62
	if i > lim {
		return lim
	}
	if i < -lim {
		return -lim
	}
	return int(i)
}

func sliceIndexError(err error) error {
	if err != nil {
		return err
	}
	return TypeErrorf("slice indices must be integers or None or have an __index__ method")
}

func sliceItems(items []Value, start, step, length int) []Value {
	out := make([]Value, length)
	for i := range out {
		out[i] = items[start+i*step]
	}
	return out
}

// GetItem evaluates v[k].
func GetItem(th *Thread, v, k Value) (Value, error) {
	if r, ok, err := callOverride(th, v, "__getitem__", k); ok {
		return r, err
	}
	switch o := v.o.(type) {
	case *List:
		return seqGetItem(th, "list", o.Items, k, NewList)
	case *Tuple:
		return seqGetItem(th, "tuple", o.Items, k, NewTuple)
	case *Dict:
		r, ok, err := o.Get(th, k)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			if r, ok, err := callOverride(th, v, "__missing__", k); ok {
				return r, err
			}
			return Value{}, KeyError(k)
		}
		return r, nil
	case *Str:
		return strGetItem(th, o, k)
	case *Bytes:
		return bytesGetItem(th, o, k)
	case *ByteArray:
		return byteArrayGetItem(th, o, k)
	case *Range:
		return rangeGetItem(th, o, k)
	case *Class:
		if m := o.Lookup("__class_getitem__"); m.IsValid() {
			return Call(th, bindTo(m, v), []Value{k}, nil)
		}
		return v, nil // list[int] and friends: generic aliases are not modelled
	}
	if v.Type().user {
		if r, found, err := CallMethod(th, v, "__getitem__", k); found || err != nil {
			return r, err
		}
	}
	return Value{}, TypeErrorf("'%s' object is not subscriptable", v.Type().Name)
}

func seqGetItem(th *Thread, name string, items []Value, k Value, mk func([]Value) Value) (Value, error) {
	if s, ok := k.o.(*Slice); ok {
		start, _, step, n, err := SliceIndices(th, s, len(items))
		if err != nil {
			return Value{}, err
		}
		return mk(sliceItems(items, start, step, n)), nil
	}
	i, ok, err := Index(th, k)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		return Value{}, TypeErrorf("%s indices must be integers or slices, not %s", name, k.Type().Name)
	}
	j, ok := normIndex(i, len(items))
	if !ok {
		return Value{}, IndexErrorf("%s index out of range", name)
	}
	return items[j], nil
}

func strGetItem(th *Thread, s *Str, k Value) (Value, error) {
	if sl, ok := k.o.(*Slice); ok {
		n := s.Len()
		start, _, step, length, err := SliceIndices(th, sl, n)
		if err != nil {
			return Value{}, err
		}
		if s.IsASCII() {
			if step == 1 {
				return NewStr(s.s[start : start+length]), nil
			}
			buf := make([]byte, length)
			for i := range buf {
				buf[i] = s.s[start+i*step]
			}
			return NewStr(string(buf)), nil
		}
		runes := []rune(s.s)
		out := make([]rune, length)
		for i := range out {
			out[i] = runes[start+i*step]
		}
		return NewStr(string(out)), nil
	}
	i, ok, err := Index(th, k)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		return Value{}, TypeErrorf("string indices must be integers, not '%s'", k.Type().Name)
	}
	j, ok := normIndex(i, s.Len())
	if !ok {
		return Value{}, IndexErrorf("string index out of range")
	}
	if s.IsASCII() {
		return NewStr(s.s[j : j+1]), nil
	}
	return NewStr(string([]rune(s.s)[j])), nil
}

func bytesGetItem(th *Thread, b *Bytes, k Value) (Value, error) {
	if sl, ok := k.o.(*Slice); ok {
		start, _, step, length, err := SliceIndices(th, sl, len(b.s))
		if err != nil {
			return Value{}, err
		}
		var sb strings.Builder
		for i := 0; i < length; i++ {
			sb.WriteByte(b.s[start+i*step])
		}
		return NewBytes(sb.String()), nil
	}
	i, ok, err := Index(th, k)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		return Value{}, TypeErrorf("byte indices must be integers or slices, not %s", k.Type().Name)
	}
	j, ok := normIndex(i, len(b.s))
	if !ok {
		return Value{}, IndexErrorf("index out of range")
	}
	return Int(int64(b.s[j])), nil
}

func rangeGetItem(th *Thread, r *Range, k Value) (Value, error) {
	n := r.Len()
	if sl, ok := k.o.(*Slice); ok {
		start, stop, step, _, err := SliceIndices(th, sl, int(n))
		if err != nil {
			return Value{}, err
		}
		return Ref(&Range{
			Start: r.Start + int64(start)*r.Step,
			Stop:  r.Start + int64(stop)*r.Step,
			Step:  r.Step * int64(step),
		}), nil
	}
	i, ok, err := Index(th, k)
	if err != nil {
		return Value{}, err
	}
	if !ok {
		return Value{}, TypeErrorf("range indices must be integers or slices, not %s", k.Type().Name)
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return Value{}, IndexErrorf("range object index out of range")
	}
	return Int(r.Start + i*r.Step), nil
}

// SetItem performs v[k] = x.
func SetItem(th *Thread, v, k, x Value) error {
	if _, ok, err := callOverride(th, v, "__setitem__", k, x); ok {
		return err
	}
	switch o := v.o.(type) {
	case *List:
		if s, ok := k.o.(*Slice); ok {
			return listSetSlice(th, o, s, x)
		}
		i, ok, err := Index(th, k)
		if err != nil {
			return err
		}
		if !ok {
			return TypeErrorf("list indices must be integers or slices, not %s", k.Type().Name)
		}
		j, ok := normIndex(i, len(o.Items))
		if !ok {
			return IndexErrorf("list assignment index out of range")
		}
		o.Items[j] = x
		return nil
	case *Dict:
		return o.Set(th, k, x)
	case *ByteArray:
		return byteArraySetItem(th, o, k, x)
	}
	if v.Type().user {
		if _, found, err := CallMethod(th, v, "__setitem__", k, x); found || err != nil {
			return err
		}
	}
	return TypeErrorf("'%s' object does not support item assignment", v.Type().Name)
}

func listSetSlice(th *Thread, l *List, s *Slice, x Value) error {
	items, err := ToSlice(th, x)
	if err != nil {
		if AsException(err).Matches(TypeErrorType) {
			return TypeErrorf("must assign iterable to extended slice")
		}
		return err
	}
	start, stop, step, n, err := SliceIndices(th, s, len(l.Items))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		tail := append([]Value(nil), l.Items[stop:]...)
		l.Items = append(append(l.Items[:start], items...), tail...)
		return nil
	}
	if len(items) != n {
		return ValueErrorf("attempt to assign sequence of size %d to extended slice of size %d", len(items), n)
	}
	for i, it := range items {
		l.Items[start+i*step] = it
	}
	return nil
}

// DelItem performs del v[k].
func DelItem(th *Thread, v, k Value) error {
	if _, ok, err := callOverride(th, v, "__delitem__", k); ok {
		return err
	}
	switch o := v.o.(type) {
	case *List:
		if s, ok := k.o.(*Slice); ok {
			start, _, step, n, err := SliceIndices(th, s, len(o.Items))
			if err != nil {
				return err
			}
			drop := make(map[int]bool, n)
			for i := 0; i < n; i++ {
				drop[start+i*step] = true
			}
			kept := o.Items[:0]
			for i, it := range o.Items {
				if !drop[i] {
					kept = append(kept, it)
				}
			}
			o.Items = kept
			return nil
		}
		i, ok, err := Index(th, k)
		if err != nil {
			return err
		}
		if !ok {
			return TypeErrorf("list indices must be integers or slices, not %s", k.Type().Name)
		}
		j, ok := normIndex(i, len(o.Items))
		if !ok {
			return IndexErrorf("list assignment index out of range")
		}
		o.Items = append(o.Items[:j], o.Items[j+1:]...)
		return nil
	case *Dict:
		_, ok, err := o.Delete(th, k)
		if err != nil {
			return err
		}
		if !ok {
			return KeyError(k)
		}
		return nil
	case *ByteArray:
		return byteArrayDelItem(th, o, k)
	}
	if v.Type().user {
		if _, found, err := CallMethod(th, v, "__delitem__", k); found || err != nil {
			return err
		}
	}
	return TypeErrorf("'%s' object doesn't support item deletion", v.Type().Name)
}
