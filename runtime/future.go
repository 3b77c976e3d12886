package runtime

import (
	"reflect"
	"strconv"
	"strings"
)

// Future is asyncio.Future: a result that will be set later, on one loop.
//
// As in CPython, completing a future schedules each done callback with call_soon, in
// registration order; none runs synchronously, so every completion costs one loop hop.
// Awaiting a future is delegation to the future itself (it implements Resumable): a pending
// future yields itself up to the task that drives the coroutine chain, which adds its wakeup
// as a done callback; a done future returns its result at once without yielding, so awaiting
// a finished future never switches tasks.
//
// Go types whose Python class derives from Future (Task, gather's future) embed a Future
// and implement FutureLike; Init ties the embedded Future to its outer object.
type Future struct {
	loop   *Loop
	self   FutureLike // the outer object; nil for a plain Future
	result Value
	exc    *Exception
	cancel *cancelInfo // rarely needed, so kept out of line
	cb0    Callback    // the first done callback, kept inline: most futures have one
	more   *[]Callback // the others
	state  futureState
	logTB  bool // an exception nobody has retrieved yet
	// mustCancel is a Task's _must_cancel, kept here where it costs no space.
	mustCancel bool
}

// cancelInfo is what a cancellation leaves behind: cancel()'s message, and the
// CancelledError that cancelled a task, which result() re-raises once.
type cancelInfo struct {
	msg Value
	exc *Exception
}

func (f *Future) setCancelMessage(msg Value) {
	switch {
	case f.cancel != nil:
		f.cancel.msg = msg
	case msg.IsValid() && !msg.IsNone():
		f.cancel = &cancelInfo{msg: msg}
	}
}

func (f *Future) setCancelledExc(e *Exception) {
	if f.cancel == nil {
		f.cancel = &cancelInfo{}
	}
	f.cancel.exc = e
}

type futureState uint8

const (
	futurePending futureState = iota
	futureCancelled
	futureFinished
)

var futureStateNames = [...]string{"PENDING", "CANCELLED", "FINISHED"}

// FutureLike is implemented by every Go type whose Python class derives from asyncio.Future.
// Cancel is the overridable part: a Task cancels what it awaits, gather cancels its children.
type FutureLike interface {
	Resumable
	AsFuture() *Future
	Cancel(msg Value) bool
}

// NewFuture returns a pending future attached to l.
func NewFuture(l *Loop) *Future { return &Future{loop: l} }

// Init attaches a Future embedded in self to l.
func (f *Future) Init(self FutureLike, l *Loop) {
	f.loop, f.self = l, self
}

// AsFuture returns f.
func (f *Future) AsFuture() *Future { return f }

// outer is the object that Python sees: the Task or other object embedding f.
func (f *Future) outer() FutureLike {
	if f.self != nil {
		return f.self
	}
	return f
}

// Type returns asyncio.Future.
func (f *Future) Type() *Class { return FutureType }

// Loop returns the loop the future is attached to.
func (f *Future) Loop() *Loop { return f.loop }

// Done reports whether the future has a result, an exception or was cancelled.
func (f *Future) Done() bool { return f.state != futurePending }

// Cancelled reports whether the future was cancelled.
func (f *Future) Cancelled() bool { return f.state == futureCancelled }

// Result returns the result, or raises the exception, or CancelledError; a pending future
// raises InvalidStateError.
func (f *Future) Result() (Value, error) {
	switch f.state {
	case futurePending:
		return Value{}, Errorf(InvalidStateErrorType, "Result is not set.")
	case futureCancelled:
		return Value{}, f.makeCancelledError()
	}
	f.logTB = false
	if f.exc != nil {
		return Value{}, f.exc
	}
	return f.result, nil
}

// Exception returns the exception (nil if the future has a result), or raises
// CancelledError or InvalidStateError.
func (f *Future) Exception() (*Exception, error) {
	switch f.state {
	case futurePending:
		return nil, Errorf(InvalidStateErrorType, "Exception is not set.")
	case futureCancelled:
		return nil, f.makeCancelledError()
	}
	f.logTB = false
	return f.exc, nil
}

