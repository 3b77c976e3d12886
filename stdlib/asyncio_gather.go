package stdlib

import (
	"slices"

	rt "github.com/aio-lang/aio/runtime"
)

// asyncio.gather and shield, as tasks.py of CPython 3.11 writes them.

// gatheringFuture is tasks._GatheringFuture: the outer future of gather(). It holds the
// state of gather's _done_callback, which every child calls when it is done.
type gatheringFuture struct {
	rt.Future
	children         []rt.FutureLike
	nfuts, nfinished int
	returnExceptions bool
	cancelRequested  bool
}

var gatheringFutureType = func() *rt.Class {
	c := rt.NewBuiltinClass("_GatheringFuture", rt.FutureType, nil)
	c.Module = "asyncio.tasks"
	c.Base = rt.FutureType // instances are futures: Future's repr and methods apply
	return c
}()

func (g *gatheringFuture) Type() *rt.Class { return gatheringFutureType }

// Cancel cancels every child; the outer future then fails with CancelledError once they
// are all done.
func (g *gatheringFuture) Cancel(msg rt.Value) bool {
	if g.Done() {
		return false
	}
	ret := false
	for _, c := range g.children {
		if c.Cancel(msg) {
			ret = true
		}
	}
	if ret {
		g.cancelRequested = true
	}
	return ret
}

// gatherDone is gather's _done_callback.
type gatherDone struct{ g *gatheringFuture }

func (gatherDone) CallbackName() string { return "gather.<locals>._done_callback()" }

func (d gatherDone) RunCallback(th *rt.Thread, arg rt.Value) error {
	g := d.g
	fut := arg.Object().(rt.FutureLike).AsFuture()
	g.nfinished++
	if g.Done() {
		if !fut.Cancelled() {
			fut.Exception() // mark it retrieved
		}
		return nil
	}
	if !g.returnExceptions {
		if fut.Cancelled() {
			return g.SetException(fut.CancelledError())
		}
		if exc, _ := fut.Exception(); exc != nil {
			return g.SetException(exc)
		}
	}
	if g.nfinished < g.nfuts {
		return nil
	}
	results := make([]rt.Value, len(g.children))
	for i, c := range g.children {
		cf := c.AsFuture()
		if cf.Cancelled() {
			msg := cf.CancelMessage()
			if msg.IsNone() {
				msg = str("")
			}
			results[i] = rt.Ref(rt.NewException(rt.CancelledErrorType, msg))
		} else if exc, _ := cf.Exception(); exc != nil {
			results[i] = rt.Ref(exc)
		} else {
			results[i], _ = cf.Result()
		}
	}
	if g.cancelRequested {
		return g.SetException(fut.CancelledError())
	}
	return g.SetResult(rt.NewList(results))
}

// newGather makes the outer future of gather over futures that are already wrapped.
func newGather(l *rt.Loop, children []rt.FutureLike, returnExceptions bool) *gatheringFuture {
	g := &gatheringFuture{children: children, nfuts: len(children), returnExceptions: returnExceptions}
	g.Init(g, l)
	for _, c := range children {
		c.AsFuture().AddDoneCallback(gatherDone{g})
	}
	return g
}

