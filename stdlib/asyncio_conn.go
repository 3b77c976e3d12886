package stdlib

import (
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"

	rt "github.com/aio-lang/aio/runtime"
)

// asyncio streams over TCP (streams.py of CPython 3.11): open_connection, start_server,
// StreamReader and StreamWriter.
//
// Each connection has two goroutines doing the blocking socket calls: a reader that posts
// each chunk it receives to the loop (CallSoonThreadsafe), where the StreamReader buffers it
// and wakes the coroutine waiting for data, and a writer that sends what StreamWriter.write
// buffered. Everything Python sees happens on the loop. Flow control is asyncio's: the
// reader goroutine pauses while more than twice the limit is buffered, and drain() waits
// while more than 64 KiB is unsent. The network is a capability (Options.Net).

const (
	streamDefaultLimit = 1 << 16 // asyncio.streams._DEFAULT_LIMIT
	writeHighWater     = 1 << 16 // the transport's default high-water mark
)

// conn is one TCP connection: the state shared by its StreamReader, its StreamWriter and
// its two goroutines.
type conn struct {
	loop   *rt.Loop
	c      net.Conn
	reader *streamReader

	// Read flow control, set on the loop and read by the reader goroutine.
	paused atomic.Bool
	resume chan struct{}

	// The write side. mu guards wbuf, eof and closing, which the writer goroutine reads.
	mu      sync.Mutex
	wbuf    []byte
	eof     bool // write_eof() was called: shut down the sending side after wbuf
	closing bool
	wsignal chan struct{}

	// Loop-side state.
	unsent      int          // bytes written but not yet sent
	drainers    []*rt.Future // drain() calls waiting for unsent to fall
	lost        bool         // the connection is gone
	closedWait  []*rt.Future // wait_closed() calls
	closed      bool
	isClosingPy bool   // close() was called
	onLost      func() // a server's bookkeeping, when the connection was accepted
}

func newConn(l *rt.Loop, c net.Conn, limit int) *conn {
	cn := &conn{loop: l, c: c, resume: make(chan struct{}, 1), wsignal: make(chan struct{}, 1)}
	cn.reader = &streamReader{loop: l, limit: limit, conn: cn}
	go cn.readLoop()
	go cn.writeLoop()
	return cn
}

// readLoop receives data and posts it to the loop until the connection ends.
func (cn *conn) readLoop() {
	buf := make([]byte, streamDefaultLimit)
	for {
		for cn.paused.Load() {
			<-cn.resume
		}
		n, err := cn.c.Read(buf)
		if n > 0 {
			data := string(buf[:n])
			if cn.loop.CallSoonThreadsafe(func(*rt.Thread) error { cn.reader.feedData(data); return nil }) != nil {
				return
			}
		}
		if err != nil {
			_ = cn.loop.CallSoonThreadsafe(func(*rt.Thread) error {
				switch {
				case errors.Is(err, io.EOF):
					// The peer shut down its side; ours stays open (a half-close).
					cn.reader.feedEOF()
				case errors.Is(err, net.ErrClosed) || cn.isClosingPy:
					cn.reader.feedEOF()
					cn.connectionLost(err)
				default:
					cn.reader.setException(netError(err))
					cn.connectionLost(err)
				}
				return nil
			})
			return
		}
	}
}

// writeLoop sends what write() buffered; after close() it sends the rest and closes.
func (cn *conn) writeLoop() {
	for range cn.wsignal {
		cn.mu.Lock()
		data, eof, closing := cn.wbuf, cn.eof, cn.closing
		cn.wbuf, cn.eof = nil, false
		cn.mu.Unlock()
		var err error
		if len(data) > 0 {
			_, err = cn.c.Write(data)
			n, werr := len(data), err
			_ = cn.loop.CallSoonThreadsafe(func(*rt.Thread) error { cn.sent(n, werr); return nil })
		}
		if eof && err == nil {
			if tcp, ok := cn.c.(*net.TCPConn); ok {
				err = tcp.CloseWrite()
			}
		}
		if err != nil || closing {
			cn.c.Close()
			cn.paused.Store(false)
			select {
			case cn.resume <- struct{}{}:
			default:
			}
			lostErr := err
			_ = cn.loop.CallSoonThreadsafe(func(*rt.Thread) error { cn.connectionLost(lostErr); return nil })
			return
		}
	}
}

func (cn *conn) signalWriter() {
	select {
	case cn.wsignal <- struct{}{}:
	default:
	}
}

func (cn *conn) write(data string) {
	if cn.isClosingPy || cn.lost {
		return
	}
	cn.mu.Lock()
	cn.wbuf = append(cn.wbuf, data...)
	cn.mu.Unlock()
	cn.unsent += len(data)
	cn.signalWriter()
}

// sent runs on the loop when the writer goroutine has sent n bytes.
func (cn *conn) sent(n int, err error) {
	cn.unsent -= n
	if err != nil || cn.unsent <= writeHighWater {
		cn.wakeDrainers()
	}
}

func (cn *conn) wakeDrainers() {
	for _, f := range cn.drainers {
		if !f.Done() {
			f.SetResult(rt.None)
		}
	}
	cn.drainers = nil
}

func (cn *conn) close() {
	if cn.isClosingPy {
		return
	}
	cn.isClosingPy = true
	cn.mu.Lock()
	cn.closing = true
	cn.mu.Unlock()
	cn.signalWriter()
}

// connectionLost runs on the loop once the connection is gone.
func (cn *conn) connectionLost(err error) {
	if cn.closed {
		return
	}
	cn.lost, cn.closed = true, true
	cn.c.Close()
	cn.mu.Lock()
	cn.closing = true // let the writer goroutine end
	cn.mu.Unlock()
	cn.signalWriter()
	cn.reader.feedEOF()
	cn.wakeDrainers()
	for _, f := range cn.closedWait {
		if !f.Done() {
			f.SetResult(rt.None)
		}
	}
	cn.closedWait = nil
	if cn.onLost != nil {
		cn.onLost()
	}
}

// netError turns a socket error into the OSError subclass CPython raises.
func netError(err error) *rt.Exception {
	msg := err.Error()
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		msg = op.Err.Error()
	}
	switch {
	case strings.Contains(msg, "connection refused"):
		return rt.Errorf(rt.ConnectionRefusedType, "[Errno 111] Connect call failed")
	case strings.Contains(msg, "connection reset"):
		return rt.Errorf(rt.ConnectionResetType, "[Errno 104] Connection reset by peer")
	case strings.Contains(msg, "broken pipe"):
		return rt.Errorf(rt.BrokenPipeErrorType, "[Errno 32] Broken pipe")
	case strings.Contains(msg, "no such host"):
		return rt.Errorf(rt.OSErrorType, "[Errno -2] Name or service not known")
	}
	return rt.Errorf(rt.OSErrorType, "%s", msg)
}
