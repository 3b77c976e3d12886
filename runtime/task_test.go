package runtime

import (
	"io"
	"strings"
	"testing"
)

// Tasks driving native coroutines: the test coroutine awaits a future, logs what the await
// gave it, and returns; with swallow set it turns a CancelledError into a return value.

type testCoro struct {
	log     *[]string
	fut     *Future
	swallow bool
}

var testCoroDef = CoroDef[testCoro]{Name: "test", Step: func(th *Thread, c *Coro[testCoro], send Value, throw *Exception) (Value, bool, error) {
	s := &c.S
	if c.PC == 0 {
		*s.log = append(*s.log, "start")
		c.PC = 1
		return c.Await(s.fut)
	}
	if throw != nil {
		*s.log = append(*s.log, "caught "+throw.Error())
		if s.swallow {
			return NewStr("swallowed"), true, nil
		}
		return Value{}, false, throw
	}
	*s.log = append(*s.log, "got "+ReprOrPlaceholder(th, send))
	return send, true, nil
}}

func startTask(t *testing.T, th *Thread, l *Loop, s testCoro) *Task {
	task, err := l.NewTask(th, Ref(NewCoro(&testCoroDef, s)), Value{})
	if err != nil {
		t.Fatal(err)
	}
	return task
}

func TestTaskAwaitsFuture(t *testing.T) {
	th, l := newTestLoop(true)
	var log []string
	f := NewFuture(l)
	task := startTask(t, th, l, testCoro{log: &log, fut: f})
	if len(log) != 0 {
		t.Fatal("creating a task ran its coroutine")
	}
	l.CallLater(1, CallbackFunc(func(*Thread, Value) error { return f.SetResult(Int(42)) }), Value{})
	v, err := l.RunUntilComplete(th, Ref(task))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(log, "; "); got != "start; got 42" {
		t.Errorf("log: %s", got)
	}
	if n, _ := v.SmallInt(); n != 42 {
		t.Errorf("result %v", v)
	}
	if s := ReprOrPlaceholder(th, Ref(task)); s != "<Task finished name='Task-1' coro=<test()> result=42>" {
		t.Errorf("repr: %s", s)
	}
}

func TestTaskCancel(t *testing.T) {
	for _, swallow := range []bool{false, true} {
		th, l := newTestLoop(true)
		var log []string
		f := NewFuture(l)
		task := startTask(t, th, l, testCoro{log: &log, fut: f, swallow: swallow})
		l.CallSoon(CallbackFunc(func(th *Thread, _ Value) error {
			if !task.Cancel(NewStr("stop")) {
				t.Error("cancel() returned false")
			}
			if task.Cancelled() {
				t.Error("cancelled before the coroutine saw CancelledError")
			}
			return nil
		}), Value{})
		v, err := l.RunUntilComplete(th, Ref(task))
		if got := strings.Join(log, "; "); got != "start; caught asyncio.exceptions.CancelledError: stop" {
			t.Errorf("swallow=%v: log %s", swallow, got)
		}
		if !f.Cancelled() {
			t.Errorf("swallow=%v: the awaited future was not cancelled", swallow)
		}
		if swallow {
			if err != nil || task.Cancelled() || ReprOrPlaceholder(th, v) != "'swallowed'" {
				t.Errorf("swallowing task: %v, %v, cancelled=%v", v, err, task.Cancelled())
			}
			continue
		}
		e, ok := err.(*Exception)
		if !ok || !e.Matches(CancelledErrorType) || !task.Cancelled() {
			t.Errorf("cancelled task: %v, cancelled=%v", err, task.Cancelled())
		}
	}
}

func TestFutureCallbacksRunInOrderThroughTheLoop(t *testing.T) {
	th, l := newTestLoop(true)
	var r recorder
	f := NewFuture(l)
	f.AddDoneCallback(r.cb("a"))
	f.AddDoneCallback(r.cb("b"))
	f.AddDoneCallback(r.cb("c"))
	if n := f.RemoveDoneCallback(CallbackFunc(nil)); n != 0 {
		t.Errorf("removed %d", n)
	}
	f.SetResult(None)
	if len(r.log) != 0 {
		t.Fatal("a done callback ran synchronously")
	}
	if err := f.SetResult(None); err == nil || !err.(*Exception).Matches(InvalidStateErrorType) {
		t.Errorf("second set_result: %v", err)
	}
	l.CallSoon(stopper(l), Value{})
	if err := l.RunForever(th); err != nil {
		t.Fatal(err)
	}
	if r.String() != "a b c" {
		t.Errorf("callbacks ran %q", r.String())
	}
}

func TestUnretrievedExceptionReportedAtClose(t *testing.T) {
	var stderr strings.Builder
	th := NewThread(io.Discard, &stderr, strings.NewReader(""))
	l := NewLoop(th, NewVirtualClock())
	f, g := NewFuture(l), NewFuture(l)
	f.SetException(ValueErrorf("lost"))
	g.SetException(ValueErrorf("seen"))
	if _, err := g.Exception(); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(th); err != nil {
		t.Fatal(err)
	}
	out := stderr.String()
	if !strings.Contains(out, "Future exception was never retrieved\nfuture: <Future finished exception=ValueError('lost')>") ||
		strings.Contains(out, "seen") {
		t.Errorf("stderr: %q", out)
	}
}
