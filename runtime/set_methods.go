package runtime

// The set and frozenset constructors and methods. Each operation follows its CPython
// counterpart in Objects/setobject.c (named in the comments) down to when the table is
// resized and which operand is iterated, because a set's iteration order is its table order:
// only the same sequence of insertions, deletions and resizes prints the same.

func init() {
	SetType.New = func(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
		return newSetArg(th, "set", false, args, kw)
	}
	FrozenSetType.New = func(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
		if len(args) == 1 && len(kw) == 0 && args[0].Type() == FrozenSetType {
			return args[0], nil // immutable: frozenset(f) is f
		}
		return newSetArg(th, "frozenset", true, args, kw)
	}
	wrapNew(SetType, true)
	wrapNew(FrozenSetType, false)
	for _, c := range []*Class{SetType, FrozenSetType} {
		addSetMethods(c)
	}
	addMutatingSetMethods(SetType)
}

func newSetArg(th *Thread, fname string, frozen bool, args []Value, kw []Kwarg) (Value, error) {
	if err := checkArity(fname, args, kw, 0, 1); err != nil {
		return Value{}, err
	}
	s := &Set{frozen: frozen}
	if len(args) == 1 {
		if err := s.updateFrom(th, args[0]); err != nil {
			return Value{}, err
		}
	}
	return Ref(s), nil
}

// addSetMethods registers the methods that set and frozenset share.
func addSetMethods(c *Class) {
	name := c.Name
	addMethod(c, "copy", func(th *Thread, s *Set, args []Value, kw []Kwarg) (Value, error) {
		if err := noArgs(name+".copy", args, kw); err != nil {
			return Value{}, err
		}
		if s.frozen {
			return Ref(s), nil
		}
		r, err := s.copySet(th)
		return Ref(r), err
	})
	addVarargSetMethod(c, "union", func(s *Set, th *Thread, others []Value) (*Set, error) {
		r, err := s.copySet(th)
		for _, o := range others {
			if err != nil {
				break
			}
			if o.o != s {
				err = r.updateFrom(th, o)
			}
		}
		return r, err
	})
	addVarargSetMethod(c, "intersection", (*Set).intersectMulti)
	addVarargSetMethod(c, "difference", func(s *Set, th *Thread, others []Value) (*Set, error) {
		if len(others) == 0 {
			return s.copySet(th)
		}
		r, err := s.difference(th, others[0])
		for _, o := range others[1:] {
			if err != nil {
				break
			}
			err = r.differenceUpdate(th, o)
		}
		return r, err
	})
	addSetMethod(c, "symmetric_difference", func(th *Thread, s *Set, other Value) (Value, error) {
		r, err := s.symmetricDifference(th, other)
		return Ref(r), err
	})
	addSetMethod(c, "issubset", func(th *Thread, s *Set, other Value) (Value, error) {
		r, err := s.isSubsetOf(th, other)
		return Bool(r), err
	})
	addSetMethod(c, "issuperset", func(th *Thread, s *Set, other Value) (Value, error) {
		if o, ok := other.o.(*Set); ok {
			r, err := o.IsSubset(th, s)
			return Bool(r), err
		}
		r, err := s.containsAll(th, other)
		return Bool(r), err
	})
	addSetMethod(c, "isdisjoint", func(th *Thread, s *Set, other Value) (Value, error) {
		r, err := s.isDisjoint(th, other)
		return Bool(r), err
	})
	addSetMethod(c, "__contains__", func(th *Thread, s *Set, key Value) (Value, error) {
		r, err := s.Contains(th, key)
		if err != nil && isSetKey(key, err) {
			r, err = s.Contains(th, frozenCopy(key))
		}
		return Bool(r), err
	})
	addSetOperator(c, "__or__", "__ror__", func(th *Thread, s, o *Set) (*Set, error) {
		r, err := s.copySet(th)
		if err == nil && o != s {
			err = r.merge(th, o)
		}
		return r, err
	})
	addSetOperator(c, "__and__", "__rand__", func(th *Thread, s, o *Set) (*Set, error) {
		return s.intersect(th, Ref(o))
	})
	addSetOperator(c, "__sub__", "__rsub__", func(th *Thread, s, o *Set) (*Set, error) {
		return s.difference(th, Ref(o))
	})
	addSetOperator(c, "__xor__", "__rxor__", func(th *Thread, s, o *Set) (*Set, error) {
		return s.symmetricDifference(th, Ref(o))
	})
	addDunders(c, "__len__", "__iter__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__")
}