// CancelledError returns the CancelledError that awaiting the cancelled future raises
// (asyncio's Future._make_cancelled_error).
func (f *Future) CancelledError() *Exception { return f.makeCancelledError() }

// CancelMessage returns the message given to cancel(), or None.
func (f *Future) CancelMessage() Value {
	if f.cancel == nil || !f.cancel.msg.IsValid() {
		return None
	}
	return f.cancel.msg
}

// makeCancelledError is the CancelledError a cancelled future raises: the one that cancelled
// a task the first time, a new one carrying cancel()'s message after that.
func (f *Future) makeCancelledError() *Exception {
	if f.cancel != nil && f.cancel.exc != nil {
		e := f.cancel.exc
		f.cancel.exc = nil
		return e
	}
	if msg := f.CancelMessage(); !msg.IsNone() {
		return NewException(CancelledErrorType, msg)
	}
	return NewException(CancelledErrorType)
}

// SetResult completes the future with v.
func (f *Future) SetResult(v Value) error {
	if f.state != futurePending {
		return Errorf(InvalidStateErrorType, "invalid state")
	}
	f.result, f.state = v, futureFinished
	f.scheduleCallbacks()
	return nil
}

// SetException completes the future with an exception.
func (f *Future) SetException(exc *Exception) error {
	if f.state != futurePending {
		return Errorf(InvalidStateErrorType, "invalid state")
	}
	if exc.Matches(StopIterationType) {
		return TypeErrorf("StopIteration interacts badly with generators and cannot be raised into a Future")
	}
	f.exc, f.state, f.logTB = exc, futureFinished, true
	f.loop.noteUnhandled(f)
	f.scheduleCallbacks()
	return nil
}

// Cancel cancels a pending future and reports whether it did.
func (f *Future) Cancel(msg Value) bool {
	f.logTB = false
	if f.state != futurePending {
		return false
	}
	f.state = futureCancelled
	f.setCancelMessage(msg)
	f.scheduleCallbacks()
	return true
}

// AddDoneCallback arranges for cb(future) to run on the loop when the future is done (at
// once, through call_soon, if it already is).
func (f *Future) AddDoneCallback(cb Callback) {
	if f.state != futurePending {
		f.loop.CallSoon(cb, Ref(f.outer()))
		return
	}
	switch {
	case f.cb0 == nil && f.more == nil:
		f.cb0 = cb
	case f.more == nil:
		f.more = &[]Callback{cb}
	default:
		*f.more = append(*f.more, cb)
	}
}

// RemoveDoneCallback removes every registration of cb and returns how many there were.
// Callbacks are compared with ==, so cb must be of a comparable type (a func is not: it
// matches nothing).
func (f *Future) RemoveDoneCallback(cb Callback) int {
	if !reflect.TypeOf(cb).Comparable() {
		return 0
	}
	return f.removeCallbacks(func(c Callback) bool { return c == cb })
}

func (f *Future) removeCallbacks(match func(Callback) bool) int {
	var kept []Callback
	n := 0
	f.eachCallback(func(c Callback) {
		if match(c) {
			n++
		} else {
			kept = append(kept, c)
		}
	})
	if n == 0 {
		return 0
	}
	f.cb0, f.more = nil, nil
	for _, c := range kept {
		f.AddDoneCallback(c)
	}
	return n
}

func (f *Future) eachCallback(fn func(Callback)) {
	if f.cb0 != nil {
		fn(f.cb0)
	}
	if f.more != nil {
		for _, c := range *f.more {
			fn(c)
		}
	}
}

func (f *Future) numCallbacks() int {
	n := 0
	if f.more != nil {
		n = len(*f.more)
	}
	if f.cb0 != nil {
		n++
	}
	return n
}

