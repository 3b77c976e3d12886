package stdlib

import (
	"net"

	rt "github.com/aio-lang/aio/runtime"
)

// asyncio.start_server and its Server (base_events.Server of CPython 3.11). A goroutine
// accepts connections and posts each to the loop, where the callback gets its reader and
// writer; a coroutine callback runs as a task.

type server struct {
	loop    *rt.Loop
	ln      net.Listener // nil once closed
	addr    net.Addr
	cb      rt.Value
	limit   int
	serving bool
	active  int          // connections still open
	waiters []*rt.Future // wait_closed() calls; nil once woken
	woken   bool
	forever *rt.Future // serve_forever's future
}

func (s *server) Type() *rt.Class { return serverType }

func (s *server) startServing() {
	if s.serving || s.ln == nil {
		return
	}
	s.serving = true
	ln := s.ln
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			if s.loop.CallSoonThreadsafe(func(th *rt.Thread) error { return s.accepted(th, c) }) != nil {
				c.Close()
				return
			}
		}
	}()
}

// accepted runs on the loop for each new connection.
func (s *server) accepted(th *rt.Thread, c net.Conn) error {
	if s.ln == nil {
		c.Close()
		return nil
	}
	s.active++
	cn := newConn(s.loop, c, s.limit)
	cn.onLost = s.detach
	res, err := rt.Call(th, s.cb, []rt.Value{rt.Ref(cn.reader), rt.Ref(&streamWriter{cn})}, nil)
	if err != nil {
		return err
	}
	if rt.IsCoroutine(res) {
		t, err := s.loop.NewTask(th, res, rt.Value{})
		if err != nil {
			return err
		}
		t.AddDoneCallback(clientDone{cn})
	}
	return nil
}

// clientDone reports a client callback that failed, and closes its connection.
type clientDone struct{ cn *conn }

func (clientDone) CallbackName() string {
	return "StreamReaderProtocol.connection_made.<locals>.callback()"
}

func (d clientDone) RunCallback(th *rt.Thread, arg rt.Value) error {
	t := arg.Object().(*rt.Task)
	if t.Cancelled() {
		return nil
	}
	if exc, _ := t.Exception(); exc != nil {
		d.cn.loop.CallExceptionHandler(th, []rt.ReportItem{
			{Key: "message", Val: str("Unhandled exception in client_connected_cb")},
			{Key: "exception", Val: rt.Ref(exc)},
		})
		d.cn.close()
	}
	return nil
}

func (s *server) detach() {
	s.active--
	if s.active == 0 && s.ln == nil {
		s.wakeup()
	}
}

func (s *server) wakeup() {
	for _, f := range s.waiters {
		if !f.Done() {
			f.SetResult(rt.Ref(f))
		}
	}
	s.waiters, s.woken = nil, true
}

func (s *server) close() {
	if s.ln == nil {
		return
	}
	s.ln.Close()
	s.ln, s.serving = nil, false
	if s.forever != nil && !s.forever.Done() {
		s.forever.Cancel(rt.None)
		s.forever = nil
	}
	if s.active == 0 {
		s.wakeup()
	}
}

// waitClosedServerDef is Server.wait_closed: in 3.11 it returns at once if the server is
// already closed, else waits until it is closed and its connections are gone.
var waitClosedServerDef = rt.CoroDef[*server]{Name: "Server.wait_closed", Step: func(th *rt.Thread, c *rt.Coro[*server], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	s := c.S
	if throw != nil {
		return rt.Value{}, false, throw
	}
	if c.PC == 0 && s.ln != nil && !s.woken {
		f := s.loop.CreateFuture()
		s.waiters = append(s.waiters, f)
		c.PC = 1
		return c.Await(f)
	}
	return rt.None, true, nil
}}

// serveForeverDef is Server.serve_forever: serve until cancelled, then close.
var serveForeverDef = rt.CoroDef[*server]{Name: "Server.serve_forever", Step: func(th *rt.Thread, c *rt.Coro[*server], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	s := c.S
	switch c.PC {
	case 0:
		if s.forever != nil {
			return rt.Value{}, false, rt.Errorf(rt.RuntimeErrorType, "server %s is already being awaited on serve_forever()", s.repr())
		}
		if s.ln == nil {
			return rt.Value{}, false, rt.Errorf(rt.RuntimeErrorType, "server %s is closed", s.repr())
		}
		s.startServing()
		s.forever = s.loop.CreateFuture()
		c.PC = 1
		return c.Await(s.forever)
	case 1:
		s.forever = nil
		if throw == nil || !throw.Matches(rt.CancelledErrorType) {
			return rt.None, throw == nil, errOrNil(throw)
		}
		s.close()
		c.PC, c.S = 2, s
		return c.Await(rt.NewCoro(&waitClosedServerDef, s))
	}
	// After wait_closed: re-raise the cancellation (a new error from wait_closed wins).
	if throw != nil {
		return rt.Value{}, false, throw
	}
	return rt.Value{}, false, rt.NewException(rt.CancelledErrorType)
}}

