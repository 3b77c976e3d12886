package stdlib

import (
	rt "github.com/aio-lang/aio/runtime"
)

// asyncio.wait, wait_for and as_completed, as tasks.py of CPython 3.11 writes them.

// waitState is the state of asyncio.wait.
type waitState struct {
	fsArg, returnWhenArg rt.Value
	fs                   []rt.FutureLike
	timeout              rt.Value
	returnWhen           string
	waiter               *rt.Future
	handle               *rt.Handle
	counter              int
}

// waitCompletion is _wait's _on_completion.
type waitCompletion struct{ w *waitState }

func (waitCompletion) CallbackName() string { return "_wait.<locals>._on_completion()" }

func (c waitCompletion) RunCallback(th *rt.Thread, arg rt.Value) error {
	w := c.w
	f := arg.Object().(rt.FutureLike).AsFuture()
	w.counter--
	failed := false
	if w.returnWhen == "FIRST_EXCEPTION" && !f.Cancelled() {
		exc, _ := f.Exception()
		failed = exc != nil
	}
	if w.counter <= 0 || w.returnWhen == "FIRST_COMPLETED" || failed {
		if w.handle != nil {
			w.handle.Cancel()
		}
		if !w.waiter.Done() {
			w.waiter.SetResult(rt.None)
		}
	}
	return nil
}

var waitDef = rt.CoroDef[*waitState]{Name: "wait", Step: func(th *rt.Thread, c *rt.Coro[*waitState], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	w := c.S
	if c.PC == 0 {
		if err := w.start(th); err != nil {
			return rt.Value{}, false, err
		}
		l, err := runningLoop(th)
		if err != nil {
			return rt.Value{}, false, err
		}
		w.waiter = l.CreateFuture()
		if !w.timeout.IsNone() {
			d, ok := rt.AsFloat(w.timeout)
			if !ok {
				return rt.Value{}, false, rt.TypeErrorf("unsupported operand type(s) for +: 'float' and '%s'", typeName(w.timeout))
			}
			w.handle = l.CallLater(d, releaseWaiter{w.waiter}, rt.Value{})
		}
		w.counter = len(w.fs)
		for _, f := range w.fs {
			f.AsFuture().AddDoneCallback(waitCompletion{w})
		}
		c.PC = 1
		return c.Await(w.waiter)
	}
	if w.handle != nil {
		w.handle.Cancel()
	}
	for _, f := range w.fs {
		f.AsFuture().RemoveDoneCallback(waitCompletion{w})
	}
	if throw != nil {
		return rt.Value{}, false, throw
	}
	done, pending := rt.NewSet(), rt.NewSet()
	for _, f := range w.fs {
		s := pending
		if f.AsFuture().Done() {
			s = done
		}
		if err := s.Add(th, rt.Ref(f)); err != nil {
			return rt.Value{}, false, err
		}
	}
	return rt.NewTuple([]rt.Value{rt.Ref(done), rt.Ref(pending)}), true, nil
}}

// asyncioWait is asyncio.wait. Like CPython's async def, it checks its arguments when the
// coroutine starts, not when it is called.
func asyncioWait(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var fs, timeout, returnWhen rt.Value
	timeout, returnWhen = rt.None, str("ALL_COMPLETED")
	if err := rt.UnpackArgs("wait", args, kw, "fs", &fs, "timeout?", &timeout, "return_when?", &returnWhen); err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(rt.NewCoro(&waitDef, &waitState{fsArg: fs, timeout: timeout, returnWhenArg: returnWhen})), nil
}

// start checks wait's arguments and collects the futures, each once.
func (w *waitState) start(th *rt.Thread) error {
	fs := w.fsArg
	if _, ok := fs.Object().(rt.FutureLike); ok || rt.IsCoroutine(fs) {
		return rt.TypeErrorf("expect a list of futures, not %s", typeName(fs))
	}
	items, err := rt.ToSlice(th, fs)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return rt.ValueErrorf("Set of Tasks/Futures is empty.")
	}
	rw, _ := rt.AsStr(w.returnWhenArg)
	if rw != "FIRST_COMPLETED" && rw != "FIRST_EXCEPTION" && rw != "ALL_COMPLETED" {
		return rt.ValueErrorf("Invalid return_when value: %s", rt.StrOrPlaceholder(th, w.returnWhenArg))
	}
	w.returnWhen = rw
	var seen map[rt.Object]int
	if len(items) > 8 {
		seen = make(map[rt.Object]int, len(items))
	}
	for i, x := range items {
		if rt.IsCoroutine(x) {
			return rt.TypeErrorf("Passing coroutines is forbidden, use tasks explicitly.")
		}
		f, ok := x.Object().(rt.FutureLike)
		if !ok {
			return rt.AttributeErrorf("'%s' object has no attribute 'add_done_callback'", typeName(x))
		}
		if _, dup := findArg(items[:i], x, seen); !dup {
			if seen != nil {
				seen[x.Object()] = i
			}
			w.fs = append(w.fs, f)
		}
	}
	return nil
}