func (f *Future) scheduleCallbacks() {
	self := Ref(f.outer())
	if f.cb0 != nil {
		f.loop.CallSoon(f.cb0, self)
		f.cb0 = nil
	}
	if f.more != nil {
		for _, cb := range *f.more {
			f.loop.CallSoon(cb, self)
		}
		f.more = nil
	}
}

// Resume makes the future awaitable (see the type comment).
func (f *Future) Resume(th *Thread, send Value, throw *Exception) (Value, bool, error) {
	if throw != nil {
		return Value{}, false, throw
	}
	if f.state == futurePending {
		return Ref(f.outer()), false, nil
	}
	v, err := f.Result()
	return v, err == nil, err
}

// Next makes the future an iterator, for `yield from future` in generator-based awaitables.
func (f *Future) Next(th *Thread) (Value, bool, error) {
	if f.state == futurePending {
		return Ref(f.outer()), true, nil
	}
	_, err := f.Result()
	return Value{}, false, err
}

// pyCallback is a Python callable registered with add_done_callback.
type pyCallback struct{ fn Value }

func (p *pyCallback) RunCallback(th *Thread, arg Value) error {
	_, err := Call(th, p.fn, []Value{arg}, nil)
	return err
}

// FutureType is asyncio.Future.
var FutureType = NewBuiltinClass("Future", ObjectType, newFuture)

func newFuture(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	if len(args) > 0 {
		return Value{}, TypeErrorf("Future() takes no positional arguments")
	}
	l, err := loopArg(th, "Future", kw)
	if err != nil {
		return Value{}, err
	}
	return Ref(NewFuture(l)), nil
}

// loopArg takes the loop= keyword argument of a constructor, defaulting to get_event_loop().
func loopArg(th *Thread, fname string, kw []Kwarg) (*Loop, error) {
	var lv Value
	if err := UnpackArgs(fname, nil, kw, "loop?", &lv); err != nil {
		return nil, err
	}
	if l, ok := lv.o.(*Loop); ok {
		return l, nil
	}
	return th.Async.GetEventLoop(th, nil)
}

func asFuture(v Value) *Future { return v.o.(FutureLike).AsFuture() }

