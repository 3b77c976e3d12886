package interp

import (
	rt "github.com/aio-lang/aio/runtime"
)

type raiseStmt struct {
	at
	exc, cause expr // exc nil: bare raise
}

func (s *raiseStmt) exec(fr *frame) (ctl, error) {
	if s.exc == nil {
		if cur := fr.th.CurrentException(); cur != nil {
			return ctlNone, cur
		}
		return ctlNone, rt.Errorf(rt.RuntimeErrorType, "No active exception to reraise")
	}
	v, err := s.exc.eval(fr)
	if err != nil {
		return ctlNone, err
	}
	e, err := makeException(fr.th, v)
	if err != nil {
		return ctlNone, err
	}
	if s.cause != nil {
		cv, err := s.cause.eval(fr)
		if err != nil {
			return ctlNone, err
		}
		if cv.IsNone() {
			e.Cause = nil
		} else {
			c, err := makeException(fr.th, cv)
			if err != nil {
				return ctlNone, rt.TypeErrorf("exception causes must derive from BaseException")
			}
			e.Cause = c
		}
		e.SuppressContext = true
	}
	setContext(fr.th, e)
	return ctlNone, e
}

// makeException turns the operand of raise into an exception: an instance, or a class to
// instantiate without arguments.
func makeException(th *rt.Thread, v rt.Value) (*rt.Exception, error) {
	switch o := v.Object().(type) {
	case *rt.Exception:
		return o, nil
	case *rt.Class:
		if o.IsSubclass(rt.BaseExceptionType) {
			inst, err := rt.Call(th, v, nil, nil)
			if err != nil {
				return nil, err
			}
			if e, ok := inst.Object().(*rt.Exception); ok {
				return e, nil
			}
		}
	}
	return nil, rt.TypeErrorf("exceptions must derive from BaseException")
}

// setContext records the exception being handled as e's __context__, as raising inside an
// except or finally block does in CPython, without creating a cycle.
func setContext(th *rt.Thread, e *rt.Exception) {
	cur := th.CurrentException()
	if cur == nil || cur == e || e.Context != nil {
		return
	}
	for c := cur; c != nil; c = c.Context {
		if c == e {
			return
		}
	}
	e.Context = cur
}

// handler is one except clause.
type handler struct {
	typ    expr     // nil for a bare except
	target assigner // nil without `as`
	name   deleter  // the `as` name, unbound when the handler ends
	body   []stmt
}

type tryStmt struct {
	at
	body     []stmt
	handlers []handler
	els      []stmt
	finally  []stmt
}

func (s *tryStmt) exec(fr *frame) (ctl, error) {
	c, err := s.execExcept(fr)
	if s.finally == nil {
		return c, err
	}
	return runFinally(fr, s.finally, c, err)
}

// runFinally runs a finally block after the try part finished with (c, err); a finally that
// itself raises, returns, breaks or continues overrides that outcome.
func runFinally(fr *frame, finally []stmt, c ctl, err error) (ctl, error) {
	th := fr.th
	var pending *rt.Exception
	if err != nil {
		pending = rt.AsException(err)
		th.Handling = append(th.Handling, pending)
	}
	ret := fr.ret
	fc, ferr := execBlock(fr, finally)
	if pending != nil {
		th.Handling = th.Handling[:len(th.Handling)-1]
	}
	if ferr != nil {
		if pending != nil {
			e := rt.AsException(ferr)
			if e != pending && e.Context == nil {
				e.Context = pending
			}
		}
		return ctlNone, ferr
	}
	if fc != ctlNone {
		return fc, nil
	}
	fr.ret = ret
	return c, err
}

func (s *tryStmt) execExcept(fr *frame) (ctl, error) {
	c, err := execBlock(fr, s.body)
	if err == nil {
		if c != ctlNone || s.els == nil {
			return c, nil
		}
		return execBlock(fr, s.els)
	}
	if len(s.handlers) == 0 {
		return c, err
	}
	e := rt.AsException(err)
	for i := range s.handlers {
		h := &s.handlers[i]
		ok, merr := matches(fr, h.typ, e)
		if merr != nil {
			return ctlNone, merr
		}
		if ok {
			return runHandler(fr, h, e)
		}
	}
	return ctlNone, e
}

