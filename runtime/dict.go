package runtime

// Dict is an insertion-ordered hash table, laid out as CPython's compact dict: entries in
// insertion order plus a sparse index of slots into them. Deleted entries leave a hole
// (key invalid) that is squeezed out on the next resize, so iteration order is insertion order.
//
// Keys are compared with Equal and hashed with Hash, which may call user __eq__/__hash__ and
// therefore take a Thread; string keys take a fast path that never calls out.
type Dict struct {
	sub     *subclass // set for instances of user subclasses of dict
	entries []dictEntry
	index   []int32 // -1 empty, -2 deleted, else entry number
	used    int     // live entries
	version uint32  // bumped on insertion and deletion; iterators check it
	// bloom has bit h&63 set for the hash h of every key inserted since the dict was last
	// emptied: a clear bit proves a key absent without probing. Method calls ask every
	// instance dict for the method's name first, and are almost always told no.
	bloom uint64
}

func bloomBit(h int64) uint64 { return 1 << (uint64(h) & 63) }

type dictEntry struct {
	hash  int64
	key   Value
	value Value
}

const (
	slotEmpty   = -1
	slotDeleted = -2
)

// Type returns `dict`.
func (d *Dict) Type() *Class { return d.sub.classOr(DictType) }

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{} }

// Len returns the number of items.
func (d *Dict) Len() int { return d.used }

// lookup returns the index slot and entry number of key, or entry -1 with the slot where it
// would be inserted.
func (d *Dict) lookup(th *Thread, key Value, h int64) (slot int, entry int, err error) {
	if len(d.index) == 0 {
		return -1, -1, nil
	}
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	free := -1
	for {
		e := d.index[i]
		switch {
		case e == slotEmpty:
			if free < 0 {
				free = int(i)
			}
			return free, -1, nil
		case e == slotDeleted:
			if free < 0 {
				free = int(i)
			}
		default:
			ent := &d.entries[e]
			if ent.hash == h {
				eq, err := keysEqual(th, ent.key, key)
				if err != nil {
					return 0, -1, err
				}
				if eq {
					return int(i), int(e), nil
				}
			}
		}
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
}

// keysEqual is identity first, as CPython's dict does, then Equal, with strings compared
// directly.
func keysEqual(th *Thread, a, b Value) (bool, error) {
	if a.Is(b) {
		return true, nil
	}
	if sa, ok := a.o.(*Str); ok {
		if sb, ok := b.o.(*Str); ok {
			return sa.s == sb.s, nil
		}
	}
	return Equal(th, a, b)
}

// Get returns the value for key.
func (d *Dict) Get(th *Thread, key Value) (Value, bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		return Value{}, false, err
	}
	_, e, err := d.lookup(th, key, h)
	if err != nil || e < 0 {
		return Value{}, false, err
	}
	return d.entries[e].value, true, nil
}

// GetStr returns the value for a string key without allocating; it cannot fail.
func (d *Dict) GetStr(key string) (Value, bool) {
	return d.entryValue(d.strEntry(key, strHash(key)))
}

// GetKey is GetStr for a *Str, whose hash is computed once and cached: the interpreter's
// global and attribute lookups keep their names as *Str for this.
func (d *Dict) GetKey(key *Str) (Value, bool) {
	return d.entryValue(d.keyEntry(key))
}

// keyEntry is strEntry for a *Str, whose hash is cached.
func (d *Dict) keyEntry(key *Str) int32 {
	if key.h == 0 {
		key.h = strHash(key.s)
	}
	return d.strEntry(key.s, key.h)
}

// entryValue returns the value of entry e, or false for -1.
func (d *Dict) entryValue(e int32) (Value, bool) {
	if e < 0 {
		return Value{}, false
	}
	return d.entries[e].value, true
}

// GetKeyHint is GetKey for call sites that read the same attribute of many similar
// instances: their dicts usually have the attribute at the same entry, so *hint, the entry
// found last time, is tried first by comparing key pointers (names are interned per module).
func (d *Dict) GetKeyHint(key *Str, hint *int32) (Value, bool) {
	if i := *hint; i >= 0 && int(i) < len(d.entries) {
		if k, ok := d.entries[i].key.o.(*Str); ok && k == key {
			return d.entries[i].value, true
		}
	}
	e := d.keyEntry(key)
	if e >= 0 {
		*hint = e
	}
	return d.entryValue(e)
}

// SetKeyHint is SetKey with the same entry hint as GetKeyHint.
func (d *Dict) SetKeyHint(key *Str, value Value, hint *int32) {
	if i := *hint; i >= 0 && int(i) < len(d.entries) {
		if k, ok := d.entries[i].key.o.(*Str); ok && k == key {
			d.entries[i].value = value
			return
		}
	}
	if e := d.keyEntry(key); e >= 0 {
		d.entries[e].value, *hint = value, e
		return
	}
	_ = d.Set(nil, Ref(key), value)
	*hint = int32(len(d.entries) - 1) // a new key is the last entry
}

// KeyCache remembers where a key was found in a dict (or that it was absent), valid while the dict's layout (its
// version, bumped by insertions and deletions) is unchanged.
type KeyCache struct {
	d       *Dict
	version uint32
	entry   int32
}

// GetKeyCached is GetKey that reuses the entry found last time when the dict's layout has
// not changed: a global variable read then costs two comparisons.
func (d *Dict) GetKeyCached(key *Str, c *KeyCache) (Value, bool) {
	if c.d != d || c.version != d.version {
		c.d, c.version, c.entry = d, d.version, d.keyEntry(key)
	}
	return d.entryValue(c.entry)
}

