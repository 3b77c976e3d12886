package runtime

import "math"

// Sorting is a port of CPython 3.11's listsort (Objects/listobject.c): timsort, with runs
// merged in the order of Munro and Wild's powersort. Following it step for step, rather than
// using a Go sort, makes the sequence of < comparisons exactly CPython's. That sequence decides
// what a program can observe when a comparison raises (which pair the error names, and the
// list's order afterwards) or has side effects, and it keeps timsort's linear time on
// presorted and reversed input.
//
// Keys are computed once, before sorting. When all keys are ints, floats or strs, or tuples
// (whose elements are compared pairwise), comparisons skip the generic Less.

// sortEntry pairs an element with its key; without a key function the key is the element.
// When every key is a tuple, items caches the key's elements, saving the comparisons a
// pointer dereference.
type sortEntry struct {
	key, val Value
	items    []Value
}

// sortRun is a pending run: a sorted stretch of the array awaiting merges.
type sortRun struct{ base, len, power int }

// minGallopInit is MIN_GALLOP: how many consecutive wins of one run switch a merge to
// galloping mode.
const minGallopInit = 7

type sorter struct {
	a         []sortEntry
	tmp       []sortEntry
	less      func(a, b *sortEntry) (bool, error)
	minGallop int
	runs      []sortRun
}

// SortList sorts l in place as list.sort(key=key, reverse=reverse) does; key may be the zero
// Value or None. As in CPython the list looks empty to the key function and comparisons while
// the sort runs, and adding to it meanwhile is a ValueError.
func SortList(th *Thread, l *List, key Value, reverse bool) error {
	items := l.Items
	l.Items = nil
	entries := make([]sortEntry, len(items))
	for i, v := range items {
		k := v
		if key.IsValid() && !key.IsNone() {
			var err error
			if k, err = Call(th, key, []Value{v}, nil); err != nil {
				l.Items = items
				return err
			}
		}
		entries[i] = sortEntry{key: k, val: v}
	}
	s := &sorter{a: entries, less: keyLess(th, entries), minGallop: minGallopInit}
	// Reversing before and after a stable sort keeps equal elements in their original order.
	if reverse {
		reverseEntries(entries)
	}
	err := s.sort()
	if reverse {
		reverseEntries(entries)
	}
	modified := l.Items != nil
	for i, e := range entries {
		items[i] = e.val
	}
	l.Items = items
	if err == nil && modified {
		err = ValueErrorf("list modified during sort")
	}
	return err
}

func reverseEntries(a []sortEntry) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

// keyLess picks the comparison: a direct one when every key has the same simple type, as
// CPython's pre-sort check does, else Less.
func keyLess(th *Thread, entries []sortEntry) func(a, b *sortEntry) (bool, error) {
	kind := 0
	for i := range entries {
		k := simpleKind(entries[i].key)
		if i > 0 && k != kind {
			kind = 0
			break
		}
		kind = k
	}
	switch kind {
	case kindInt:
		return func(a, b *sortEntry) (bool, error) { return int64(a.key.n) < int64(b.key.n), nil }
	case kindFloat:
		return func(a, b *sortEntry) (bool, error) {
			return math.Float64frombits(a.key.n) < math.Float64frombits(b.key.n), nil
		}
	case kindStr:
		return func(a, b *sortEntry) (bool, error) { return a.key.o.(*Str).s < b.key.o.(*Str).s, nil }
	case kindTuple:
		for i := range entries {
			entries[i].items = entries[i].key.o.(*Tuple).Items
		}
		return func(a, b *sortEntry) (bool, error) { return tupleLess(th, a.items, b.items) }
	}
	return func(a, b *sortEntry) (bool, error) { return Less(th, a.key, b.key) }
}

const (
	kindInt = 1 + iota
	kindFloat
	kindStr
	kindTuple
)

func simpleKind(v Value) int {
	switch v.o.(type) {
	case intTag:
		return kindInt
	case floatTag:
		return kindFloat
	case *Str:
		return kindStr
	case *Tuple:
		return kindTuple
	}
	return 0
}

// tupleLess is tuple < tuple: the first unequal pair decides.
func tupleLess(th *Thread, x, y []Value) (bool, error) {
	for i := 0; i < len(x) && i < len(y); i++ {
		a, b := x[i], y[i]
		if k := simpleKind(a); k != 0 && k != kindTuple && k == simpleKind(b) {
			if c := simpleCompare(a, b); c != 0 {
				return c < 0, nil
			}
			continue
		}
		eq, err := itemEqual(th, a, b)
		if err != nil {
			return false, err
		}
		if !eq {
			return Less(th, a, b)
		}
	}
	return len(x) < len(y), nil
}