func init() {
	FutureType.Module = "_asyncio"
	methods := map[string]func(th *Thread, f *Future, self Value, args []Value, kw []Kwarg) (Value, error){
		"result": func(th *Thread, f *Future, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if err := UnpackArgs("result", args, kw); err != nil {
				return Value{}, err
			}
			return f.Result()
		},
		"exception": func(th *Thread, f *Future, _ Value, args []Value, kw []Kwarg) (Value, error) {
			if err := UnpackArgs("exception", args, kw); err != nil {
				return Value{}, err
			}
			e, err := f.Exception()
			if err != nil || e == nil {
				return None, err
			}
			return Ref(e), nil
		},
		"done": func(th *Thread, f *Future, _ Value, args []Value, kw []Kwarg) (Value, error) {
			return Bool(f.Done()), UnpackArgs("done", args, kw)
		},
		"cancelled": func(th *Thread, f *Future, _ Value, args []Value, kw []Kwarg) (Value, error) {
			return Bool(f.Cancelled()), UnpackArgs("cancelled", args, kw)
		},
		"cancel": func(th *Thread, f *Future, self Value, args []Value, kw []Kwarg) (Value, error) {
			msg := None
			if err := UnpackArgs("cancel", args, kw, "msg?", &msg); err != nil {
				return Value{}, err
			}
			return Bool(self.o.(FutureLike).Cancel(msg)), nil
		},
		"add_done_callback": func(th *Thread, f *Future, _ Value, args []Value, kw []Kwarg) (Value, error) {
			var fn, ctx Value
			if err := UnpackArgs("add_done_callback", args, kw, "fn", &fn, "context?", &ctx); err != nil {
				return Value{}, err
			}
			f.AddDoneCallback(&pyCallback{fn})
			return None, nil
		},
		"remove_done_callback": func(th *Thread, f *Future, _ Value, args []Value, kw []Kwarg) (Value, error) {
			var fn Value
			if err := UnpackArgs("remove_done_callback", args, kw, "fn", &fn); err != nil {
				return Value{}, err
			}
			n := f.removeCallbacks(func(c Callback) bool {
				p, ok := c.(*pyCallback)
				if !ok {
					return false
				}
				eq, _ := Equal(th, p.fn, fn)
				return eq
			})
			return Int(int64(n)), nil
		},
		"set_result": func(th *Thread, f *Future, self Value, args []Value, kw []Kwarg) (Value, error) {
			var v Value
			if err := UnpackArgs("set_result", args, kw, "result", &v); err != nil {
				return Value{}, err
			}
			if _, ok := self.o.(*Task); ok {
				return Value{}, Errorf(RuntimeErrorType, "Task does not support set_result operation")
			}
			return None, f.SetResult(v)
		},
		"set_exception": func(th *Thread, f *Future, self Value, args []Value, kw []Kwarg) (Value, error) {
			var v Value
			if err := UnpackArgs("set_exception", args, kw, "exception", &v); err != nil {
				return Value{}, err
			}
			if _, ok := self.o.(*Task); ok {
				return Value{}, Errorf(RuntimeErrorType, "Task does not support set_exception operation")
			}
			exc, err := exceptionArg(th, v)
			if err != nil {
				return Value{}, err
			}
			return None, f.SetException(exc)
		},
		"get_loop": func(th *Thread, f *Future, _ Value, args []Value, kw []Kwarg) (Value, error) {
			return Ref(f.loop), UnpackArgs("get_loop", args, kw)
		},
		"__await__": func(th *Thread, f *Future, self Value, args []Value, kw []Kwarg) (Value, error) {
			return self, nil
		},
		"__iter__": func(th *Thread, f *Future, self Value, args []Value, kw []Kwarg) (Value, error) {
			return self, nil
		},
	}
	for name, m := range methods {
		m := m
		FutureType.AddMethod(name, func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return m(th, asFuture(self), self, args, kw)
		})
	}
	RegisterRepr(FutureType, func(th *Thread, v Value) (string, error) {
		f := asFuture(v)
		return "<" + v.Type().Name + " " + strings.Join(f.reprInfo(th), " ") + ">", nil
	})
}

// exceptionArg turns set_exception's argument (an exception or an exception class) into
// an exception.
func exceptionArg(th *Thread, v Value) (*Exception, error) {
	if c, ok := v.o.(*Class); ok && c.IsSubclass(BaseExceptionType) {
		r, err := Call(th, v, nil, nil)
		if err != nil {
			return nil, err
		}
		v = r
	}
	e, ok := v.o.(*Exception)
	if !ok {
		return nil, TypeErrorf("invalid exception object")
	}
	return e, nil
}

// Attr serves the private attributes that asyncio-aware code inspects.
func (f *Future) Attr(name string) (Value, bool) {
	switch name {
	case "_state":
		return NewStr(futureStateNames[f.state]), true
	case "_loop":
		return Ref(f.loop), true
	case "_asyncio_future_blocking":
		return False, true
	}
	return Value{}, false
}

// reprInfo is base_futures._future_repr_info: the state, the result or exception, the
// callbacks.
func (f *Future) reprInfo(th *Thread) []string {
	info := []string{strings.ToLower(futureStateNames[f.state])}
	if f.state == futureFinished {
		if f.exc != nil {
			info = append(info, "exception="+ReprOrPlaceholder(th, Ref(f.exc)))
		} else {
			info = append(info, "result="+ReprLimited(th, f.result))
		}
	}
	if n := f.numCallbacks(); n > 0 {
		var cbs []string
		f.eachCallback(func(c Callback) { cbs = append(cbs, callbackName(c)) })
		s := cbs[0]
		switch {
		case n == 2:
			s += ", " + cbs[1]
		case n > 2:
			s += ", <" + strconv.Itoa(n-2) + " more>, " + cbs[n-1]
		}
		info = append(info, "cb=["+s+"]")
	}
	return info
}
