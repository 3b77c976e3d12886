package stdlib

import (
	"strconv"
	"strings"

	rt "github.com/aio-lang/aio/runtime"
)

// asyncio.TaskGroup (taskgroups.py of CPython 3.11): an async context manager that waits
// for the tasks created in it; the first task to fail cancels the others and the body, and
// the group raises the failures together as an ExceptionGroup.

type taskGroup struct {
	entered, exiting, aborting bool
	loop                       *rt.Loop
	parent                     *rt.Task
	parentCancelRequested      bool
	tasks                      map[*rt.Task]struct{}
	order                      []*rt.Task // tasks in creation order, done ones included
	errors                     []*rt.Exception
	baseError                  *rt.Exception
	onCompleted                *rt.Future
}

func (g *taskGroup) Type() *rt.Class { return taskGroupType }

func isBaseError(e *rt.Exception) bool {
	return e.Matches(rt.SystemExitType) || e.Matches(rt.KeyboardInterruptType)
}

// abort cancels the tasks still running, oldest first.
func (g *taskGroup) abort() {
	g.aborting = true
	for _, t := range g.order {
		if _, ok := g.tasks[t]; ok && !t.Done() {
			t.Cancel(rt.None)
		}
	}
}

// tgTaskDone is TaskGroup._on_task_done.
type tgTaskDone struct{ g *taskGroup }

func (tgTaskDone) CallbackName() string { return "TaskGroup._on_task_done()" }

func (d tgTaskDone) RunCallback(th *rt.Thread, arg rt.Value) error {
	g := d.g
	t := arg.Object().(*rt.Task)
	delete(g.tasks, t)
	if len(g.tasks) == 0 {
		g.order = g.order[:0]
		if g.onCompleted != nil && !g.onCompleted.Done() {
			g.onCompleted.SetResult(rt.True)
		}
	}
	if t.Cancelled() {
		return nil
	}
	exc, _ := t.Exception()
	if exc == nil {
		return nil
	}
	g.errors = append(g.errors, exc)
	if isBaseError(exc) && g.baseError == nil {
		g.baseError = exc
	}
	if g.parent.Done() {
		g.loop.CallExceptionHandler(th, []rt.ReportItem{
			{Key: "message", Val: str("Task " + rt.ReprOrPlaceholder(th, arg) + " has errored out but its parent task " +
				rt.StrOrPlaceholder(th, rt.Ref(g.parent)) + " is already completed")},
			{Key: "exception", Val: rt.Ref(exc)},
			{Key: "task", Val: arg},
		})
		return nil
	}
	if !g.aborting && !g.parentCancelRequested {
		g.abort()
		g.parentCancelRequested = true
		g.parent.Cancel(rt.None)
	}
	return nil
}

var tgEnterDef = rt.CoroDef[*taskGroup]{Name: "TaskGroup.__aenter__", Step: func(th *rt.Thread, c *rt.Coro[*taskGroup], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	g := c.S
	if g.entered {
		return rt.Value{}, false, rt.Errorf(rt.RuntimeErrorType, "TaskGroup %s has already been entered", g.repr())
	}
	if g.loop == nil {
		l, err := runningLoop(th)
		if err != nil {
			return rt.Value{}, false, err
		}
		g.loop = l
	}
	g.parent = g.loop.CurrentTask()
	if g.parent == nil {
		return rt.Value{}, false, rt.Errorf(rt.RuntimeErrorType, "TaskGroup %s cannot determine the parent task", g.repr())
	}
	g.entered = true
	return rt.Ref(g), true, nil
}}

type tgExit struct {
	g         *taskGroup
	et        rt.Value
	exc       *rt.Exception
	propagate *rt.Exception // the CancelledError to raise if nothing failed
}

