package runtime

// The range and slice constructors, attributes and methods.

func init() {
	RangeType.New = newRange
	addMethod(RangeType, "count", func(th *Thread, r *Range, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg("range.count", args, kw)
		if err != nil {
			return Value{}, err
		}
		if IsInt(x) {
			return Int(btoi(rangeIntIndex(r, x) >= 0)), nil
		}
		n := int64(0)
		err = forEach(th, Ref(r), func(y Value) error {
			eq, err := itemEqual(th, y, x)
			if eq {
				n++
			}
			return err
		})
		return Int(n), err
	})
	addMethod(RangeType, "index", func(th *Thread, r *Range, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg("range.index", args, kw)
		if err != nil {
			return Value{}, err
		}
		if IsInt(x) {
			if j := rangeIntIndex(r, x); j >= 0 {
				return Int(j), nil
			}
			s, err := Repr(th, x)
			if err != nil {
				return Value{}, err
			}
			return Value{}, ValueErrorf("%s is not in range", s)
		}
		// Not an int: search by equality, as for any sequence.
		n := int64(0)
		found, err := anyItem(th, Ref(r), func(y Value) (bool, error) {
			eq, err := itemEqual(th, y, x)
			n += btoi(!eq)
			return eq, err
		})
		if err != nil {
			return Value{}, err
		}
		if !found {
			return Value{}, ValueErrorf("sequence.index(x): x not in sequence")
		}
		return Int(n), nil
	})
	addDunders(RangeType, "__len__", "__getitem__", "__contains__", "__iter__", "__eq__", "__ne__")

	SliceType.New = func(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArity("slice", args, kw, 1, 3); err != nil {
			return Value{}, err
		}
		if len(args) == 1 {
			return Ref(&Slice{Start: None, Stop: args[0], Step: None}), nil
		}
		return Ref(&Slice{Start: args[0], Stop: args[1], Step: optArg(args, 2, None)}), nil
	}
	addMethod(SliceType, "indices", func(th *Thread, s *Slice, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg("slice.indices", args, kw)
		if err != nil {
			return Value{}, err
		}
		n, err := toIndex(th, x)
		if err != nil {
			return Value{}, err
		}
		if n < 0 {
			return Value{}, ValueErrorf("length should not be negative")
		}
		start, stop, step, _, err := SliceIndices(th, s, int(n))
		if err != nil {
			return Value{}, err
		}
		return NewTuple([]Value{Int(int64(start)), Int(int64(stop)), Int(int64(step))}), nil
	})
}

func btoi(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// newRange is range(stop) or range(start, stop[, step]). Bounds are int64, so a range whose
// bounds or span do not fit is an OverflowError here rather than at len().
func newRange(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity("range", args, kw, 1, 3); err != nil {
		return Value{}, err
	}
	var b [3]int64
	for i, a := range args {
		if _, ok := a.o.(*BigInt); ok {
			return Value{}, rangeTooBig()
		}
		n, err := toIndex(th, a)
		if err != nil {
			return Value{}, err
		}
		b[i] = n
	}
	r := &Range{Stop: b[0], Step: 1}
	if len(args) > 1 {
		r.Start, r.Stop = b[0], b[1]
	}
	if len(args) == 3 {
		if r.Step = b[2]; r.Step == 0 {
			return Value{}, ValueErrorf("range() arg 3 must not be zero")
		}
	}
	if span := r.Stop - r.Start; (span < 0) != (r.Stop < r.Start) {
		return Value{}, rangeTooBig()
	}
	return Ref(r), nil
}

func rangeTooBig() error {
	return Errorf(OverflowErrorType, "Python int too large to convert to C ssize_t")
}

// rangeIntIndex returns the position of the int x in r, or -1.
func rangeIntIndex(r *Range, x Value) int64 {
	i, ok := AsInt64(x)
	if !ok {
		return -1 // a big int lies outside any range
	}
	return rangeIndex(r, i)
}

// rangeIndex returns the position of i in r, or -1.
func rangeIndex(r *Range, i int64) int64 {
	var off, step uint64
	switch {
	case r.Step > 0 && i >= r.Start && i < r.Stop:
		off, step = uint64(i-r.Start), uint64(r.Step)
	case r.Step < 0 && i <= r.Start && i > r.Stop:
		off, step = uint64(r.Start-i), uint64(-r.Step)
	default:
		return -1
	}
	if off%step != 0 {
		return -1
	}
	return int64(off / step)
}

// Attr exposes start, stop and step.
func (r *Range) Attr(name string) (Value, bool) {
	switch name {
	case "start":
		return Int(r.Start), true
	case "stop":
		return Int(r.Stop), true
	case "step":
		return Int(r.Step), true
	}
	return Value{}, false
}

// Attr exposes start, stop and step.
func (s *Slice) Attr(name string) (Value, bool) {
	switch name {
	case "start":
		return s.Start, true
	case "stop":
		return s.Stop, true
	case "step":
		return s.Step, true
	}
	return Value{}, false
}
