package runtime

// The Python API of event loops.

// The classes of event loops: CPython's default loop on Linux is a _UnixSelectorEventLoop,
// and programs check for its bases.
var (
	AbstractEventLoopType = asyncioClass("AbstractEventLoop", "asyncio.events", ObjectType)
	BaseEventLoopType     = asyncioClass("BaseEventLoop", "asyncio.base_events", AbstractEventLoopType)
	LoopType              = asyncioClass("_UnixSelectorEventLoop", "asyncio.unix_events", BaseEventLoopType)
)

// SetInterruptHandler sets what an interrupt of the thread does while the loop waits (see
// Loop.onInterrupt); nil restores the default, raising it out of the loop.
func (l *Loop) SetInterruptHandler(f func(exc *Exception) error) { l.onInterrupt = f }

// CreateFuture is loop.create_future().
func (l *Loop) CreateFuture() *Future { return NewFuture(l) }

func (l *Loop) checkClosed() error {
	if l.closed {
		return Errorf(RuntimeErrorType, "Event loop is closed")
	}
	return nil
}

// checkCallback is BaseEventLoop._check_callback, which CPython runs in debug mode only.
func checkCallback(th *Thread, fn Value, method string) error {
	if IsCoroutine(fn) {
		return TypeErrorf("coroutines cannot be used with %s()", method)
	}
	if cf, ok := fn.o.(CoroutineFunction); ok && cf.IsCoroutineFunction() {
		return TypeErrorf("coroutines cannot be used with %s()", method)
	}
	if !isCallable(fn) {
		return TypeErrorf("a callable object was expected by %s(), got %s", method, ReprOrPlaceholder(th, fn))
	}
	return nil
}

// scheduleArgs splits the arguments of call_soon/call_later/call_at: npos leading
// parameters, the callback, its arguments; the only keyword is context (ignored: Aio has no
// contextvars).
func scheduleArgs(method string, args []Value, kw []Kwarg, npos int) ([]Value, error) {
	for _, k := range kw {
		if k.Name != "context" {
			return nil, TypeErrorf("%s() got an unexpected keyword argument '%s'", method, k.Name)
		}
	}
	if len(args) < npos+1 {
		return nil, TypeErrorf("%s() missing required positional argument", method)
	}
	return append([]Value(nil), args...), nil
}

