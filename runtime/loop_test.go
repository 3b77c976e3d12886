package runtime

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// The loop's ordering rules, with plain Go callbacks (see the comment on Loop).

func newTestLoop(virtual bool) (*Thread, *Loop) {
	th := NewThread(io.Discard, io.Discard, strings.NewReader(""))
	var c Clock
	if virtual {
		c = NewVirtualClock()
	}
	return th, NewLoop(th, c)
}

// recorder collects what callbacks log.
type recorder struct{ log []string }

func (r *recorder) cb(s string) Callback {
	return CallbackFunc(func(*Thread, Value) error {
		r.log = append(r.log, s)
		return nil
	})
}

func (r *recorder) String() string { return strings.Join(r.log, " ") }

func stopper(l *Loop) Callback {
	return CallbackFunc(func(*Thread, Value) error { l.Stop(); return nil })
}

func TestCallSoonFIFOAndIterationBoundary(t *testing.T) {
	th, l := newTestLoop(true)
	var r recorder
	l.CallSoon(r.cb("a"), Value{})
	l.CallSoon(CallbackFunc(func(*Thread, Value) error {
		r.log = append(r.log, "b")
		l.CallSoon(r.cb("b-child"), Value{}) // scheduled while draining: next iteration
		return nil
	}), Value{})
	l.CallSoon(r.cb("c"), Value{})
	l.CallSoon(stopper(l), Value{}) // stops after this iteration
	if err := l.RunForever(th); err != nil {
		t.Fatal(err)
	}
	if got, want := r.String(), "a b c"; got != want {
		t.Errorf("first iteration ran %q, want %q", got, want)
	}
	l.CallSoon(stopper(l), Value{})
	if err := l.RunForever(th); err != nil {
		t.Fatal(err)
	}
	if got, want := r.String(), "a b c b-child"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTimersFireInDeadlineThenSchedulingOrder(t *testing.T) {
	th, l := newTestLoop(true)
	var r recorder
	now := l.Time()
	l.CallAt(now+0.3, r.cb("t3"), Value{})
	l.CallAt(now+0.1, r.cb("t1a"), Value{})
	l.CallAt(now+0.2, r.cb("t2"), Value{})
	l.CallAt(now+0.1, r.cb("t1b"), Value{}) // same deadline: after t1a
	h := l.CallAt(now+0.15, r.cb("cancelled"), Value{})
	h.Cancel()
	l.CallAt(now+0.1, r.cb("t1c"), Value{})
	l.CallSoon(r.cb("soon"), Value{})
	l.CallAt(now+0.3, stopper(l), Value{})
	if err := l.RunForever(th); err != nil {
		t.Fatal(err)
	}
	if got, want := r.String(), "soon t1a t1b t1c t2 t3"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if d := l.Time() - now; d < 0.3 || d > 0.3001 {
		t.Errorf("virtual clock advanced %v, want 0.3", d)
	}
}

func TestDueTimerJoinsBackOfReadyQueue(t *testing.T) {
	th, l := newTestLoop(true)
	var r recorder
	l.CallLater(0, r.cb("timer"), Value{})
	l.CallSoon(r.cb("soon1"), Value{})
	l.CallSoon(r.cb("soon2"), Value{})
	l.CallSoon(stopper(l), Value{})
	if err := l.RunForever(th); err != nil {
		t.Fatal(err)
	}
	if got, want := r.String(), "soon1 soon2 timer"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestVirtualClockJumps(t *testing.T) {
	th, l := newTestLoop(true)
	start := time.Now()
	t0 := l.Time()
	l.CallLater(3600, stopper(l), Value{})
	if err := l.RunForever(th); err != nil {
		t.Fatal(err)
	}
	if time.Since(start) > time.Second {
		t.Errorf("an hour of virtual time took %v of real time", time.Since(start))
	}
	if d := l.Time() - t0; d < 3600 || d > 3600.001 {
		t.Errorf("loop time advanced %v, want 3600", d)
	}
}

func TestPruneCancelledTimers(t *testing.T) {
	th, l := newTestLoop(true)
	var r recorder
	var hs []*Handle
	for i := 0; i < 300; i++ {
		hs = append(hs, l.CallLater(float64(i+1), r.cb(fmt.Sprint(i)), Value{}))
	}
	for i, h := range hs {
		if i%10 != 0 {
			h.Cancel()
		}
	}
	l.CallLater(1000, stopper(l), Value{})
	if err := l.RunForever(th); err != nil {
		t.Fatal(err)
	}
	if len(r.log) != 30 || r.log[0] != "0" || r.log[29] != "290" {
		t.Errorf("ran %v", r.log)
	}
	if len(l.timers) != 0 || l.ncancelled != 0 {
		t.Errorf("after the run: %d timers, %d counted cancelled", len(l.timers), l.ncancelled)
	}
}

func TestCallSoonThreadsafeWakesIdleLoop(t *testing.T) {
	th, l := newTestLoop(false)
	go func() {
		time.Sleep(20 * time.Millisecond)
		l.CallSoonThreadsafe(func(*Thread) error { l.Stop(); return nil })
	}()
	done := make(chan error)
	go func() { done <- l.RunForever(th) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the loop did not wake up")
	}
	if err := l.Close(th); err != nil {
		t.Fatal(err)
	}
	if err := l.CallSoonThreadsafe(func(*Thread) error { return nil }); err != ErrLoopClosed {
		t.Errorf("CallSoonThreadsafe after close: %v", err)
	}
}

func TestInterruptWakesIdleLoop(t *testing.T) {
	for _, virtual := range []bool{false, true} {
		th, l := newTestLoop(virtual)
		go func() {
			time.Sleep(20 * time.Millisecond)
			th.Interrupt(NewException(KeyboardInterruptType))
		}()
		err := l.RunForever(th)
		if e, ok := err.(*Exception); !ok || !e.Matches(KeyboardInterruptType) {
			t.Errorf("virtual=%v: RunForever returned %v, want KeyboardInterrupt", virtual, err)
		}
		if l.IsRunning() || th.Async.RunningLoop() != nil {
			t.Errorf("virtual=%v: the loop still counts as running", virtual)
		}
	}
}

func TestRealClockTimer(t *testing.T) {
	th, l := newTestLoop(false)
	start := time.Now()
	l.CallLater(0.03, stopper(l), Value{})
	if err := l.RunForever(th); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 30*time.Millisecond {
		t.Errorf("a 30ms timer fired after %v", d)
	}
}

func TestKeyboardInterruptFromCallbackLeavesQueue(t *testing.T) {
	th, l := newTestLoop(true)
	var r recorder
	l.CallSoon(CallbackFunc(func(*Thread, Value) error { return NewException(KeyboardInterruptType) }), Value{})
	l.CallSoon(r.cb("after"), Value{})
	err := l.RunForever(th)
	if e, ok := err.(*Exception); !ok || !e.Matches(KeyboardInterruptType) {
		t.Fatalf("got %v", err)
	}
	if len(r.log) != 0 {
		t.Fatalf("callbacks after the interrupt ran: %v", r.log)
	}
	l.CallSoon(stopper(l), Value{})
	if err := l.RunForever(th); err != nil || r.String() != "after" {
		t.Errorf("second run: %v, %q", err, r.String())
	}
}

func TestCallbackErrorIsReported(t *testing.T) {
	var stderr strings.Builder
	th := NewThread(io.Discard, &stderr, strings.NewReader(""))
	l := NewLoop(th, NewVirtualClock())
	var r recorder
	l.CallSoon(CallbackFunc(func(*Thread, Value) error { return ValueErrorf("boom") }), Value{})
	l.CallSoon(r.cb("next"), Value{})
	l.CallSoon(stopper(l), Value{})
	if err := l.RunForever(th); err != nil {
		t.Fatal(err)
	}
	if r.String() != "next" || !strings.Contains(stderr.String(), "Exception in callback") ||
		!strings.Contains(stderr.String(), "ValueError: boom") {
		t.Errorf("log %q, stderr %q", r.String(), stderr.String())
	}
}

func TestDeque(t *testing.T) {
	var d Deque[int]
	for i := 0; i < 20; i++ {
		d.PushBack(i)
	}
	for i := 0; i < 15; i++ {
		if d.PopFront() != i {
			t.Fatal("FIFO order broken")
		}
	}
	for i := 20; i < 40; i++ { // wraps around the ring
		d.PushBack(i)
	}
	d.PushFront(14)
	d.RemoveAt(3)  // 17
	d.RemoveAt(20) // 35
	var got []int
	for d.Len() > 0 {
		got = append(got, d.PopFront())
	}
	want := "[14 15 16 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 36 37 38 39]"
	if fmt.Sprint(got) != want {
		t.Errorf("got %v", got)
	}
}

func TestGoCall(t *testing.T) {
	th, l := newTestLoop(true)
	// A Go call resolves its future; a virtual timer due meanwhile waits for it.
	var r recorder
	f := l.Go(func(ctx context.Context) (Value, error) {
		time.Sleep(20 * time.Millisecond)
		return NewStr("done"), nil
	})
	l.CallLater(1, r.cb("timer"), Value{})
	f.AddDoneCallback(r.cb("go"))
	l.CallLater(2, stopper(l), Value{})
	if err := l.RunForever(th); err != nil {
		t.Fatal(err)
	}
	if v, err := f.Result(); err != nil || ReprOrPlaceholder(th, v) != "'done'" || r.String() != "go timer" {
		t.Errorf("got %v, %v, log %q", v, err, r.String())
	}
	// Cancelling the future cancels the call's context.
	cancelled := make(chan bool, 1)
	g := l.Go(func(ctx context.Context) (Value, error) {
		select {
		case <-ctx.Done():
			cancelled <- true
		case <-time.After(5 * time.Second):
			cancelled <- false
		}
		return None, nil
	})
	l.CallSoon(CallbackFunc(func(*Thread, Value) error { g.Cancel(None); return nil }), Value{})
	l.CallLater(1, stopper(l), Value{})
	if err := l.RunForever(th); err != nil {
		t.Fatal(err)
	}
	if !<-cancelled {
		t.Error("the Go call's context was not cancelled")
	}
}
