package interp

import (
	rt "github.com/aio-lang/aio/runtime"
)

// Attr serves __name__, __qualname__ and the gi_/cr_/ag_ introspection attributes.
func (g *generator) Attr(name string) (rt.Value, bool) {
	switch name {
	case "__name__":
		return rt.NewStr(g.fn.name), true
	case "__qualname__":
		return rt.NewStr(g.fn.qualname), true
	case "gi_running", "cr_running", "ag_running":
		return rt.Bool(g.state == genRunning), true
	case "gi_code", "cr_code", "ag_code":
		return rt.Ref(&codeObject{c: g.fn.code}), true
	case "gi_yieldfrom", "cr_await", "ag_await":
		if g.delegate.IsValid() {
			return g.delegate, true
		}
		return rt.None, true
	case "gi_frame", "cr_frame", "ag_frame":
		if g.state == genDone {
			return rt.None, true
		}
		return rt.Ref(&codeObject{c: g.fn.code}), true
	case "gi_suspended", "cr_suspended":
		return rt.Bool(g.state == genSuspended), true
	}
	return rt.Value{}, false
}

// throwArgs builds the exception of gen.throw(typ[, val[, tb]]).
func throwArgs(th *rt.Thread, args []rt.Value) (*rt.Exception, error) {
	if len(args) == 0 || len(args) > 3 {
		return nil, rt.TypeErrorf("throw expected at least 1 argument, got %d", len(args))
	}
	if len(args) >= 2 && !args[1].IsNone() {
		if e, ok := args[1].Object().(*rt.Exception); ok {
			return e, nil
		}
		if cls, ok := args[0].Object().(*rt.Class); ok {
			v, err := rt.Call(th, args[0], []rt.Value{args[1]}, nil)
			if err != nil {
				return nil, err
			}
			if e, ok := v.Object().(*rt.Exception); ok && e.Matches(cls) {
				return e, nil
			}
		}
	}
	e, err := makeException(th, args[0])
	if err != nil {
		return nil, rt.TypeErrorf("exceptions must be classes or instances deriving from BaseException, not %s", args[0].Type().Name)
	}
	return e, nil
}

// send resumes with a value as gen.send does: a finished body raises StopIteration.
func (g *generator) send(th *rt.Thread, v rt.Value, throw *rt.Exception) (rt.Value, error) {
	y, done, err := g.Resume(th, v, throw)
	if err != nil {
		return rt.Value{}, err
	}
	if done {
		return rt.Value{}, rt.StopIterationWith(y)
	}
	return y, nil
}

func init() {
	for _, cls := range []*rt.Class{rt.GeneratorType, rt.CoroutineType} {
		cls.AddMethod("send", func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
			var v rt.Value
			if err := rt.UnpackArgs("send", args, kw, "value", &v); err != nil {
				return rt.Value{}, err
			}
			return self.Object().(*generator).send(th, v, nil)
		})
		cls.AddMethod("throw", func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
			e, err := throwArgs(th, args)
			if err != nil {
				return rt.Value{}, err
			}
			return self.Object().(*generator).send(th, rt.None, e)
		})
		cls.AddMethod("close", func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
			return rt.None, self.Object().(*generator).close(th)
		})
	}
	rt.GeneratorType.AddMethod("__next__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return self.Object().(*generator).send(th, rt.None, nil)
	})
	rt.GeneratorType.AddMethod("__iter__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return self, nil
	})
	rt.CoroutineType.AddMethod("__await__", func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Ref(&coroWrapper{g: self.Object().(*generator)}), nil
	})
	repr := func(_ *rt.Thread, v rt.Value) (string, error) {
		g := v.Object().(*generator)
		return "<" + g.Type().Name + " object " + g.fn.qualname + " at " + rt.HexID(v) + ">", nil
	}
	rt.RegisterRepr(rt.GeneratorType, repr)
	rt.RegisterRepr(rt.CoroutineType, repr)
	rt.RegisterRepr(rt.AsyncGeneratorType, repr)
}

// CoroLocation tells asyncio's Task repr where the coroutine is: the line it is suspended at
// while it runs, or the line of its def once it is done.
func (g *generator) CoroLocation() (qualname, file string, line int, running bool) {
	c := g.fn.code
	if g.state == genDone {
		return g.fn.qualname, c.file, c.line, false
	}
	if g.state == genCreated || g.pc >= len(g.prog.code) {
		return g.fn.qualname, c.file, c.line, true
	}
	return g.fn.qualname, c.file, int(g.prog.code[g.pc].line), true
}
