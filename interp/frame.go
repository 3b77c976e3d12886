package interp

import (
	rt "github.com/aio-lang/aio/runtime"
)

// frame is the activation of a code object. Frames of plain calls come from a per-depth
// pool and take their slots from the value stack, so a call allocates nothing; generator
// and coroutine frames are allocated on the heap because they outlive the call.
type frame struct {
	code      *code
	fn        *Function // nil for module and class bodies
	slots     []rt.Value
	globals   *rt.Dict
	free      []*rt.Cell
	classDict *rt.Dict // namespace of a class body being executed
	interp    *Interp
	th        *rt.Thread
	ret       rt.Value
	id        uint64     // unique per activation, marks the traceback entries it added
	gen       *generator // the generator or coroutine running this frame, if any
	back      *frame     // the caller's frame
	// errSpan is the innermost expression an exception came out of in this frame, kept
	// for its traceback entry (CPython 3.11's carets); trace consumes it.
	errSpan *rt.TraceSpan
}

// fail records sp as where err came from in this frame, unless an inner expression did.
func (fr *frame) fail(err error, sp *rt.TraceSpan) error {
	if fr.errSpan == nil {
		fr.errSpan = sp
	}
	return err
}

// ctl is how a statement finished, besides raising.
type ctl uint8

const (
	ctlNone ctl = iota
	ctlBreak
	ctlContinue
	ctlReturn
)

// valueStack hands out slot windows in chunks that never move, so a frame's slots stay
// valid while deeper calls allocate theirs.
type valueStack struct {
	chunks [][]rt.Value
	cur    int // current chunk
	sp     int // first free slot in the current chunk
}

const stackChunk = 1 << 15

type stackMark struct{ cur, sp int }

func newValueStack() valueStack {
	return valueStack{chunks: [][]rt.Value{make([]rt.Value, stackChunk)}}
}

func (s *valueStack) mark() stackMark { return stackMark{s.cur, s.sp} }

func (s *valueStack) release(m stackMark) { s.cur, s.sp = m.cur, m.sp }

// alloc returns n slots, zeroed.
func (s *valueStack) alloc(n int) []rt.Value {
	w := s.allocFrom(n, 0)
	clear(w)
	return w
}

// allocFrom returns n slots of which those from `from` on are zeroed, for a caller that
// fills the first ones at once.
func (s *valueStack) allocFrom(n, from int) []rt.Value {
	if s.sp+n > len(s.chunks[s.cur]) {
		s.nextChunk(n)
	}
	w := s.chunks[s.cur][s.sp : s.sp+n : s.sp+n]
	s.sp += n
	for i := from; i < n; i++ {
		w[i] = rt.Value{}
	}
	return w
}

// push appends one value, for building argument windows.
func (s *valueStack) push(v rt.Value) {
	c := s.chunks[s.cur]
	if s.sp == len(c) {
		s.nextChunk(1)
		c = s.chunks[s.cur]
	}
	c[s.sp] = v
	s.sp++
}

// window returns the n values pushed since the mark, moving them to a new chunk if they
// straddle two.
func (s *valueStack) window(m stackMark) []rt.Value {
	if m.cur == s.cur {
		return s.chunks[s.cur][m.sp:s.sp:s.sp]
	}
	// The pushes crossed into a new chunk: gather them at its start.
	old := s.chunks[m.cur][m.sp:]
	cur := s.chunks[s.cur][:s.sp]
	all := append(append([]rt.Value(nil), old...), cur...)
	copy(s.chunks[s.cur], all)
	s.sp = len(all)
	return s.chunks[s.cur][:s.sp:s.sp]
}

func (s *valueStack) nextChunk(n int) {
	s.cur++
	size := stackChunk
	if n > size {
		size = n
	}
	if s.cur == len(s.chunks) {
		s.chunks = append(s.chunks, make([]rt.Value, size))
	} else if len(s.chunks[s.cur]) < n {
		s.chunks[s.cur] = make([]rt.Value, size)
	}
	s.sp = 0
}

// extend grows the window w, which must end at the top of the stack, to n slots, zeroing
// the new ones. It reports false if the current chunk has no room.
func (s *valueStack) extend(w []rt.Value, n int) ([]rt.Value, bool) {
	c := s.chunks[s.cur]
	if len(w) == 0 || s.sp < len(w) || &c[s.sp-len(w)] != &w[0] {
		return nil, false
	}
	base := s.sp - len(w)
	if base+n > len(c) {
		return nil, false
	}
	out := c[base : base+n : base+n]
	clear(out[len(w):])
	s.sp = base + n
	return out, true
}
