package runtime

import (
	"strconv"
	"strings"
)

// Task is asyncio.Task: a future that drives a coroutine on its loop, as CPython's
// Task.__step and __wakeup do.
//
// Creating a task runs nothing: its first step is scheduled with call_soon. A step resumes
// the coroutine chain (coro.send(None), or coro.throw(exc) to deliver an exception at the
// await where it is suspended) until it yields or finishes. What comes out decides what
// happens next: a pending future gets the task's wakeup as a done callback, a bare yield
// (sleep(0)) schedules the next step at once, a return sets the result, CancelledError
// cancels the task and any other exception fails it. Cancelling a task cancels the future it
// waits on, whose completion wakes the task, which then throws CancelledError into the
// coroutine; if the task waits on nothing, the next step throws it (_must_cancel).
type Task struct {
	Future
	coro       Resumable
	name       *string    // set by name= or set_name(); nil: Task-<num>
	waiter     FutureLike // the future the task is suspended on (_fut_waiter)
	prev, next *Task      // the loop's list of pending tasks
	num        uint32
	numCancels int32 // cancel() requests not yet uncancelled
	// _must_cancel is Future.mustCancel, which sits in what would be padding.
}

// CoroutineInfo is implemented by coroutine objects that can say where they are, for the
// repr of tasks: the qualified name, the file and the line they are suspended at while
// running (running is true), or the line of their def once done.
type CoroutineInfo interface {
	CoroLocation() (qualname, file string, line int, running bool)
}

// CoroutineFunction is implemented by functions that can say whether they were defined
// with async def (asyncio.iscoroutinefunction).
type CoroutineFunction interface {
	IsCoroutineFunction() bool
}

// IsCoroutine reports whether v is a coroutine object: one made by calling an async def
// function, or a native coroutine of the asyncio module.
func IsCoroutine(v Value) bool {
	t := v.Type()
	return t == CoroutineType || t == NativeCoroutineType
}

// NewTask wraps a coroutine in a task on l and schedules its first step. name may be the
// zero Value or None for the default Task-N.
func (l *Loop) NewTask(th *Thread, coro Value, name Value) (*Task, error) {
	if !IsCoroutine(coro) {
		return nil, TypeErrorf("a coroutine was expected, got %s", ReprOrPlaceholder(th, coro))
	}
	t := &Task{coro: coro.o.(Resumable)}
	t.Future.Init(t, l)
	if !name.IsValid() || name.IsNone() {
		l.async.taskCounter++
		t.num = l.async.taskCounter
	} else {
		s, err := ToStr(th, name)
		if err != nil {
			return nil, err
		}
		t.name = &s
	}
	l.CallSoon(taskStep{t}, Value{})
	l.tasks.add(t)
	if l.trace != nil {
		l.trace.created(l, t)
	}
	return t, nil
}

// Type returns asyncio.Task.
func (t *Task) Type() *Class { return TaskType }

// Name returns the task's name.
func (t *Task) Name() string {
	if t.name == nil {
		return "Task-" + strconv.FormatUint(uint64(t.num), 10)
	}
	return *t.name
}

// Coro returns the task's coroutine.
func (t *Task) Coro() Value { return Ref(t.coro) }

// Cancel requests cancellation: see the type comment. It reports false if the task is done.
func (t *Task) Cancel(msg Value) bool {
	t.logTB = false
	if t.state != futurePending {
		return false
	}
	t.numCancels++
	if t.loop.trace != nil {
		t.loop.trace.instant(t.loop, t, "cancel", Value{})
	}
	if t.waiter != nil && t.waiter.Cancel(msg) {
		// The waiter's completion wakes the task; keep waiter, which may be a task that
		// swallows the cancellation and needs cancelling again.
		return true
	}
	t.mustCancel = true
	t.setCancelMessage(msg)
	return true
}

// taskStep and taskWakeup are a task's two loop callbacks; each holds just the task pointer
// so that scheduling one allocates nothing.
type (
	taskStep   struct{ t *Task }
	taskWakeup struct{ t *Task }
)

// RunCallback runs a step, throwing arg into the coroutine if it is an exception.
func (s taskStep) RunCallback(th *Thread, arg Value) error {
	exc, _ := arg.o.(*Exception)
	return s.t.step(th, exc)
}

func (s taskStep) CallbackName() string { return "Task.task_step()" }

