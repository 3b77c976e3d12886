package runtime

import "context"

// Go runs fn on a goroutine of its own and returns a future on the loop that fn's result
// resolves: the way for a host to run blocking Go code (I/O, a call into a Go library)
// while the loop goes on. Cancelling the future (or the task awaiting it) cancels fn's
// context. fn must not touch the loop or the thread; the Value it returns must not be
// shared with running Python code until the future delivers it.
//
// Under a virtual clock, simulated time stands still while such calls are in flight: the
// loop waits for them rather than jumping to its next timer.
func (l *Loop) Go(fn func(ctx context.Context) (Value, error)) *Future {
	f := NewFuture(l)
	ctx, cancel := context.WithCancel(context.Background())
	f.AddDoneCallback(cancelContext{cancel})
	l.Hold()
	go func() {
		v, err := fn(ctx)
		_ = l.CallSoonThreadsafe(func(*Thread) error {
			if f.Done() {
				return nil // cancelled meanwhile
			}
			if err != nil {
				return f.SetException(AsException(err))
			}
			return f.SetResult(v)
		})
		l.Release()
	}()
	return f
}

// Hold tells the loop that work outside it is in flight (a Go call, a network read) whose
// completion will be posted with CallSoonThreadsafe: until the matching Release, a
// virtual clock does not jump to the next timer while the loop waits. Safe from any
// goroutine.
func (l *Loop) Hold() { l.inflight.Add(1) }

// Release ends a Hold.
func (l *Loop) Release() {
	l.inflight.Add(-1)
	l.Wake()
}

// cancelContext cancels a Go call's context when its future is done.
type cancelContext struct{ cancel context.CancelFunc }

func (c cancelContext) RunCallback(*Thread, Value) error {
	c.cancel()
	return nil
}

func (cancelContext) CallbackName() string { return "Loop.Go.<locals>.cancel()" }