// strEntry returns the entry of a string key with hash h, or -1.
func (d *Dict) strEntry(key string, h int64) int32 {
	if d.bloom&bloomBit(h) == 0 || len(d.index) == 0 {
		return -1
	}
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	for i := uint64(h) & mask; ; i = (i*5 + perturb + 1) & mask {
		e := d.index[i]
		if e == slotEmpty {
			return -1
		}
		if e >= 0 {
			ent := &d.entries[e]
			if ent.hash == h {
				if s, ok := ent.key.o.(*Str); ok && s.s == key {
					return e
				}
			}
		}
		perturb >>= 5
	}
}

// Set inserts or replaces key's value.
func (d *Dict) Set(th *Thread, key, value Value) error {
	h, err := Hash(th, key)
	if err != nil {
		return err
	}
	slot, e, err := d.lookup(th, key, h)
	if err != nil {
		return err
	}
	if e >= 0 {
		d.entries[e].value = value
		return nil
	}
	if slot < 0 || len(d.entries)+1 > len(d.index)*2/3 {
		d.grow()
		slot = d.emptySlot(h)
	}
	d.index[slot] = int32(len(d.entries))
	d.entries = append(d.entries, dictEntry{hash: h, key: key, value: value})
	d.bloom |= bloomBit(h)
	d.used++
	d.version++
	return nil
}

// SetKey sets a *Str key using its cached hash; it cannot fail.
func (d *Dict) SetKey(key *Str, value Value) {
	if e := d.keyEntry(key); e >= 0 {
		d.entries[e].value = value
		return
	}
	_ = d.Set(nil, Ref(key), value)
}

// SetStr sets a string key; it cannot fail.
func (d *Dict) SetStr(key string, value Value) { _ = d.Set(nil, NewStr(key), value) }

// Delete removes key, returning its value and whether it was present.
func (d *Dict) Delete(th *Thread, key Value) (Value, bool, error) {
	h, err := Hash(th, key)
	if err != nil {
		return Value{}, false, err
	}
	slot, e, err := d.lookup(th, key, h)
	if err != nil || e < 0 {
		return Value{}, false, err
	}
	v := d.entries[e].value
	d.index[slot] = slotDeleted
	d.entries[e] = dictEntry{}
	d.used--
	d.version++
	if d.used == 0 {
		d.entries, d.index, d.bloom = d.entries[:0], nil, 0
	}
	return v, true, nil
}

// Clear removes every item.
func (d *Dict) Clear() {
	*d = Dict{version: d.version + 1, sub: d.sub}
}

// grow rebuilds the index at a size that keeps it at most 2/3 full, squeezing out holes.
func (d *Dict) grow() {
	if d.used == 0 && len(d.entries) == 0 {
		d.firstTable()
		return
	}
	size := 8
	for size*2/3 <= d.used+1 {
		size <<= 1
	}
	// The entries get room for as many as the index admits before the next grow, so that
	// appending never reallocates them in between.
	live := make([]dictEntry, 0, size*2/3)
	for _, e := range d.entries {
		if e.key.IsValid() {
			live = append(live, e)
		}
	}
	d.entries = live
	d.index = make([]int32, size)
	for i := range d.index {
		d.index[i] = slotEmpty
	}
	for n, e := range d.entries {
		d.index[d.emptySlot(e.hash)] = int32(n)
	}
}

// emptySlot returns the first empty index slot on the probe sequence of hash h. Right after
// a grow there are no deleted slots, and a key being inserted is known to be absent, so
// placing it needs no comparisons (which could call a user __eq__ again).
func (d *Dict) emptySlot(h int64) int {
	mask := uint64(len(d.index) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for d.index[i] != slotEmpty {
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
	return int(i)
}

// smallTable is a dict's first table: the index and room for the entries it can hold, in
// one allocation. Most dicts (instance attributes, keyword arguments, small records) never
// outgrow it, and would otherwise take one allocation for the index and several for entries
// appended one at a time.
type smallTable struct {
	index   [8]int32
	entries [5]dictEntry // 2/3 of the index
}

func (d *Dict) firstTable() { d.useTable(new(smallTable)) }

// useTable makes the empty t d's table.
func (d *Dict) useTable(t *smallTable) {
	t.index = [8]int32{slotEmpty, slotEmpty, slotEmpty, slotEmpty, slotEmpty, slotEmpty, slotEmpty, slotEmpty}
	d.index, d.entries = t.index[:], t.entries[:0]
}

// Items calls f for each item in order until f returns false. The dict must not be changed
// by f.
func (d *Dict) Items(f func(k, v Value) bool) {
	for _, e := range d.entries {
		if e.key.IsValid() && !f(e.key, e.value) {
			return
		}
	}
}

// Keys returns the keys in order.
func (d *Dict) Keys() []Value {
	out := make([]Value, 0, d.used)
	d.Items(func(k, _ Value) bool { out = append(out, k); return true })
	return out
}

// Copy returns a shallow copy.
func (d *Dict) Copy() *Dict {
	c := &Dict{used: d.used, bloom: d.bloom}
	c.entries = make([]dictEntry, 0, len(d.entries))
	c.entries = append(c.entries, d.entries...)
	c.index = append([]int32(nil), d.index...)
	return c
}