var tgExitDef = rt.CoroDef[tgExit]{Name: "TaskGroup.__aexit__", Step: func(th *rt.Thread, c *rt.Coro[tgExit], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	s := &c.S
	g := s.g
	cancelledExit := s.et.Object() == rt.Object(rt.CancelledErrorType)
	if c.PC == 0 {
		g.exiting = true
		if s.exc != nil && isBaseError(s.exc) && g.baseError == nil {
			g.baseError = s.exc
		}
		if cancelledExit {
			s.propagate = s.exc
		}
		if g.parentCancelRequested && g.parent.Uncancel() == 0 {
			s.propagate = nil
		}
		if !s.et.IsNone() && !g.aborting {
			g.abort()
		}
		c.PC = 1
	} else {
		if throw != nil {
			if !throw.Matches(rt.CancelledErrorType) {
				return rt.Value{}, false, throw
			}
			if !g.aborting {
				s.propagate = throw
				g.abort()
			}
		}
		g.onCompleted = nil
	}
	if len(g.tasks) > 0 {
		if g.onCompleted == nil {
			g.onCompleted = g.loop.CreateFuture()
		}
		return c.Await(g.onCompleted)
	}
	if g.baseError != nil {
		return rt.Value{}, false, g.baseError
	}
	if s.propagate != nil && len(g.errors) == 0 {
		return rt.Value{}, false, s.propagate
	}
	if !s.et.IsNone() && !cancelledExit {
		g.errors = append(g.errors, s.exc)
	}
	if len(g.errors) > 0 {
		me := rt.NewExceptionGroup("unhandled errors in a TaskGroup", g.errors)
		g.errors = nil
		me.Context, me.SuppressContext = s.exc, true
		return rt.Value{}, false, me
	}
	return rt.None, true, nil
}}

func (g *taskGroup) repr() string {
	var info []string
	if len(g.tasks) > 0 {
		info = append(info, "tasks="+strconv.Itoa(len(g.tasks)))
	}
	if len(g.errors) > 0 {
		info = append(info, "errors="+strconv.Itoa(len(g.errors)))
	}
	if g.aborting {
		info = append(info, "cancelling")
	} else if g.entered {
		info = append(info, "entered")
	}
	if len(info) == 0 {
		return "<TaskGroup>"
	}
	return "<TaskGroup " + strings.Join(info, " ") + ">"
}

var taskGroupType = newType("asyncio.taskgroups", "TaskGroup", func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	if err := rt.UnpackArgs("TaskGroup", args, kw); err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(&taskGroup{tasks: map[*rt.Task]struct{}{}}), nil
}, map[string]method{
	"create_task": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		coro, name, err := taskArgs(args, kw)
		if err != nil {
			return rt.Value{}, err
		}
		g := self.Object().(*taskGroup)
		switch {
		case !g.entered:
			return rt.Value{}, rt.Errorf(rt.RuntimeErrorType, "TaskGroup %s has not been entered", g.repr())
		case g.exiting && len(g.tasks) == 0:
			return rt.Value{}, rt.Errorf(rt.RuntimeErrorType, "TaskGroup %s is finished", g.repr())
		case g.aborting:
			return rt.Value{}, rt.Errorf(rt.RuntimeErrorType, "TaskGroup %s is shutting down", g.repr())
		}
		tv, err := createNamedTask(th, g.loop, coro, name)
		if err != nil {
			return rt.Value{}, err
		}
		t := tv.Object().(*rt.Task)
		t.AddDoneCallback(tgTaskDone{g})
		g.tasks[t] = struct{}{}
		g.order = append(g.order, t)
		return tv, nil
	},
	"__aenter__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Ref(rt.NewCoro(&tgEnterDef, self.Object().(*taskGroup))), nil
	},
	"__aexit__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		var et, exc, tb rt.Value
		if err := rt.UnpackArgs("__aexit__", args, kw, "et", &et, "exc", &exc, "tb", &tb); err != nil {
			return rt.Value{}, err
		}
		e, _ := exc.Object().(*rt.Exception)
		return rt.Ref(rt.NewCoro(&tgExitDef, tgExit{g: self.Object().(*taskGroup), et: et, exc: e})), nil
	},
	"__repr__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return str(self.Object().(*taskGroup).repr()), nil
	},
})
