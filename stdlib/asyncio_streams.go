package stdlib

import (
	"bytes"
	"context"
	"net"
	"strconv"

	rt "github.com/aio-lang/aio/runtime"
)

// StreamReader, StreamWriter and open_connection; the connections under them are in
// asyncio_conn.go.

// streamReader is asyncio.StreamReader.
type streamReader struct {
	loop   *rt.Loop
	limit  int
	buf    []byte
	eof    bool
	exc    *rt.Exception
	waiter *rt.Future
	conn   *conn // nil for a reader fed by Python code
}

func (r *streamReader) Type() *rt.Class { return streamReaderType }

func (r *streamReader) wakeWaiter() {
	if w := r.waiter; w != nil {
		r.waiter = nil
		if !w.Done() {
			w.SetResult(rt.None)
		}
	}
}

func (r *streamReader) feedData(data string) {
	r.buf = append(r.buf, data...)
	r.wakeWaiter()
	if r.conn != nil && len(r.buf) > 2*r.limit {
		r.conn.paused.Store(true)
	}
}

func (r *streamReader) feedEOF() {
	r.eof = true
	r.wakeWaiter()
}

func (r *streamReader) setException(e *rt.Exception) {
	r.exc = e
	if w := r.waiter; w != nil {
		r.waiter = nil
		if !w.Done() {
			w.SetException(e)
		}
	}
}

func (r *streamReader) maybeResume() {
	if r.conn != nil && r.conn.paused.Load() && len(r.buf) <= r.limit {
		r.conn.paused.Store(false)
		select {
		case r.conn.resume <- struct{}{}:
		default:
		}
	}
}

// waitForData is StreamReader._wait_for_data: the future to await for more data.
func (r *streamReader) waitForData(th *rt.Thread, fname string) (*rt.Future, error) {
	if r.waiter != nil {
		return nil, rt.Errorf(rt.RuntimeErrorType, "%s() called while another coroutine is already waiting for incoming data", fname)
	}
	if r.conn != nil && r.conn.paused.Load() {
		r.conn.paused.Store(false)
		select {
		case r.conn.resume <- struct{}{}:
		default:
		}
	}
	// A read may wait for data that another task of this loop will send, so unlike a Go
	// call it does not hold a virtual clock back: as with trio's autojump, simulated time
	// moves on when every task waits.
	r.waiter = r.loop.CreateFuture()
	return r.waiter, nil
}

func (r *streamReader) take(n int) rt.Value {
	if n > len(r.buf) {
		n = len(r.buf)
	}
	data := string(r.buf[:n])
	r.buf = r.buf[n:]
	r.maybeResume()
	return rt.NewBytes(data)
}

// The reading coroutines share one shape: check the buffer, else wait for data and check
// again. readKind says which read it is.
type readKind uint8

const (
	rdSome readKind = iota // read(n), n > 0
	rdAll                  // read(-1)
	rdExactly
	rdUntil
	rdLine
)

type readOp struct {
	r    *streamReader
	kind readKind
	n    int
	sep  string
}

var readNames = [...]string{"read", "read", "readexactly", "readuntil", "readline"}

var streamReadDef = rt.CoroDef[readOp]{Name: "StreamReader.read", Step: func(th *rt.Thread, c *rt.Coro[readOp], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	op := &c.S
	r := op.r
	if throw != nil {
		return rt.Value{}, false, throw
	}
	if r.exc != nil {
		return rt.Value{}, false, r.exc
	}
	v, done, err := op.attempt()
	if done || err != nil {
		return v, err == nil, err
	}
	w, err := r.waitForData(th, readNames[op.kind])
	if err != nil {
		return rt.Value{}, false, err
	}
	return c.Await(w)
}}