// waitForState is the state of asyncio.wait_for.
type waitForState struct {
	aw, timeout rt.Value
	loop        *rt.Loop
	fut         rt.FutureLike
	waiter      *rt.Future // released by the timer or by fut
	handle      *rt.Handle
	cancelling  *rt.Future    // _cancel_and_wait's waiter
	reraise     *rt.Exception // the CancelledError to raise once fut is cancelled
}

// The resume points of wait_for.
const (
	waitForStart      = iota
	waitForPlain      // no timeout: awaiting the awaitable itself
	waitForWaiting    // awaiting the waiter
	waitForCancelling // awaiting the cancellation of fut (_cancel_and_wait)
)

var waitForDef = rt.CoroDef[*waitForState]{Name: "wait_for", Step: func(th *rt.Thread, c *rt.Coro[*waitForState], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	w := c.S
	switch c.PC {
	case waitForStart:
		l, err := runningLoop(th)
		if err != nil {
			return rt.Value{}, false, err
		}
		w.loop = l
		if w.timeout.IsNone() {
			r, err := rt.GetAwaitable(th, w.aw)
			if err != nil {
				return rt.Value{}, false, err
			}
			c.PC = waitForPlain
			return c.Await(r)
		}
		d, ok := rt.AsFloat(w.timeout)
		if !ok {
			return rt.Value{}, false, rt.TypeErrorf("'<=' not supported between instances of '%s' and 'int'", typeName(w.timeout))
		}
		if d <= 0 {
			if w.fut, err = rt.EnsureFuture(th, l, w.aw); err != nil {
				return rt.Value{}, false, err
			}
			if w.fut.AsFuture().Done() {
				v, err := w.fut.AsFuture().Result()
				return v, err == nil, err
			}
			return w.cancelAndWait(c)
		}
		w.waiter = l.CreateFuture()
		w.handle = l.CallLater(d, releaseWaiter{w.waiter}, rt.Value{})
		if w.fut, err = rt.EnsureFuture(th, l, w.aw); err != nil {
			w.handle.Cancel()
			return rt.Value{}, false, err
		}
		w.fut.AsFuture().AddDoneCallback(releaseWaiter{w.waiter})
		c.PC = waitForWaiting
		return c.Await(w.waiter)
	case waitForPlain:
		if throw != nil {
			return rt.Value{}, false, throw
		}
		return send, true, nil
	case waitForWaiting:
		f := w.fut.AsFuture()
		if throw != nil && !throw.Matches(rt.CancelledErrorType) {
			w.handle.Cancel()
			return rt.Value{}, false, throw
		}
		if f.Done() {
			w.handle.Cancel()
			v, err := f.Result()
			return v, err == nil, err
		}
		f.RemoveDoneCallback(releaseWaiter{w.waiter})
		w.reraise = throw // nil when the timeout expired
		return w.cancelAndWait(c)
	}
	// waitForCancelling
	w.fut.AsFuture().RemoveDoneCallback(releaseWaiter{w.cancelling})
	if w.handle != nil {
		w.handle.Cancel()
	}
	if throw != nil {
		return rt.Value{}, false, throw
	}
	if w.reraise != nil {
		return rt.Value{}, false, w.reraise
	}
	v, err := w.fut.AsFuture().Result()
	if err != nil {
		if e := rt.AsException(err); e.Matches(rt.CancelledErrorType) {
			return rt.Value{}, false, raiseFrom(rt.NewException(rt.TimeoutErrorType), e)
		}
		return rt.Value{}, false, err
	}
	return v, true, nil
}}

// cancelAndWait is tasks._cancel_and_wait: cancel fut and wait until it is done.
func (w *waitForState) cancelAndWait(c *rt.Coro[*waitForState]) (rt.Value, bool, error) {
	w.cancelling = w.loop.CreateFuture()
	f := w.fut.AsFuture()
	f.AddDoneCallback(releaseWaiter{w.cancelling})
	w.fut.Cancel(rt.None)
	c.PC = waitForCancelling
	return c.Await(w.cancelling)
}

// raiseFrom is `raise exc from cause` inside a handler of cause.
func raiseFrom(exc, cause *rt.Exception) *rt.Exception {
	exc.Cause, exc.Context, exc.SuppressContext = cause, cause, true
	return exc
}

func asyncioWaitFor(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var aw, timeout rt.Value
	if err := rt.UnpackArgs("wait_for", args, kw, "fut", &aw, "timeout", &timeout); err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(rt.NewCoro(&waitForDef, &waitForState{aw: aw, timeout: timeout})), nil
}

