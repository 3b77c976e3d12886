package stdlib

import (
	"strconv"

	rt "github.com/aio-lang/aio/runtime"
)

// Lock, Event, Condition, Semaphore and BoundedSemaphore, as locks.py of CPython 3.11.7
// writes them. Waiters are futures in FIFO order. A lock or semaphore never lets a newcomer
// barge past a waiter: release() hands the permit to the first waiter by completing its
// future, and locked() stays true while waiters remain, so that acquire() queues behind them.

// loopBound is mixins._LoopBoundMixin: a primitive binds to the running loop the first time
// it has to wait, and refuses any other loop afterwards.
type loopBound struct{ loop *rt.Loop }

func (b *loopBound) getLoop(th *rt.Thread, self rt.Value) (*rt.Loop, error) {
	l := th.Async.RunningLoop()
	if b.loop == nil {
		b.loop = l
	}
	if l != b.loop {
		return nil, rt.Errorf(rt.RuntimeErrorType, "%s is bound to a different event loop", rt.ReprOrPlaceholder(th, self))
	}
	if l == nil {
		return nil, rt.Errorf(rt.RuntimeErrorType, "no running event loop")
	}
	return l, nil
}

// waiterQueue is a FIFO of waiter futures; removing the front one, the usual case, is O(1).
type waiterQueue struct{ rt.Deque[*rt.Future] }

func (q *waiterQueue) remove(f *rt.Future) {
	for i := 0; i < q.Len(); i++ {
		if q.At(i) == f {
			q.RemoveAt(i)
			return
		}
	}
}

func (q *waiterQueue) anyNotCancelled() bool {
	for i := 0; i < q.Len(); i++ {
		if !q.At(i).Cancelled() {
			return true
		}
	}
	return false
}

// waitersInfo is the ", waiters:N" of the reprs.
func waitersInfo(q *waiterQueue) string {
	if q.Len() == 0 {
		return ""
	}
	return ", waiters:" + strconv.Itoa(q.Len())
}

// primitiveRepr is the repr of the locks: "<asyncio.locks.Lock object at 0x… [unlocked]>".
func primitiveRepr(v rt.Value, extra string) string {
	c := v.Type()
	return "<" + c.Module + "." + c.Qualname + " object at " + rt.HexID(v) + " [" + extra + "]>"
}

// acquirer is what `async with` and the seed-era `with (await x):` need of a lock,
// semaphore or condition.
type acquirer interface {
	acquire(th *rt.Thread) rt.Resumable
	release(th *rt.Thread, self rt.Value) error
}

// aenterDef is _ContextManagerMixin.__aenter__: `await self.acquire(); return None`.
var aenterDef = rt.CoroDef[acquirer]{Name: "_ContextManagerMixin.__aenter__", Step: func(th *rt.Thread, c *rt.Coro[acquirer], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	if c.PC == 0 {
		c.PC = 1
		return c.Await(c.S.acquire(th))
	}
	if throw != nil {
		return rt.Value{}, false, throw
	}
	return rt.None, true, nil
}}

type releaseState struct {
	a    acquirer
	self rt.Value
}

// aexitDef is _ContextManagerMixin.__aexit__: `self.release()`.
var aexitDef = rt.CoroDef[releaseState]{Name: "_ContextManagerMixin.__aexit__", Step: func(th *rt.Thread, c *rt.Coro[releaseState], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	if err := c.S.a.release(th, c.S.self); err != nil {
		return rt.Value{}, false, err
	}
	return rt.None, true, nil
}}

// legacyAwaitDef is Python 3.6's _ContextManagerMixin.__await__, behind the seed-era
// `with (await lock):`: acquire, then return a context manager whose __exit__ releases.
var legacyAwaitDef = rt.CoroDef[releaseState]{Name: "_ContextManagerMixin.__acquire_ctx", Step: func(th *rt.Thread, c *rt.Coro[releaseState], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	if c.PC == 0 {
		c.PC = 1
		return c.Await(c.S.a.acquire(th))
	}
	if throw != nil {
		return rt.Value{}, false, throw
	}
	return rt.Ref(&releaser{c.S}), true, nil
}}

// releaser is 3.6's _ContextManager: `with` releases the primitive at the block's end.
type releaser struct{ s releaseState }

