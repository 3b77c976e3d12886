package runtime

// Deque is a FIFO ring buffer: the loop's ready queue, and the waiter and item queues of
// asyncio's locks and queues. Pushing and popping at either end is O(1) and never shifts
// the elements, which matters when a hundred thousand tasks wait on one Event.
type Deque[T any] struct {
	buf  []T
	head int
	n    int
}

// Len returns the number of elements.
func (d *Deque[T]) Len() int { return d.n }

// PushBack appends x.
func (d *Deque[T]) PushBack(x T) {
	if d.n == len(d.buf) {
		d.grow()
	}
	d.buf[(d.head+d.n)&(len(d.buf)-1)] = x
	d.n++
}

// PushFront prepends x.
func (d *Deque[T]) PushFront(x T) {
	if d.n == len(d.buf) {
		d.grow()
	}
	d.head = (d.head - 1) & (len(d.buf) - 1)
	d.buf[d.head] = x
	d.n++
}

// PopFront removes and returns the first element; the deque must not be empty.
func (d *Deque[T]) PopFront() T {
	var zero T
	x := d.buf[d.head]
	d.buf[d.head] = zero // drop the reference for the collector
	d.head = (d.head + 1) & (len(d.buf) - 1)
	d.n--
	return x
}

// PopBack removes and returns the last element; the deque must not be empty.
func (d *Deque[T]) PopBack() T {
	var zero T
	i := (d.head + d.n - 1) & (len(d.buf) - 1)
	x := d.buf[i]
	d.buf[i] = zero
	d.n--
	return x
}

// At returns the i'th element from the front.
func (d *Deque[T]) At(i int) T { return d.buf[(d.head+i)&(len(d.buf)-1)] }

// RemoveAt deletes the i'th element, shifting the shorter side.
func (d *Deque[T]) RemoveAt(i int) {
	mask := len(d.buf) - 1
	if i < d.n/2 {
		for j := i; j > 0; j-- {
			d.buf[(d.head+j)&mask] = d.buf[(d.head+j-1)&mask]
		}
		d.PopFront()
		return
	}
	for j := i; j < d.n-1; j++ {
		d.buf[(d.head+j)&mask] = d.buf[(d.head+j+1)&mask]
	}
	d.PopBack()
}

// Clear removes every element.
func (d *Deque[T]) Clear() { *d = Deque[T]{} }

// grow doubles the capacity (kept a power of two so that indexing is a mask).
func (d *Deque[T]) grow() {
	size := 2 * len(d.buf)
	if size == 0 {
		size = 8
	}
	buf := make([]T, size)
	for i := 0; i < d.n; i++ {
		buf[i] = d.At(i)
	}
	d.buf, d.head = buf, 0
}

// timerHeap is the loop's scheduled callbacks: a binary min-heap ordered by deadline, then
// by the order of scheduling, so that timers with equal deadlines fire in FIFO order (a
// deliberate difference: CPython's heapq leaves their order open). Each handle records its
// index so that the heap can be rebuilt without cancelled entries.
type timerHeap []*Handle

func (h timerHeap) less(i, j int) bool {
	a, b := h[i], h[j]
	return a.when < b.when || a.when == b.when && a.seq < b.seq
}

func (h *timerHeap) push(t *Handle) {
	*h = append(*h, t)
	h.up(len(*h) - 1)
}

func (h *timerHeap) pop() *Handle {
	old := *h
	n := len(old) - 1
	t := old[0]
	old[0] = old[n]
	old[n] = nil
	*h = old[:n]
	if n > 0 {
		h.down(0)
	}
	return t
}

func (h timerHeap) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(i, p) {
			return
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

func (h timerHeap) down(i int) {
	n := len(h)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && h.less(r, l) {
			m = r
		}
		if !h.less(m, i) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// prune drops the cancelled handles and restores the heap order.
func (h *timerHeap) prune() {
	kept := (*h)[:0]
	for _, t := range *h {
		if t.cancelled {
			t.scheduled = false
		} else {
			kept = append(kept, t)
		}
	}
	for i := len(kept); i < len(*h); i++ {
		(*h)[i] = nil
	}
	*h = kept
	for i := len(kept)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}