// addMutatingSetMethods registers the methods only set has.
func addMutatingSetMethods(c *Class) {
	addSetMethod(c, "add", func(th *Thread, s *Set, key Value) (Value, error) {
		return None, s.Add(th, key)
	})
	addSetMethod(c, "discard", func(th *Thread, s *Set, key Value) (Value, error) {
		_, err := s.discardKey(th, key)
		return None, err
	})
	addSetMethod(c, "remove", func(th *Thread, s *Set, key Value) (Value, error) {
		found, err := s.discardKey(th, key)
		if err == nil && !found {
			err = KeyError(key)
		}
		return None, err
	})
	addMethod(c, "pop", func(th *Thread, s *Set, args []Value, kw []Kwarg) (Value, error) {
		if err := noArgs("set.pop", args, kw); err != nil {
			return Value{}, err
		}
		if s.used == 0 {
			return Value{}, NewException(KeyErrorType, NewStr("pop from an empty set"))
		}
		return s.pop(), nil
	})
	addMethod(c, "clear", func(th *Thread, s *Set, args []Value, kw []Kwarg) (Value, error) {
		if err := noArgs("set.clear", args, kw); err != nil {
			return Value{}, err
		}
		s.Clear()
		return None, nil
	})
	addMethod(c, "__init__", func(th *Thread, s *Set, args []Value, kw []Kwarg) (Value, error) {
		if err := checkArity("set", args, kw, 0, 1); err != nil {
			return Value{}, err
		}
		s.Clear()
		if len(args) == 1 {
			return None, s.updateFrom(th, args[0])
		}
		return None, nil
	})
	addVarargSetUpdate(c, "update", (*Set).updateFrom)
	addVarargSetUpdate(c, "difference_update", (*Set).differenceUpdate)
	addMethod(c, "intersection_update", func(th *Thread, s *Set, args []Value, kw []Kwarg) (Value, error) {
		if err := noKwargs("set.intersection_update", kw); err != nil {
			return Value{}, err
		}
		r, err := s.intersectMulti(th, args)
		if err != nil {
			return Value{}, err
		}
		s.swapBodies(r)
		return None, nil
	})
	addSetMethod(c, "symmetric_difference_update", func(th *Thread, s *Set, other Value) (Value, error) {
		return None, s.symmetricDifferenceUpdate(th, other)
	})
	inplace := func(name string, fn func(s *Set, th *Thread, other Value) error) {
		addSetMethod(c, name, func(th *Thread, s *Set, other Value) (Value, error) {
			if _, ok := other.o.(*Set); !ok {
				return NotImplemented, nil
			}
			return Ref(s), fn(s, th, other)
		})
	}
	inplace("__ior__", (*Set).updateFrom)
	inplace("__isub__", (*Set).differenceUpdate)
	inplace("__ixor__", (*Set).symmetricDifferenceUpdate)
	inplace("__iand__", func(s *Set, th *Thread, other Value) error {
		r, err := s.intersect(th, other)
		if err == nil {
			s.swapBodies(r)
		}
		return err
	})
}

// addSetMethod registers a method taking exactly one argument (CPython's METH_O).
func addSetMethod(c *Class, name string, fn func(th *Thread, s *Set, x Value) (Value, error)) {
	fname := c.Name + "." + name
	addMethod(c, name, func(th *Thread, s *Set, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg(fname, args, kw)
		if err != nil {
			return Value{}, err
		}
		return fn(th, s, x)
	})
}

// addVarargSetMethod registers union, intersection or difference: any number of iterables,
// a new set or frozenset as the result.
func addVarargSetMethod(c *Class, name string, fn func(s *Set, th *Thread, others []Value) (*Set, error)) {
	fname := c.Name + "." + name
	addMethod(c, name, func(th *Thread, s *Set, args []Value, kw []Kwarg) (Value, error) {
		if err := noKwargs(fname, kw); err != nil {
			return Value{}, err
		}
		r, err := fn(s, th, args)
		if err != nil {
			return Value{}, err
		}
		return Ref(r), nil
	})
}

// addVarargSetUpdate registers update or difference_update, applying fn per argument.
func addVarargSetUpdate(c *Class, name string, fn func(s *Set, th *Thread, other Value) error) {
	fname := c.Name + "." + name
	addMethod(c, name, func(th *Thread, s *Set, args []Value, kw []Kwarg) (Value, error) {
		if err := noKwargs(fname, kw); err != nil {
			return Value{}, err
		}
		for _, o := range args {
			if err := fn(s, th, o); err != nil {
				return Value{}, err
			}
		}
		return None, nil
	})
}

// addSetOperator registers a binary operator and its reflection; both accept only sets.
func addSetOperator(c *Class, name, rname string, fn func(th *Thread, s, o *Set) (*Set, error)) {
	for _, n := range []string{name, rname} {
		reflected := n == rname
		addSetMethod(c, n, func(th *Thread, s *Set, other Value) (Value, error) {
			o, ok := other.o.(*Set)
			if !ok {
				return NotImplemented, nil
			}
			if reflected {
				s, o = o, s
			}
			r, err := fn(th, s, o)
			if err != nil {
				return Value{}, err
			}
			return Ref(r), nil
		})
	}
}

