package runtime

import (
	"errors"
	"math"
	"sync"
	"sync/atomic"
	"time"
)

// Loop is an asyncio event loop, a clone of CPython's BaseEventLoop._run_once, because the
// order in which it runs callbacks decides what programs print:
//
//   - call_soon appends to one FIFO ready queue. An iteration runs exactly the callbacks that
//     were ready when it began; those scheduled meanwhile wait for the next iteration.
//   - call_later/call_at push a handle onto a heap ordered by (deadline, sequence). At the
//     start of each iteration the timers due by now+resolution move, in that order, to the
//     back of the ready queue: after the callbacks already there.
//   - Cancelled timers stay in the heap until they reach its top, or until they are more
//     than half of a large heap, when it is rebuilt.
//   - With nothing ready, the loop blocks until the next deadline, a callback posted from
//     another goroutine (CallSoonThreadsafe) or an interrupt of its thread. Under a virtual
//     clock it instead moves the clock to the next deadline.
//
// A loop runs on one goroutine, the one that calls RunForever or RunUntilComplete; only
// CallSoonThreadsafe and Wake may be called from others.
type Loop struct {
	async *AsyncState // the state of the thread that made the loop
	clock Clock
	jump  jumpClock // clock, when the loop may move it forward

	ready      Deque[readyEntry]
	timers     timerHeap
	ncancelled int    // cancelled handles still in timers
	seq        uint64 // scheduling order of timers

	running, stopping, closed bool
	debug                     bool

	current   *Task    // the task whose step is running, for current_task()
	tasks     taskList // pending tasks, for all_tasks()
	unhandled []*Future
	handler   Value // set_exception_handler's callable; invalid for the default
	trace     *Tracer

	// onInterrupt, when set (by asyncio.run), decides what an interrupt of the thread does
	// while the loop waits: it returns the error to raise out of the loop, or nil to go on.
	onInterrupt func(exc *Exception) error

	// The inbox of callbacks from other goroutines, and the channel that wakes a waiting
	// loop. Guarded by mu, except wake and the counter.
	mu          sync.Mutex
	inbox       []readyEntry
	inboxClosed bool
	inboxLen    atomic.Int32
	inflight    atomic.Int32 // Go calls still running (see Loop.Go)
	wake        chan struct{}
	timer       *time.Timer
}

// readyEntry is one callback in the ready queue: a Go callback and its argument. Python
// callbacks arrive as *Handle, which is itself a Callback.
type readyEntry struct {
	cb  Callback
	arg Value
}

// Callback is a callback of the loop written in Go; it runs with the argument it was
// scheduled with. Tasks, futures and the combinators schedule pointer-shaped Callback values
// (a struct holding one pointer), which Go stores in an interface without allocating, so the
// hot paths of the loop allocate nothing per callback.
type Callback interface {
	RunCallback(th *Thread, arg Value) error
}

// CallbackFunc adapts a Go function to Callback.
type CallbackFunc func(th *Thread, arg Value) error

// RunCallback calls f.
func (f CallbackFunc) RunCallback(th *Thread, arg Value) error { return f(th, arg) }

// clockResolution is CPython's time.get_clock_info('monotonic').resolution on Linux: timers
// due within it of now count as due.
const clockResolution = 1e-9

// minTimersToPrune is CPython's _MIN_SCHEDULED_TIMER_HANDLES: the heap is rebuilt without
// its cancelled handles only when it has more entries than this, over half cancelled.
const minTimersToPrune = 100

// ErrLoopClosed is returned by CallSoonThreadsafe after the loop is closed.
var ErrLoopClosed = errors.New("Event loop is closed")

// NewLoop makes an event loop for th that reads the given clock (nil: the thread's clock,
// see AsyncState.SetClock, else the real clock).
func NewLoop(th *Thread, clock Clock) *Loop {
	if clock == nil {
		clock = th.Async.clock
	}
	if clock == nil {
		clock = RealClock
	}
	l := &Loop{async: &th.Async, clock: clock, wake: make(chan struct{}, 1)}
	l.jump, _ = clock.(jumpClock)
	l.trace = th.Async.trace
	return l
}

// Type returns the loop's Python class.
func (l *Loop) Type() *Class { return LoopType }

// Clock returns the loop's clock.
func (l *Loop) Clock() Clock { return l.clock }

// Time returns loop.time(): the clock's monotonic time in seconds.
func (l *Loop) Time() float64 { return l.clock.Monotonic().Seconds() }

// IsRunning reports whether the loop is running.
func (l *Loop) IsRunning() bool { return l.running }

