package runtime

// Native coroutines.
//
// Everything in asyncio that waits (sleep, Lock.acquire, Queue.get, gather's wrapping,
// wait_for, …) is an `async def` in CPython, so calling it returns a coroutine object that
// runs when awaited. Aio writes these in Go as small state machines: a Coro holds a
// CoroDef (the name and the step function, shared by all calls) and per-call state S. The
// step function is called with what each resumption brings (the value sent in, or the
// exception thrown in) and its resume point in c.PC. It can
//
//   - return a result:           return v, true, nil
//   - raise:                     return Value{}, false, err
//   - yield to the task:         return None, false, nil (a bare yield, as sleep(0) does)
//   - await an awaitable:        return c.Await(fut)
//
// After c.Await the Coro delegates to the awaitable exactly as `await` does in a Python
// coroutine, and calls the step again with its result (as send) or its exception (as
// throw). No goroutine is involved, and a suspended native coroutine is one small object.

// CoroDef is a kind of native coroutine.
type CoroDef[S any] struct {
	Name string // the qualified name of the async def it stands for: "sleep", "Queue.get"
	Step func(th *Thread, c *Coro[S], send Value, throw *Exception) (Value, bool, error)
}

// Coro is a native coroutine: see the comment above.
type Coro[S any] struct {
	def   *CoroDef[S]
	sub   Resumable // the awaitable being delegated to
	state coroState
	PC    int // the step function's resume point
	S     S   // the step function's state
}

type coroState uint8

const (
	coroCreated coroState = iota
	coroSuspended
	coroRunning
	coroDone
)

// NewCoro makes a native coroutine with initial state s.
func NewCoro[S any](def *CoroDef[S], s S) *Coro[S] {
	return &Coro[S]{def: def, S: s}
}

// NativeCoroutineType is the class of native coroutines. Its name is "coroutine", as the
// class of Python coroutine objects is, since they are the same to Python code.
var NativeCoroutineType = finalClass("coroutine", ObjectType)

// Type returns the native coroutine class.
func (c *Coro[S]) Type() *Class { return NativeCoroutineType }

// CoroName returns the coroutine's qualified name.
func (c *Coro[S]) CoroName() string { return c.def.Name }

// CoroLocation makes task reprs show "name() running" while the coroutine runs and
// "name()" otherwise, as CPython shows coroutines that have no code object.
func (c *Coro[S]) CoroLocation() (string, string, int, bool) {
	return c.def.Name, "", 0, c.state == coroRunning
}

// Await makes the coroutine delegate to r until r finishes; the step function is then
// called with r's result or exception. Return its results from the step function.
func (c *Coro[S]) Await(r Resumable) (Value, bool, error) {
	c.sub = r
	return Value{}, false, nil
}

// Resume runs the coroutine until it yields, returns or raises.
func (c *Coro[S]) Resume(th *Thread, send Value, throw *Exception) (Value, bool, error) {
	switch c.state {
	case coroRunning:
		return Value{}, false, ValueErrorf("coroutine already executing")
	case coroDone:
		if throw != nil {
			return Value{}, false, throw
		}
		return Value{}, false, Errorf(RuntimeErrorType, "cannot reuse already awaited coroutine")
	case coroCreated:
		if throw != nil {
			c.finish()
			return Value{}, false, throw
		}
		if !send.IsNone() {
			return Value{}, false, TypeErrorf("can't send non-None value to a just-started coroutine")
		}
	}
	c.state = coroRunning
	for {
		if c.sub != nil {
			v, done, err := c.sub.Resume(th, send, throw)
			if err == nil && !done {
				c.state = coroSuspended
				return v, false, nil
			}
			c.sub = nil
			send, throw = v, nil
			if err != nil {
				send, throw = Value{}, AsException(err)
			}
		}
		v, done, err := c.def.Step(th, c, send, throw)
		if err != nil || done {
			c.finish()
			return v, done, err
		}
		if v.IsValid() {
			c.state = coroSuspended
			return v, false, nil
		}
		if c.sub == nil {
			panic("native coroutine " + c.def.Name + " returned no value and awaits nothing")
		}
		send, throw = None, nil // start the awaitable
	}
}

func (c *Coro[S]) finish() {
	var zero S
	c.state, c.sub, c.S = coroDone, nil, zero
}

// Next makes the coroutine an iterator for `yield from coro.__await__()`.
func (c *Coro[S]) Next(th *Thread) (Value, bool, error) {
	v, done, err := c.Resume(th, None, nil)
	if err != nil || done {
		return Value{}, false, err
	}
	return v, true, nil
}

