package stdlib_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aio-lang/aio/interp"
	rt "github.com/aio-lang/aio/runtime"
)

// The asyncio scripts in testdata/asyncio print what CPython 3.11 prints (their .out files
// come from python3); each runs on the real clock and on the virtual one, which must give
// the same output, at once.
func TestAsyncioScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/asyncio/*.aio")
	if err != nil || len(files) == 0 {
		t.Fatal("no scripts", err)
	}
	for _, file := range files {
		want, err := os.ReadFile(strings.TrimSuffix(file, ".aio") + ".out")
		if err != nil {
			t.Fatal(err)
		}
		for _, virtual := range []bool{false, true} {
			var out, stderr bytes.Buffer
			it := interp.New(interp.Options{Stdout: &out, Stderr: &stderr})
			if virtual {
				it.Thread().Async.SetClock(rt.NewVirtualClock())
			}
			start := time.Now()
			if err := it.RunFile(context.Background(), file); err != nil {
				t.Errorf("%s (virtual=%v): %v\n%s", file, virtual, err, stderr.String())
				continue
			}
			if got := out.String(); got != string(want) {
				t.Errorf("%s (virtual=%v): got\n%s\nwant\n%s", file, virtual, got, want)
			}
			if virtual && time.Since(start) > 500*time.Millisecond {
				t.Errorf("%s took %v in virtual time", file, time.Since(start))
			}
		}
	}
}

// run runs a script and returns its stdout, stderr and error.
func run(t *testing.T, src string, opts func(*interp.Interp)) (string, string, error) {
	t.Helper()
	var out, stderr bytes.Buffer
	it := interp.New(interp.Options{Stdout: &out, Stderr: &stderr})
	if opts != nil {
		opts(it)
	}
	err := it.Run(context.Background(), "test.aio", []byte(src))
	return out.String(), stderr.String(), err
}

func TestAsyncioReprs(t *testing.T) {
	out, _, err := run(t, `
import asyncio
async def work():
    await asyncio.sleep(1)
async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(work())
    await asyncio.sleep(0)
    print(t)
    t.cancel()
    print(t)
    f = loop.create_future()
    f.add_done_callback(print)
    print(f)
    f.set_result("x" * 40)
    print(f)
    print(loop.call_soon(print, 1, "a"))
    print(str(asyncio.Queue(2)))
    print(asyncio.sleep(0).__qualname__)
asyncio.run(main())
`, nil)
	want := `<Task pending name='Task-2' coro=<work() running at test.aio:4> wait_for=<Future pending cb=[Task.task_wakeup()]>>
<Task cancelling name='Task-2' coro=<work() running at test.aio:4> wait_for=<Future cancelled>>
<Future pending cb=[print()]>
<Future finished result='xxxxxxxxxxxx...xxxxxxxxxxxxx'>
<Handle print(1, 'a')>
<Queue maxsize=2>
sleep
<Future finished result='xxxxxxxxxxxx...xxxxxxxxxxxxx'>
1 a
`
	if err != nil || out != want {
		t.Errorf("got %v\n%s\nwant\n%s", err, out, want)
	}
}

func TestTaskExceptionNeverRetrieved(t *testing.T) {
	_, stderr, err := run(t, `
import asyncio
async def fail():
    raise ValueError("lost")
async def main():
    asyncio.create_task(fail())
    await asyncio.sleep(0)
asyncio.run(main())
`, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "Task exception was never retrieved\nfuture: <Task finished name='Task-2' coro=<fail() done, defined at test.aio:3> exception=ValueError('lost')>\nTraceback (most recent call last):\n"
	if !strings.HasPrefix(stderr, want) || !strings.HasSuffix(stderr, "ValueError: lost\n") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

// An interrupt of the thread (Ctrl-C, a cancelled context) while asyncio.run waits cancels
// the main task, whose finally blocks run, then raises the interrupt.
func TestInterruptDuringAsyncioRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, stderr bytes.Buffer
	it := interp.New(interp.Options{Stdout: &out, Stderr: &stderr})
	go func() {
		time.Sleep(50 * time.Millisecond)
		cancel()
	}()
	err := it.Run(ctx, "test.aio", []byte(`
import asyncio
async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print("worker finally")
async def main():
    asyncio.create_task(worker())
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("main cancelled")
        raise
asyncio.run(main())
`))
	var ierr *interp.Error
	if !errorAs(err, &ierr) || !ierr.Exception().Matches(rt.KeyboardInterruptType) {
		t.Fatalf("got %v", err)
	}
	if out.String() != "main cancelled\nworker finally\n" {
		t.Errorf("stdout %q", out.String())
	}
}

func errorAs(err error, target **interp.Error) bool {
	e, ok := err.(*interp.Error)
	if ok {
		*target = e
	}
	return ok
}

func TestVirtualTimeIsInstant(t *testing.T) {
	start := time.Now()
	out, _, err := run(t, `
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    r = await asyncio.gather(asyncio.sleep(3600, "hour"), asyncio.sleep(60, "minute"))
    print(r, round(loop.time() - t0, 3))
asyncio.run(main())
`, func(it *interp.Interp) { it.Thread().Async.SetClock(rt.NewVirtualClock()) })
	if err != nil || out != "['hour', 'minute'] 3600.0\n" {
		t.Errorf("got %v %q", err, out)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("an hour of virtual time took %v", d)
	}
}

func TestTrace(t *testing.T) {
	it := interp.New(interp.Options{})
	it.Thread().Async.SetClock(rt.NewVirtualClock())
	it.Thread().Async.StartTrace()
	err := it.Run(context.Background(), "test.aio", []byte(`
import asyncio
async def child():
    await asyncio.sleep(0.01)
async def main():
    await asyncio.gather(child(), child())
asyncio.run(main())
`))
	if err != nil {
		t.Fatal(err)
	}
	var trace bytes.Buffer
	if err := it.Thread().Async.WriteTrace(&trace); err != nil {
		t.Fatal(err)
	}
	s := trace.String()
	for _, want := range []string{`"traceEvents"`, `"Task-1 main()"`, `"Task-3 child()"`, `"name":"step"`, `"name":"await"`, `"name":"done"`} {
		if !strings.Contains(s, want) {
			t.Errorf("trace lacks %s:\n%s", want, s)
		}
	}
}

func TestStreamsEcho(t *testing.T) {
	var out, stderr bytes.Buffer
	it := interp.New(interp.Options{Stdout: &out, Stderr: &stderr, Network: true})
	err := it.Run(context.Background(), "test.aio", []byte(`
import asyncio
async def handle(reader, writer):
    async for line in reader:
        writer.write(b"echo: " + line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()
async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"one\ntwo\n")
        print(await reader.readline(), await reader.readuntil(b"\n"))
        writer.write(b"three")
        writer.write_eof()
        print(await reader.read())
        writer.close()
        await writer.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        print("refused")
asyncio.run(main())
`))
	want := "b'echo: one\\n' b'echo: two\\n'\nb'echo: three'\nrefused\n"
	if err != nil || out.String() != want {
		t.Errorf("got %v %q\n%s", err, out.String(), stderr.String())
	}
	_, _, err = run(t, "import asyncio\nasyncio.run(asyncio.open_connection('127.0.0.1', 1))\n", nil)
	if err == nil || !strings.Contains(err.Error(), "PermissionError") {
		t.Errorf("without the network capability: %v", err)
	}
}
