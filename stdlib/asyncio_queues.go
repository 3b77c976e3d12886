package stdlib

import (
	"strconv"

	rt "github.com/aio-lang/aio/runtime"
)

// Queue, PriorityQueue and LifoQueue, as queues.py of CPython 3.11 writes them: getters
// and putters wait on futures in FIFO order; put_nowait wakes the first getter and
// get_nowait the first putter; join waits on an Event that task_done sets.

type queueKind uint8

const (
	fifoQueue queueKind = iota
	lifoQueue
	priorityQueue
)

type queueObject struct {
	loopBound
	cls        *rt.Class
	kind       queueKind
	maxsize    int
	items      rt.Deque[rt.Value] // FIFO and LIFO queues
	heap       []rt.Value         // a priority queue, in heapq order
	getters    waiterQueue
	putters    waiterQueue
	unfinished int
	finished   eventObj
}

func newQueueObject(cls *rt.Class, kind queueKind, maxsize int) *queueObject {
	q := &queueObject{cls: cls, kind: kind, maxsize: maxsize}
	q.finished.value = true
	return q
}

func (q *queueObject) Type() *rt.Class { return q.cls }

func (q *queueObject) qsize() int {
	if q.kind == priorityQueue {
		return len(q.heap)
	}
	return q.items.Len()
}

func (q *queueObject) full() bool { return q.maxsize > 0 && q.qsize() >= q.maxsize }

func (q *queueObject) put(th *rt.Thread, v rt.Value) error {
	switch q.kind {
	case priorityQueue:
		q.heap = append(q.heap, v)
		return heapSiftDown(th, q.heap, 0, len(q.heap)-1)
	}
	q.items.PushBack(v)
	return nil
}

func (q *queueObject) get(th *rt.Thread) (rt.Value, error) {
	switch q.kind {
	case priorityQueue:
		return heapPop(th, &q.heap)
	case lifoQueue:
		return q.items.PopBack(), nil
	}
	return q.items.PopFront(), nil
}

// wakeupNext completes the first waiter that is still waiting, dropping the others.
func wakeupNext(waiters *waiterQueue) {
	for waiters.Len() > 0 {
		if w := waiters.PopFront(); !w.Done() {
			w.SetResult(rt.None)
			return
		}
	}
}

func (q *queueObject) putNowait(th *rt.Thread, v rt.Value) error {
	if q.full() {
		return rt.NewException(rt.QueueFullType)
	}
	if err := q.put(th, v); err != nil {
		return err
	}
	q.unfinished++
	q.finished.value = false
	wakeupNext(&q.getters)
	return nil
}

func (q *queueObject) getNowait(th *rt.Thread) (rt.Value, error) {
	if q.qsize() == 0 {
		return rt.Value{}, rt.NewException(rt.QueueEmptyType)
	}
	v, err := q.get(th)
	if err != nil {
		return rt.Value{}, err
	}
	wakeupNext(&q.putters)
	return v, nil
}

type queueOp struct {
	q      *queueObject
	item   rt.Value // put's item
	waiter *rt.Future
}

// queueGetDef is Queue.get: wait while the queue is empty, then get_nowait.
var queueGetDef = rt.CoroDef[queueOp]{Name: "Queue.get", Step: func(th *rt.Thread, c *rt.Coro[queueOp], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	return c.S.step(th, c, throw, false)
}}

// queuePutDef is Queue.put: wait while the queue is full, then put_nowait.
var queuePutDef = rt.CoroDef[queueOp]{Name: "Queue.put", Step: func(th *rt.Thread, c *rt.Coro[queueOp], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	return c.S.step(th, c, throw, true)
}}