// RunCallback resumes the task after the future it awaited (arg) completed.
func (w taskWakeup) RunCallback(th *Thread, arg Value) error {
	f := asFuture(arg)
	var exc *Exception
	switch f.state {
	case futureCancelled:
		exc = f.makeCancelledError()
	case futureFinished:
		f.logTB = false
		exc = f.exc
	}
	return w.t.step(th, exc)
}

func (w taskWakeup) CallbackName() string { return "Task.task_wakeup()" }

// step is Task.__step.
func (t *Task) step(th *Thread, exc *Exception) error {
	if t.state != futurePending {
		return Errorf(InvalidStateErrorType, "_step(): already done: %s, %s",
			ReprOrPlaceholder(th, Ref(t)), ReprOrPlaceholder(th, excValue(exc)))
	}
	if t.mustCancel {
		if exc == nil || !exc.Matches(CancelledErrorType) {
			exc = t.makeCancelledError()
		}
		t.mustCancel = false
	}
	t.waiter = nil
	l := t.loop
	if cur := l.current; cur != nil {
		return Errorf(RuntimeErrorType, "Cannot enter into task %s while another task %s is being executed.",
			ReprOrPlaceholder(th, Ref(t)), ReprOrPlaceholder(th, Ref(cur)))
	}
	l.current = t
	if l.trace != nil {
		l.trace.stepStart(l, t)
	}
	var v Value
	var done bool
	var err error
	if exc == nil {
		v, done, err = t.coro.Resume(th, None, nil)
	} else {
		v, done, err = t.coro.Resume(th, None, exc)
	}
	l.current = nil
	if l.trace != nil {
		l.trace.stepEnd(l, t)
	}
	var escape error
	switch {
	case err != nil:
		e := AsException(err)
		switch {
		case e.Matches(CancelledErrorType):
			t.setCancelledExc(e)
			t.Future.Cancel(Value{})
		case e.Matches(KeyboardInterruptType) || e.Matches(SystemExitType):
			t.Future.SetException(e)
			escape = e
		default:
			t.Future.SetException(e)
		}
	case done:
		if t.mustCancel {
			t.mustCancel = false
			t.Future.Cancel(t.CancelMessage())
		} else {
			if !v.IsValid() {
				v = None
			}
			t.Future.SetResult(v)
		}
	default:
		t.suspend(th, v)
	}
	if t.state != futurePending {
		l.tasks.remove(t)
		if l.trace != nil {
			l.trace.finished(l, t)
		}
	}
	return escape
}

// suspend handles what the coroutine yielded.
func (t *Task) suspend(th *Thread, v Value) {
	l := t.loop
	fl, ok := v.o.(FutureLike)
	switch {
	case ok && fl.AsFuture().loop != l:
		l.CallSoon(taskStep{t}, Ref(Errorf(RuntimeErrorType, "Task %s got Future %s attached to a different loop",
			ReprOrPlaceholder(th, Ref(t)), ReprOrPlaceholder(th, v))))
	case ok && fl == FutureLike(t):
		l.CallSoon(taskStep{t}, Ref(Errorf(RuntimeErrorType, "Task cannot await on itself: %s",
			ReprOrPlaceholder(th, Ref(t)))))
	case ok:
		fl.AsFuture().AddDoneCallback(taskWakeup{t})
		t.waiter = fl
		if l.trace != nil {
			l.trace.instant(l, t, "await", v)
		}
		if t.mustCancel && fl.Cancel(t.CancelMessage()) {
			t.mustCancel = false
		}
	case v.IsNone():
		l.CallSoon(taskStep{t}, Value{})
	default:
		l.CallSoon(taskStep{t}, Ref(Errorf(RuntimeErrorType, "Task got bad yield: %s", ReprOrPlaceholder(th, v))))
	}
}

func excValue(e *Exception) Value {
	if e == nil {
		return None
	}
	return Ref(e)
}

// taskList is a loop's doubly linked list of pending tasks: all_tasks() without a set
// insertion per task.
type taskList struct {
	head *Task
	n    int
}

func (ls *taskList) add(t *Task) {
	t.next = ls.head
	if ls.head != nil {
		ls.head.prev = t
	}
	ls.head = t
	ls.n++
}