var releaserType = newType("asyncio.locks", "_ContextManager", nil, map[string]method{
	"__enter__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.None, nil
	},
	"__exit__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		r := self.Object().(*releaser)
		if r.s.a == nil {
			return rt.None, nil
		}
		a := r.s
		r.s = releaseState{} // release once
		return rt.None, a.a.release(th, a.self)
	},
})

func (r *releaser) Type() *rt.Class { return releaserType }

// contextMethods are the methods that make a primitive an async context manager.
func contextMethods(methods map[string]method) map[string]method {
	methods["__aenter__"] = func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Ref(rt.NewCoro(&aenterDef, self.Object().(acquirer))), nil
	}
	methods["__aexit__"] = func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Ref(rt.NewCoro(&aexitDef, releaseState{self.Object().(acquirer), self})), nil
	}
	methods["__await__"] = func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Ref(rt.NewCoro(&legacyAwaitDef, releaseState{self.Object().(acquirer), self})), nil
	}
	return methods
}

// lockObj is asyncio.Lock.
type lockObj struct {
	loopBound
	waiters waiterQueue
	locked  bool
}

func (l *lockObj) Type() *rt.Class { return lockType }

type lockAcquire struct {
	l   *lockObj
	fut *rt.Future
}

var lockAcquireDef = rt.CoroDef[lockAcquire]{Name: "Lock.acquire", Step: func(th *rt.Thread, c *rt.Coro[lockAcquire], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	s := &c.S
	l := s.l
	if c.PC == 0 {
		if !l.locked && !l.waiters.anyNotCancelled() {
			l.locked = true
			return rt.True, true, nil
		}
		loop, err := l.getLoop(th, rt.Ref(l))
		if err != nil {
			return rt.Value{}, false, err
		}
		s.fut = loop.CreateFuture()
		l.waiters.PushBack(s.fut)
		c.PC = 1
		return c.Await(s.fut)
	}
	l.waiters.remove(s.fut)
	if throw != nil {
		if throw.Matches(rt.CancelledErrorType) && !l.locked {
			l.wakeUpFirst()
		}
		return rt.Value{}, false, throw
	}
	l.locked = true
	return rt.True, true, nil
}}

func (l *lockObj) acquire(th *rt.Thread) rt.Resumable {
	return rt.NewCoro(&lockAcquireDef, lockAcquire{l: l})
}

func (l *lockObj) release(th *rt.Thread, _ rt.Value) error {
	if !l.locked {
		return rt.Errorf(rt.RuntimeErrorType, "Lock is not acquired.")
	}
	l.locked = false
	l.wakeUpFirst()
	return nil
}

func (l *lockObj) wakeUpFirst() {
	if l.waiters.Len() == 0 {
		return
	}
	if f := l.waiters.At(0); !f.Done() {
		f.SetResult(rt.True)
	}
}

var lockType = newType("asyncio.locks", "Lock", func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	if err := rt.UnpackArgs("Lock", args, kw); err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(&lockObj{}), nil
}, contextMethods(map[string]method{
	"acquire": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Ref(self.Object().(*lockObj).acquire(th)), rt.UnpackArgs("acquire", args, kw)
	},
	"release": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		if err := rt.UnpackArgs("release", args, kw); err != nil {
			return rt.Value{}, err
		}
		return rt.None, self.Object().(*lockObj).release(th, self)
	},
	"locked": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Bool(self.Object().(*lockObj).locked), rt.UnpackArgs("locked", args, kw)
	},
	"__repr__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		l := self.Object().(*lockObj)
		extra := "unlocked"
		if l.locked {
			extra = "locked"
		}
		return str(primitiveRepr(self, extra+waitersInfo(&l.waiters))), nil
	},
}))

// eventObj is asyncio.Event.
type eventObj struct {
	loopBound
	waiters waiterQueue
	value   bool
}

func (e *eventObj) Type() *rt.Class { return eventType }

func (e *eventObj) set() {
	if e.value {
		return
	}
	e.value = true
	for i := 0; i < e.waiters.Len(); i++ {
		if f := e.waiters.At(i); !f.Done() {
			f.SetResult(rt.True)
		}
	}
}

type eventWait struct {
	e   *eventObj
	fut *rt.Future
}