// matches reports whether e is caught by the except clause's type expression.
func matches(fr *frame, typ expr, e *rt.Exception) (bool, error) {
	if typ == nil {
		return true, nil
	}
	tv, err := typ.eval(fr)
	if err != nil {
		return false, err
	}
	return exceptionMatches(e, tv)
}

func exceptionMatches(e *rt.Exception, tv rt.Value) (bool, error) {
	switch t := tv.Object().(type) {
	case *rt.Class:
		if !t.IsSubclass(rt.BaseExceptionType) {
			return false, catchError()
		}
		return e.Matches(t), nil
	case *rt.Tuple:
		for _, x := range t.Items {
			ok, err := exceptionMatches(e, x)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, catchError()
}

func catchError() error {
	return rt.TypeErrorf("catching classes that do not inherit from BaseException is not allowed")
}

// runHandler runs an except clause with e being handled; a new exception raised inside
// gets e as its __context__.
func runHandler(fr *frame, h *handler, e *rt.Exception) (ctl, error) {
	th := fr.th
	if h.target != nil {
		if err := h.target.assign(fr, rt.Ref(e)); err != nil {
			return ctlNone, err
		}
	}
	th.Handling = append(th.Handling, e)
	c, err := execBlock(fr, h.body)
	th.Handling = th.Handling[:len(th.Handling)-1]
	if h.name != nil {
		_ = h.name.del(fr) // `except E as x` unbinds x at the end, as in Python
	}
	if err != nil {
		x := rt.AsException(err)
		if x != e && x.Context == nil {
			x.Context = e
		}
		return ctlNone, x
	}
	return c, nil
}

// withItem is one context manager of a with statement.
type withItem struct {
	ctx    expr
	target assigner
}

type withStmt struct {
	at
	items []withItem
	body  []stmt
}

func (s *withStmt) exec(fr *frame) (ctl, error) {
	return s.enter(fr, 0)
}

// enter runs item i's context manager around the rest of the statement.
func (s *withStmt) enter(fr *frame, i int) (ctl, error) {
	if i == len(s.items) {
		return execBlock(fr, s.body)
	}
	it := s.items[i]
	mgr, err := it.ctx.eval(fr)
	if err != nil {
		return ctlNone, err
	}
	cls := mgr.Type()
	enter, exit := cls.Lookup("__enter__"), cls.Lookup("__exit__")
	if !enter.IsValid() || !exit.IsValid() {
		return ctlNone, rt.TypeErrorf("'%s' object does not support the context manager protocol", cls.Name)
	}
	v, err := rt.CallMethodValue(fr.th, enter, mgr, nil)
	if err != nil {
		return ctlNone, err
	}
	c, err := ctlNone, error(nil)
	if it.target != nil {
		err = it.target.assign(fr, v)
	}
	if err == nil {
		c, err = s.enter(fr, i+1)
	}
	return exitManager(fr, exit, mgr, c, err)
}

// exitManager calls __exit__ with the outcome of the body: a true result swallows an
// exception.
func exitManager(fr *frame, exit, mgr rt.Value, c ctl, err error) (ctl, error) {
	th := fr.th
	if err == nil {
		_, xerr := rt.CallMethodValue(th, exit, mgr, []rt.Value{rt.None, rt.None, rt.None})
		return c, xerr
	}
	e := rt.AsException(err)
	tb := rt.None
	if tv, err := rt.GetAttr(th, rt.Ref(e), "__traceback__"); err == nil {
		tb = tv
	}
	th.Handling = append(th.Handling, e)
	r, xerr := rt.CallMethodValue(th, exit, mgr, []rt.Value{rt.Ref(e.Type()), rt.Ref(e), tb})
	th.Handling = th.Handling[:len(th.Handling)-1]
	if xerr != nil {
		return ctlNone, xerr
	}
	suppress, terr := rt.Truth(th, r)
	if terr != nil {
		return ctlNone, terr
	}
	if suppress {
		return ctlNone, nil
	}
	return ctlNone, e
}