func (s *queueOp) step(th *rt.Thread, c *rt.Coro[queueOp], throw *rt.Exception, put bool) (rt.Value, bool, error) {
	q := s.q
	blocked, waiters := q.qsize() == 0, &q.getters
	if put {
		blocked, waiters = q.full(), &q.putters
	}
	if c.PC == 1 {
		if throw != nil {
			s.waiter.Cancel(rt.None)
			waiters.remove(s.waiter)
			if !blocked && !s.waiter.Cancelled() {
				wakeupNext(waiters)
			}
			return rt.Value{}, false, throw
		}
	}
	if blocked {
		loop, err := q.getLoop(th, rt.Ref(q))
		if err != nil {
			return rt.Value{}, false, err
		}
		s.waiter = loop.CreateFuture()
		waiters.PushBack(s.waiter)
		c.PC = 1
		return c.Await(s.waiter)
	}
	if put {
		return rt.None, true, q.putNowait(th, s.item)
	}
	v, err := q.getNowait(th)
	return v, err == nil, err
}

func (q *queueObject) getCoro() rt.Resumable { return rt.NewCoro(&queueGetDef, queueOp{q: q}) }

type queueJoin struct{ q *queueObject }

var queueJoinDef = rt.CoroDef[queueJoin]{Name: "Queue.join", Step: func(th *rt.Thread, c *rt.Coro[queueJoin], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	if c.PC == 0 && c.S.q.unfinished > 0 {
		c.PC = 1
		return c.Await(c.S.q.finished.wait())
	}
	if throw != nil {
		return rt.Value{}, false, throw
	}
	return rt.None, true, nil
}}

// format is Queue._format.
func (q *queueObject) format(th *rt.Thread) (string, error) {
	s := "maxsize=" + strconv.Itoa(q.maxsize)
	if n := q.qsize(); n > 0 {
		items := q.heap
		if q.kind != priorityQueue {
			items = make([]rt.Value, n)
			for i := range items {
				items[i] = q.items.At(i)
			}
		}
		r, err := rt.Repr(th, rt.NewList(append([]rt.Value(nil), items...)))
		if err != nil {
			return "", err
		}
		s += " _queue=" + r
	}
	if n := q.getters.Len(); n > 0 {
		s += " _getters[" + strconv.Itoa(n) + "]"
	}
	if n := q.putters.Len(); n > 0 {
		s += " _putters[" + strconv.Itoa(n) + "]"
	}
	if q.unfinished > 0 {
		s += " tasks=" + strconv.Itoa(q.unfinished)
	}
	return s, nil
}

func newQueue(kind queueKind) func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	return func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		maxsize := 0
		if err := rt.UnpackArgs(cls.Name, args, kw, "maxsize?", &maxsize); err != nil {
			return rt.Value{}, err
		}
		return rt.Ref(newQueueObject(cls, kind, maxsize)), nil
	}
}

func queueMethod(name string, f func(th *rt.Thread, q *queueObject) (rt.Value, error)) method {
	return func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		if err := rt.UnpackArgs(name, args, kw); err != nil {
			return rt.Value{}, err
		}
		return f(th, self.Object().(*queueObject))
	}
}

func queueItemMethod(name string, f func(th *rt.Thread, q *queueObject, item rt.Value) (rt.Value, error)) method {
	return func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		if len(args) != 1 || len(kw) != 0 {
			return rt.Value{}, rt.UnpackArgs(name, args, kw, "item", new(rt.Value))
		}
		return f(th, self.Object().(*queueObject), args[0])
	}
}

