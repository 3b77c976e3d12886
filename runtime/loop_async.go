package runtime

import (
	"io"
	"sync/atomic"
)

// AsyncState is a thread's asyncio state (Thread.Async): the loop running on it, the loop
// set_event_loop made current, the counter behind task names and the timeline trace.
type AsyncState struct {
	running     *Loop
	current     *Loop
	setCalled   bool // set_event_loop was called: get_event_loop no longer makes a loop
	taskCounter uint32
	trace       *Tracer
	clock       Clock // what loops made for the thread read; nil: the real clock

	// waking is the running loop, read by Thread.Interrupt from other goroutines.
	waking atomic.Pointer[Loop]
}

// RunningLoop returns the loop running on the thread, or nil.
func (a *AsyncState) RunningLoop() *Loop { return a.running }

// EventLoop returns the thread's current loop (set_event_loop's), or nil.
func (a *AsyncState) EventLoop() *Loop { return a.current }

// SetEventLoop makes l the thread's current loop; nil clears it.
func (a *AsyncState) SetEventLoop(l *Loop) {
	a.current = l
	a.setCalled = true
}

// SetClock sets the clock of the loops made for the thread from now on when their maker
// names none: a host running scripts in virtual time sets a *VirtualClock.
func (a *AsyncState) SetClock(c Clock) { a.clock = c }

// Clock returns the clock of the loops made for the thread: SetClock's, else the real one.
func (a *AsyncState) Clock() Clock {
	if a.clock == nil {
		return RealClock
	}
	return a.clock
}

// GetEventLoop is asyncio.get_event_loop(): the running loop, else the current loop, else
// (if set_event_loop was never called) a new loop made current, reading clock (nil: the
// thread's clock). CPython 3.11 warns when there is no running loop; Aio does not (a
// deliberate difference).
func (a *AsyncState) GetEventLoop(th *Thread, clock Clock) (*Loop, error) {
	if a.running != nil {
		return a.running, nil
	}
	if a.current == nil {
		if a.setCalled {
			return nil, Errorf(RuntimeErrorType, "There is no current event loop in thread 'MainThread'.")
		}
		a.current = NewLoop(th, clock)
	}
	return a.current, nil
}

// CurrentTask returns the task running on the thread's running loop, or nil.
func (a *AsyncState) CurrentTask() *Task {
	if a.running == nil {
		return nil
	}
	return a.running.current
}

func (a *AsyncState) setRunning(l *Loop) {
	a.running = l
	a.waking.Store(l)
}

// wake wakes the running loop so that it sees an interrupt; called by Thread.Interrupt.
func (a *AsyncState) wake() {
	if l := a.waking.Load(); l != nil {
		l.Wake()
	}
}

// StartTrace starts recording a task timeline of the loops that the thread makes from now on.
func (a *AsyncState) StartTrace() {
	if a.trace == nil {
		a.trace = newTracer()
	}
	if a.current != nil {
		a.current.trace = a.trace
	}
}

// WriteTrace writes the recorded timeline as Chrome trace-event JSON (for Perfetto or
// chrome://tracing).
func (a *AsyncState) WriteTrace(w io.Writer) error {
	if a.trace == nil {
		return nil
	}
	return a.trace.write(w)
}
