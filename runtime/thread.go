package runtime

import (
	"io"
	"sync/atomic"
	"unsafe"
)

// Thread is the execution state of one interpreter. It is not safe for concurrent use: one
// goroutine runs it at a time.
type Thread struct {
	Stdout io.Writer
	Stderr io.Writer
	Stdin  io.Reader

	// RecursionLimit is sys.getrecursionlimit(); Depth counts active Python calls.
	RecursionLimit int
	Depth          int

	// Handling is the stack of exceptions being handled by except blocks: its top is what a
	// bare `raise` re-raises and what a new exception records as __context__.
	Handling []*Exception

	// Steps counts loop iterations and calls; when MaxSteps > 0 and Steps passes it the
	// interpreter raises. interrupt is set from other goroutines (Ctrl-C, context
	// cancellation) and polled at the same points.
	Steps     uint64
	MaxSteps  uint64
	interrupt atomic.Pointer[Exception]

	// Host is the embedding layer's per-thread state (package interp's).
	Host any

	// Async is the thread's asyncio state: its running and current event loops.
	Async AsyncState

	reprActive []Object    // containers whose repr is in progress, for [...] cycles
	tracebacks []Traceback // free traceback entries (see newTraceback)

	// bypass is the object whose Python override of a special method the next generic
	// operation on it skips (see override in subclass.go).
	bypass Object
}

// NewThread returns a thread writing to the given streams.
func NewThread(stdout, stderr io.Writer, stdin io.Reader) *Thread {
	return &Thread{
		Stdout:         stdout,
		Stderr:         stderr,
		Stdin:          stdin,
		RecursionLimit: 1000,
	}
}

// Interrupt asks the thread to raise exc at its next check point; safe from any goroutine.
// It also wakes the thread's event loop if it is waiting, so that it sees the request.
func (th *Thread) Interrupt(exc *Exception) {
	th.interrupt.Store(exc)
	th.Async.wake()
}

// Tick counts one step of a loop, a resumption or a long builtin. Every 1024 steps it
// delivers a pending interrupt and enforces MaxSteps, so that neither an infinite loop in
// Python code nor one inside a builtin consuming an endless iterator escapes the brakes.
func (th *Thread) Tick() error {
	th.Steps++
	if th.Steps&1023 != 0 {
		return nil
	}
	return th.brake()
}

// brake delivers a pending interrupt and enforces MaxSteps.
func (th *Thread) brake() error {
	if e := th.Pending(); e != nil {
		return e
	}
	if th.MaxSteps > 0 && th.Steps > th.MaxSteps {
		return Errorf(RuntimeErrorType, "step limit exceeded (%d steps)", th.MaxSteps)
	}
	return nil
}

// Charge counts n steps at once, for a builtin about to do the work of n loop iterations in
// one go (building a huge string, multiplying huge ints, skipping through an iterator), and
// checks the brakes as Tick does whenever the count crosses a multiple of 1024: so under
// MaxSteps such work fails before it starts instead of running for seconds.
func (th *Thread) Charge(n uint64) error {
	n = min(n, 1<<40) // no wrapping around, whatever the estimate
	before := th.Steps
	th.Steps += n
	if before>>10 == th.Steps>>10 {
		return nil
	}
	return th.brake()
}

// Pending returns and clears an interrupt request, or returns nil.
func (th *Thread) Pending() *Exception {
	if th.interrupt.Load() == nil {
		return nil
	}
	return th.interrupt.Swap(nil)
}

// CurrentException is the exception being handled, or nil.
func (th *Thread) CurrentException() *Exception {
	if n := len(th.Handling); n > 0 {
		return th.Handling[n-1]
	}
	return nil
}

// enterRepr guards recursive reprs; it reports false if o's repr is already in progress.
func (th *Thread) enterRepr(o Object) bool {
	for _, a := range th.reprActive {
		if a == o {
			return false
		}
	}
	th.reprActive = append(th.reprActive, o)
	return true
}

func (th *Thread) leaveRepr() { th.reprActive = th.reprActive[:len(th.reprActive)-1] }

// identity is the address of a heap object, stable because Go's collector does not move
// objects. It serves id() and identity hashes.
func identity(o Object) uintptr {
	return (*[2]uintptr)(unsafe.Pointer(&o))[1]
}

// ID returns id(v).
func ID(v Value) int64 {
	switch v.o.(type) {
	case noneTag:
		return 1
	case boolTag:
		return 2 + int64(v.n)
	case intTag:
		return int64(v.n<<2 | 1) // odd, unlike any object address
	case floatTag:
		return int64(v.n<<2 | 3)
	}
	return int64(identity(v.o))
}
