package interp

import (
	rt "github.com/aio-lang/aio/runtime"
)

// Async generators and the awaitables around coroutines.
//
// An async generator's body suspends for two reasons: `yield x` hands x to whoever iterates
// it, while an await inside passes a future up to the task driving it. The generator records
// which one happened (valueYield); the awaitable returned by __anext__, asend and athrow
// completes on a value yield and passes the other kind through.

// asyncGenStep is the awaitable of one asend/athrow/__anext__ step of an async generator.
type asyncGenStep struct {
	g       *generator
	send    rt.Value
	throw   *rt.Exception
	started bool
	closing bool // aclose(): the generator must not yield a value
	name    string
}

var asyncGenStepType = rt.NewBuiltinClass("async_generator_asend", rt.ObjectType, nil)

func (s *asyncGenStep) Type() *rt.Class { return asyncGenStepType }

// Resume advances the generator one step; a value yield completes the awaitable.
func (s *asyncGenStep) Resume(th *rt.Thread, send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	if !s.started {
		s.started = true
		send, throw = s.send, s.throw
		if s.g.state == genDone {
			if s.closing {
				return rt.None, true, nil
			}
			return rt.Value{}, false, rt.NewException(rt.StopAsyncIterationType)
		}
	}
	s.g.valueYield = false
	v, done, err := s.g.Resume(th, send, throw)
	switch {
	case err != nil:
		e := rt.AsException(err)
		if s.closing && (e.Matches(rt.GeneratorExitType) || e.Matches(rt.StopAsyncIterationType)) {
			return rt.None, true, nil
		}
		return rt.Value{}, false, err
	case done:
		if s.closing {
			return rt.None, true, nil
		}
		return rt.Value{}, false, rt.NewException(rt.StopAsyncIterationType)
	case s.g.valueYield:
		if s.closing {
			return rt.Value{}, false, rt.Errorf(rt.RuntimeErrorType, "async generator ignored GeneratorExit")
		}
		return v, true, nil
	}
	return v, false, nil
}

// coroWrapper is what coroutine.__await__() returns: an iterator over the coroutine.
type coroWrapper struct{ g *generator }

var coroWrapperType = rt.NewBuiltinClass("coroutine_wrapper", rt.ObjectType, nil)

func (w *coroWrapper) Type() *rt.Class { return coroWrapperType }

func (w *coroWrapper) Resume(th *rt.Thread, send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	return w.g.Resume(th, send, throw)
}

func (w *coroWrapper) Next(th *rt.Thread) (rt.Value, bool, error) { return w.g.Next(th) }

func (w *coroWrapper) StopValue() rt.Value { return w.g.StopValue() }

func init() {
	self := func(th *rt.Thread, v rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) { return v, nil }
	gen := func(v rt.Value) *generator { return v.Object().(*generator) }
	ag := rt.AsyncGeneratorType
	ag.AddMethod("__aiter__", self)
	ag.AddMethod("__anext__", func(th *rt.Thread, v rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Ref(&asyncGenStep{g: gen(v), send: rt.None, name: "__anext__"}), nil
	})
	ag.AddMethod("asend", func(th *rt.Thread, v rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		var x rt.Value
		if err := rt.UnpackArgs("asend", args, kw, "value", &x); err != nil {
			return rt.Value{}, err
		}
		return rt.Ref(&asyncGenStep{g: gen(v), send: x, name: "asend"}), nil
	})
	ag.AddMethod("athrow", func(th *rt.Thread, v rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		e, err := throwArgs(th, args)
		if err != nil {
			return rt.Value{}, err
		}
		return rt.Ref(&asyncGenStep{g: gen(v), send: rt.None, throw: e, name: "athrow"}), nil
	})
	ag.AddMethod("aclose", func(th *rt.Thread, v rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		g := gen(v)
		if g.state == genCreated {
			g.finish()
		}
		return rt.Ref(&asyncGenStep{g: g, send: rt.None, throw: rt.NewException(rt.GeneratorExitType),
			closing: true, name: "aclose"}), nil
	})
	asyncGenStepType.AddMethod("__await__", self)
	asyncGenStepType.AddMethod("__iter__", self)
	asyncGenStepType.AddMethod("__next__", func(th *rt.Thread, v rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		y, done, err := v.Object().(*asyncGenStep).Resume(th, rt.None, nil)
		if err != nil {
			return rt.Value{}, err
		}
		if done {
			return rt.Value{}, rt.StopIterationWith(y)
		}
		return y, nil
	})
	coroWrapperType.AddMethod("__iter__", self)
	coroWrapperType.AddMethod("__next__", func(th *rt.Thread, v rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return v.Object().(*coroWrapper).g.send(th, rt.None, nil)
	})
	coroWrapperType.AddMethod("send", func(th *rt.Thread, v rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		var x rt.Value
		if err := rt.UnpackArgs("send", args, kw, "value", &x); err != nil {
			return rt.Value{}, err
		}
		return v.Object().(*coroWrapper).g.send(th, x, nil)
	})
	coroWrapperType.AddMethod("throw", func(th *rt.Thread, v rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		e, err := throwArgs(th, args)
		if err != nil {
			return rt.Value{}, err
		}
		return v.Object().(*coroWrapper).g.send(th, rt.None, e)
	})
	coroWrapperType.AddMethod("close", func(th *rt.Thread, v rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.None, v.Object().(*coroWrapper).g.close(th)
	})
	rt.RegisterRepr(asyncGenStepType, func(_ *rt.Thread, v rt.Value) (string, error) {
		return "<async_generator_asend object at " + rt.HexID(v) + ">", nil
	})
}