// IsClosed reports whether the loop has been closed.
func (l *Loop) IsClosed() bool { return l.closed }

// Stop makes the loop stop after the current iteration.
func (l *Loop) Stop() { l.stopping = true }

// CallSoon schedules cb(arg) for the next iteration.
func (l *Loop) CallSoon(cb Callback, arg Value) {
	l.ready.PushBack(readyEntry{cb, arg})
}

// CallSoonHandle schedules cb(arg) for the next iteration and returns a handle that can
// cancel it.
func (l *Loop) CallSoonHandle(cb Callback, arg Value) *Handle {
	h := &Handle{loop: l, cb: cb, arg: arg}
	l.CallSoon(h, Value{})
	return h
}

// callAt schedules h to run at loop time when; h must be a fresh timer handle.
func (l *Loop) callAt(h *Handle, when float64) *Handle {
	h.loop, h.when, h.timer, h.scheduled = l, when, true, true
	l.seq++
	h.seq = l.seq
	l.timers.push(h)
	return h
}

// CallAt schedules the Go callback cb(arg) at loop time when and returns its handle.
func (l *Loop) CallAt(when float64, cb Callback, arg Value) *Handle {
	return l.callAt(&Handle{cb: cb, arg: arg}, when)
}

// CallLater schedules the Go callback cb(arg) delay seconds from now.
func (l *Loop) CallLater(delay float64, cb Callback, arg Value) *Handle {
	return l.CallAt(l.Time()+delay, cb, arg)
}

// CallSoonThreadsafe posts fn to run on the loop; it may be called from any goroutine,
// and wakes the loop if it is waiting. It fails once the loop is closed.
func (l *Loop) CallSoonThreadsafe(fn func(th *Thread) error) error {
	l.mu.Lock()
	if l.inboxClosed {
		l.mu.Unlock()
		return ErrLoopClosed
	}
	l.inbox = append(l.inbox, readyEntry{cb: goFunc(fn)})
	l.inboxLen.Add(1)
	l.mu.Unlock()
	l.Wake()
	return nil
}

type goFunc func(th *Thread) error

func (f goFunc) RunCallback(th *Thread, _ Value) error { return f(th) }

// Wake makes a waiting loop look at its inbox and its thread's interrupt flag; it may be
// called from any goroutine.
func (l *Loop) Wake() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

func (l *Loop) drainInbox() {
	if l.inboxLen.Load() == 0 {
		return
	}
	l.mu.Lock()
	for _, e := range l.inbox {
		l.ready.PushBack(e)
	}
	clear(l.inbox)
	l.inbox = l.inbox[:0]
	l.inboxLen.Store(0)
	l.mu.Unlock()
}

// checkRunnable reports why the loop cannot start running on th, if it cannot.
func (l *Loop) checkRunnable() error {
	if l.closed {
		return Errorf(RuntimeErrorType, "Event loop is closed")
	}
	if l.running {
		return Errorf(RuntimeErrorType, "This event loop is already running")
	}
	if l.async.running != nil {
		return Errorf(RuntimeErrorType, "Cannot run the event loop while another loop is running")
	}
	return nil
}

// RunForever runs the loop until Stop is called. An error is a KeyboardInterrupt or
// SystemExit that escaped a callback, or an interrupt of the thread: the loop stops with its
// tasks as they were, and may be run again.
func (l *Loop) RunForever(th *Thread) error {
	if err := l.checkRunnable(); err != nil {
		return err
	}
	l.running = true
	l.async.setRunning(l)
	defer func() {
		l.stopping = false
		l.running = false
		l.async.setRunning(nil)
	}()
	for {
		if err := l.runOnce(th); err != nil {
			return err
		}
		if l.stopping {
			return nil
		}
	}
}

// RunUntilComplete runs the loop until the future (or the task wrapping the coroutine or
// awaitable) aw is done, and returns its result.
func (l *Loop) RunUntilComplete(th *Thread, aw Value) (Value, error) {
	if err := l.checkRunnable(); err != nil {
		return Value{}, err
	}
	_, isFuture := aw.o.(FutureLike)
	fo, err := EnsureFuture(th, l, aw)
	if err != nil {
		return Value{}, err
	}
	f := fo.AsFuture()
	f.AddDoneCallback(stopLoop{})
	err = l.RunForever(th)
	f.RemoveDoneCallback(stopLoop{})
	if err != nil {
		if !isFuture && f.state == futureFinished {
			f.logTB = false // the error escaping says enough
		}
		return Value{}, err
	}
	if f.state == futurePending {
		return Value{}, Errorf(RuntimeErrorType, "Event loop stopped before Future completed.")
	}
	return f.Result()
}