// simpleCompare orders two ints, floats or strs of the same kind. A NaN is unequal to
// everything but itself and less than nothing, so it compares as "greater".
func simpleCompare(a, b Value) int {
	switch a.o.(type) {
	case intTag:
		x, y := int64(a.n), int64(b.n)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	case floatTag:
		x, _ := a.FloatVal()
		y, _ := b.FloatVal()
		if c := floatCmp(x, y); c != 2 {
			return c
		}
		if a.Is(b) {
			return 0
		}
		return 1
	}
	x, y := a.o.(*Str).s, b.o.(*Str).s
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// sort is listsort's main loop: find runs, extend short ones to minrun with binary insertion,
// and merge them as powersort dictates.
func (s *sorter) sort() error {
	n := len(s.a)
	if n < 2 {
		return nil
	}
	minrun := computeMinrun(n)
	for lo := 0; lo < n; {
		run, descending, err := s.countRun(lo, n)
		if err != nil {
			return err
		}
		if descending {
			reverseEntries(s.a[lo : lo+run])
		}
		if run < minrun {
			force := min(n-lo, minrun)
			if err := s.binarySort(lo, lo+force, lo+run); err != nil {
				return err
			}
			run = force
		}
		if err := s.foundNewRun(lo, run); err != nil {
			return err
		}
		s.runs = append(s.runs, sortRun{base: lo, len: run})
		lo += run
	}
	for len(s.runs) > 1 {
		i := len(s.runs) - 2
		if i > 0 && s.runs[i-1].len < s.runs[i+1].len {
			i--
		}
		if err := s.mergeAt(i); err != nil {
			return err
		}
	}
	return nil
}

// computeMinrun returns a run length in [32, 64] such that n/minrun is a power of two or a
// little less.
func computeMinrun(n int) int {
	r := 0
	for n >= 64 {
		r |= n & 1
		n >>= 1
	}
	return n + r
}

// countRun returns the length of the run starting at lo: non-decreasing, or strictly
// decreasing (which the caller reverses in place, keeping the sort stable).
func (s *sorter) countRun(lo, hi int) (int, bool, error) {
	if lo+1 == hi {
		return 1, false, nil
	}
	a := s.a
	descending, err := s.less(&a[lo+1], &a[lo])
	if err != nil {
		return 0, false, err
	}
	n := 2
	for ; lo+n < hi; n++ {
		lt, err := s.less(&a[lo+n], &a[lo+n-1])
		if err != nil {
			return 0, false, err
		}
		if lt != descending {
			break
		}
	}
	return n, descending, nil
}

// binarySort sorts a[lo:hi] given that a[lo:start] is sorted, by binary insertion.
func (s *sorter) binarySort(lo, hi, start int) error {
	a := s.a
	if lo == start {
		start++
	}
	for ; start < hi; start++ {
		l, r := lo, start
		for l < r {
			p := l + (r-l)>>1
			lt, err := s.less(&a[start], &a[p])
			if err != nil {
				return err
			}
			if lt {
				r = p
			} else {
				l = p + 1
			}
		}
		pivot := a[start]
		copy(a[l+1:start+1], a[l:start])
		a[l] = pivot
	}
	return nil
}

// foundNewRun merges pending runs whose power exceeds that of the boundary between the
// topmost run and the new one, which starts at lo and has length n2.
func (s *sorter) foundNewRun(lo, n2 int) error {
	if len(s.runs) == 0 {
		return nil
	}
	top := s.runs[len(s.runs)-1]
	power := powerloop(top.base, top.len, n2, len(s.a))
	for len(s.runs) > 1 && s.runs[len(s.runs)-2].power > power {
		if err := s.mergeAt(len(s.runs) - 2); err != nil {
			return err
		}
	}
	s.runs[len(s.runs)-1].power = power
	return nil
}

// powerloop computes the depth, in a conceptual binary merge tree over the whole array, of
// the boundary between the adjacent runs [s1, s1+n1) and [s1+n1, s1+n1+n2).
func powerloop(s1, n1, n2, n int) int {
	result := 0
	a := 2*s1 + n1
	b := a + n1 + n2
	for {
		result++
		if a >= n {
			a -= n
			b -= n
		} else if b >= n {
			break
		}
		a <<= 1
		b <<= 1
	}
	return result
}

// mergeAt merges the runs at stack indices i and i+1.
func (s *sorter) mergeAt(i int) error {
	pa, na := s.runs[i].base, s.runs[i].len
	pb, nb := s.runs[i+1].base, s.runs[i+1].len
	s.runs[i].len = na + nb
	if i == len(s.runs)-3 {
		s.runs[i+1] = s.runs[i+2]
	}
	s.runs = s.runs[:len(s.runs)-1]

	// Elements of a before where b's first belongs are already in place.
	k, err := s.gallopRight(&s.a[pb], s.a[pa:pa+na], 0)
	if err != nil {
		return err
	}
	pa += k
	na -= k
	if na == 0 {
		return nil
	}
	// So are elements of b after where a's last belongs.
	nb, err = s.gallopLeft(&s.a[pa+na-1], s.a[pb:pb+nb], nb-1)
	if err != nil || nb == 0 {
		return err
	}
	if na <= nb {
		return s.mergeLo(pa, na, pb, nb)
	}
	return s.mergeHi(pa, na, pb, nb)
}

// gallopLeft returns the index where key belongs in the sorted a, left of any equal
// elements, searching outward from hint.
func (s *sorter) gallopLeft(key *sortEntry, a []sortEntry, hint int) (int, error) {
	lastofs, ofs := 0, 1
	lt, err := s.less(&a[hint], key)
	if err != nil {
		return 0, err
	}
	if lt {
		// a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs].
		maxofs := len(a) - hint
		for ofs < maxofs {
			lt, err := s.less(&a[hint+ofs], key)
			if err != nil {
				return 0, err
			}
			if !lt {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs += hint
		ofs += hint
	} else {
		// key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs].
		maxofs := hint + 1
		for ofs < maxofs {
			lt, err := s.less(&a[hint-ofs], key)
			if err != nil {
				return 0, err
			}
			if lt {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs, ofs = hint-ofs, hint-lastofs
	}
	// Now a[lastofs] < key <= a[ofs]: binary search in between.
	lastofs++
	for lastofs < ofs {
		m := lastofs + (ofs-lastofs)>>1
		lt, err := s.less(&a[m], key)
		if err != nil {
			return 0, err
		}
		if lt {
			lastofs = m + 1
		} else {
			ofs = m
		}
	}
	return ofs, nil
}

// gallopRight is gallopLeft placing key right of any equal elements.
func (s *sorter) gallopRight(key *sortEntry, a []sortEntry, hint int) (int, error) {
	lastofs, ofs := 0, 1
	lt, err := s.less(key, &a[hint])
	if err != nil {
		return 0, err
	}
	if lt {
		// key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs].
		maxofs := hint + 1
		for ofs < maxofs {
			lt, err := s.less(key, &a[hint-ofs])
			if err != nil {
				return 0, err
			}
			if !lt {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs, ofs = hint-ofs, hint-lastofs
	} else {
		// a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs].
		maxofs := len(a) - hint
		for ofs < maxofs {
			lt, err := s.less(key, &a[hint+ofs])
			if err != nil {
				return 0, err
			}
			if lt {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs += hint
		ofs += hint
	}
	// Now a[lastofs] <= key < a[ofs]: binary search in between.
	lastofs++
	for lastofs < ofs {
		m := lastofs + (ofs-lastofs)>>1
		lt, err := s.less(key, &a[m])
		if err != nil {
			return 0, err
		}
		if lt {
			ofs = m
		} else {
			lastofs = m + 1
		}
	}
	return ofs, nil
}

// mergeLo merges the adjacent runs a[pa:pa+na] and a[pb:pb+nb] (na <= nb) left to right,
// with the first run copied aside. On error the elements still aside are put back, so the
// array always holds every element.
func (s *sorter) mergeLo(pa, na, pb, nb int) error {
	a := s.a
	s.tmp = append(s.tmp[:0], a[pa:pa+na]...)
	t := s.tmp
	dest, ta := pa, 0
	minGallop := s.minGallop
	var (
		k   int
		lt  bool
		err error
	)

	a[dest] = a[pb]
	dest, pb, nb = dest+1, pb+1, nb-1
	if nb == 0 {
		goto done
	}
	if na == 1 {
		goto copyB
	}
	for {
		acount, bcount := 0, 0 // how many times in a row each run won
		for {
			if lt, err = s.less(&a[pb], &t[ta]); err != nil {
				goto done
			}
			if lt {
				a[dest] = a[pb]
				dest, pb, nb = dest+1, pb+1, nb-1
				bcount, acount = bcount+1, 0
				if nb == 0 {
					goto done
				}
				if bcount >= minGallop {
					break
				}
			} else {
				a[dest] = t[ta]
				dest, ta, na = dest+1, ta+1, na-1
				acount, bcount = acount+1, 0
				if na == 1 {
					goto copyB
				}
				if acount >= minGallop {
					break
				}
			}
		}
		// One run is winning consistently: gallop until neither is.
		minGallop++
		for {
			if minGallop > 1 {
				minGallop--
			}
			s.minGallop = minGallop
			if k, err = s.gallopRight(&a[pb], t[ta:ta+na], 0); err != nil {
				goto done
			}
			acount = k
			if k > 0 {
				copy(a[dest:dest+k], t[ta:ta+k])
				dest, ta, na = dest+k, ta+k, na-k
				if na == 1 {
					goto copyB
				}
				if na == 0 { // only with an inconsistent comparison
					goto done
				}
			}
			a[dest] = a[pb]
			dest, pb, nb = dest+1, pb+1, nb-1
			if nb == 0 {
				goto done
			}
			if k, err = s.gallopLeft(&t[ta], a[pb:pb+nb], 0); err != nil {
				goto done
			}
			bcount = k
			if k > 0 {
				copy(a[dest:dest+k], a[pb:pb+k])
				dest, pb, nb = dest+k, pb+k, nb-k
				if nb == 0 {
					goto done
				}
			}
			a[dest] = t[ta]
			dest, ta, na = dest+1, ta+1, na-1
			if na == 1 {
				goto copyB
			}
			if acount < minGallopInit && bcount < minGallopInit {
				break
			}
		}
		minGallop++ // penalize leaving galloping mode
		s.minGallop = minGallop
	}
done:
	copy(a[dest:dest+na], t[ta:ta+na])
	return err
copyB:
	// The last element of the first run belongs after the rest of the second.
	copy(a[dest:dest+nb], a[pb:pb+nb])
	a[dest+nb] = t[ta]
	return nil
}

// mergeHi is mergeLo for na > nb: it merges right to left, with the second run copied aside.
func (s *sorter) mergeHi(pa, na, pb, nb int) error {
	a := s.a
	s.tmp = append(s.tmp[:0], a[pb:pb+nb]...)
	t := s.tmp
	base := pa
	dest, ia, tb := pb+nb-1, pa+na-1, nb-1 // last slot, last of the first run, last aside
	minGallop := s.minGallop
	var (
		k   int
		lt  bool
		err error
	)

	a[dest] = a[ia]
	dest, ia, na = dest-1, ia-1, na-1
	if na == 0 {
		goto done
	}
	if nb == 1 {
		goto copyA
	}
	for {
		acount, bcount := 0, 0
		for {
			if lt, err = s.less(&t[tb], &a[ia]); err != nil {
				goto done
			}
			if lt {
				a[dest] = a[ia]
				dest, ia, na = dest-1, ia-1, na-1
				acount, bcount = acount+1, 0
				if na == 0 {
					goto done
				}
				if acount >= minGallop {
					break
				}
			} else {
				a[dest] = t[tb]
				dest, tb, nb = dest-1, tb-1, nb-1
				bcount, acount = bcount+1, 0
				if nb == 1 {
					goto copyA
				}
				if bcount >= minGallop {
					break
				}
			}
		}
		minGallop++
		for {
			if minGallop > 1 {
				minGallop--
			}
			s.minGallop = minGallop
			if k, err = s.gallopRight(&t[tb], a[base:base+na], na-1); err != nil {
				goto done
			}
			k = na - k
			acount = k
			if k > 0 {
				dest, ia = dest-k, ia-k
				copy(a[dest+1:dest+1+k], a[ia+1:ia+1+k])
				na -= k
				if na == 0 {
					goto done
				}
			}
			a[dest] = t[tb]
			dest, tb, nb = dest-1, tb-1, nb-1
			if nb == 1 {
				goto copyA
			}
			if k, err = s.gallopLeft(&a[ia], t[:nb], nb-1); err != nil {
				goto done
			}
			k = nb - k
			bcount = k
			if k > 0 {
				dest, tb = dest-k, tb-k
				copy(a[dest+1:dest+1+k], t[tb+1:tb+1+k])
				nb -= k
				if nb == 1 {
					goto copyA
				}
				if nb == 0 { // only with an inconsistent comparison
					goto done
				}
			}
			a[dest] = a[ia]
			dest, ia, na = dest-1, ia-1, na-1
			if na == 0 {
				goto done
			}
			if acount < minGallopInit && bcount < minGallopInit {
				break
			}
		}
		minGallop++
		s.minGallop = minGallop
	}
done:
	copy(a[dest-nb+1:dest+1], t[:nb])
	return err
copyA:
	// The first element of the second run belongs before the rest of the first.
	dest, ia = dest-na, ia-na
	copy(a[dest+1:dest+1+na], a[ia+1:ia+1+na])
	a[dest] = t[tb]
	return nil
}
