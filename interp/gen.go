package interp

import (
	rt "github.com/aio-lang/aio/runtime"
)

type genState uint8

const (
	genCreated genState = iota
	genSuspended
	genRunning
	genDone
)

// generator is a suspended generator, coroutine or async generator body: its heap frame,
// the program counter and block stack of its step program, and the object it is delegating
// to (yield from / await) if any. No goroutine is involved: resuming is a Go call that runs
// the step loop until the next suspension.
type generator struct {
	frame    frame // the body's frame, allocated with the generator
	fn       *Function
	prog     *program
	pc       int
	blocks   []block
	state    genState
	atYield  bool     // suspended at opYield: the sent value goes to its target
	delegate rt.Value // iterator or awaitable being delegated to
	// handling holds, while the body is suspended, the exceptions its except and finally
	// blocks are handling (nil almost always).
	handling *[]*rt.Exception
	awaited  bool // a coroutine already awaited or wrapped
	// valueYield reports that the last suspension was a `yield` (not an await passing a
	// future up), which is what completes an async generator step.
	valueYield bool
	returned   bool        // frame.ret holds what the finished body returned, not yet reported twice
	inline     [3]rt.Value // the slots of a small body
}

// StopValue is the return value of a finished body: next() raises StopIteration with it.
func (g *generator) StopValue() rt.Value {
	if g.returned && g.frame.ret.IsValid() {
		return g.frame.ret
	}
	return rt.None
}

func (it *Interp) newGenerator(f *Function, slots []rt.Value) rt.Value {
	g := &generator{fn: f, prog: f.code.steps}
	g.frame = frame{code: f.code, fn: f, slots: slots, globals: f.globals, free: f.closure,
		interp: it, th: it.th, gen: g}
	return rt.Ref(g)
}

// makeGenerator allocates a generator with zeroed slots; small bodies (most coroutines) keep
// their slots inside the generator, which saves an allocation per call.
func (it *Interp) makeGenerator(f *Function) *generator {
	g := &generator{fn: f, prog: f.code.steps}
	var slots []rt.Value
	if n := f.code.nslots; n <= len(g.inline) {
		slots = g.inline[:n:n]
	} else {
		slots = make([]rt.Value, n)
	}
	g.frame = frame{code: f.code, fn: f, slots: slots, globals: f.globals, free: f.closure,
		interp: it, th: it.th, gen: g}
	return g
}

// Type returns generator, coroutine or async_generator.
func (g *generator) Type() *rt.Class {
	switch g.fn.code.kind {
	case coroutineCode:
		return rt.CoroutineType
	case asyncGenCode:
		return rt.AsyncGeneratorType
	}
	return rt.GeneratorType
}

func (g *generator) kindName() string {
	switch g.fn.code.kind {
	case coroutineCode:
		return "coroutine"
	case asyncGenCode:
		return "async generator"
	}
	return "generator"
}

// Next makes a generator an iterator.
func (g *generator) Next(th *rt.Thread) (rt.Value, bool, error) {
	v, done, err := g.Resume(th, rt.None, nil)
	if err != nil || done {
		return rt.Value{}, false, err
	}
	return v, true, nil
}

// Resume runs the body until it yields (v, false), returns (v, true) or raises.
func (g *generator) Resume(th *rt.Thread, send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	switch g.state {
	case genRunning:
		return rt.Value{}, false, rt.ValueErrorf("%s already executing", g.kindName())
	case genDone:
		g.returned = false // a second StopIteration carries no value
		if throw != nil {
			return rt.Value{}, false, throw
		}
		if g.fn.code.kind == coroutineCode {
			return rt.Value{}, false, rt.Errorf(rt.RuntimeErrorType, "cannot reuse already awaited coroutine")
		}
		return rt.None, true, nil
	case genCreated:
		if throw != nil {
			g.finish()
			return rt.Value{}, false, throw
		}
		if !send.IsNone() {
			return rt.Value{}, false, rt.TypeErrorf("can't send non-None value to a just-started %s", g.kindName())
		}
	}
	it := (&g.frame).interp
	if th.Depth >= it.depthLimit() {
		return rt.Value{}, false, recursionError()
	}
	th.Depth++
	g.state = genRunning
	base := len(th.Handling)
	if g.handling != nil {
		th.Handling = append(th.Handling, *g.handling...)
	}
	it.serial++
	(&g.frame).id = it.serial
	g.frame.back, it.cur = it.cur, &g.frame
	v, done, err := g.run(th, send, throw)
	it.cur = (&g.frame).back
	// The exceptions this body is handling leave with it while it is suspended.
	if len(th.Handling) > base {
		saved := append([]*rt.Exception(nil), th.Handling[base:]...)
		g.handling = &saved
		th.Handling = th.Handling[:base]
	} else {
		g.handling = nil
	}
	th.Depth--
	if err != nil || done {
		g.finish()
		if err != nil {
			return rt.Value{}, false, g.wrapStop(err)
		}
		g.frame.ret, g.returned = v, true
		return v, true, nil
	}
	g.state = genSuspended
	return v, false, nil
}