// Close throws GeneratorExit into a suspended coroutine.
func (c *Coro[S]) Close(th *Thread) error {
	if c.state == coroCreated || c.state == coroDone {
		c.finish()
		return nil
	}
	_, done, err := c.Resume(th, None, NewException(GeneratorExitType))
	if err == nil && !done {
		return Errorf(RuntimeErrorType, "coroutine ignored GeneratorExit")
	}
	if err != nil {
		if e := AsException(err); e.Matches(GeneratorExitType) || e.Matches(StopIterationType) {
			return nil
		}
	}
	return err
}

// Attr serves the introspection attributes of coroutines.
func (c *Coro[S]) Attr(name string) (Value, bool) {
	switch name {
	case "__name__":
		n := c.def.Name
		for i := len(n) - 1; i >= 0; i-- {
			if n[i] == '.' {
				n = n[i+1:]
				break
			}
		}
		return NewStr(n), true
	case "__qualname__":
		return NewStr(c.def.Name), true
	case "cr_running":
		return Bool(c.state == coroRunning), true
	case "cr_suspended":
		return Bool(c.state == coroSuspended), true
	case "cr_await":
		if c.sub != nil {
			return Ref(c.sub), true
		}
		return None, true
	case "cr_frame", "cr_code":
		return None, true
	}
	return Value{}, false
}

type nativeCoro interface {
	Resumable
	CoroName() string
	Close(th *Thread) error
}

func init() {
	NativeCoroutineType.AddMethod("send", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		var v Value
		if err := UnpackArgs("send", args, kw, "value", &v); err != nil {
			return Value{}, err
		}
		return resumeOrStop(th, self.o.(nativeCoro), v, nil)
	})
	NativeCoroutineType.AddMethod("throw", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		if len(args) == 0 {
			return Value{}, TypeErrorf("throw expected at least 1 argument, got 0")
		}
		exc, err := exceptionArg(th, args[0])
		if err != nil {
			return Value{}, TypeErrorf("exceptions must be classes or instances deriving from BaseException, not %s", args[0].Type().Name)
		}
		return resumeOrStop(th, self.o.(nativeCoro), None, exc)
	})
	NativeCoroutineType.AddMethod("close", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return None, self.o.(nativeCoro).Close(th)
	})
	NativeCoroutineType.AddMethod("__await__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return self, nil
	})
	RegisterRepr(NativeCoroutineType, func(th *Thread, v Value) (string, error) {
		return "<coroutine object " + v.o.(nativeCoro).CoroName() + " at " + HexID(v) + ">", nil
	})
}

// resumeOrStop is coro.send/throw: a return becomes StopIteration.
func resumeOrStop(th *Thread, r Resumable, send Value, throw *Exception) (Value, error) {
	v, done, err := r.Resume(th, send, throw)
	if err != nil {
		return Value{}, err
	}
	if done {
		return Value{}, StopIterationWith(v)
	}
	return v, nil
}

// GetAwaitable returns what `await v` delegates to: a coroutine itself, else the result
// of v.__await__().
func GetAwaitable(th *Thread, v Value) (Resumable, error) {
	if IsCoroutine(v) {
		return v.o.(Resumable), nil
	}
	if r, ok := v.o.(FutureLike); ok {
		return r, nil
	}
	m := v.Type().Lookup("__await__")
	if !m.IsValid() {
		return nil, TypeErrorf("object %s can't be used in 'await' expression", v.Type().Name)
	}
	it, err := CallMethodValue(th, m, v, nil)
	if err != nil {
		return nil, err
	}
	if r, ok := it.o.(Resumable); ok {
		return r, nil
	}
	if !it.Type().Lookup("__next__").IsValid() {
		return nil, TypeErrorf("__await__() returned non-iterator of type '%s'", it.Type().Name)
	}
	return &iterAwaitable{it: it}, nil
}

// iterAwaitable delegates to an iterator written in Python, as `yield from` does.
type iterAwaitable struct{ it Value }

func (a *iterAwaitable) Type() *Class { return a.it.Type() }

func (a *iterAwaitable) Resume(th *Thread, send Value, throw *Exception) (Value, bool, error) {
	var y Value
	var err error
	switch {
	case throw != nil:
		m, aerr := GetAttr(th, a.it, "throw")
		if aerr != nil {
			return Value{}, false, throw
		}
		y, err = Call(th, m, []Value{Ref(throw)}, nil)
	case send.IsNone():
		var ok bool
		y, ok, err = Next(th, a.it)
		if err == nil && !ok {
			return None, true, nil
		}
	default:
		y, _, err = CallMethod(th, a.it, "send", send)
	}
	if err != nil {
		if e := AsException(err); e.Matches(StopIterationType) {
			return e.Value(), true, nil
		}
		return Value{}, false, err
	}
	return y, false, nil
}
