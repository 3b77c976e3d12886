package interp

import (
	rt "github.com/aio-lang/aio/runtime"
)

// startDelegation sets up the delegate of a yield from, await or async-for step.
func (g *generator) startDelegation(th *rt.Thread, fr *frame, in *instr) error {
	var x rt.Value
	var err error
	if in.op == opAnext {
		x, err = anext(th, fr.slots[in.a])
	} else {
		x, err = in.x.eval(fr)
	}
	if err != nil {
		return err
	}
	if in.op == opYieldFrom {
		if sub, ok := x.Object().(*generator); ok {
			if sub.fn.code.kind == coroutineCode && g.fn.code.kind == generatorCode {
				return rt.TypeErrorf("cannot 'yield from' a coroutine object in a non-coroutine generator")
			}
			g.delegate = x
			return nil
		}
		if _, ok := x.Object().(rt.Resumable); ok {
			g.delegate = x
			return nil
		}
		iter, err := rt.Iter(th, x)
		if err != nil {
			return err
		}
		g.delegate = rt.Ref(iter)
		return nil
	}
	d, err := awaitable(th, x)
	if err != nil {
		return err
	}
	g.delegate = d
	return nil
}

// awaitable returns what `await x` delegates to.
func awaitable(th *rt.Thread, x rt.Value) (rt.Value, error) {
	if c, ok := x.Object().(*generator); ok {
		if c.fn.code.kind != coroutineCode {
			return rt.Value{}, rt.TypeErrorf("object %s can't be used in 'await' expression", x.Type().Name)
		}
		if c.awaited && c.state != genCreated {
			return rt.Value{}, rt.Errorf(rt.RuntimeErrorType, "cannot reuse already awaited coroutine")
		}
		c.awaited = true
		return x, nil
	}
	m := x.Type().Lookup("__await__")
	if !m.IsValid() {
		return rt.Value{}, rt.TypeErrorf("object %s can't be used in 'await' expression", x.Type().Name)
	}
	r, err := rt.CallMethodValue(th, m, x, nil)
	if err != nil {
		return rt.Value{}, err
	}
	if c, ok := r.Object().(*generator); ok && c.fn.code.kind == coroutineCode {
		return rt.Value{}, rt.TypeErrorf("__await__() returned a coroutine")
	}
	if _, ok := r.Object().(rt.Resumable); ok {
		return r, nil
	}
	if _, ok := r.Object().(rt.Iterator); !ok && !r.Type().Lookup("__next__").IsValid() {
		return rt.Value{}, rt.TypeErrorf("__await__() returned non-iterator of type '%s'", r.Type().Name)
	}
	return r, nil
}

// delegateStep passes a send or throw to the delegate. suspended reports that the delegate
// yielded v, which the generator yields in turn; otherwise the delegation is over and the
// instruction has completed (or err is raised at it).
func (g *generator) delegateStep(th *rt.Thread, send rt.Value, throw *rt.Exception) (v rt.Value, suspended bool, err error) {
	in := &g.prog.code[g.pc]
	y, done, err := resumeDelegate(th, g.delegate, send, throw)
	if err == nil && !done {
		return y, true, nil
	}
	g.delegate = rt.Value{}
	if err != nil {
		if in.op == opAnext && rt.AsException(err).Matches(rt.StopAsyncIterationType) {
			g.pc = in.b
			return rt.Value{}, false, nil
		}
		return rt.Value{}, false, err
	}
	if in.target != nil {
		if err := in.target.assign((&g.frame), y); err != nil {
			return rt.Value{}, false, err
		}
	}
	g.pc++
	return rt.Value{}, false, nil
}

// resumeDelegate sends or throws into a delegate: a Resumable directly, any other iterator
// through next(), send() and throw() as PEP 380 describes.
func resumeDelegate(th *rt.Thread, d rt.Value, send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	if throw != nil && throw.Matches(rt.GeneratorExitType) {
		if err := closeObject(th, d); err != nil {
			return rt.Value{}, false, err
		}
		return rt.Value{}, false, throw
	}
	if r, ok := d.Object().(rt.Resumable); ok {
		return r.Resume(th, send, throw)
	}
	var y rt.Value
	var err error
	switch {
	case throw != nil:
		m, aerr := rt.GetAttr(th, d, "throw")
		if aerr != nil {
			return rt.Value{}, false, throw
		}
		y, err = rt.Call(th, m, []rt.Value{rt.Ref(throw)}, nil)
	case send.IsNone():
		var ok bool
		y, ok, err = rt.Next(th, d)
		if err == nil && !ok {
			return rt.None, true, nil
		}
	default:
		y, _, err = rt.CallMethod(th, d, "send", send)
	}
	if err != nil {
		if e := rt.AsException(err); e.Matches(rt.StopIterationType) {
			return e.Value(), true, nil
		}
		return rt.Value{}, false, err
	}
	return y, false, nil
}