// attempt tries to complete the read from the buffer; done is false if it must wait.
func (op *readOp) attempt() (rt.Value, bool, error) {
	r := op.r
	switch op.kind {
	case rdSome:
		if len(r.buf) == 0 && !r.eof {
			return rt.Value{}, false, nil
		}
		return r.take(op.n), true, nil
	case rdAll:
		if !r.eof {
			return rt.Value{}, false, nil
		}
		return r.take(len(r.buf)), true, nil
	case rdExactly:
		if len(r.buf) >= op.n {
			return r.take(op.n), true, nil
		}
		if r.eof {
			partial := r.take(len(r.buf))
			return rt.Value{}, false, incompleteRead(partial, rt.Int(int64(op.n)))
		}
		return rt.Value{}, false, nil
	}
	// readuntil and readline
	sep := op.sep
	if i := bytes.Index(r.buf, []byte(sep)); i >= 0 {
		if i > r.limit {
			return op.overrun("Separator is found, but chunk is longer than limit", i)
		}
		return r.take(i + len(sep)), true, nil
	}
	if len(r.buf) > r.limit {
		return op.overrun("Separator is not found, and chunk exceed the limit", len(r.buf)-len(sep)+1)
	}
	if r.eof {
		partial := r.take(len(r.buf))
		if op.kind == rdLine {
			return partial, true, nil
		}
		return rt.Value{}, false, incompleteRead(partial, rt.None)
	}
	return rt.Value{}, false, nil
}

// overrun raises LimitOverrunError, which readline turns into ValueError after dropping
// the over-long line.
func (op *readOp) overrun(msg string, consumed int) (rt.Value, bool, error) {
	if op.kind == rdLine {
		r := op.r
		if bytes.HasPrefix(r.buf[min(consumed, len(r.buf)):], []byte(op.sep)) {
			r.buf = r.buf[consumed+len(op.sep):]
		} else {
			r.buf = r.buf[:0]
		}
		r.maybeResume()
		return rt.Value{}, false, rt.ValueErrorf("%s", msg)
	}
	e := rt.Errorf(rt.LimitOverrunErrorType, "%s", msg)
	e.Dict = rt.NewDict()
	e.Dict.SetStr("consumed", rt.Int(int64(consumed)))
	return rt.Value{}, false, e
}

func incompleteRead(partial, expected rt.Value) *rt.Exception {
	n := len(partial.Object().(*rt.Bytes).String())
	exp := "undefined"
	if !expected.IsNone() {
		exp = rt.ReprOrPlaceholder(nil, expected)
	}
	e := rt.Errorf(rt.IncompleteReadErrorType, "%d bytes read on a total of %s expected bytes", n, exp)
	e.Dict = rt.NewDict()
	e.Dict.SetStr("partial", partial)
	e.Dict.SetStr("expected", expected)
	return e
}

func bytesArg(fname string, v rt.Value) (string, error) {
	b, ok := rt.BytesLike(v)
	if !ok {
		return "", rt.TypeErrorf("%s() argument must be a bytes-like object, not '%s'", fname, typeName(v))
	}
	return b, nil
}

func readCoro(r *streamReader, kind readKind, n int, sep string) rt.Value {
	return rt.Ref(rt.NewCoro(&streamReadDef, readOp{r: r, kind: kind, n: n, sep: sep}))
}