var eventWaitDef = rt.CoroDef[eventWait]{Name: "Event.wait", Step: func(th *rt.Thread, c *rt.Coro[eventWait], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	s := &c.S
	if c.PC == 0 {
		if s.e.value {
			return rt.True, true, nil
		}
		loop, err := s.e.getLoop(th, rt.Ref(s.e))
		if err != nil {
			return rt.Value{}, false, err
		}
		s.fut = loop.CreateFuture()
		s.e.waiters.PushBack(s.fut)
		c.PC = 1
		return c.Await(s.fut)
	}
	s.e.waiters.remove(s.fut)
	if throw != nil {
		return rt.Value{}, false, throw
	}
	return rt.True, true, nil
}}

func (e *eventObj) wait() rt.Resumable { return rt.NewCoro(&eventWaitDef, eventWait{e: e}) }

var eventType = newType("asyncio.locks", "Event", func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	if err := rt.UnpackArgs("Event", args, kw); err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(&eventObj{}), nil
}, map[string]method{
	"is_set": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Bool(self.Object().(*eventObj).value), rt.UnpackArgs("is_set", args, kw)
	},
	"set": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		self.Object().(*eventObj).set()
		return rt.None, rt.UnpackArgs("set", args, kw)
	},
	"clear": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		self.Object().(*eventObj).value = false
		return rt.None, rt.UnpackArgs("clear", args, kw)
	},
	"wait": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Ref(self.Object().(*eventObj).wait()), rt.UnpackArgs("wait", args, kw)
	},
	"__repr__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		e := self.Object().(*eventObj)
		extra := "unset"
		if e.value {
			extra = "set"
		}
		return str(primitiveRepr(self, extra+waitersInfo(&e.waiters))), nil
	},
})

// conditionObj is asyncio.Condition over a Lock.
type conditionObj struct {
	loopBound
	lock    *lockObj
	waiters waiterQueue
}

func (c *conditionObj) Type() *rt.Class { return conditionType }

func (c *conditionObj) acquire(th *rt.Thread) rt.Resumable { return c.lock.acquire(th) }

func (c *conditionObj) release(th *rt.Thread, _ rt.Value) error {
	return c.lock.release(th, rt.Value{})
}

type conditionWait struct {
	c         *conditionObj
	fut       *rt.Future
	outcome   *rt.Exception // what the wait for a notification ended with
	cancelled bool          // the re-acquisition was cancelled at least once
}

// conditionWaitDef is Condition.wait: release the lock, wait for a notification, and
// re-acquire the lock whatever happens, even through cancellations.
var conditionWaitDef = rt.CoroDef[conditionWait]{Name: "Condition.wait", Step: func(th *rt.Thread, c *rt.Coro[conditionWait], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	s := &c.S
	switch c.PC {
	case 0:
		if !s.c.lock.locked {
			return rt.Value{}, false, rt.Errorf(rt.RuntimeErrorType, "cannot wait on un-acquired lock")
		}
		s.c.lock.release(th, rt.Value{})
		loop, err := s.c.getLoop(th, rt.Ref(s.c))
		if err != nil {
			s.outcome = rt.AsException(err)
			c.PC = 2
			return c.Await(s.c.lock.acquire(th))
		}
		s.fut = loop.CreateFuture()
		s.c.waiters.PushBack(s.fut)
		c.PC = 1
		return c.Await(s.fut)
	case 1:
		s.c.waiters.remove(s.fut)
		s.outcome = throw
		c.PC = 2
		return c.Await(s.c.lock.acquire(th))
	}
	if throw != nil {
		if !throw.Matches(rt.CancelledErrorType) {
			return rt.Value{}, false, throw
		}
		s.cancelled = true
		return c.Await(s.c.lock.acquire(th))
	}
	if s.cancelled {
		return rt.Value{}, false, rt.NewException(rt.CancelledErrorType)
	}
	if s.outcome != nil {
		return rt.Value{}, false, s.outcome
	}
	return rt.True, true, nil
}}

type conditionWaitFor struct {
	c         *conditionObj
	predicate rt.Value
}