// closeObject calls close() on a delegate that has one.
func closeObject(th *rt.Thread, d rt.Value) error {
	if g, ok := d.Object().(*generator); ok {
		return g.close(th)
	}
	m, err := rt.GetAttr(th, d, "close")
	if err != nil {
		return nil
	}
	_, err = rt.Call(th, m, nil, nil)
	return err
}

// close throws GeneratorExit into a suspended generator, which must not yield again.
func (g *generator) close(th *rt.Thread) error {
	if g.state == genCreated || g.state == genDone {
		g.finish()
		return nil
	}
	_, done, err := g.Resume(th, rt.None, rt.NewException(rt.GeneratorExitType))
	if err == nil && !done {
		return rt.Errorf(rt.RuntimeErrorType, "%s ignored GeneratorExit", g.kindName())
	}
	if err != nil {
		if e := rt.AsException(err); e.Matches(rt.GeneratorExitType) || e.Matches(rt.StopIterationType) {
			return nil
		}
	}
	return err
}

// aiter implements the start of async for: x.__aiter__().
func aiter(th *rt.Thread, x rt.Value) (rt.Value, error) {
	m := x.Type().Lookup("__aiter__")
	if !m.IsValid() {
		return rt.Value{}, rt.TypeErrorf("'async for' requires an object with __aiter__ method, got %s", x.Type().Name)
	}
	ai, err := rt.CallMethodValue(th, m, x, nil)
	if err != nil {
		return rt.Value{}, err
	}
	if !ai.Type().Lookup("__anext__").IsValid() {
		return rt.Value{}, rt.TypeErrorf("'async for' received an object from __aiter__ that does not implement __anext__: %s", ai.Type().Name)
	}
	return ai, nil
}

// anext calls __anext__ for one step of async for.
func anext(th *rt.Thread, ai rt.Value) (rt.Value, error) {
	v, _, err := rt.CallMethod(th, ai, "__anext__")
	return v, err
}

// withEnter starts a with or async with block (see opWithEnter).
func (g *generator) withEnter(th *rt.Thread, fr *frame, in *instr) error {
	mgr, err := in.x.eval(fr)
	if err != nil {
		return err
	}
	async := in.b != 0
	enterName, exitName, what := "__enter__", "__exit__", "the context manager protocol"
	if async {
		enterName, exitName, what = "__aenter__", "__aexit__", "the asynchronous context manager protocol"
	}
	cls := mgr.Type()
	enter, exit := cls.Lookup(enterName), cls.Lookup(exitName)
	if !enter.IsValid() || !exit.IsValid() {
		return rt.TypeErrorf("'%s' object does not support %s", cls.Name, what)
	}
	fr.slots[in.a], fr.slots[in.a+1] = mgr, exit
	r, err := rt.CallMethodValue(th, enter, mgr, nil)
	if err != nil {
		return err
	}
	fr.slots[in.a+2] = r
	if !async && in.target != nil {
		if err := in.target.assign(fr, r); err != nil {
			return err
		}
	}
	g.pc++
	return nil
}

// withExit calls the manager's exit with the pending action of its finally block.
func (g *generator) withExit(th *rt.Thread, fr *frame, in *instr) error {
	mgr, exit := fr.slots[in.a], fr.slots[in.a+1]
	args := []rt.Value{rt.None, rt.None, rt.None}
	if act, _ := fr.slots[in.b].SmallInt(); act == actException {
		e := fr.slots[in.b+1]
		args[0], args[1] = rt.Ref(e.Type()), e
		if tb, err := rt.GetAttr(th, e, "__traceback__"); err == nil {
			args[2] = tb
		}
	}
	r, err := rt.CallMethodValue(th, exit, mgr, args)
	if err != nil {
		return err
	}
	fr.slots[in.a+2] = r
	g.pc++
	return nil
}