var streamReaderType = newType("asyncio.streams", "StreamReader", func(th *rt.Thread, cls *rt.Class, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	limit := streamDefaultLimit
	var lv rt.Value
	if err := rt.UnpackArgs("StreamReader", args, kw, "limit?", &limit, "loop?", &lv); err != nil {
		return rt.Value{}, err
	}
	if limit <= 0 {
		return rt.Value{}, rt.ValueErrorf("Limit cannot be <= 0")
	}
	l, ok := lv.Object().(*rt.Loop)
	if !ok {
		var err error
		if l, err = th.Async.GetEventLoop(th, nil); err != nil {
			return rt.Value{}, err
		}
	}
	return rt.Ref(&streamReader{loop: l, limit: limit}), nil
}, map[string]method{
	"read": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		n := -1
		if err := rt.UnpackArgs("read", args, kw, "n?", &n); err != nil {
			return rt.Value{}, err
		}
		r := self.Object().(*streamReader)
		switch {
		case n == 0:
			return rt.Ref(rt.NewCoro(&constCoroDef, rt.NewBytes(""))), nil
		case n < 0:
			return readCoro(r, rdAll, 0, ""), nil
		}
		return readCoro(r, rdSome, n, ""), nil
	},
	"readexactly": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		var n int
		if err := rt.UnpackArgs("readexactly", args, kw, "n", &n); err != nil {
			return rt.Value{}, err
		}
		if n < 0 {
			return rt.Value{}, rt.ValueErrorf("readexactly size can not be less than zero")
		}
		return readCoro(self.Object().(*streamReader), rdExactly, n, ""), nil
	},
	"readuntil": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		sepv := rt.NewBytes("\n")
		if err := rt.UnpackArgs("readuntil", args, kw, "separator?", &sepv); err != nil {
			return rt.Value{}, err
		}
		sep, err := bytesArg("readuntil", sepv)
		if err != nil {
			return rt.Value{}, err
		}
		if sep == "" {
			return rt.Value{}, rt.ValueErrorf("Separator should be at least one-byte string")
		}
		return readCoro(self.Object().(*streamReader), rdUntil, 0, sep), nil
	},
	"readline": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return readCoro(self.Object().(*streamReader), rdLine, 0, "\n"), rt.UnpackArgs("readline", args, kw)
	},
	"at_eof": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		r := self.Object().(*streamReader)
		return rt.Bool(r.eof && len(r.buf) == 0), rt.UnpackArgs("at_eof", args, kw)
	},
	"feed_data": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		var v rt.Value
		if err := rt.UnpackArgs("feed_data", args, kw, "data", &v); err != nil {
			return rt.Value{}, err
		}
		data, err := bytesArg("feed_data", v)
		if err != nil {
			return rt.Value{}, err
		}
		self.Object().(*streamReader).feedData(data)
		return rt.None, nil
	},
	"feed_eof": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		self.Object().(*streamReader).feedEOF()
		return rt.None, rt.UnpackArgs("feed_eof", args, kw)
	},
	"exception": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		if e := self.Object().(*streamReader).exc; e != nil {
			return rt.Ref(e), nil
		}
		return rt.None, rt.UnpackArgs("exception", args, kw)
	},
	"set_exception": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		var v rt.Value
		if err := rt.UnpackArgs("set_exception", args, kw, "exc", &v); err != nil {
			return rt.Value{}, err
		}
		e, ok := v.Object().(*rt.Exception)
		if !ok {
			return rt.Value{}, rt.TypeErrorf("exceptions must derive from BaseException")
		}
		self.Object().(*streamReader).setException(e)
		return rt.None, nil
	},
	"__aiter__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return self, nil
	},
	"__anext__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Ref(rt.NewCoro(&readNextDef, self.Object().(*streamReader))), nil
	},
})

// readNextDef is StreamReader.__anext__: the next line, or StopAsyncIteration at the end.
var readNextDef = rt.CoroDef[*streamReader]{Name: "StreamReader.__anext__", Step: func(th *rt.Thread, c *rt.Coro[*streamReader], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	if c.PC == 0 {
		c.PC = 1
		return c.Await(rt.NewCoro(&streamReadDef, readOp{r: c.S, kind: rdLine, sep: "\n"}))
	}
	if throw != nil {
		return rt.Value{}, false, throw
	}
	if b := send.Object().(*rt.Bytes); b.String() == "" {
		return rt.Value{}, false, rt.NewException(rt.StopAsyncIterationType)
	}
	return send, true, nil
}}

// constCoroDef is a coroutine that returns its state at once.
var constCoroDef = rt.CoroDef[rt.Value]{Name: "StreamReader.read", Step: func(th *rt.Thread, c *rt.Coro[rt.Value], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	return c.S, true, nil
}}

// streamWriter is asyncio.StreamWriter.
type streamWriter struct{ cn *conn }

func (w *streamWriter) Type() *rt.Class { return streamWriterType }

type drainOp struct {
	cn    *conn
	slept bool
}