func errOrNil(e *rt.Exception) error {
	if e == nil {
		return nil
	}
	return e
}

var startServingDef = rt.CoroDef[*server]{Name: "Server.start_serving", Step: func(th *rt.Thread, c *rt.Coro[*server], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	if throw != nil {
		return rt.Value{}, false, throw
	}
	if c.PC == 0 {
		c.S.startServing()
		c.PC = 1
		return rt.None, false, nil // skip one loop iteration, as CPython does
	}
	return rt.None, true, nil
}}

func (s *server) repr() string {
	if s.ln == nil {
		return "<Server sockets=()>"
	}
	return "<Server sockets=(" + transportSocketRepr(s.addr) + ",)>"
}

// transportSocket is what Server.sockets holds: enough of asyncio.TransportSocket for
// getsockname().
type transportSocket struct{ addr net.Addr }

var transportSocketType = newType("asyncio.trsock", "TransportSocket", nil, map[string]method{
	"getsockname": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return addrTuple(self.Object().(*transportSocket).addr), rt.UnpackArgs("getsockname", args, kw)
	},
	"__repr__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return str(transportSocketRepr(self.Object().(*transportSocket).addr)), nil
	},
})

func (t *transportSocket) Type() *rt.Class { return transportSocketType }

func transportSocketRepr(a net.Addr) string {
	return "<asyncio.TransportSocket family=2, type=1, proto=6, laddr=" + rt.ReprOrPlaceholder(nil, addrTuple(a)) + ">"
}

func serverMethod(name string, f func(s *server) rt.Value) method {
	return func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		if err := rt.UnpackArgs(name, args, kw); err != nil {
			return rt.Value{}, err
		}
		return f(self.Object().(*server)), nil
	}
}

var serverType = newType("asyncio.base_events", "Server", nil, map[string]method{
	"close":         serverMethod("close", func(s *server) rt.Value { s.close(); return rt.None }),
	"is_serving":    serverMethod("is_serving", func(s *server) rt.Value { return rt.Bool(s.serving) }),
	"get_loop":      serverMethod("get_loop", func(s *server) rt.Value { return rt.Ref(s.loop) }),
	"wait_closed":   serverMethod("wait_closed", func(s *server) rt.Value { return rt.Ref(rt.NewCoro(&waitClosedServerDef, s)) }),
	"serve_forever": serverMethod("serve_forever", func(s *server) rt.Value { return rt.Ref(rt.NewCoro(&serveForeverDef, s)) }),
	"start_serving": serverMethod("start_serving", func(s *server) rt.Value { return rt.Ref(rt.NewCoro(&startServingDef, s)) }),
	"__aenter__": serverMethod("__aenter__", func(s *server) rt.Value {
		return rt.Ref(rt.NewCoro(&constCoroDef, rt.Ref(s)))
	}),
	"__aexit__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		s := self.Object().(*server)
		s.close()
		return rt.Ref(rt.NewCoro(&waitClosedServerDef, s)), nil
	},
	"__repr__": serverMethod("__repr__", func(s *server) rt.Value { return str(s.repr()) }),
})

// Attr serves Server.sockets.
func (s *server) Attr(name string) (rt.Value, bool) {
	if name != "sockets" {
		return rt.Value{}, false
	}
	if s.ln == nil {
		return rt.EmptyTuple, true
	}
	return rt.NewTuple([]rt.Value{rt.Ref(&transportSocket{s.addr})}), true
}

type startServer struct {
	addr     string
	cb       rt.Value
	limit    int
	startNow bool
}

var startServerDef = rt.CoroDef[startServer]{Name: "start_server", Step: func(th *rt.Thread, c *rt.Coro[startServer], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	if throw != nil {
		return rt.Value{}, false, throw
	}
	l, err := runningLoop(th)
	if err != nil {
		return rt.Value{}, false, err
	}
	ln, err := net.Listen("tcp", c.S.addr)
	if err != nil {
		return rt.Value{}, false, netError(err)
	}
	s := &server{loop: l, ln: ln, addr: ln.Addr(), cb: c.S.cb, limit: c.S.limit}
	if c.S.startNow {
		s.startServing()
	}
	return rt.Ref(s), true, nil
}}

func (am *asyncioModule) startServer(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	if !am.net {
		return rt.Value{}, denied("asyncio.start_server", "network")
	}
	vals, limit, err := streamArgs(th, "start_server", args, kw, "client_connected_cb", "host", "port")
	if err != nil {
		return rt.Value{}, err
	}
	addr, err := hostPort(th, vals["host"], vals["port"])
	if err != nil {
		return rt.Value{}, err
	}
	startNow := true
	if v, ok := vals["start_serving"]; ok && !v.IsNone() {
		if startNow, err = rt.Truth(th, v); err != nil {
			return rt.Value{}, err
		}
	}
	return rt.Ref(rt.NewCoro(&startServerDef, startServer{addr: addr, cb: vals["client_connected_cb"], limit: limit, startNow: startNow})), nil
}