// asyncioGather is asyncio.gather: each argument is wrapped in a task (in argument order,
// so that they start in that order), a repeated argument only once.
func asyncioGather(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	returnExceptions := false
	for _, k := range kw {
		if k.Name != "return_exceptions" {
			return rt.Value{}, rt.TypeErrorf("gather() got an unexpected keyword argument '%s'", k.Name)
		}
		b, err := rt.Truth(th, k.Value)
		if err != nil {
			return rt.Value{}, err
		}
		returnExceptions = b
	}
	if len(args) == 0 {
		l, err := th.Async.GetEventLoop(th, nil)
		if err != nil {
			return rt.Value{}, err
		}
		f := l.CreateFuture()
		f.SetResult(rt.NewList(nil))
		return rt.Ref(f), nil
	}
	g := &gatheringFuture{returnExceptions: returnExceptions}
	g.children = make([]rt.FutureLike, 0, len(args))
	// A repeated argument is wrapped once. Repeats are rare, so a long argument list is
	// searched for them only when a quick check finds some.
	repeats := len(args) <= 8 || hasDuplicates(args)
	var seen map[rt.Object]int // argument → its child, for long lists with repeats
	if repeats && len(args) > 8 {
		seen = make(map[rt.Object]int, len(args))
	}
	var l *rt.Loop
	for i, a := range args {
		if repeats {
			if j, dup := findArg(args[:i], a, seen); dup {
				g.children = append(g.children, g.children[j])
				continue
			}
		}
		f, err := rt.EnsureFuture(th, l, a)
		if err != nil {
			return rt.Value{}, err
		}
		if l == nil {
			l = f.AsFuture().Loop()
		}
		if seen != nil {
			seen[a.Object()] = len(g.children)
		}
		g.nfuts++
		f.AsFuture().AddDoneCallback(gatherDone{g})
		g.children = append(g.children, f)
	}
	g.Init(g, l)
	return rt.Ref(g), nil
}

// hasDuplicates reports whether an object occurs twice among args. Sorting identities is
// cheaper than a map for the many-tasks case, where repeats are rare.
func hasDuplicates(args []rt.Value) bool {
	ids := make([]int64, len(args))
	for i, a := range args {
		ids[i] = rt.ID(a)
	}
	slices.Sort(ids)
	for i := 1; i < len(ids); i++ {
		if ids[i] == ids[i-1] {
			return true
		}
	}
	return false
}

// findArg looks for an earlier argument identical to a and returns its index.
func findArg(earlier []rt.Value, a rt.Value, seen map[rt.Object]int) (int, bool) {
	if seen != nil {
		j, ok := seen[a.Object()]
		return j, ok
	}
	for j, b := range earlier {
		if b.Is(a) {
			return j, true
		}
	}
	return 0, false
}

// shieldState links the inner future of shield() and the outer one it returns.
type shieldState struct {
	inner rt.FutureLike
	outer *rt.Future
}

type (
	shieldInnerDone struct{ s *shieldState }
	shieldOuterDone struct{ s *shieldState }
)

func (shieldInnerDone) CallbackName() string { return "shield.<locals>._inner_done_callback()" }
func (shieldOuterDone) CallbackName() string { return "shield.<locals>._outer_done_callback()" }

// RunCallback passes the inner future's outcome to the outer one, unless that was
// cancelled.
func (d shieldInnerDone) RunCallback(th *rt.Thread, _ rt.Value) error {
	inner, outer := d.s.inner.AsFuture(), d.s.outer
	if outer.Cancelled() {
		if !inner.Cancelled() {
			inner.Exception() // mark it retrieved
		}
		return nil
	}
	if inner.Cancelled() {
		outer.Cancel(rt.None)
		return nil
	}
	if exc, _ := inner.Exception(); exc != nil {
		return outer.SetException(exc)
	}
	v, _ := inner.Result()
	return outer.SetResult(v)
}

// RunCallback stops watching the inner future once the outer one is done.
func (d shieldOuterDone) RunCallback(th *rt.Thread, _ rt.Value) error {
	if inner := d.s.inner.AsFuture(); !inner.Done() {
		inner.RemoveDoneCallback(shieldInnerDone{d.s})
	}
	return nil
}

func asyncioShield(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var arg rt.Value
	if err := rt.UnpackArgs("shield", args, kw, "arg", &arg); err != nil {
		return rt.Value{}, err
	}
	inner, err := rt.EnsureFuture(th, nil, arg)
	if err != nil {
		return rt.Value{}, err
	}
	if inner.AsFuture().Done() {
		return rt.Ref(inner), nil
	}
	s := &shieldState{inner: inner, outer: inner.AsFuture().Loop().CreateFuture()}
	inner.AsFuture().AddDoneCallback(shieldInnerDone{s})
	s.outer.AddDoneCallback(shieldOuterDone{s})
	return rt.Ref(s.outer), nil
}