// drainDef is StreamWriter.drain: wait until the buffer is below its high-water mark.
var drainDef = rt.CoroDef[drainOp]{Name: "StreamWriter.drain", Step: func(th *rt.Thread, c *rt.Coro[drainOp], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	cn := c.S.cn
	if throw != nil {
		return rt.Value{}, false, throw
	}
	if c.PC == 0 {
		if e := cn.reader.exc; e != nil {
			return rt.Value{}, false, e
		}
		if cn.isClosingPy && !c.S.slept {
			// As CPython does: yield once so that a closed connection gets reported.
			c.S.slept = true
			return rt.None, false, nil
		}
		if cn.lost {
			return rt.Value{}, false, rt.Errorf(rt.ConnectionResetType, "Connection lost")
		}
		if cn.unsent <= writeHighWater {
			return rt.None, true, nil
		}
		f := cn.loop.CreateFuture()
		cn.drainers = append(cn.drainers, f)
		c.PC = 1
		return c.Await(f)
	}
	if cn.lost && cn.unsent > 0 {
		return rt.Value{}, false, rt.Errorf(rt.ConnectionResetType, "Connection lost")
	}
	return rt.None, true, nil
}}

// waitClosedDef is StreamWriter.wait_closed.
var waitClosedDef = rt.CoroDef[*conn]{Name: "StreamWriter.wait_closed", Step: func(th *rt.Thread, c *rt.Coro[*conn], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	cn := c.S
	if throw != nil {
		return rt.Value{}, false, throw
	}
	if c.PC == 0 && !cn.closed {
		f := cn.loop.CreateFuture()
		cn.closedWait = append(cn.closedWait, f)
		c.PC = 1
		return c.Await(f)
	}
	return rt.None, true, nil
}}

func addrTuple(a net.Addr) rt.Value {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return rt.None
	}
	return rt.NewTuple([]rt.Value{str(tcp.IP.String()), rt.Int(int64(tcp.Port))})
}

func writerMethod(name string, f func(cn *conn) rt.Value) method {
	return func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		if err := rt.UnpackArgs(name, args, kw); err != nil {
			return rt.Value{}, err
		}
		return f(self.Object().(*streamWriter).cn), nil
	}
}

var streamWriterType = newType("asyncio.streams", "StreamWriter", nil, map[string]method{
	"write": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		var v rt.Value
		if err := rt.UnpackArgs("write", args, kw, "data", &v); err != nil {
			return rt.Value{}, err
		}
		data, err := bytesArg("write", v)
		if err != nil {
			return rt.Value{}, err
		}
		self.Object().(*streamWriter).cn.write(data)
		return rt.None, nil
	},
	"writelines": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		var v rt.Value
		if err := rt.UnpackArgs("writelines", args, kw, "data", &v); err != nil {
			return rt.Value{}, err
		}
		items, err := rt.ToSlice(th, v)
		if err != nil {
			return rt.Value{}, err
		}
		var all []byte
		for _, it := range items {
			data, err := bytesArg("writelines", it)
			if err != nil {
				return rt.Value{}, err
			}
			all = append(all, data...)
		}
		self.Object().(*streamWriter).cn.write(string(all))
		return rt.None, nil
	},
	"drain": writerMethod("drain", func(cn *conn) rt.Value {
		return rt.Ref(rt.NewCoro(&drainDef, drainOp{cn: cn}))
	}),
	"close": writerMethod("close", func(cn *conn) rt.Value { cn.close(); return rt.None }),
	"is_closing": writerMethod("is_closing", func(cn *conn) rt.Value {
		return rt.Bool(cn.isClosingPy || cn.lost)
	}),
	"wait_closed": writerMethod("wait_closed", func(cn *conn) rt.Value {
		return rt.Ref(rt.NewCoro(&waitClosedDef, cn))
	}),
	"can_write_eof": writerMethod("can_write_eof", func(cn *conn) rt.Value { return rt.True }),
	"write_eof": writerMethod("write_eof", func(cn *conn) rt.Value {
		cn.mu.Lock()
		cn.eof = true
		cn.mu.Unlock()
		cn.signalWriter()
		return rt.None
	}),
	"get_extra_info": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		var name string
		def := rt.None
		if err := rt.UnpackArgs("get_extra_info", args, kw, "name", &name, "default?", &def); err != nil {
			return rt.Value{}, err
		}
		cn := self.Object().(*streamWriter).cn
		switch name {
		case "peername":
			return addrTuple(cn.c.RemoteAddr()), nil
		case "sockname":
			return addrTuple(cn.c.LocalAddr()), nil
		}
		return def, nil
	},
	"__repr__": func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return str("<StreamWriter transport=<_SelectorSocketTransport>>"), nil
	},
})

