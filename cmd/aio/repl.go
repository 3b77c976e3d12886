package main

// The REPL, as python3 -m asyncio behaves: every input runs as a task on the interpreter's
// event loop, so await works at top level, and the loop keeps running while the prompt is
// up, so tasks created by one input go on running (and printing) while the next is typed.
//
// The main goroutine owns the interpreter. To wait for an input it creates a future and runs
// the loop until the future is done; the console's goroutine, which reads the terminal,
// completes the future through CallSoonThreadsafe, the one loop call other goroutines may
// make. Tab completion reaches the interpreter the same way.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync/atomic"

	"github.com/aio-lang/aio/interp"
	rt "github.com/aio-lang/aio/runtime"
)

// banner is printed when the REPL opens without a program.
var banner = fmt.Sprintf("Aio %s on %s/%s - await works here; type exit() or Ctrl-D to exit.",
	version, runtime.GOOS, runtime.GOARCH)

// interactive runs cmd's program, if it names one, then the REPL in the same __main__, as
// python3 -i does; an error in the program is printed, and the REPL opens all the same.
func interactive(cmd *command) int {
	comp := &completer{}
	con, err := newConsole(comp)
	if err != nil {
		fmt.Fprintf(os.Stderr, "aio: %v\n", err)
		return 1
	}
	defer con.close()
	defer func() {
		if p := recover(); p != nil {
			con.restore()
			panic(p)
		}
	}()
	args := cmd.args
	if len(args) == 0 {
		args = []string{""} // CPython's sys.argv in the REPL
	}
	it := interp.New(interp.Options{
		Stdout: con.stdout, Stderr: con.stderr, Stdin: con.stdin, Args: args,
		Files: true, Env: true, Network: true, VirtualTime: cmd.virtualTime,
	})
	r := &repl{it: it, con: con}
	comp.it, comp.post = it, r.post
	stop := onInterrupt(r.interrupt)
	defer stop()
	if cmd.code != nil || len(cmd.args) > 0 {
		r.running.Store(true)
		err := runProgram(cmd, it)
		r.running.Store(false)
		var pe *os.PathError
		if errors.As(err, &pe) {
			return report(err, con.stderr)
		}
		r.report(err)
	} else if isTerminal(os.Stdin) {
		fmt.Fprintln(con.stderr, banner)
	}
	return r.run()
}

// repl is the interactive loop's state on the main goroutine.
type repl struct {
	it  *interp.Interp
	con *console
	// running is set while user code runs: then Ctrl-C, which the terminal sends as SIGINT
	// since readline is not reading, interrupts it. At the prompt, readline reads Ctrl-C
	// as a key.
	running atomic.Bool
	// waiting is the loop the main goroutine runs while the prompt is up, for post.
	waiting atomic.Pointer[rt.Loop]
}

// run reads and runs inputs until the end of input or SystemExit, and returns the exit
// status.
func (r *repl) run() int {
	for {
		in, err := r.read()
		if err == nil && !in.eof {
			err = r.execute(in.src)
			if err == nil {
				continue
			}
		}
		r.closeLoop()
		return report(err, r.con.stderr)
	}
}

// read waits for the next input while the event loop runs. An error is a SystemExit that
// a background task raised meanwhile.
func (r *repl) read() (in input, err error) {
	loop, err := r.it.EventLoop()
	if err != nil {
		return input{}, err
	}
	fut := loop.CreateFuture()
	r.con.stdout.endLine()
	r.con.stderr.endLine()
	r.con.read(func(got input) {
		// On the console's goroutine: only the loop's inbox may be touched here.
		loop.CallSoonThreadsafe(func(*rt.Thread) error {
			in = got
			return fut.SetResult(rt.None)
		})
	})
	r.con.stdout.hold(true)
	r.con.stderr.hold(true)
	defer r.con.stdout.hold(false)
	defer r.con.stderr.hold(false)
	// A SIGINT that came as code finished is dropped: the prompt is up.
	loop.SetInterruptHandler(func(*rt.Exception) error { return nil })
	defer loop.SetInterruptHandler(nil)
	r.waiting.Store(loop)
	defer r.waiting.Store(nil)
	// Not RunUntilComplete: an input that a KeyboardInterrupt ended may have left its
	// run's stop callback queued, which would stop this run early; RunForever just runs again.
	fut.AddDoneCallback(rt.CallbackFunc(func(*rt.Thread, rt.Value) error {
		loop.Stop()
		return nil
	}))
	for !fut.Done() {
		err := loop.RunForever(r.it.Thread())
		if err != nil && !rt.AsException(err).Matches(rt.KeyboardInterruptType) {
			return input{}, err
		}
	}
	return in, nil
}

