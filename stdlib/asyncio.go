package stdlib

import (
	rt "github.com/aio-lang/aio/runtime"
)

// The asyncio module: CPython 3.11's API over the event loop, futures and tasks of package
// runtime. The loop machinery (Loop, Future, Task, native coroutines) lives in runtime; this
// file and the asyncio_*.go files hold the module's functions and classes: running
// (asyncio.run and the loop getters), sleep and task creation here, the combinators (gather,
// wait, wait_for, as_completed, shield), the locks, the queues, timeout() and TaskGroup.
//
// Everything that waits is a native coroutine (runtime.Coro): calling it runs nothing, and
// awaiting it registers callbacks and suspends the task. No Go function here blocks.

// asyncioModule carries what the module's functions share: the clock of the loops it
// makes.
type asyncioModule struct {
	clock rt.Clock // nil: the thread's clock
	net   bool     // the network capability, for streams
}

func newAsyncio(opts *Options) *rt.Module {
	am := &asyncioModule{net: opts.Net}
	if opts.Clock != nil {
		am.clock = opts.Clock
	}
	m := newModule("asyncio", map[string]fn{
		"run":                 am.run,
		"get_event_loop":      am.getEventLoop,
		"new_event_loop":      am.newEventLoop,
		"set_event_loop":      asyncioSetEventLoop,
		"get_running_loop":    asyncioGetRunningLoop,
		"_get_running_loop":   asyncioGetRunningLoopOrNone,
		"sleep":               asyncioSleep,
		"create_task":         asyncioCreateTask,
		"ensure_future":       asyncioEnsureFuture,
		"current_task":        asyncioCurrentTask,
		"all_tasks":           asyncioAllTasks,
		"iscoroutine":         asyncioIsCoroutine,
		"iscoroutinefunction": asyncioIsCoroutineFunction,
		"isfuture":            asyncioIsFuture,
		"gather":              asyncioGather,
		"wait":                asyncioWait,
		"wait_for":            asyncioWaitFor,
		"as_completed":        asyncioAsCompleted,
		"shield":              asyncioShield,
		"timeout":             asyncioTimeout,
		"timeout_at":          asyncioTimeoutAt,
		"to_thread":           asyncioToThread,
		"open_connection":     am.openConnection,
		"start_server":        am.startServer,
	})
	d := m.Dict
	for _, c := range []*rt.Class{
		rt.FutureType, rt.TaskType, rt.HandleType, rt.TimerHandleType,
		rt.AbstractEventLoopType, rt.BaseEventLoopType,
		lockType, eventType, conditionType, semaphoreType, boundedSemaphoreType,
		queueType, priorityQueueType, lifoQueueType, timeoutType, taskGroupType, runnerType,
		streamReaderType, streamWriterType, serverType,
		rt.CancelledErrorType, rt.InvalidStateErrorType, rt.QueueEmptyType,
		rt.QueueFullType, rt.IncompleteReadErrorType, rt.LimitOverrunErrorType,
		rt.SendfileNotAvailableErrorType, rt.BrokenBarrierErrorType,
	} {
		d.SetStr(c.Name, rt.Ref(c))
	}
	d.SetStr("TimeoutError", rt.Ref(rt.TimeoutErrorType))
	for _, s := range []string{"FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"} {
		d.SetStr(s, str(s))
	}
	return m
}

// runningLoop is events.get_running_loop().
func runningLoop(th *rt.Thread) (*rt.Loop, error) {
	if l := th.Async.RunningLoop(); l != nil {
		return l, nil
	}
	return nil, rt.Errorf(rt.RuntimeErrorType, "no running event loop")
}

func (am *asyncioModule) getEventLoop(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	if err := rt.UnpackArgs("get_event_loop", args, kw); err != nil {
		return rt.Value{}, err
	}
	l, err := th.Async.GetEventLoop(th, am.clock)
	if err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(l), nil
}

func (am *asyncioModule) newEventLoop(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	if err := rt.UnpackArgs("new_event_loop", args, kw); err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(rt.NewLoop(th, am.clock)), nil
}

func asyncioSetEventLoop(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var lv rt.Value
	if err := rt.UnpackArgs("set_event_loop", args, kw, "loop", &lv); err != nil {
		return rt.Value{}, err
	}
	l, ok := lv.Object().(*rt.Loop)
	if !ok && !lv.IsNone() {
		return rt.Value{}, rt.TypeErrorf("loop must be an instance of AbstractEventLoop or None, not '%s'", typeName(lv))
	}
	th.Async.SetEventLoop(l)
	return rt.None, nil
}

