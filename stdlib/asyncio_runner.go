package stdlib

import (
	rt "github.com/aio-lang/aio/runtime"
)

// asyncio.run and asyncio.Runner, as runners.py of CPython 3.11 writes them: a new loop
// runs the coroutine as the main task; closing the runner cancels the tasks still pending
// and runs them out (their finally blocks run), then closes the loop.
//
// CPython's Runner installs a SIGINT handler: Ctrl-C cancels the main task, and once that
// has finished cancelled, run raises KeyboardInterrupt; a second Ctrl-C raises at once.
// Here the same goes for any interrupt of the thread (Ctrl-C, a cancelled context) that
// the loop sees while it waits.

type runnerState uint8

const (
	runnerCreated runnerState = iota
	runnerInitialized
	runnerClosed
)

type runner struct {
	clock        rt.Clock
	debug        rt.Value
	state        runnerState
	loop         *rt.Loop
	setEventLoop bool
}

var runnerType = newType("asyncio.runners", "Runner", newRunner, map[string]method{
	"run": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		var coro, ctx rt.Value
		if err := rt.UnpackArgs("run", args, kw, "coro", &coro, "context?", &ctx); err != nil {
			return rt.Value{}, err
		}
		return self.Object().(*runner).run(th, coro, "Runner.run()")
	},
	"close": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.None, self.Object().(*runner).close(th)
	},
	"get_loop": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		r := self.Object().(*runner)
		if err := r.lazyInit(th); err != nil {
			return rt.Value{}, err
		}
		return rt.Ref(r.loop), nil
	},
	"__enter__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return self, self.Object().(*runner).lazyInit(th)
	},
	"__exit__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.None, self.Object().(*runner).close(th)
	},
})

func (r *runner) Type() *rt.Class { return runnerType }

// newRunner makes a Runner, whose loop reads the thread's clock (see
// runtime.AsyncState.SetClock).
func newRunner(th *rt.Thread, cls *rt.Class, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	if len(args) > 0 {
		return rt.Value{}, rt.TypeErrorf("Runner.__init__() takes 1 positional argument but %d were given", len(args)+1)
	}
	var debug, factory rt.Value
	if err := rt.UnpackArgs("Runner", nil, kw, "debug?", &debug, "loop_factory?", &factory); err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(&runner{debug: debug}), nil
}

func (r *runner) lazyInit(th *rt.Thread) error {
	switch r.state {
	case runnerClosed:
		return rt.Errorf(rt.RuntimeErrorType, "Runner is closed")
	case runnerInitialized:
		return nil
	}
	r.loop = rt.NewLoop(th, r.clock)
	if !r.setEventLoop {
		th.Async.SetEventLoop(r.loop)
		r.setEventLoop = true
	}
	if r.debug.IsValid() && !r.debug.IsNone() {
		on, err := rt.Truth(th, r.debug)
		if err != nil {
			return err
		}
		if _, err := rt.CallMethodValue(th, rt.LoopType.Lookup("set_debug"), rt.Ref(r.loop), []rt.Value{rt.Bool(on)}); err != nil {
			return err
		}
	}
	r.state = runnerInitialized
	return nil
}

// run runs coro as the main task until it completes.
func (r *runner) run(th *rt.Thread, coro rt.Value, who string) (rt.Value, error) {
	if !rt.IsCoroutine(coro) {
		return rt.Value{}, rt.ValueErrorf("a coroutine was expected, got %s", rt.ReprOrPlaceholder(th, coro))
	}
	if th.Async.RunningLoop() != nil {
		return rt.Value{}, rt.Errorf(rt.RuntimeErrorType, "%s cannot be called from a running event loop", who)
	}
	if err := r.lazyInit(th); err != nil {
		return rt.Value{}, err
	}
	l := r.loop
	task, err := l.NewTask(th, coro, rt.Value{})
	if err != nil {
		return rt.Value{}, err
	}
	var interrupt *rt.Exception
	l.SetInterruptHandler(func(exc *rt.Exception) error {
		if interrupt == nil && !task.Done() {
			interrupt = exc
			task.Cancel(rt.None)
			return nil
		}
		return exc
	})
	v, err := l.RunUntilComplete(th, rt.Ref(task))
	l.SetInterruptHandler(nil)
	if err != nil && interrupt != nil {
		if e := rt.AsException(err); e.Matches(rt.CancelledErrorType) && task.Uncancel() == 0 {
			interrupt.Context = e
			err = interrupt
		}
	}
	return v, err
}

// close is Runner.close: cancel what is left, run it out, close the loop.
func (r *runner) close(th *rt.Thread) error {
	if r.state != runnerInitialized {
		return nil
	}
	l := r.loop
	err := cancelAllTasks(th, l)
	if r.setEventLoop {
		th.Async.SetEventLoop(nil)
	}
	if cerr := l.Close(th); cerr != nil && err == nil {
		err = cerr
	}
	r.loop, r.state = nil, runnerClosed
	return err
}

// run is asyncio.run: `with Runner() as runner: return runner.run(main)`.
func (am *asyncioModule) run(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var coro, debug rt.Value
	if err := rt.UnpackArgs("run", args, kw, "main", &coro, "debug?", &debug); err != nil {
		return rt.Value{}, err
	}
	if th.Async.RunningLoop() != nil {
		return rt.Value{}, rt.Errorf(rt.RuntimeErrorType, "asyncio.run() cannot be called from a running event loop")
	}
	r := &runner{clock: am.clock, debug: debug}
	if err := r.lazyInit(th); err != nil {
		return rt.Value{}, err
	}
	v, err := r.run(th, coro, "Runner.run()")
	if cerr := r.close(th); cerr != nil {
		if err != nil {
			rt.AsException(cerr).Context = rt.AsException(err)
		}
		return rt.Value{}, cerr
	}
	return v, err
}

// cancelAllTasks is runners._cancel_all_tasks.
func cancelAllTasks(th *rt.Thread, l *rt.Loop) error {
	tasks := l.AllTasks()
	if len(tasks) == 0 {
		return nil
	}
	children := make([]rt.FutureLike, len(tasks))
	for i, t := range tasks {
		t.Cancel(rt.None)
		children[i] = t
	}
	if _, err := l.RunUntilComplete(th, rt.Ref(newGather(l, children, true))); err != nil {
		return err
	}
	for _, t := range tasks {
		if t.Cancelled() {
			continue
		}
		if exc, _ := t.Exception(); exc != nil {
			l.CallExceptionHandler(th, []rt.ReportItem{
				{Key: "message", Val: str("unhandled exception during asyncio.run() shutdown")},
				{Key: "exception", Val: rt.Ref(exc)},
				{Key: "task", Val: rt.Ref(t)},
			})
		}
	}
	return nil
}