// isSetKey reports whether a failed lookup should be retried with key as a frozenset, as
// CPython does so that `{1} in {frozenset({1})}` works.
func isSetKey(key Value, err error) bool {
	s, ok := key.o.(*Set)
	return ok && !s.frozen && AsException(err).Matches(TypeErrorType)
}

func frozenCopy(key Value) Value { return Ref(key.o.(*Set).Copy(true)) }

// discardKey removes key, retrying a set key as a frozenset.
func (s *Set) discardKey(th *Thread, key Value) (bool, error) {
	found, err := s.Discard(th, key)
	if err != nil && isSetKey(key, err) {
		return s.Discard(th, frozenCopy(key))
	}
	return found, err
}

// tableMask is the table's mask; a set without a table has CPython's 8-slot small table.
func (s *Set) tableMask() int {
	if s.table == nil {
		return setMinSize - 1
	}
	return len(s.table) - 1
}

// merge adds the elements of o (set_merge): one resize up front, then a straight copy of the
// table, clean insertions into an empty table, or ordinary insertions.
func (s *Set) merge(th *Thread, o *Set) error {
	if o == s || o.used == 0 {
		return nil
	}
	if (s.fill+o.used)*5 >= s.tableMask()*3 {
		s.resize((s.used + o.used) * 2)
	}
	if s.table == nil {
		s.table = make([]setEntry, setMinSize)
	}
	if s.fill == 0 && len(s.table) == len(o.table) && o.fill == o.used {
		copy(s.table, o.table)
		s.fill, s.used = o.fill, o.used
		return nil
	}
	if s.fill == 0 {
		for _, e := range o.table {
			if e.key.IsValid() {
				s.insertClean(e)
			}
		}
		s.fill, s.used = o.used, o.used
		return nil
	}
	for _, e := range o.table {
		if e.key.IsValid() {
			if err := s.addHashed(th, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// updateFrom adds the elements of any iterable (set_update_internal).
func (s *Set) updateFrom(th *Thread, v Value) error {
	switch o := v.o.(type) {
	case *Set:
		return s.merge(th, o)
	case *Dict:
		if n := o.Len(); (s.fill+n)*5 >= s.tableMask()*3 {
			s.resize((s.used + n) * 2)
		}
		for _, e := range o.entries {
			if e.key.IsValid() {
				if err := s.addHashed(th, e.key, e.hash); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return forEach(th, v, func(x Value) error { return s.Add(th, x) })
}

// copySet is set_copy: a new set of the same kind, filled by merge (so the copy's table
// can be smaller than the original's).
func (s *Set) copySet(th *Thread) (*Set, error) {
	r := &Set{frozen: s.frozen}
	return r, r.merge(th, s)
}

func (s *Set) swapBodies(r *Set) {
	s.table, s.fill, s.used = r.table, r.fill, r.used
}

// intersect is set_intersection: iterate the smaller of two sets, or the iterable.
func (s *Set) intersect(th *Thread, other Value) (*Set, error) {
	if other.o == s {
		return s.copySet(th)
	}
	r := &Set{frozen: s.frozen}
	if o, ok := other.o.(*Set); ok {
		big, small := s, o
		if small.used > big.used {
			big, small = small, big
		}
		for _, e := range small.table {
			if !e.key.IsValid() {
				continue
			}
			i, err := big.find(th, e.key, e.hash)
			if err == nil && i >= 0 {
				err = r.addHashed(th, e.key, e.hash)
			}
			if err != nil {
				return nil, err
			}
		}
		return r, nil
	}
	return r, forEach(th, other, func(x Value) error {
		h, err := Hash(th, x)
		if err != nil {
			return err
		}
		i, err := s.find(th, x, h)
		if err == nil && i >= 0 {
			err = r.addHashed(th, x, h)
		}
		return err
	})
}

// intersectMulti is set_intersection_multi: intersect with each argument in turn.
func (s *Set) intersectMulti(th *Thread, others []Value) (*Set, error) {
	if len(others) == 0 {
		return s.copySet(th)
	}
	r := s
	for _, o := range others {
		var err error
		if r, err = r.intersect(th, o); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// difference is set_difference: build the result from s's elements missing from a set or
// dict, unless s is much bigger, in which case copy s and discard.
func (s *Set) difference(th *Thread, other Value) (*Set, error) {
	var in func(key Value, h int64) (bool, error)
	var n int
	switch o := other.o.(type) {
	case *Set:
		n = o.used
		in = func(key Value, h int64) (bool, error) {
			i, err := o.find(th, key, h)
			return i >= 0, err
		}
	case *Dict:
		n = o.Len()
		in = func(key Value, h int64) (bool, error) {
			_, e, err := o.lookup(th, key, h)
			return e >= 0, err
		}
	}
	if in == nil || s.used>>2 > n {
		r, err := s.copySet(th)
		if err == nil {
			err = r.differenceUpdate(th, other)
		}
		return r, err
	}
	r := &Set{frozen: s.frozen}
	for _, e := range s.table {
		if !e.key.IsValid() {
			continue
		}
		found, err := in(e.key, e.hash)
		if err == nil && !found {
			err = r.addHashed(th, e.key, e.hash)
		}
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

// differenceUpdate is set_difference_update_internal; it ends by resizing away the dummies
// if they fill more than a quarter of the table.
func (s *Set) differenceUpdate(th *Thread, other Value) error {
	if other.o == s {
		s.Clear()
		return nil
	}
	if o, ok := other.o.(*Set); ok {
		if o.used>>3 > s.used {
			var err error
			if o, err = s.intersect(th, other); err != nil {
				return err
			}
		}
		for _, e := range o.table {
			if e.key.IsValid() {
				if err := s.discardHashed(th, e.key, e.hash); err != nil {
					return err
				}
			}
		}
	} else if err := forEach(th, other, func(x Value) error {
		_, err := s.Discard(th, x)
		return err
	}); err != nil {
		return err
	}
	if s.fill-s.used > s.tableMask()/4 {
		s.resize(s.growTarget())
	}
	return nil
}

func (s *Set) discardHashed(th *Thread, key Value, h int64) error {
	i, err := s.find(th, key, h)
	if err == nil && i >= 0 {
		s.table[i] = setEntry{hash: -1}
		s.used--
	}
	return err
}

// symmetricDifference is set_symmetric_difference: a copy of other, updated with s.
func (s *Set) symmetricDifference(th *Thread, other Value) (*Set, error) {
	r := &Set{frozen: s.frozen}
	if err := r.updateFrom(th, other); err != nil {
		return nil, err
	}
	return r, r.symmetricUpdate(th, s)
}

// symmetricDifferenceUpdate is set_symmetric_difference_update.
func (s *Set) symmetricDifferenceUpdate(th *Thread, other Value) error {
	switch o := other.o.(type) {
	case *Set:
		if o == s {
			s.Clear()
			return nil
		}
		return s.symmetricUpdate(th, o)
	case *Dict:
		for _, e := range o.entries {
			if !e.key.IsValid() {
				continue
			}
			i, err := s.find(th, e.key, e.hash)
			if err == nil && i >= 0 {
				s.table[i] = setEntry{hash: -1}
				s.used--
			} else if err == nil {
				err = s.addHashed(th, e.key, e.hash)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	o := &Set{}
	if err := o.updateFrom(th, other); err != nil {
		return err
	}
	return s.symmetricUpdate(th, o)
}

// isSubsetOf is set_issubset; an iterable that is not a set is intersected first.
func (s *Set) isSubsetOf(th *Thread, other Value) (bool, error) {
	if o, ok := other.o.(*Set); ok {
		return s.IsSubset(th, o)
	}
	r, err := s.intersect(th, other)
	if err != nil {
		return false, err
	}
	return r.used == s.used, nil
}

// containsAll reports whether every item of the iterable is in s.
func (s *Set) containsAll(th *Thread, other Value) (bool, error) {
	missing, err := anyItem(th, other, func(x Value) (bool, error) {
		in, err := s.Contains(th, x)
		return !in, err
	})
	return !missing, err
}

// isDisjoint is set_isdisjoint: probe the bigger set with the smaller one's elements, or s
// with the iterable's items.
func (s *Set) isDisjoint(th *Thread, other Value) (bool, error) {
	o, ok := other.o.(*Set)
	if !ok {
		common, err := anyItem(th, other, func(x Value) (bool, error) { return s.Contains(th, x) })
		return !common, err
	}
	if o == s {
		return s.used == 0, nil
	}
	big, small := s, o
	if small.used > big.used {
		big, small = small, big
	}
	for _, e := range small.table {
		if e.key.IsValid() {
			i, err := big.find(th, e.key, e.hash)
			if err != nil || i >= 0 {
				return false, err
			}
		}
	}
	return true, nil
}

// pop removes the element at or after the finger, as set_pop does. s must not be empty.
func (s *Set) pop() Value {
	mask := len(s.table) - 1
	i := s.finger & mask
	for !s.table[i].key.IsValid() {
		i++
		if i > mask {
			i = 0
		}
	}
	key := s.table[i].key
	s.table[i] = setEntry{hash: -1}
	s.used--
	s.finger = i + 1
	return key
}