// asCompleted is the generator that asyncio.as_completed returns. Like CPython's, it does
// its work when first advanced: the futures are wrapped and watched then, and each step
// yields a coroutine that waits for the next one to complete.
type asCompleted struct {
	fs, timeout rt.Value
	started     bool
	todo        map[rt.FutureLike]struct{}
	order       []rt.FutureLike // todo in the order of the arguments
	done        *queueObject
	handle      *rt.Handle
	remaining   int
}

var asCompletedType = func() *rt.Class {
	c := newIterType("builtins", "generator")
	rt.RegisterRepr(c, func(_ *rt.Thread, v rt.Value) (string, error) {
		return "<generator object as_completed at " + rt.HexID(v) + ">", nil
	})
	return c
}()

func (a *asCompleted) Type() *rt.Class { return asCompletedType }

func asyncioAsCompleted(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	a := &asCompleted{timeout: rt.None}
	if err := rt.UnpackArgs("as_completed", args, kw, "fs", &a.fs, "timeout?", &a.timeout); err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(a), nil
}

// Next yields the coroutine that waits for the next future to complete.
func (a *asCompleted) Next(th *rt.Thread) (rt.Value, bool, error) {
	if !a.started {
		a.started = true
		if err := a.start(th); err != nil {
			return rt.Value{}, false, err
		}
	}
	if a.remaining == 0 {
		return rt.Value{}, false, nil
	}
	a.remaining--
	return rt.Ref(rt.NewCoro(&waitForOneDef, a)), true, nil
}

func (a *asCompleted) start(th *rt.Thread) error {
	if _, ok := a.fs.Object().(rt.FutureLike); ok || rt.IsCoroutine(a.fs) {
		return rt.TypeErrorf("expect an iterable of futures, not %s", typeName(a.fs))
	}
	l, err := th.Async.GetEventLoop(th, nil)
	if err != nil {
		return err
	}
	items, err := rt.ToSlice(th, a.fs)
	if err != nil {
		return err
	}
	a.done = newQueueObject(queueType, fifoQueue, 0)
	a.todo = make(map[rt.FutureLike]struct{}, len(items))
	seen := make(map[rt.Object]bool, len(items))
	for _, x := range items {
		if seen[x.Object()] {
			continue
		}
		seen[x.Object()] = true
		f, err := rt.EnsureFuture(th, l, x)
		if err != nil {
			return err
		}
		a.todo[f] = struct{}{}
		a.order = append(a.order, f)
	}
	for _, f := range a.order {
		f.AsFuture().AddDoneCallback(asCompletedDone{a})
	}
	if len(a.order) > 0 && !a.timeout.IsNone() {
		d, ok := rt.AsFloat(a.timeout)
		if !ok {
			return rt.TypeErrorf("unsupported operand type(s) for +: 'float' and '%s'", typeName(a.timeout))
		}
		a.handle = l.CallLater(d, asCompletedTimeout{a}, rt.Value{})
	}
	a.remaining = len(a.order)
	return nil
}

// asCompletedDone is as_completed's _on_completion.
type asCompletedDone struct{ a *asCompleted }

func (asCompletedDone) CallbackName() string { return "as_completed.<locals>._on_completion()" }

func (d asCompletedDone) RunCallback(th *rt.Thread, arg rt.Value) error {
	a := d.a
	if len(a.todo) == 0 {
		return nil // the timeout was here first
	}
	f := arg.Object().(rt.FutureLike)
	delete(a.todo, f)
	a.done.putNowait(th, arg)
	if len(a.todo) == 0 && a.handle != nil {
		a.handle.Cancel()
	}
	return nil
}

// asCompletedTimeout is as_completed's _on_timeout.
type asCompletedTimeout struct{ a *asCompleted }

func (asCompletedTimeout) CallbackName() string { return "as_completed.<locals>._on_timeout()" }

func (t asCompletedTimeout) RunCallback(th *rt.Thread, _ rt.Value) error {
	a := t.a
	for _, f := range a.order {
		if _, ok := a.todo[f]; ok {
			f.AsFuture().RemoveDoneCallback(asCompletedDone{a})
			a.done.putNowait(th, rt.None)
		}
	}
	clear(a.todo)
	return nil
}

// waitForOneDef is as_completed's _wait_for_one.
var waitForOneDef = rt.CoroDef[*asCompleted]{Name: "as_completed.<locals>._wait_for_one", Step: func(th *rt.Thread, c *rt.Coro[*asCompleted], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	if c.PC == 0 {
		c.PC = 1
		return c.Await(c.S.done.getCoro())
	}
	if throw != nil {
		return rt.Value{}, false, throw
	}
	if send.IsNone() {
		return rt.Value{}, false, rt.NewException(rt.TimeoutErrorType)
	}
	v, err := send.Object().(rt.FutureLike).AsFuture().Result()
	return v, err == nil, err
}}
