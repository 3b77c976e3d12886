package stdlib

import (
	"math"

	rt "github.com/aio-lang/aio/runtime"
)

// asyncio.timeout and timeout_at (timeouts.py of CPython 3.11): an async context manager
// that cancels its task at a deadline and turns the resulting CancelledError into
// TimeoutError as it exits.

type timeoutState uint8

const (
	timeoutCreated timeoutState = iota
	timeoutEntered
	timeoutExpiring
	timeoutExpired
	timeoutExited
)

var timeoutStateNames = [...]string{"created", "active", "expiring", "expired", "finished"}

type timeoutObj struct {
	state      timeoutState
	when       rt.Value // a float, or None for no deadline
	handle     *rt.Handle
	task       *rt.Task
	cancelling int
}

func (t *timeoutObj) Type() *rt.Class { return timeoutType }

// fire is Timeout._on_timeout.
type timeoutFire struct{ t *timeoutObj }

func (timeoutFire) CallbackName() string { return "Timeout._on_timeout()" }

func (f timeoutFire) RunCallback(th *rt.Thread, _ rt.Value) error {
	t := f.t
	t.task.Cancel(rt.None)
	t.state = timeoutExpiring
	t.handle = nil
	return nil
}

func (t *timeoutObj) reschedule(th *rt.Thread, when rt.Value) error {
	switch t.state {
	case timeoutEntered:
	case timeoutCreated:
		return rt.Errorf(rt.RuntimeErrorType, "Timeout has not been entered")
	default:
		return rt.Errorf(rt.RuntimeErrorType, "Cannot change state of %s Timeout", timeoutStateNames[t.state])
	}
	var deadline float64
	if !when.IsNone() {
		d, ok := rt.AsFloat(when)
		if !ok {
			return rt.TypeErrorf("'<=' not supported between instances of '%s' and 'float'", typeName(when))
		}
		deadline = d
	}
	t.when = when
	if t.handle != nil {
		t.handle.Cancel()
		t.handle = nil
	}
	if when.IsNone() {
		return nil
	}
	l, err := runningLoop(th)
	if err != nil {
		return err
	}
	if deadline <= l.Time() {
		t.handle = l.CallSoonHandle(timeoutFire{t}, rt.Value{})
	} else {
		t.handle = l.CallAt(deadline, timeoutFire{t}, rt.Value{})
	}
	return nil
}

var timeoutEnterDef = rt.CoroDef[*timeoutObj]{Name: "Timeout.__aenter__", Step: func(th *rt.Thread, c *rt.Coro[*timeoutObj], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	t := c.S
	if t.state != timeoutCreated {
		return rt.Value{}, false, rt.Errorf(rt.RuntimeErrorType, "Timeout has already been entered")
	}
	task := th.Async.CurrentTask()
	if task == nil {
		return rt.Value{}, false, rt.Errorf(rt.RuntimeErrorType, "Timeout should be used inside a task")
	}
	t.state, t.task, t.cancelling = timeoutEntered, task, task.Cancelling()
	if err := t.reschedule(th, t.when); err != nil {
		return rt.Value{}, false, err
	}
	return rt.Ref(t), true, nil
}}

type timeoutExit struct {
	t       *timeoutObj
	et, exc rt.Value
}

var timeoutExitDef = rt.CoroDef[timeoutExit]{Name: "Timeout.__aexit__", Step: func(th *rt.Thread, c *rt.Coro[timeoutExit], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	t := c.S.t
	if t.handle != nil {
		t.handle.Cancel()
		t.handle = nil
	}
	switch t.state {
	case timeoutExpiring:
		t.state = timeoutExpired
		if t.task.Uncancel() <= t.cancelling && c.S.et.Object() == rt.Object(rt.CancelledErrorType) {
			exc, _ := c.S.exc.Object().(*rt.Exception)
			return rt.Value{}, false, raiseFrom(rt.NewException(rt.TimeoutErrorType), exc)
		}
	case timeoutEntered:
		t.state = timeoutExited
	}
	return rt.None, true, nil
}}

var timeoutType = newType("asyncio.timeouts", "Timeout", func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var when rt.Value
	if err := rt.UnpackArgs("Timeout", args, kw, "when", &when); err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(&timeoutObj{when: when}), nil
}, map[string]method{
	"when": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return self.Object().(*timeoutObj).when, rt.UnpackArgs("when", args, kw)
	},
	"reschedule": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		var when rt.Value
		if err := rt.UnpackArgs("reschedule", args, kw, "when", &when); err != nil {
			return rt.Value{}, err
		}
		return rt.None, self.Object().(*timeoutObj).reschedule(th, when)
	},
	"expired": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		s := self.Object().(*timeoutObj).state
		return rt.Bool(s == timeoutExpiring || s == timeoutExpired), rt.UnpackArgs("expired", args, kw)
	},
	"__aenter__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Ref(rt.NewCoro(&timeoutEnterDef, self.Object().(*timeoutObj))), nil
	},
	"__aexit__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		var et, exc, tb rt.Value
		if err := rt.UnpackArgs("__aexit__", args, kw, "exc_type", &et, "exc_val", &exc, "exc_tb", &tb); err != nil {
			return rt.Value{}, err
		}
		return rt.Ref(rt.NewCoro(&timeoutExitDef, timeoutExit{self.Object().(*timeoutObj), et, exc})), nil
	},
	"__repr__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		t := self.Object().(*timeoutObj)
		info := ""
		if t.state == timeoutEntered {
			when := "None"
			if w, ok := rt.AsFloat(t.when); ok {
				when = rt.FloatRepr(math.Round(w*1000) / 1000)
			}
			info = " when=" + when
		}
		return str("<Timeout [" + timeoutStateNames[t.state] + "]" + info + ">"), nil
	},
})

func asyncioTimeout(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var delay rt.Value
	if err := rt.UnpackArgs("timeout", args, kw, "delay", &delay); err != nil {
		return rt.Value{}, err
	}
	l, err := runningLoop(th)
	if err != nil {
		return rt.Value{}, err
	}
	when := rt.None
	if !delay.IsNone() {
		d, ok := rt.AsFloat(delay)
		if !ok {
			return rt.Value{}, rt.TypeErrorf("unsupported operand type(s) for +: 'float' and '%s'", typeName(delay))
		}
		when = rt.Float(l.Time() + d)
	}
	return rt.Ref(&timeoutObj{when: when}), nil
}

func asyncioTimeoutAt(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var when rt.Value
	if err := rt.UnpackArgs("timeout_at", args, kw, "when", &when); err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(&timeoutObj{when: when}), nil
}