func init() {
	method := func(name string, fn func(th *Thread, l *Loop, args []Value, kw []Kwarg) (Value, error)) {
		LoopType.AddMethod(name, func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			return fn(th, self.o.(*Loop), args, kw)
		})
	}
	noArgs := func(name string, fn func(th *Thread, l *Loop) (Value, error)) {
		method(name, func(th *Thread, l *Loop, args []Value, kw []Kwarg) (Value, error) {
			if err := UnpackArgs(name, args, kw); err != nil {
				return Value{}, err
			}
			return fn(th, l)
		})
	}
	method("run_until_complete", func(th *Thread, l *Loop, args []Value, kw []Kwarg) (Value, error) {
		var fut Value
		if err := UnpackArgs("run_until_complete", args, kw, "future", &fut); err != nil {
			return Value{}, err
		}
		return l.RunUntilComplete(th, fut)
	})
	noArgs("run_forever", func(th *Thread, l *Loop) (Value, error) { return None, l.RunForever(th) })
	noArgs("stop", func(th *Thread, l *Loop) (Value, error) { l.Stop(); return None, nil })
	noArgs("close", func(th *Thread, l *Loop) (Value, error) { return None, l.Close(th) })
	noArgs("is_running", func(th *Thread, l *Loop) (Value, error) { return Bool(l.running), nil })
	noArgs("is_closed", func(th *Thread, l *Loop) (Value, error) { return Bool(l.closed), nil })
	noArgs("time", func(th *Thread, l *Loop) (Value, error) { return Float(l.Time()), nil })
	noArgs("get_debug", func(th *Thread, l *Loop) (Value, error) { return Bool(l.debug), nil })
	noArgs("create_future", func(th *Thread, l *Loop) (Value, error) { return Ref(l.CreateFuture()), nil })
	noArgs("get_exception_handler", func(th *Thread, l *Loop) (Value, error) {
		if !l.handler.IsValid() {
			return None, nil
		}
		return l.handler, nil
	})
	// The coroutines that asyncio.run awaits at shutdown; Aio has nothing to shut down.
	for _, name := range []string{"shutdown_asyncgens", "shutdown_default_executor"} {
		def := &CoroDef[struct{}]{Name: "BaseEventLoop." + name, Step: func(*Thread, *Coro[struct{}], Value, *Exception) (Value, bool, error) {
			return None, true, nil
		}}
		noArgs(name, func(th *Thread, l *Loop) (Value, error) { return Ref(NewCoro(def, struct{}{})), nil })
	}
	method("set_debug", func(th *Thread, l *Loop, args []Value, kw []Kwarg) (Value, error) {
		var on bool
		if err := UnpackArgs("set_debug", args, kw, "enabled", &on); err != nil {
			return Value{}, err
		}
		l.debug = on
		return None, nil
	})
	method("create_task", func(th *Thread, l *Loop, args []Value, kw []Kwarg) (Value, error) {
		var coro, name, ctx Value
		if err := UnpackArgs("create_task", args, kw, "coro", &coro, "name?", &name, "context?", &ctx); err != nil {
			return Value{}, err
		}
		if err := l.checkClosed(); err != nil {
			return Value{}, err
		}
		t, err := l.NewTask(th, coro, name)
		if err != nil {
			return Value{}, err
		}
		return Ref(t), nil
	})
	for _, name := range []string{"call_soon", "call_soon_threadsafe"} {
		name := name
		method(name, func(th *Thread, l *Loop, args []Value, kw []Kwarg) (Value, error) {
			a, err := scheduleArgs(name, args, kw, 0)
			if err != nil {
				return Value{}, err
			}
			if err := l.checkClosed(); err != nil {
				return Value{}, err
			}
			if l.debug {
				if err := checkCallback(th, a[0], name); err != nil {
					return Value{}, err
				}
			}
			return Ref(l.callSoonPython(a[0], a[1:])), nil
		})
	}
	for _, name := range []string{"call_later", "call_at"} {
		name := name
		method(name, func(th *Thread, l *Loop, args []Value, kw []Kwarg) (Value, error) {
			a, err := scheduleArgs(name, args, kw, 1)
			if err != nil {
				return Value{}, err
			}
			t, ok := AsFloat(a[0])
			switch {
			case ok:
			case a[0].IsNone() && name == "call_later":
				return Value{}, TypeErrorf("delay must not be None")
			case a[0].IsNone():
				return Value{}, TypeErrorf("when cannot be None")
			case name == "call_later":
				return Value{}, TypeErrorf("unsupported operand type(s) for +: 'float' and '%s'", a[0].Type().Name)
			default:
				return Value{}, TypeErrorf("'<' not supported between instances of '%s' and 'float'", a[0].Type().Name)
			}
			if err := l.checkClosed(); err != nil {
				return Value{}, err
			}
			if l.debug {
				if err := checkCallback(th, a[1], name); err != nil {
					return Value{}, err
				}
			}
			if name == "call_later" {
				t += l.Time()
			}
			return Ref(l.callAt(&Handle{fn: a[1], args: a[2:]}, t)), nil
		})
	}
	method("set_exception_handler", func(th *Thread, l *Loop, args []Value, kw []Kwarg) (Value, error) {
		var h Value
		if err := UnpackArgs("set_exception_handler", args, kw, "handler", &h); err != nil {
			return Value{}, err
		}
		if !h.IsNone() && !isCallable(h) {
			return Value{}, TypeErrorf("A callable object or None is expected, got %s", ReprOrPlaceholder(th, h))
		}
		l.handler = h
		return None, nil
	})
	for _, name := range []string{"call_exception_handler", "default_exception_handler"} {
		name := name
		method(name, func(th *Thread, l *Loop, args []Value, kw []Kwarg) (Value, error) {
			var ctx Value
			if err := UnpackArgs(name, args, kw, "context", &ctx); err != nil {
				return Value{}, err
			}
			d, ok := ctx.o.(*Dict)
			if !ok {
				return Value{}, TypeErrorf("context must be a dict")
			}
			if name == "call_exception_handler" {
				l.CallExceptionHandler(th, contextItems(d))
			} else {
				l.defaultExceptionHandler(th, contextItems(d))
			}
			return None, nil
		})
	}
	method("run_in_executor", func(th *Thread, l *Loop, args []Value, kw []Kwarg) (Value, error) {
		// Aio has no threads: the function runs now, and the future is done at once.
		if len(args) < 2 {
			return Value{}, TypeErrorf("run_in_executor() missing required positional argument")
		}
		f := l.CreateFuture()
		r, err := Call(th, args[1], append([]Value(nil), args[2:]...), kw)
		if err != nil {
			f.SetException(AsException(err))
		} else {
			f.SetResult(r)
		}
		return Ref(f), nil
	})
	RegisterRepr(LoopType, func(th *Thread, v Value) (string, error) {
		l := v.o.(*Loop)
		return "<" + LoopType.Name + " running=" + pyBool(l.running) + " closed=" + pyBool(l.closed) +
			" debug=" + pyBool(l.debug) + ">", nil
	})
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}