// hostPort formats a host and port argument pair for net.
func hostPort(th *rt.Thread, host, port rt.Value) (string, error) {
	h := ""
	if !host.IsNone() {
		s, ok := rt.AsStr(host)
		if !ok {
			return "", rt.TypeErrorf("host must be a str, not %s", typeName(host))
		}
		h = s
	}
	p := int64(0)
	if !port.IsNone() {
		n, ok := rt.AsInt64(port)
		if !ok {
			return "", rt.TypeErrorf("port must be an int, not %s", typeName(port))
		}
		p = n
	}
	return net.JoinHostPort(h, strconv.FormatInt(p, 10)), nil
}

type openConnection struct {
	addr  string
	limit int
	dial  *rt.Future
}

// openConnectionDef is asyncio.open_connection: connect, then return (reader, writer).
var openConnectionDef = rt.CoroDef[openConnection]{Name: "open_connection", Step: func(th *rt.Thread, c *rt.Coro[openConnection], send rt.Value, throw *rt.Exception) (rt.Value, bool, error) {
	s := &c.S
	if throw != nil {
		return rt.Value{}, false, throw
	}
	l, err := runningLoop(th)
	if err != nil {
		return rt.Value{}, false, err
	}
	if c.PC == 0 {
		addr := s.addr
		s.dial = l.Go(func(ctx context.Context) (rt.Value, error) {
			var d net.Dialer
			nc, err := d.DialContext(ctx, "tcp", addr)
			if err != nil {
				e := netError(err)
				if e.Matches(rt.ConnectionRefusedType) {
					host, port, _ := net.SplitHostPort(addr)
					e = rt.Errorf(rt.ConnectionRefusedType, "[Errno 111] Connect call failed ('%s', %s)", host, port)
				}
				return rt.Value{}, e
			}
			return rt.Ref(&dialed{nc}), nil
		})
		c.PC = 1
		return c.Await(s.dial)
	}
	cn := newConn(l, send.Object().(*dialed).c, s.limit)
	return rt.NewTuple([]rt.Value{rt.Ref(cn.reader), rt.Ref(&streamWriter{cn})}), true, nil
}}

// dialed carries a new connection from the dialling goroutine to the loop.
type dialed struct{ c net.Conn }

func (*dialed) Type() *rt.Class { return rt.ObjectType }

func streamArgs(th *rt.Thread, fname string, args []rt.Value, kw []rt.Kwarg, names ...string) (map[string]rt.Value, int, error) {
	vals := map[string]rt.Value{}
	for i, a := range args {
		if i >= len(names) {
			return nil, 0, rt.TypeErrorf("%s() takes at most %d positional arguments", fname, len(names))
		}
		vals[names[i]] = a
	}
	limit := streamDefaultLimit
	for _, k := range kw {
		switch k.Name {
		case "limit":
			n, ok := rt.AsInt64(k.Value)
			if !ok || n <= 0 {
				return nil, 0, rt.ValueErrorf("Limit cannot be <= 0")
			}
			limit = int(n)
		case "ssl":
			if !k.Value.IsNone() {
				if b, ok := k.Value.BoolVal(); !ok || b {
					return nil, 0, rt.Errorf(rt.NotImplementedErrorType, "%s(): ssl is not supported", fname)
				}
			}
		default:
			vals[k.Name] = k.Value
		}
	}
	for _, n := range names {
		if _, ok := vals[n]; !ok {
			vals[n] = rt.None
		}
	}
	return vals, limit, nil
}

func (am *asyncioModule) openConnection(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	if !am.net {
		return rt.Value{}, denied("asyncio.open_connection", "network")
	}
	vals, limit, err := streamArgs(th, "open_connection", args, kw, "host", "port")
	if err != nil {
		return rt.Value{}, err
	}
	addr, err := hostPort(th, vals["host"], vals["port"])
	if err != nil {
		return rt.Value{}, err
	}
	return rt.Ref(rt.NewCoro(&openConnectionDef, openConnection{addr: addr, limit: limit})), nil
}
