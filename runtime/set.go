package runtime

// Set is a set or frozenset. Its table copies CPython's setobject.c (linear probing in runs of
// nine, then perturbed probing; resize at 60% fill) so that a set prints its elements in the
// same order as CPython: `print({3, 1, 2})` shows `{1, 2, 3}` in both.
type Set struct {
	sub    *subclass // set for instances of user subclasses of set and frozenset
	table  []setEntry
	fill   int // live + dummy entries
	used   int // live entries
	frozen bool
	hash   int64 // cached frozenset hash, 0 when not computed
	finger int   // where pop resumes scanning the table, as CPython's so->finger
}

type setEntry struct {
	key  Value // invalid: empty (hash 0) or dummy (hash -1)
	hash int64
}

const (
	setMinSize      = 8
	setLinearProbes = 9
	perturbShift    = 5
)

// NewSet returns an empty set.
func NewSet() *Set { return &Set{} }

// NewFrozenSet returns an empty frozenset.
func NewFrozenSet() *Set { return &Set{frozen: true} }

// Type returns `set` or `frozenset`.
func (s *Set) Type() *Class {
	if s.frozen {
		return s.sub.classOr(FrozenSetType)
	}
	return s.sub.classOr(SetType)
}

// Frozen reports whether s is a frozenset.
func (s *Set) Frozen() bool { return s.frozen }

// Len returns the number of elements.
func (s *Set) Len() int { return s.used }

// Add inserts key.
func (s *Set) Add(th *Thread, key Value) error {
	h, err := Hash(th, key)
	if err != nil {
		return err
	}
	return s.addHashed(th, key, h)
}

func (s *Set) addHashed(th *Thread, key Value, h int64) error {
	if s.table == nil {
		s.table = make([]setEntry, setMinSize)
	}
	mask := uint64(len(s.table) - 1)
	i := uint64(h) & mask
	perturb := uint64(h)
	free := -1
	for {
		probes := 0
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := uint64(0); j <= uint64(probes); j++ {
			e := &s.table[i+j]
			if !e.key.IsValid() && e.hash == 0 {
				if free >= 0 {
					s.table[free] = setEntry{key: key, hash: h}
					s.used++
					return nil
				}
				*e = setEntry{key: key, hash: h}
				s.fill++
				s.used++
				if uint64(s.fill)*5 >= mask*3 {
					s.resize(s.growTarget())
				}
				return nil
			}
			if e.hash == h && e.key.IsValid() {
				eq, err := keysEqual(th, e.key, key)
				if err != nil {
					return err
				}
				if eq {
					return nil
				}
			} else if !e.key.IsValid() && e.hash == -1 && free < 0 {
				free = int(i + j)
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

func (s *Set) growTarget() int {
	if s.used > 50000 {
		return s.used * 2
	}
	return s.used * 4
}

func (s *Set) resize(minUsed int) {
	size := setMinSize
	for size <= minUsed {
		size <<= 1
	}
	old := s.table
	s.table = make([]setEntry, size)
	s.fill = s.used
	for _, e := range old {
		if e.key.IsValid() {
			s.insertClean(e)
		}
	}
}

// insertClean places an entry known to be absent, as set_insert_clean does.
func (s *Set) insertClean(e setEntry) {
	mask := uint64(len(s.table) - 1)
	i := uint64(e.hash) & mask
	perturb := uint64(e.hash)
	for {
		if !s.table[i].key.IsValid() {
			s.table[i] = e
			return
		}
		if i+setLinearProbes <= mask {
			for j := uint64(1); j <= setLinearProbes; j++ {
				if !s.table[i+j].key.IsValid() {
					s.table[i+j] = e
					return
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// find returns the table index of key, or -1.
func (s *Set) find(th *Thread, key Value, h int64) (int, error) {
	if s.table == nil {
		return -1, nil
	}
	mask := uint64(len(s.table) - 1)
	i := uint64(h) & mask
	perturb := uint64(h)
	for {
		probes := 0
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := uint64(0); j <= uint64(probes); j++ {
			e := &s.table[i+j]
			if !e.key.IsValid() && e.hash == 0 {
				return -1, nil
			}
			if e.hash == h && e.key.IsValid() {
				eq, err := keysEqual(th, e.key, key)
				if err != nil {
					return -1, err
				}
				if eq {
					return int(i + j), nil
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// Update adds the elements of o in o's table order, as set.update(o) does.
func (s *Set) Update(th *Thread, o *Set) error { return s.merge(th, o) }

// Contains reports whether key is in the set.
func (s *Set) Contains(th *Thread, key Value) (bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		return false, err
	}
	i, err := s.find(th, key, h)
	return i >= 0, err
}

// Discard removes key if present, reporting whether it was.
func (s *Set) Discard(th *Thread, key Value) (bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		return false, err
	}
	i, err := s.find(th, key, h)
	if err != nil || i < 0 {
		return false, err
	}
	s.table[i] = setEntry{hash: -1}
	s.used--
	return true, nil
}

// Clear removes every element.
func (s *Set) Clear() { *s = Set{frozen: s.frozen, sub: s.sub} }

// Elems returns the elements in table order, CPython's iteration order.
func (s *Set) Elems() []Value {
	out := make([]Value, 0, s.used)
	for _, e := range s.table {
		if e.key.IsValid() {
			out = append(out, e.key)
		}
	}
	return out
}

// Copy returns a set (or frozenset if frozen) with the same table layout, as set(s) does.
func (s *Set) Copy(frozen bool) *Set {
	c := &Set{fill: s.fill, used: s.used, frozen: frozen}
	if s.table != nil {
		c.table = append([]setEntry(nil), s.table...)
	}
	return c
}

// frozenHash is CPython's frozenset hash: order-independent mixing of element hashes.
func (s *Set) frozenHash(th *Thread) (int64, error) {
	if s.hash != 0 {
		return s.hash, nil
	}
	var h uint64
	for _, e := range s.table {
		if e.key.IsValid() {
			x := uint64(e.hash)
			h ^= ((x ^ 89869747) ^ (x << 16)) * 3644798167
		}
	}
	h ^= (uint64(s.used) + 1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	r := int64(h)
	if r == -1 {
		r = 590923713
	}
	s.hash = r
	return r, nil
}
