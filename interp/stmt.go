package interp

import (
	"fmt"
	"strings"

	rt "github.com/aio-lang/aio/runtime"
)

// stmt is a compiled statement. exec reports how it finished; line is its first source
// line, read only when an exception passes through it.
type stmt interface {
	exec(fr *frame) (ctl, error)
	line() int
}

type at struct{ ln int32 }

func (a at) line() int { return int(a.ln) }

// execBlock runs statements in order, recording the traceback entry of this frame for an
// exception that leaves one of them.
func execBlock(fr *frame, body []stmt) (ctl, error) {
	for _, s := range body {
		c, err := s.exec(fr)
		if err != nil {
			return ctlNone, fr.trace(err, s.line())
		}
		if c != ctlNone {
			return c, nil
		}
	}
	return ctlNone, nil
}

// trace adds this frame's traceback entry to err (once per activation).
func (fr *frame) trace(err error, line int) error {
	e := rt.AsException(err)
	sp := fr.errSpan
	fr.errSpan = nil
	if sp != nil {
		line = sp.Line
	}
	e.AddTraceback(fr.th, fr.id, rt.Traceback{Site: fr.code.site, Line: line, Span: sp})
	return e
}

// checkpoint is called on loop back-edges: it delivers interrupts and enforces the step
// budget.
func checkpoint(fr *frame) error { return fr.th.Tick() }

type exprStmt struct {
	at
	x expr
}

func (s *exprStmt) exec(fr *frame) (ctl, error) {
	v, err := s.x.eval(fr)
	if g, ok := v.Object().(*generator); ok && g.state == genCreated && g.fn.code.kind == coroutineCode {
		neverAwaited(fr, g, s.line())
	}
	return ctlNone, err
}