var queueType = newType("asyncio.queues", "Queue", newQueue(fifoQueue), map[string]method{
	"qsize": queueMethod("qsize", func(th *rt.Thread, q *queueObject) (rt.Value, error) {
		return rt.Int(int64(q.qsize())), nil
	}),
	"empty": queueMethod("empty", func(th *rt.Thread, q *queueObject) (rt.Value, error) {
		return rt.Bool(q.qsize() == 0), nil
	}),
	"full": queueMethod("full", func(th *rt.Thread, q *queueObject) (rt.Value, error) {
		return rt.Bool(q.full()), nil
	}),
	"put_nowait": queueItemMethod("put_nowait", func(th *rt.Thread, q *queueObject, item rt.Value) (rt.Value, error) {
		return rt.None, q.putNowait(th, item)
	}),
	"put": queueItemMethod("put", func(th *rt.Thread, q *queueObject, item rt.Value) (rt.Value, error) {
		return rt.Ref(rt.NewCoro(&queuePutDef, queueOp{q: q, item: item})), nil
	}),
	"get_nowait": queueMethod("get_nowait", func(th *rt.Thread, q *queueObject) (rt.Value, error) {
		return q.getNowait(th)
	}),
	"get": queueMethod("get", func(th *rt.Thread, q *queueObject) (rt.Value, error) {
		return rt.Ref(q.getCoro()), nil
	}),
	"task_done": queueMethod("task_done", func(th *rt.Thread, q *queueObject) (rt.Value, error) {
		if q.unfinished <= 0 {
			return rt.Value{}, rt.ValueErrorf("task_done() called too many times")
		}
		q.unfinished--
		if q.unfinished == 0 {
			q.finished.set()
		}
		return rt.None, nil
	}),
	"join": queueMethod("join", func(th *rt.Thread, q *queueObject) (rt.Value, error) {
		return rt.Ref(rt.NewCoro(&queueJoinDef, queueJoin{q})), nil
	}),
	"__repr__": queueMethod("__repr__", func(th *rt.Thread, q *queueObject) (rt.Value, error) {
		f, err := q.format(th)
		return str("<" + q.cls.Name + " at " + rt.HexID(rt.Ref(q)) + " " + f + ">"), err
	}),
	"__str__": queueMethod("__str__", func(th *rt.Thread, q *queueObject) (rt.Value, error) {
		f, err := q.format(th)
		return str("<" + q.cls.Name + " " + f + ">"), err
	}),
})

var (
	priorityQueueType = newSubType(queueType, "PriorityQueue", newQueue(priorityQueue))
	lifoQueueType     = newSubType(queueType, "LifoQueue", newQueue(lifoQueue))
)

// Attr serves the maxsize property and private attributes that programs written for
// CPython sometimes read.
func (q *queueObject) Attr(name string) (rt.Value, bool) {
	switch name {
	case "maxsize", "_maxsize":
		return rt.Int(int64(q.maxsize)), true
	case "_unfinished_tasks":
		return rt.Int(int64(q.unfinished)), true
	}
	return rt.Value{}, false
}

// heapSiftDown and heapSiftUp are heapq's _siftdown and _siftup, comparing with Python's <,
// so that a PriorityQueue pops items in exactly CPython's order, ties included.
func heapSiftDown(th *rt.Thread, heap []rt.Value, start, pos int) error {
	item := heap[pos]
	for pos > start {
		parent := (pos - 1) >> 1
		less, err := rt.Less(th, item, heap[parent])
		if err != nil {
			return err
		}
		if !less {
			break
		}
		heap[pos] = heap[parent]
		pos = parent
	}
	heap[pos] = item
	return nil
}

func heapSiftUp(th *rt.Thread, heap []rt.Value, pos int) error {
	end, start, item := len(heap), pos, heap[pos]
	child := 2*pos + 1
	for child < end {
		if right := child + 1; right < end {
			less, err := rt.Less(th, heap[child], heap[right])
			if err != nil {
				return err
			}
			if !less {
				child = right
			}
		}
		heap[pos] = heap[child]
		pos = child
		child = 2*pos + 1
	}
	heap[pos] = item
	return heapSiftDown(th, heap, start, pos)
}

func heapPop(th *rt.Thread, heap *[]rt.Value) (rt.Value, error) {
	h := *heap
	last := h[len(h)-1]
	h[len(h)-1] = rt.Value{}
	h = h[:len(h)-1]
	*heap = h
	if len(h) == 0 {
		return last, nil
	}
	top := h[0]
	h[0] = last
	return top, heapSiftUp(th, h, 0)
}
