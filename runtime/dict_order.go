package runtime

// Reordering a dict's items, for collections.OrderedDict: its order is the dict's own
// insertion order, so popitem(last=False) and move_to_end work on the entries in place,
// finding index slots by stored hashes so that no user __hash__ or __eq__ runs twice.

// PopItem removes and returns the last item of a non-empty dict, or its first one.
func (d *Dict) PopItem(first bool) (Value, Value) {
	if !first {
		return d.popLast()
	}
	n := 0
	for !d.entries[n].key.IsValid() {
		n++
	}
	e := d.dropEntry(n)
	// Squeeze out the leading holes once they outnumber the live entries, keeping a queue
	// drained from the front linear.
	if holes := n + 1; holes > 8 && holes > d.used {
		d.grow()
	}
	return e.key, e.value
}

// dropEntry removes entry n, which must be live, leaving a hole, and returns it.
func (d *Dict) dropEntry(n int) dictEntry {
	e := d.entries[n]
	d.index[d.slotOf(n)] = slotDeleted
	d.entries[n] = dictEntry{}
	d.used--
	d.version++
	return e
}

// slotOf returns the index slot that refers to live entry n, probing by its stored hash.
func (d *Dict) slotOf(n int) uint64 {
	mask := uint64(len(d.index) - 1)
	perturb := uint64(d.entries[n].hash)
	i := perturb & mask
	for d.index[i] != int32(n) {
		perturb >>= 5
		i = (i*5 + perturb + 1) & mask
	}
	return i
}

// MoveToEnd moves key's item to the end of the order, or to the front when first is set;
// found is false if the key is absent.
func (d *Dict) MoveToEnd(th *Thread, key Value, first bool) (found bool, err error) {
	h, err := Hash(th, key)
	if err != nil {
		return false, err
	}
	slot, n, err := d.lookup(th, key, h)
	switch {
	case err != nil || n < 0:
		return false, err
	case !first && n == len(d.entries)-1:
		return true, nil // already last
	}
	e := d.entries[n]
	if first {
		// Every entry before n moves up one place, so the index is rebuilt.
		copy(d.entries[1:n+1], d.entries[:n])
		d.entries[0] = e
		d.grow()
	} else {
		d.entries[n] = dictEntry{}
		d.index[slot] = int32(len(d.entries))
		d.entries = append(d.entries, e)
		if len(d.entries) > len(d.index)*2/3 {
			d.grow() // keep the fill Set relies on
		}
	}
	d.version++
	return true, nil
}