func (g *generator) finish() {
	g.state = genDone
	g.delegate = rt.Value{}
	g.blocks = nil
	g.handling = nil
}

// wrapStop turns a StopIteration escaping the body into RuntimeError (PEP 479).
func (g *generator) wrapStop(err error) error {
	e := rt.AsException(err)
	switch {
	case e.Matches(rt.StopIterationType):
		x := rt.Errorf(rt.RuntimeErrorType, "%s raised StopIteration", g.kindName())
		x.Cause, x.Context, x.SuppressContext = e, e, true
		return x
	case e.Matches(rt.StopAsyncIterationType) && g.fn.code.kind == asyncGenCode:
		x := rt.Errorf(rt.RuntimeErrorType, "async generator raised StopAsyncIteration")
		x.Cause, x.Context, x.SuppressContext = e, e, true
		return x
	}
	return e
}

// run is the step loop. It first completes the suspension it resumes from: a delegation in
// progress, or a yield whose target receives the sent value.
func (g *generator) run(th *rt.Thread, send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	fr := (&g.frame)
	var err error
	switch {
	case g.delegate.IsValid():
		v, suspended, derr := g.delegateStep(th, send, throw)
		if suspended {
			return v, false, nil
		}
		err = derr
	case throw != nil:
		err = throw
	case g.atYield:
		g.atYield = false
		if t := g.prog.code[g.pc].target; t != nil {
			err = t.assign(fr, send)
		}
		if err == nil {
			g.pc++
		}
	}
	for {
		if err != nil {
			pc, ok := g.unwindException(th, fr.trace(err, int(g.prog.code[g.pc].line)))
			if !ok {
				return rt.Value{}, false, err
			}
			g.pc, err = pc, nil
		}
		in := &g.prog.code[g.pc]
		var v rt.Value
		var done, suspend bool
		v, done, suspend, err = g.step(th, fr, in)
		if done || suspend {
			return v, done, err
		}
	}
}

// step executes one instruction. done reports that the body returned v; suspend that it
// yielded v.
func (g *generator) step(th *rt.Thread, fr *frame, in *instr) (v rt.Value, done, suspend bool, err error) {
	switch in.op {
	case opStmt:
		c, err := in.stmt.exec(fr)
		if err != nil {
			return v, false, false, err
		}
		switch c {
		case ctlReturn:
			return g.doReturn(fr.ret)
		case ctlBreak:
			g.jumpOut(in.a, in.c)
		case ctlContinue:
			g.jumpOut(in.b, in.c)
		default:
			g.pc++
		}
	case opYield:
		v = rt.None
		if in.x != nil {
			if v, err = in.x.eval(fr); err != nil {
				return v, false, false, err
			}
		}
		g.atYield, g.valueYield = true, true
		return v, false, true, nil
	case opYieldFrom, opAwait, opAnext:
		if err = g.startDelegation(th, fr, in); err != nil {
			return v, false, false, err
		}
		v, suspend, err = g.delegateStep(th, rt.None, nil)
		return v, false, suspend, err
	case opJump:
		// A backward jump is a loop's; a for loop's opForIter takes the step itself.
		if in.a <= g.pc && g.prog.code[in.a].op != opForIter {
			if err := checkpoint(fr); err != nil {
				return v, false, false, err
			}
		}
		g.pc = in.a
	case opJumpIfFalse, opJumpIfTrue:
		t, err := in.cond.cond(fr)
		if err != nil {
			return v, false, false, err
		}
		if t == (in.op == opJumpIfTrue) {
			g.pc = in.a
		} else {
			g.pc++
		}
	case opGetIter:
		x, err := in.x.eval(fr)
		if err != nil {
			return v, false, false, err
		}
		iter, err := rt.Iter(th, x)
		if err != nil {
			return v, false, false, err
		}
		fr.slots[in.a] = rt.Ref(iter)
		g.pc++
	case opForIter:
		x, ok, err := nextOf(th, fr.slots[in.a])
		if err == nil {
			err = checkpoint(fr)
		}
		if err != nil {
			return v, false, false, err
		}
		if !ok {
			g.pc = in.b
			break
		}
		if err := in.target.assign(fr, x); err != nil {
			return v, false, false, err
		}
		g.pc++
	case opGetAIter:
		x, err := in.x.eval(fr)
		if err != nil {
			return v, false, false, err
		}
		ai, err := aiter(th, x)
		if err != nil {
			return v, false, false, err
		}
		fr.slots[in.a] = ai
		g.pc++
	case opSetupExcept:
		g.blocks = append(g.blocks, block{kind: blockExcept, handler: in.a})
		g.pc++
	case opSetupFinally:
		g.blocks = append(g.blocks, block{kind: blockFinally, handler: in.a, slot: in.b})
		fr.slots[in.b] = rt.Int(actNormal)
		g.pc++
	case opPopBlock:
		g.blocks = g.blocks[:len(g.blocks)-1]
		g.pc++
	case opExceptMatch:
		e := th.CurrentException()
		ok, err := matches(fr, in.x, e)
		if err != nil {
			return v, false, false, err
		}
		if !ok {
			g.pc = in.a
			break
		}
		if in.target != nil {
			if err := in.target.assign(fr, rt.Ref(e)); err != nil {
				return v, false, false, err
			}
		}
		g.pc++
	case opEndHandler:
		g.blocks = g.blocks[:len(g.blocks)-1]
		th.Handling = th.Handling[:len(th.Handling)-1]
		if in.del != nil {
			_ = in.del.del(fr)
		}
		g.pc++
	case opReraise:
		return v, false, false, th.CurrentException()
	case opEndFinally:
		return g.endFinally(th, fr, in)
	case opReturn:
		v = rt.None
		if in.x != nil {
			if v, err = in.x.eval(fr); err != nil {
				return v, false, false, err
			}
		}
		return g.doReturn(v)
	case opJumpOut:
		g.jumpOut(in.a, in.c)
	case opWithEnter:
		return v, false, false, g.withEnter(th, fr, in)
	case opWithExit:
		return v, false, false, g.withExit(th, fr, in)
	case opWithEnd:
		if n, _ := fr.slots[in.b].SmallInt(); n == actException {
			t, err := rt.Truth(th, fr.slots[in.a+2])
			if err != nil {
				return v, false, false, err
			}
			if t {
				g.blocks = g.blocks[:len(g.blocks)-1]
				th.Handling = th.Handling[:len(th.Handling)-1]
				fr.slots[in.b] = rt.Int(actNormal)
			}
		}
		g.pc++
	case opSetTemp:
		x, err := in.x.eval(fr)
		if err != nil {
			return v, false, false, err
		}
		fr.slots[in.a] = x
		g.pc++
	}
	return v, false, false, nil
}