// post runs f on the main goroutine while it waits for input; it fails otherwise.
func (r *repl) post(f func(th *rt.Thread)) error {
	loop := r.waiting.Load()
	if loop == nil {
		return errors.New("the interpreter is busy")
	}
	return loop.CallSoonThreadsafe(func(th *rt.Thread) error {
		f(th)
		return nil
	})
}

// execute runs one input and prints its error, if any; it returns only a SystemExit,
// which ends the REPL.
func (r *repl) execute(src string) error {
	loop, err := r.it.EventLoop()
	if err != nil {
		return err
	}
	cancelled := r.cancelOnInterrupt(loop)
	defer loop.SetInterruptHandler(nil)
	r.running.Store(true)
	err = r.it.RunInteractive(context.Background(), src)
	r.running.Store(false)
	var perr *interp.Error
	switch {
	case errors.As(err, &perr) && perr.IsSystemExit():
		return err
	case *cancelled && errors.As(err, &perr) && perr.Exception().Matches(rt.CancelledErrorType):
		fmt.Fprintln(r.con.stderr, "\nKeyboardInterrupt") // after the ^C the terminal echoed
	default:
		r.report(err)
	}
	return nil
}

// cancelOnInterrupt handles Ctrl-C while the input waits (on a sleep, a future), which is
// when the loop has nothing to run and notices the interrupt: as python3 -m asyncio does,
// the input's task is cancelled, and the REPL reports KeyboardInterrupt once it has
// finished cancelled. (Ctrl-C while the input computes raises KeyboardInterrupt in it.) A
// second Ctrl-C while the task winds down escapes the loop as KeyboardInterrupt.
func (r *repl) cancelOnInterrupt(loop *rt.Loop) (cancelled *bool) {
	cancelled = new(bool)
	before := map[*rt.Task]bool{}
	for _, t := range loop.AllTasks() {
		before[t] = true
	}
	loop.SetInterruptHandler(func(exc *rt.Exception) error {
		t := r.inputTask(loop, before)
		switch {
		case t == nil:
			return nil // the input has finished: a late Ctrl-C has nothing to interrupt
		case *cancelled:
			return exc
		}
		*cancelled = true
		t.Cancel(rt.None)
		return nil
	})
	return cancelled
}

// inputTask finds the task RunInteractive made for the running input: the oldest of those
// that were not pending before it ran whose coroutine is module code.
//
// TODO(interp): RunInteractive could cancel its task on an interrupt itself, as
// asyncio.run does for its main task; this would then go.
func (r *repl) inputTask(loop *rt.Loop, before map[*rt.Task]bool) *rt.Task {
	for _, t := range loop.AllTasks() {
		if before[t] {
			continue
		}
		name, err := rt.GetAttr(r.it.Thread(), t.Coro(), "__qualname__")
		if s, _ := rt.AsStr(name); err == nil && s == "<module>" {
			return t
		}
	}
	return nil
}

// interrupt is the SIGINT handler: it interrupts running code only.
func (r *repl) interrupt() {
	if r.running.Load() {
		r.it.Interrupt()
	}
}

// report prints the traceback of an error in an input, or of the program run by -i.
func (r *repl) report(err error) {
	var perr *interp.Error
	switch {
	case errors.As(err, &perr):
		fmt.Fprint(r.con.stderr, perr.Traceback())
	case err != nil:
		fmt.Fprintf(r.con.stderr, "aio: %v\n", err)
	}
}

// closeLoop closes the event loop as the REPL ends, which reports the exceptions of
// background tasks that nobody retrieved.
func (r *repl) closeLoop() {
	if loop, err := r.it.EventLoop(); err == nil {
		loop.Close(r.it.Thread())
	}
}