// conditionWaitForDef is Condition.wait_for: wait until predicate() is true.
var conditionWaitForDef = rt.CoroDef[conditionWaitFor]{Name: "Condition.wait_for", Step: func(th *rt.Thread, c *rt.Coro[conditionWaitFor], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	if throw != nil {
		return rt.Value{}, false, throw
	}
	r, err := rt.Call(th, c.S.predicate, nil, nil)
	if err != nil {
		return rt.Value{}, false, err
	}
	ok, err := rt.Truth(th, r)
	if err != nil || ok {
		return r, err == nil, err
	}
	return c.Await(rt.NewCoro(&conditionWaitDef, conditionWait{c: c.S.c}))
}}

func (c *conditionObj) notify(n int) error {
	if !c.lock.locked {
		return rt.Errorf(rt.RuntimeErrorType, "cannot notify on un-acquired lock")
	}
	woken := 0
	for i := 0; i < c.waiters.Len() && woken < n; i++ {
		if f := c.waiters.At(i); !f.Done() {
			woken++
			f.SetResult(rt.False)
		}
	}
	return nil
}

var conditionType = newType("asyncio.locks", "Condition", func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	lv := rt.None
	if err := rt.UnpackArgs("Condition", args, kw, "lock?", &lv); err != nil {
		return rt.Value{}, err
	}
	c := &conditionObj{}
	if lv.IsNone() {
		c.lock = &lockObj{}
	} else if l, ok := lv.Object().(*lockObj); ok {
		c.lock = l
	} else {
		return rt.Value{}, rt.TypeErrorf("Condition() lock must be an asyncio.Lock, not %s", typeName(lv))
	}
	return rt.Ref(c), nil
}, contextMethods(map[string]method{
	"acquire": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Ref(self.Object().(*conditionObj).acquire(th)), rt.UnpackArgs("acquire", args, kw)
	},
	"release": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		if err := rt.UnpackArgs("release", args, kw); err != nil {
			return rt.Value{}, err
		}
		return rt.None, self.Object().(*conditionObj).release(th, self)
	},
	"locked": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Bool(self.Object().(*conditionObj).lock.locked), rt.UnpackArgs("locked", args, kw)
	},
	"wait": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		c := self.Object().(*conditionObj)
		return rt.Ref(rt.NewCoro(&conditionWaitDef, conditionWait{c: c})), rt.UnpackArgs("wait", args, kw)
	},
	"wait_for": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		var pred rt.Value
		if err := rt.UnpackArgs("wait_for", args, kw, "predicate", &pred); err != nil {
			return rt.Value{}, err
		}
		return rt.Ref(rt.NewCoro(&conditionWaitForDef, conditionWaitFor{self.Object().(*conditionObj), pred})), nil
	},
	"notify": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		n := 1
		if err := rt.UnpackArgs("notify", args, kw, "n?", &n); err != nil {
			return rt.Value{}, err
		}
		return rt.None, self.Object().(*conditionObj).notify(n)
	},
	"notify_all": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		c := self.Object().(*conditionObj)
		return rt.None, c.notify(c.waiters.Len())
	},
	"__repr__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		c := self.Object().(*conditionObj)
		extra := "unlocked"
		if c.lock.locked {
			extra = "locked"
		}
		return str(primitiveRepr(self, extra+waitersInfo(&c.waiters))), nil
	},
}))

// semaphoreObj is asyncio.Semaphore and, with bound >= 0, BoundedSemaphore.
type semaphoreObj struct {
	loopBound
	cls     *rt.Class
	waiters waiterQueue
	value   int
	bound   int // the initial value of a BoundedSemaphore; -1 for a Semaphore
}

func (s *semaphoreObj) Type() *rt.Class { return s.cls }

func (s *semaphoreObj) locked() bool { return s.value == 0 || s.waiters.anyNotCancelled() }

// wakeUpNext hands a permit to the first waiter that is still waiting.
func (s *semaphoreObj) wakeUpNext() {
	for i := 0; i < s.waiters.Len(); i++ {
		if f := s.waiters.At(i); !f.Done() {
			s.value--
			f.SetResult(rt.True)
			return
		}
	}
}

type semaphoreAcquire struct {
	s   *semaphoreObj
	fut *rt.Future
}