// unwindException finds the handler for e in the block stack, returning its pc.
func (g *generator) unwindException(th *rt.Thread, e error) (int, bool) {
	x := rt.AsException(e)
	for len(g.blocks) > 0 {
		b := g.blocks[len(g.blocks)-1]
		g.blocks = g.blocks[:len(g.blocks)-1]
		switch b.kind {
		case blockCleanup:
			handled := th.Handling[len(th.Handling)-1]
			th.Handling = th.Handling[:len(th.Handling)-1]
			if x != handled && x.Context == nil {
				x.Context = handled
			}
		case blockFinally:
			(&g.frame).slots[b.slot] = rt.Int(actException)
			(&g.frame).slots[b.slot+1] = rt.Ref(x)
			fallthrough
		case blockExcept:
			th.Handling = append(th.Handling, x)
			g.blocks = append(g.blocks, block{kind: blockCleanup})
			return b.handler, true
		}
	}
	return 0, false
}

// doReturn leaves the body with v, running finally blocks on the way.
func (g *generator) doReturn(v rt.Value) (rt.Value, bool, bool, error) {
	if pc, ok := g.unwindTo(0, actReturn, v); ok {
		g.pc = pc
		return rt.Value{}, false, false, nil
	}
	return v, true, false, nil
}

// jumpOut performs break or continue to target, running finally blocks above depth.
func (g *generator) jumpOut(target, depth int) {
	if pc, ok := g.unwindTo(depth, actJump, jumpValue(target, depth)); ok {
		g.pc = pc
		return
	}
	g.pc = target
}

// unwindTo pops blocks down to depth for a return or jump; a finally block on the way
// records the action and runs first.
func (g *generator) unwindTo(depth int, act int64, val rt.Value) (int, bool) {
	th := (&g.frame).th
	for len(g.blocks) > depth {
		b := g.blocks[len(g.blocks)-1]
		g.blocks = g.blocks[:len(g.blocks)-1]
		switch b.kind {
		case blockCleanup:
			th.Handling = th.Handling[:len(th.Handling)-1]
		case blockFinally:
			(&g.frame).slots[b.slot] = rt.Int(act)
			(&g.frame).slots[b.slot+1] = val
			return b.handler, true
		}
	}
	return 0, false
}

// endFinally resumes what was pending when a finally block started.
func (g *generator) endFinally(th *rt.Thread, fr *frame, in *instr) (rt.Value, bool, bool, error) {
	act, _ := fr.slots[in.b].SmallInt()
	val := fr.slots[in.b+1]
	fr.slots[in.b], fr.slots[in.b+1] = rt.Value{}, rt.Value{}
	switch act {
	case actException:
		g.blocks = g.blocks[:len(g.blocks)-1] // the cleanup block
		th.Handling = th.Handling[:len(th.Handling)-1]
		return rt.Value{}, false, false, val.Object().(*rt.Exception)
	case actReturn:
		return g.doReturn(val)
	case actJump:
		target, depth := unpackJump(val)
		g.jumpOut(target, depth)
		return rt.Value{}, false, false, nil
	}
	g.pc++
	return rt.Value{}, false, false, nil
}

// nextOf advances the iterator a generator body keeps in a slot: a generator (the usual
// case in pipelines) is recognised by its concrete type, the rest by rt.IterNext.
func nextOf(th *rt.Thread, v rt.Value) (rt.Value, bool, error) {
	if g, ok := v.Object().(*generator); ok {
		return g.Next(th)
	}
	return rt.IterNext(th, v)
}