func asyncioGetRunningLoop(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	if err := rt.UnpackArgs("get_running_loop", args, kw); err != nil {
		return rt.Value{}, err
	}
	l, err := runningLoop(th)
	if err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(l), nil
}

func asyncioGetRunningLoopOrNone(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	if l := th.Async.RunningLoop(); l != nil {
		return rt.Ref(l), nil
	}
	return rt.None, nil
}

// loopOrRunning returns the loop given as an optional argument, else the running loop.
func loopOrRunning(th *rt.Thread, lv rt.Value) (*rt.Loop, error) {
	if l, ok := lv.Object().(*rt.Loop); ok {
		return l, nil
	}
	return runningLoop(th)
}

type sleepState struct {
	delay  float64
	result rt.Value
	handle *rt.Handle
}

// sleepDef is asyncio.sleep: a timer that completes a future. A zero or negative delay is
// one bare yield instead, which costs the task exactly one loop iteration.
var sleepDef = rt.CoroDef[sleepState]{Name: "sleep", Step: func(th *rt.Thread, c *rt.Coro[sleepState], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	s := &c.S
	switch c.PC {
	case 0:
		if s.delay <= 0 {
			c.PC = 2
			return rt.None, false, nil
		}
		l, err := runningLoop(th)
		if err != nil {
			return rt.Value{}, false, err
		}
		f := l.CreateFuture()
		s.handle = l.CallLater(s.delay, setResultUnlessCancelled{f}, s.result)
		c.PC = 1
		return c.Await(f)
	case 1:
		s.handle.Cancel()
		if throw != nil {
			return rt.Value{}, false, throw
		}
		return send, true, nil
	}
	if throw != nil {
		return rt.Value{}, false, throw
	}
	return s.result, true, nil
}}

func asyncioSleep(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	delay, result, err := args2("sleep", args, kw, "delay", "result?", rt.None)
	if err != nil {
		return rt.Value{}, err
	}
	d, ok := rt.AsFloat(delay)
	if !ok {
		return rt.Value{}, rt.TypeErrorf("'<=' not supported between instances of '%s' and 'int'", typeName(delay))
	}
	return rt.Ref(rt.NewCoro(&sleepDef, sleepState{delay: d, result: result})), nil
}

// args2 binds the arguments of a function with two parameters (the second optional, with
// default def). Positional calls, the usual kind, take a fast path: the variables that
// UnpackArgs writes through escape to the heap, an allocation the hottest calls (sleep,
// create_task, Queue.put) should not pay.
func args2(fname string, args []rt.Value, kw []rt.Kwarg, p1, p2 string, def rt.Value) (rt.Value, rt.Value, error) {
	if len(kw) == 0 && len(args) == 1 {
		return args[0], def, nil
	}
	if len(kw) == 0 && len(args) == 2 {
		return args[0], args[1], nil
	}
	return unpackPair(fname, args, kw, p1, p2, def)
}

func unpackPair(fname string, args []rt.Value, kw []rt.Kwarg, p1, p2 string, def rt.Value) (rt.Value, rt.Value, error) {
	a, b := rt.Value{}, def
	err := rt.UnpackArgs(fname, args, kw, p1, &a, p2, &b)
	return a, b, err
}

// setResultUnlessCancelled is futures._set_result_unless_cancelled, sleep's timer callback.
type setResultUnlessCancelled struct{ f *rt.Future }

func (s setResultUnlessCancelled) RunCallback(th *rt.Thread, arg rt.Value) error {
	if !s.f.Cancelled() {
		return s.f.SetResult(arg)
	}
	return nil
}

func (setResultUnlessCancelled) CallbackName() string { return "_set_result_unless_cancelled()" }

// releaseWaiter is tasks._release_waiter: it completes the waiter future of wait and
// wait_for when a timer fires or a future is done.
type releaseWaiter struct{ f *rt.Future }

func (r releaseWaiter) RunCallback(th *rt.Thread, arg rt.Value) error {
	if !r.f.Done() {
		return r.f.SetResult(rt.None)
	}
	return nil
}

func (releaseWaiter) CallbackName() string { return "_release_waiter()" }

func asyncioCreateTask(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	coro, name, err := taskArgs(args, kw)
	if err != nil {
		return rt.Value{}, err
	}
	l, err := runningLoop(th)
	if err != nil {
		return rt.Value{}, err
	}
	return createNamedTask(th, l, coro, name)
}