// stopLoop is run_until_complete's done callback: it stops the loop, unless the future
// failed with KeyboardInterrupt or SystemExit, which stopped it already.
type stopLoop struct{}

func (stopLoop) CallbackName() string { return "_run_until_complete_cb()" }

func (stopLoop) RunCallback(th *Thread, arg Value) error {
	f := asFuture(arg)
	if f.state == futureFinished && f.exc != nil {
		f.logTB = false
		if f.exc.Matches(KeyboardInterruptType) || f.exc.Matches(SystemExitType) {
			return nil
		}
	}
	f.loop.Stop()
	return nil
}

// Close closes the loop: pending callbacks are dropped, CallSoonThreadsafe fails from now
// on, and the exceptions of futures that nobody retrieved are reported on the thread's
// stderr (CPython reports them when the futures are garbage-collected).
func (l *Loop) Close(th *Thread) error {
	if l.running {
		return Errorf(RuntimeErrorType, "Cannot close a running event loop")
	}
	if l.closed {
		return nil
	}
	l.closed = true
	l.ready.Clear()
	for _, t := range l.timers {
		t.scheduled = false
	}
	l.timers, l.ncancelled = nil, 0
	l.mu.Lock()
	l.inboxClosed, l.inbox = true, nil
	l.mu.Unlock()
	l.reportUnretrieved(th)
	if l.async.current == l {
		l.async.current = nil
	}
	return nil
}

// runOnce is one iteration: see the comment on Loop.
func (l *Loop) runOnce(th *Thread) error {
	if len(l.timers) > minTimersToPrune && 2*l.ncancelled > len(l.timers) {
		l.timers.prune()
		l.ncancelled = 0
	} else {
		for len(l.timers) > 0 && l.timers[0].cancelled {
			l.timers.pop().scheduled = false
			l.ncancelled--
		}
	}
	if err := l.poll(th); err != nil {
		return err
	}
	end := l.Time() + clockResolution
	for len(l.timers) > 0 && l.timers[0].when < end {
		h := l.timers.pop()
		h.scheduled = false
		if h.cancelled {
			l.ncancelled--
			continue
		}
		l.ready.PushBack(readyEntry{cb: h})
	}
	for n := l.ready.Len(); n > 0; n-- {
		e := l.ready.PopFront()
		if err := e.cb.RunCallback(th, e.arg); err != nil {
			exc := AsException(err)
			if exc.Matches(KeyboardInterruptType) || exc.Matches(SystemExitType) {
				return exc
			}
			l.callbackFailed(th, e, exc)
		}
	}
	return nil
}

// poll takes in the callbacks posted from other goroutines and, when nothing is ready,
// waits for the next timer, a posted callback or an interrupt. An interrupt of the thread
// is raised here unless onInterrupt says otherwise.
func (l *Loop) poll(th *Thread) error {
	l.drainInbox()
	if l.ready.Len() == 0 && !l.stopping {
		l.wait()
		l.drainInbox()
	}
	if exc := th.Pending(); exc != nil {
		if l.onInterrupt != nil {
			return l.onInterrupt(exc)
		}
		return exc
	}
	return nil
}

// wait blocks until the first timer is due, something is posted or the thread is
// interrupted. Under a virtual clock it moves the clock to the first deadline instead.
func (l *Loop) wait() {
	timeout := time.Duration(-1)
	if len(l.timers) > 0 {
		when := l.timers[0].when
		if l.jump != nil {
			if l.inflight.Load() > 0 || !(when*1e9 < math.MaxInt64) {
				// Simulated time stands still while Go calls run, and cannot reach
				// a deadline at infinity: wait for something to happen.
				<-l.wake
				return
			}
			select {
			case <-l.wake: // something was posted or the thread interrupted: look first
			default:
				l.jump.AdvanceTo(time.Duration(math.Ceil(when * 1e9)))
			}
			return
		}
		d := when - l.Time()
		if d <= 0 {
			return
		}
		timeout = maxWait
		if d < maxWait.Seconds() {
			timeout = time.Duration(math.Ceil(d * 1e9))
		}
	}
	if timeout < 0 {
		<-l.wake
		return
	}
	if l.timer == nil {
		l.timer = time.NewTimer(timeout)
	} else {
		l.timer.Reset(timeout)
	}
	select {
	case <-l.wake:
		l.timer.Stop()
	case <-l.timer.C:
	}
}

// maxWait bounds one wait of the loop, as CPython's MAXIMUM_SELECT_TIMEOUT does: a timer a
// century away is waited for a day at a time.
const maxWait = 24 * time.Hour