var semaphoreAcquireDef = rt.CoroDef[semaphoreAcquire]{Name: "Semaphore.acquire", Step: func(th *rt.Thread, c *rt.Coro[semaphoreAcquire], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	st := &c.S
	s := st.s
	if c.PC == 0 {
		if !s.locked() {
			s.value--
			return rt.True, true, nil
		}
		loop, err := s.getLoop(th, rt.Ref(s))
		if err != nil {
			return rt.Value{}, false, err
		}
		st.fut = loop.CreateFuture()
		s.waiters.PushBack(st.fut)
		c.PC = 1
		return c.Await(st.fut)
	}
	s.waiters.remove(st.fut)
	if throw != nil {
		if throw.Matches(rt.CancelledErrorType) && !st.fut.Cancelled() {
			// Woken, then cancelled: give the permit to the next waiter.
			s.value++
			s.wakeUpNext()
		}
		return rt.Value{}, false, throw
	}
	if s.value > 0 {
		s.wakeUpNext()
	}
	return rt.True, true, nil
}}

func (s *semaphoreObj) acquire(th *rt.Thread) rt.Resumable {
	return rt.NewCoro(&semaphoreAcquireDef, semaphoreAcquire{s: s})
}

func (s *semaphoreObj) release(th *rt.Thread, _ rt.Value) error {
	if s.bound >= 0 && s.value >= s.bound {
		return rt.ValueErrorf("BoundedSemaphore released too many times")
	}
	s.value++
	s.wakeUpNext()
	return nil
}

func newSemaphore(bounded bool) func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	return func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		value := 1
		if err := rt.UnpackArgs(cls.Name, args, kw, "value?", &value); err != nil {
			return rt.Value{}, err
		}
		if value < 0 {
			return rt.Value{}, rt.ValueErrorf("Semaphore initial value must be >= 0")
		}
		s := &semaphoreObj{cls: cls, value: value, bound: -1}
		if bounded {
			s.bound = value
		}
		return rt.Ref(s), nil
	}
}

var semaphoreType = newType("asyncio.locks", "Semaphore", newSemaphore(false), contextMethods(map[string]method{
	"acquire": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Ref(self.Object().(*semaphoreObj).acquire(th)), rt.UnpackArgs("acquire", args, kw)
	},
	"release": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		if err := rt.UnpackArgs("release", args, kw); err != nil {
			return rt.Value{}, err
		}
		return rt.None, self.Object().(*semaphoreObj).release(th, self)
	},
	"locked": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Bool(self.Object().(*semaphoreObj).locked()), rt.UnpackArgs("locked", args, kw)
	},
	"__repr__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		s := self.Object().(*semaphoreObj)
		extra := "locked"
		if !s.locked() {
			extra = "unlocked, value:" + strconv.Itoa(s.value)
		}
		return str(primitiveRepr(self, extra+waitersInfo(&s.waiters))), nil
	},
}))

var boundedSemaphoreType = newSubType(semaphoreType, "BoundedSemaphore", newSemaphore(true))

// newSubType makes a Go-implemented subclass of a stdlib class: it inherits the methods,
// and instances are built by newFn.
func newSubType(base *rt.Class, name string, newFn func(*rt.Thread, *rt.Class, []rt.Value, []rt.Kwarg) (rt.Value, error)) *rt.Class {
	c, err := rt.NewClass(name, name, base.Module, []*rt.Class{base}, rt.NewDict())
	if err != nil {
		panic(err)
	}
	c.Base, c.New = c, newFn
	return c
}

// Attr serves the private attributes that programs written for CPython sometimes read.
func (l *lockObj) Attr(name string) (rt.Value, bool) {
	if name == "_locked" {
		return rt.Bool(l.locked), true
	}
	return rt.Value{}, false
}

// Attr serves the private attributes that programs written for CPython sometimes read.
func (e *eventObj) Attr(name string) (rt.Value, bool) {
	if name == "_value" {
		return rt.Bool(e.value), true
	}
	return rt.Value{}, false
}

// Attr serves the private attributes that programs written for CPython sometimes read.
func (s *semaphoreObj) Attr(name string) (rt.Value, bool) {
	switch name {
	case "_value":
		return rt.Int(int64(s.value)), true
	case "_bound_value":
		if s.bound >= 0 {
			return rt.Int(int64(s.bound)), true
		}
	}
	return rt.Value{}, false
}