func (ls *taskList) remove(t *Task) {
	if t.prev != nil {
		t.prev.next = t.next
	} else if ls.head == t {
		ls.head = t.next
	} else {
		return // not in the list
	}
	if t.next != nil {
		t.next.prev = t.prev
	}
	t.prev, t.next = nil, nil
	ls.n--
}

// AllTasks returns the loop's pending tasks, oldest first.
func (l *Loop) AllTasks() []*Task {
	out := make([]*Task, l.tasks.n)
	i := l.tasks.n
	for t := l.tasks.head; t != nil; t = t.next {
		i--
		out[i] = t
	}
	return out
}

// CurrentTask returns the task whose step is running, or nil.
func (l *Loop) CurrentTask() *Task { return l.current }

// EnsureFuture is asyncio.ensure_future: a future passes through (it must belong to l if l
// is given), a coroutine or other awaitable is wrapped in a task on l (nil: the thread's
// event loop).
func EnsureFuture(th *Thread, l *Loop, v Value) (FutureLike, error) {
	if f, ok := v.o.(FutureLike); ok {
		if l != nil && f.AsFuture().loop != l {
			return nil, ValueErrorf("The future belongs to a different loop than the one specified as the loop argument")
		}
		return f, nil
	}
	coro := v
	if !IsCoroutine(v) {
		if !v.Type().Lookup("__await__").IsValid() {
			return nil, TypeErrorf("An asyncio.Future, a coroutine or an awaitable is required")
		}
		coro = Ref(NewCoro(&wrapAwaitableDef, v))
	}
	if l == nil {
		var err error
		if l, err = th.Async.GetEventLoop(th, nil); err != nil {
			return nil, err
		}
	}
	t, err := l.NewTask(th, coro, Value{})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// wrapAwaitableDef is tasks._wrap_awaitable: `return (yield from awaitable.__await__())`.
var wrapAwaitableDef = CoroDef[Value]{Name: "_wrap_awaitable", Step: func(th *Thread, c *Coro[Value], send Value, throw *Exception) (Value, bool, error) {
	if c.PC == 0 {
		c.PC = 1
		r, err := GetAwaitable(th, c.S)
		if err != nil {
			return Value{}, false, err
		}
		return c.Await(r)
	}
	if throw != nil {
		return Value{}, false, throw
	}
	return send, true, nil
}}

// TaskType is asyncio.Task.
var TaskType = NewBuiltinClass("Task", FutureType, newTaskObject)

func newTaskObject(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	var coro, lv, name, ctx Value
	if err := UnpackArgs("Task", args, kw, "coro", &coro, "loop?", &lv, "name?", &name, "context?", &ctx); err != nil {
		return Value{}, err
	}
	l, ok := lv.o.(*Loop)
	if !ok {
		var err error
		if l, err = th.Async.GetEventLoop(th, nil); err != nil {
			return Value{}, err
		}
	}
	t, err := l.NewTask(th, coro, name)
	if err != nil {
		return Value{}, err
	}
	return Ref(t), nil
}

func init() {
	TaskType.Module = "_asyncio"
	method := func(name string, fn func(th *Thread, t *Task, args []Value, kw []Kwarg) (Value, error)) {
		TaskType.AddMethod(name, func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return fn(th, self.o.(*Task), args, kw)
		})
	}
	method("get_name", func(th *Thread, t *Task, args []Value, kw []Kwarg) (Value, error) {
		return NewStr(t.Name()), UnpackArgs("get_name", args, kw)
	})
	method("set_name", func(th *Thread, t *Task, args []Value, kw []Kwarg) (Value, error) {
		var v Value
		if err := UnpackArgs("set_name", args, kw, "value", &v); err != nil {
			return Value{}, err
		}
		s, err := ToStr(th, v)
		if err != nil {
			return Value{}, err
		}
		t.name = &s
		return None, nil
	})
	method("get_coro", func(th *Thread, t *Task, args []Value, kw []Kwarg) (Value, error) {
		return t.Coro(), UnpackArgs("get_coro", args, kw)
	})
	method("cancelling", func(th *Thread, t *Task, args []Value, kw []Kwarg) (Value, error) {
		return Int(int64(t.numCancels)), UnpackArgs("cancelling", args, kw)
	})
	method("uncancel", func(th *Thread, t *Task, args []Value, kw []Kwarg) (Value, error) {
		return Int(int64(t.Uncancel())), UnpackArgs("uncancel", args, kw)
	})
	method("get_stack", func(th *Thread, t *Task, args []Value, kw []Kwarg) (Value, error) {
		var limit Value
		return NewList(nil), UnpackArgs("get_stack", args, kw, "limit?", &limit)
	})
	method("print_stack", func(th *Thread, t *Task, args []Value, kw []Kwarg) (Value, error) {
		var limit, file Value
		return None, UnpackArgs("print_stack", args, kw, "limit?", &limit, "file?", &file)
	})
	method("get_context", func(th *Thread, t *Task, args []Value, kw []Kwarg) (Value, error) {
		return None, UnpackArgs("get_context", args, kw)
	})
	// The class methods of Python 3.6 that seed-era programs call.
	TaskType.Dict.SetStr("all_tasks", Ref(&StaticMethod{Fn: NewBuiltin("all_tasks", func(th *Thread, args []Value, kw []Kwarg) (Value, error) {
		var lv Value
		if err := UnpackArgs("all_tasks", args, kw, "loop?", &lv); err != nil {
			return Value{}, err
		}
		l, ok := lv.o.(*Loop)
		if !ok {
			var err error
			if l, err = th.Async.GetEventLoop(th, nil); err != nil {
				return Value{}, err
			}
		}
		return TaskSet(th, l.AllTasks())
	})}))
	TaskType.Dict.SetStr("current_task", Ref(&StaticMethod{Fn: NewBuiltin("current_task", func(th *Thread, args []Value, kw []Kwarg) (Value, error) {
		if t := th.Async.CurrentTask(); t != nil {
			return Ref(t), nil
		}
		return None, nil
	})}))
	RegisterRepr(TaskType, func(th *Thread, v Value) (string, error) {
		return "<" + v.Type().Name + " " + strings.Join(v.o.(*Task).reprInfo(th), " ") + ">", nil
	})
}