// taskArgs binds create_task's arguments (coro, *, name=None, context=None).
func taskArgs(args []rt.Value, kw []rt.Kwarg) (coro, name rt.Value, err error) {
	if len(args) == 1 && len(kw) == 0 {
		return args[0], rt.Value{}, nil
	}
	var c, n, ctx rt.Value
	err = rt.UnpackArgs("create_task", args, kw, "coro", &c, "name?", &n, "context?", &ctx)
	return c, n, err
}

// createNamedTask creates a task with the default name, then renames it, as
// asyncio.create_task does: a named task still uses up a Task-N number.
func createNamedTask(th *rt.Thread, l *rt.Loop, coro, name rt.Value) (rt.Value, error) {
	t, err := l.NewTask(th, coro, rt.Value{})
	if err != nil {
		return rt.Value{}, err
	}
	if name.IsValid() && !name.IsNone() {
		if _, err := rt.CallMethodValue(th, rt.TaskType.Lookup("set_name"), rt.Ref(t), []rt.Value{name}); err != nil {
			return rt.Value{}, err
		}
	}
	return rt.Ref(t), nil
}

func asyncioEnsureFuture(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var v, lv rt.Value
	if err := rt.UnpackArgs("ensure_future", args, kw, "coro_or_future", &v, "loop?", &lv); err != nil {
		return rt.Value{}, err
	}
	l, _ := lv.Object().(*rt.Loop)
	f, err := rt.EnsureFuture(th, l, v)
	if err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(f), nil
}

func asyncioCurrentTask(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var lv rt.Value
	if err := rt.UnpackArgs("current_task", args, kw, "loop?", &lv); err != nil {
		return rt.Value{}, err
	}
	l, err := loopOrRunning(th, lv)
	if err != nil {
		return rt.Value{}, err
	}
	if t := l.CurrentTask(); t != nil {
		return rt.Ref(t), nil
	}
	return rt.None, nil
}

func asyncioAllTasks(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var lv rt.Value
	if err := rt.UnpackArgs("all_tasks", args, kw, "loop?", &lv); err != nil {
		return rt.Value{}, err
	}
	l, err := loopOrRunning(th, lv)
	if err != nil {
		return rt.Value{}, err
	}
	return rt.TaskSet(th, l.AllTasks())
}

func asyncioIsCoroutine(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var v rt.Value
	if err := rt.UnpackArgs("iscoroutine", args, kw, "obj", &v); err != nil {
		return rt.Value{}, err
	}
	return rt.Bool(rt.IsCoroutine(v)), nil
}

func asyncioIsCoroutineFunction(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var v rt.Value
	if err := rt.UnpackArgs("iscoroutinefunction", args, kw, "func", &v); err != nil {
		return rt.Value{}, err
	}
	if bm, ok := v.Object().(*rt.BoundMethod); ok {
		v = rt.Ref(bm.Fn)
	}
	cf, ok := v.Object().(rt.CoroutineFunction)
	return rt.Bool(ok && cf.IsCoroutineFunction()), nil
}

func asyncioIsFuture(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var v rt.Value
	if err := rt.UnpackArgs("isfuture", args, kw, "obj", &v); err != nil {
		return rt.Value{}, err
	}
	_, ok := v.Object().(rt.FutureLike)
	return rt.Bool(ok), nil
}

type toThreadCall struct {
	fn   rt.Value
	args []rt.Value
	kw   []rt.Kwarg
}

// toThreadDef is asyncio.to_thread. Aio has no threads (a deliberate difference): the
// function runs on the loop when the coroutine is awaited, and blocks it meanwhile.
var toThreadDef = rt.CoroDef[toThreadCall]{Name: "to_thread", Step: func(th *rt.Thread, c *rt.Coro[toThreadCall], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	if _, err := runningLoop(th); err != nil {
		return rt.Value{}, false, err
	}
	v, err := rt.Call(th, c.S.fn, c.S.args, c.S.kw)
	return v, err == nil, err
}}

func asyncioToThread(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	if len(args) == 0 {
		return rt.Value{}, rt.TypeErrorf("to_thread() missing 1 required positional argument: 'func'")
	}
	call := toThreadCall{args[0], append([]rt.Value(nil), args[1:]...), append([]rt.Kwarg(nil), kw...)}
	return rt.Ref(rt.NewCoro(&toThreadDef, call)), nil
}