// neverAwaited reports a coroutine whose value an expression statement dropped: CPython
// warns as soon as such a coroutine is collected, which for a dropped value is at once.
func neverAwaited(fr *frame, g *generator, line int) {
	g.awaited = true
	w := fr.th.Stderr
	fmt.Fprintf(w, "%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n", fr.code.file, line, g.fn.qualname)
	if src := strings.TrimSpace(fr.interp.sourceLine(fr.code.file, line)); src != "" {
		fmt.Fprintf(w, "  %s\n", src)
	}
	fmt.Fprintln(w, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback")
}

type assignStmt struct {
	at
	targets []assigner
	value   expr
}

func (s *assignStmt) exec(fr *frame) (ctl, error) {
	v, err := s.value.eval(fr)
	if err != nil {
		return ctlNone, err
	}
	for _, t := range s.targets {
		if err := t.assign(fr, v); err != nil {
			return ctlNone, err
		}
	}
	return ctlNone, nil
}

// assignLocalStmt is `x = value` for a plain local.
type assignLocalStmt struct {
	at
	slot  int
	value expr
}

func (s *assignLocalStmt) exec(fr *frame) (ctl, error) {
	v, err := s.value.eval(fr)
	if err != nil {
		return ctlNone, err
	}
	fr.slots[s.slot] = v
	return ctlNone, nil
}

// augAssignStmt is `target op= value`: the target's container and key are evaluated once.
type augAssignStmt struct {
	at
	op     rt.BinaryOp
	target augTarget
	value  expr
}

func (s *augAssignStmt) exec(fr *frame) (ctl, error) {
	return ctlNone, s.target.update(fr, s.op, s.value)
}

// augTarget reads a target, combines it with a value and stores the result back.
type augTarget interface {
	update(fr *frame, op rt.BinaryOp, value expr) error
}

// combine evaluates value and applies op in place to old.
func combine(fr *frame, op rt.BinaryOp, old rt.Value, value expr) (rt.Value, error) {
	v, err := value.eval(fr)
	if err != nil {
		return v, err
	}
	return inplace(fr.th, op, old, v)
}

// nameAug updates a variable through its load and store forms.
type nameAug struct {
	load  expr
	store assigner
}

func (t *nameAug) update(fr *frame, op rt.BinaryOp, value expr) error {
	old, err := t.load.eval(fr)
	if err != nil {
		return err
	}
	v, err := combine(fr, op, old, value)
	if err != nil {
		return err
	}
	return t.store.assign(fr, v)
}

type attrAug struct {
	x    expr
	name string
	key  *rt.Str
	instanceStore
}

func (t *attrAug) update(fr *frame, op rt.BinaryOp, value expr) error {
	x, err := t.x.eval(fr)
	if err != nil {
		return err
	}
	if d := t.plainDict(x, t.key); d != nil {
		if old, ok := d.GetKeyHint(t.key, &t.hint); ok {
			v, err := combine(fr, op, old, value)
			if err != nil {
				return err
			}
			d.SetKeyHint(t.key, v, &t.hint)
			return nil
		}
	}
	old, err := rt.GetAttr(fr.th, x, t.name)
	if err != nil {
		return err
	}
	v, err := combine(fr, op, old, value)
	if err != nil {
		return err
	}
	return rt.SetAttrKey(fr.th, x, t.key, v)
}

type subscriptAug struct{ x, index expr }

func (t *subscriptAug) update(fr *frame, op rt.BinaryOp, value expr) error {
	x, i, err := operands(fr, t.x, t.index)
	if err != nil {
		return err
	}
	var old rt.Value
	l, exact := rt.ExactList(x)
	n, small := i.SmallInt()
	if exact && small && n >= 0 && n < int64(len(l.Items)) {
		old = l.Items[n]
	} else if old, err = rt.GetItem(fr.th, x, i); err != nil {
		return err
	}
	v, err := combine(fr, op, old, value)
	if err != nil {
		return err
	}
	if exact && small && n >= 0 && n < int64(len(l.Items)) { // the value may have changed the list
		l.Items[n] = v
		return nil
	}
	return rt.SetItem(fr.th, x, i, v)
}

// augLocalStmt is `x op= value` for a plain local, with inline int arithmetic.
type augLocalStmt struct {
	at
	op    rt.BinaryOp
	slot  int
	name  string
	value expr
}

func (s *augLocalStmt) exec(fr *frame) (ctl, error) {
	old := fr.slots[s.slot]
	if !old.IsValid() {
		return ctlNone, unboundLocal(s.name)
	}
	v, err := s.value.eval(fr)
	if err != nil {
		return ctlNone, err
	}
	if a, ok := old.SmallInt(); ok {
		if b, ok := v.SmallInt(); ok {
			switch s.op {
			case rt.OpAdd:
				if r := a + b; (r > a) == (b > 0) {
					fr.slots[s.slot] = rt.Int(r)
					return ctlNone, nil
				}
			case rt.OpSub:
				if r := a - b; (r < a) == (b > 0) {
					fr.slots[s.slot] = rt.Int(r)
					return ctlNone, nil
				}
			}
		}
	}
	r, err := inplace(fr.th, s.op, old, v)
	if err != nil {
		return ctlNone, err
	}
	fr.slots[s.slot] = r
	return ctlNone, nil
}

type ifStmt struct {
	at
	cond      condExpr
	body, els []stmt
}

func (s *ifStmt) exec(fr *frame) (ctl, error) {
	t, err := s.cond.cond(fr)
	if err != nil {
		return ctlNone, err
	}
	if t {
		return execBlock(fr, s.body)
	}
	return execBlock(fr, s.els)
}

type whileStmt struct {
	at
	cond      condExpr
	body, els []stmt
}

func (s *whileStmt) exec(fr *frame) (ctl, error) {
	for {
		t, err := s.cond.cond(fr)
		if err != nil {
			return ctlNone, err
		}
		if !t {
			return execBlock(fr, s.els)
		}
		c, err := execBlock(fr, s.body)
		if err != nil {
			return ctlNone, err
		}
		switch c {
		case ctlBreak:
			return ctlNone, nil
		case ctlReturn:
			return c, nil
		}
		if err := checkpoint(fr); err != nil {
			return ctlNone, err
		}
	}
}

type forStmt struct {
	at
	target    assigner
	slot      int  // the target's slot when it is a plain local, else -1
	owns      bool // the iterable is made by the loop header (a call), so only the loop holds it
	iter      expr
	body, els []stmt
}

func (s *forStmt) exec(fr *frame) (ctl, error) {
	iv, err := s.iter.eval(fr)
	if err != nil {
		return ctlNone, err
	}
	if r, ok := iv.Object().(*rt.Range); ok {
		return s.execRange(fr, r)
	}
	it, err := rt.Iter(fr.th, iv)
	if err != nil {
		return ctlNone, err
	}
	for {
		v, ok, err := it.Next(fr.th)
		if err != nil {
			return ctlNone, err
		}
		if !ok {
			return execBlock(fr, s.els)
		}
		if c, done, err := s.step(fr, v); done || err != nil {
			return c, s.release(fr, it, err)
		}
	}
}

// release closes a generator the loop made itself (`for x in gen():`) when the loop ends
// early: nothing else can reach it, and CPython, freeing it at once, runs its finally blocks
// before the statement after the loop.
func (s *forStmt) release(fr *frame, it rt.Iterator, err error) error {
	if g, ok := it.(*generator); ok && s.owns {
		if cerr := g.close(fr.th); cerr != nil && err == nil {
			return cerr
		}
	}
	return err
}

// execRange iterates a range without an iterator object or boxed counters.
func (s *forStmt) execRange(fr *frame, r *rt.Range) (ctl, error) {
	n := r.Len()
	for i, v := int64(0), r.Start; i < n; i, v = i+1, v+r.Step {
		if c, done, err := s.step(fr, rt.Int(v)); done || err != nil {
			return c, err
		}
	}
	return execBlock(fr, s.els)
}

// step runs one iteration; done reports that the loop must stop with c.
func (s *forStmt) step(fr *frame, v rt.Value) (ctl, bool, error) {
	if s.slot >= 0 {
		fr.slots[s.slot] = v
	} else if err := s.target.assign(fr, v); err != nil {
		return ctlNone, true, err
	}
	c, err := execBlock(fr, s.body)
	if err != nil {
		return ctlNone, true, err
	}
	switch c {
	case ctlBreak:
		return ctlNone, true, nil
	case ctlReturn:
		return c, true, nil
	}
	return ctlNone, false, checkpoint(fr)
}

type breakStmt struct{ at }

func (*breakStmt) exec(*frame) (ctl, error) { return ctlBreak, nil }

type continueStmt struct{ at }

func (*continueStmt) exec(*frame) (ctl, error) { return ctlContinue, nil }

type passStmt struct{ at }

func (*passStmt) exec(*frame) (ctl, error) { return ctlNone, nil }

type returnStmt struct {
	at
	value expr // nil returns None
}

func (s *returnStmt) exec(fr *frame) (ctl, error) {
	if s.value == nil {
		fr.ret = rt.None
		return ctlReturn, nil
	}
	v, err := s.value.eval(fr)
	if err != nil {
		return ctlNone, err
	}
	fr.ret = v
	return ctlReturn, nil
}

type deleteStmt struct {
	at
	targets []deleter
}

func (s *deleteStmt) exec(fr *frame) (ctl, error) {
	for _, t := range s.targets {
		if err := t.del(fr); err != nil {
			return ctlNone, err
		}
	}
	return ctlNone, nil
}

type assertStmt struct {
	at
	test, msg expr
}

func (s *assertStmt) exec(fr *frame) (ctl, error) {
	t, err := truth(fr, s.test)
	if err != nil || t {
		return ctlNone, err
	}
	if s.msg == nil {
		return ctlNone, rt.NewException(rt.AssertionErrorType)
	}
	m, err := s.msg.eval(fr)
	if err != nil {
		return ctlNone, err
	}
	return ctlNone, rt.NewException(rt.AssertionErrorType, m)
}