// Uncancel decrements the count of cancellation requests and returns what remains.
func (t *Task) Uncancel() int {
	if t.numCancels > 0 {
		t.numCancels--
	}
	return int(t.numCancels)
}

// Cancelling returns the count of cancellation requests.
func (t *Task) Cancelling() int { return int(t.numCancels) }

// TaskSet makes a Python set of tasks.
func TaskSet(th *Thread, tasks []*Task) (Value, error) {
	s := NewSet()
	for _, t := range tasks {
		if err := s.Add(th, Ref(t)); err != nil {
			return Value{}, err
		}
	}
	return Ref(s), nil
}

// Attr serves the private attributes that asyncio-aware code inspects.
func (t *Task) Attr(name string) (Value, bool) {
	switch name {
	case "_coro":
		return t.Coro(), true
	case "_fut_waiter":
		if t.waiter == nil {
			return None, true
		}
		return Ref(t.waiter), true
	case "_must_cancel":
		return Bool(t.mustCancel), true
	}
	return t.Future.Attr(name)
}

// reprInfo is base_tasks._task_repr_info.
func (t *Task) reprInfo(th *Thread) []string {
	info := t.Future.reprInfo(th)
	if t.numCancels > 0 && t.state == futurePending {
		info[0] = "cancelling"
	}
	extra := []string{"name=" + QuoteStr(t.Name()), "coro=<" + formatCoroutine(th, t.Coro()) + ">"}
	if t.waiter != nil {
		extra = append(extra, "wait_for="+ReprOrPlaceholder(th, Ref(t.waiter)))
	}
	out := append([]string{info[0]}, extra[:2]...)
	out = append(out, info[1:]...)
	if len(extra) > 2 {
		// wait_for goes right after coro, before the callbacks.
		out = append(out[:3], append([]string{extra[2]}, out[3:]...)...)
	}
	return out
}

// formatCoroutine is coroutines._format_coroutine: "f() running at file:line" or "f() done,
// defined at file:line".
func formatCoroutine(th *Thread, coro Value) string {
	ci, ok := coro.o.(CoroutineInfo)
	if !ok {
		return ReprOrPlaceholder(th, coro)
	}
	name, file, line, running := ci.CoroLocation()
	switch {
	case file == "" && running:
		return name + "() running"
	case file == "":
		return name + "()"
	case running:
		return name + "() running at " + file + ":" + strconv.Itoa(line)
	}
	return name + "() done, defined at " + file + ":" + strconv.Itoa(line)
}
