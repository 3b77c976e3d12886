package runtime

import (
	"strconv"
	"strings"
)

// Handle is a callback scheduled on a loop: what call_soon, call_later and call_at return
// (asyncio.Handle and asyncio.TimerHandle). It holds either a Python callable and its
// arguments or a Go Callback and its argument.
type Handle struct {
	loop *Loop
	fn   Value // the Python callable; invalid for a Go callback
	args []Value
	cb   Callback
	arg  Value

	when      float64 // the deadline of a timer
	seq       uint64
	timer     bool // a TimerHandle
	cancelled bool
	scheduled bool // in the loop's timer heap
}

// Type returns Handle or TimerHandle.
func (h *Handle) Type() *Class {
	if h.timer {
		return TimerHandleType
	}
	return HandleType
}

// RunCallback runs the handle's callback unless it was cancelled.
func (h *Handle) RunCallback(th *Thread, _ Value) error {
	if h.cancelled {
		return nil
	}
	if h.cb != nil {
		return h.cb.RunCallback(th, h.arg)
	}
	_, err := Call(th, h.fn, h.args, nil)
	return err
}

// Cancel cancels the callback; it is a no-op if it already ran or was cancelled.
func (h *Handle) Cancel() {
	if h.cancelled {
		return
	}
	h.cancelled = true
	if h.scheduled {
		h.loop.ncancelled++
	}
	h.fn, h.args, h.cb, h.arg = Value{}, nil, nil, Value{}
}

// Cancelled reports whether Cancel was called.
func (h *Handle) Cancelled() bool { return h.cancelled }

// When returns a timer's deadline in loop time.
func (h *Handle) When() float64 { return h.when }

// callSoonPython schedules the Python callback fn(*args) for call_soon.
func (l *Loop) callSoonPython(fn Value, args []Value) *Handle {
	h := &Handle{loop: l, fn: fn, args: args}
	l.CallSoon(h, Value{})
	return h
}

var (
	// HandleType is asyncio.Handle.
	HandleType = asyncioClass("Handle", "asyncio.events", ObjectType)
	// TimerHandleType is asyncio.TimerHandle.
	TimerHandleType = asyncioClass("TimerHandle", "asyncio.events", HandleType)
)

// asyncioClass makes a class of the asyncio implementation, which Python code may not
// instantiate directly.
func asyncioClass(name, module string, base *Class) *Class {
	c := NewBuiltinClass(name, base, func(*Thread, *Class, []Value, []Kwarg) (Value, error) {
		return Value{}, TypeErrorf("cannot create '%s.%s' instances", module, name)
	})
	c.Module = module
	return c
}

func init() {
	HandleType.AddMethod("cancel", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		self.o.(*Handle).Cancel()
		return None, UnpackArgs("cancel", args, kw)
	})
	HandleType.AddMethod("cancelled", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return Bool(self.o.(*Handle).cancelled), UnpackArgs("cancelled", args, kw)
	})
	HandleType.AddMethod("get_context", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return None, UnpackArgs("get_context", args, kw)
	})
	TimerHandleType.AddMethod("when", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return Float(self.o.(*Handle).when), UnpackArgs("when", args, kw)
	})
	handleRepr := func(th *Thread, v Value) (string, error) {
		h := v.o.(*Handle)
		info := []string{h.Type().Name}
		if h.cancelled {
			info = append(info, "cancelled")
		}
		if h.timer {
			info = append(info, "when="+FloatRepr(h.when))
		}
		if !h.cancelled {
			info = append(info, h.describe(th))
		}
		return "<" + strings.Join(info, " ") + ">", nil
	}
	RegisterRepr(HandleType, handleRepr)
	RegisterRepr(TimerHandleType, handleRepr)
}

// describe formats the handle's callback as asyncio's format_helpers do: "f(1, 'a') at
// file.aio:3".
func (h *Handle) describe(th *Thread) string {
	if h.cb != nil {
		args := ""
		if h.arg.IsValid() {
			args = ReprLimited(th, h.arg)
		}
		return strings.TrimSuffix(callbackName(h.cb), "()") + "(" + args + ")"
	}
	return FormatCallbackSource(th, h.fn, h.args)
}

// callbackName names a Go callback for reprs and error reports.
func callbackName(cb Callback) string {
	if n, ok := cb.(interface{ CallbackName() string }); ok {
		return n.CallbackName()
	}
	if p, ok := cb.(*pyCallback); ok {
		return FormatCallbackSource(nil, p.fn, nil)
	}
	return "<callback>"
}

// FormatCallbackSource formats a Python callback and its arguments as asyncio's
// format_helpers._format_callback_source: the qualified name, the arguments through
// reprlib, and where a Python function was defined. A nil args prints no parentheses.
func FormatCallbackSource(th *Thread, fn Value, args []Value) string {
	var b strings.Builder
	b.WriteString(callableName(th, fn))
	if args != nil {
		b.WriteByte('(')
		for i, a := range args {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(ReprLimited(th, a))
		}
		b.WriteByte(')')
	} else {
		b.WriteString("()")
	}
	if fn.IsValid() && fn.Type() == FunctionType {
		if code, err := GetAttr(th, fn, "__code__"); err == nil {
			file, _ := GetAttr(th, code, "co_filename")
			line, _ := GetAttr(th, code, "co_firstlineno")
			if f, ok := AsStr(file); ok {
				n, _ := AsInt64(line)
				b.WriteString(" at " + f + ":" + strconv.FormatInt(n, 10))
			}
		}
	}
	return b.String()
}

// callableName is a callable's __qualname__, else its __name__, else its repr.
func callableName(th *Thread, fn Value) string {
	switch f := fn.o.(type) {
	case nil:
		return "None"
	case *Builtin:
		return f.Name
	case *Method:
		return f.Class.Name + "." + f.Name
	case *BoundMethod:
		return callableName(th, Ref(f.Fn))
	}
	for _, attr := range []string{"__qualname__", "__name__"} {
		if v, err := GetAttr(th, fn, attr); err == nil {
			if s, ok := AsStr(v); ok && s != "" {
				return s
			}
		}
	}
	return ReprOrPlaceholder(th, fn)
}
