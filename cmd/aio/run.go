package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/aio-lang/aio/interp"
	rt "github.com/aio-lang/aio/runtime"
)

// run executes the program cmd names: a script, -c CODE, or a program piped on stdin; with
// -i, or with no program and stdin a terminal, it opens the REPL (repl.go).
func run(cmd *command, stderr io.Writer) int {
	if cmd.interactive || cmd.code == nil && len(cmd.args) == 0 && isTerminal(os.Stdin) {
		return interactive(cmd)
	}
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	var stdout io.Writer = out
	if isTerminal(os.Stdout) {
		stdout = os.Stdout
	}
	it := interp.New(interp.Options{
		Stdout: stdout, Stderr: stderr, Stdin: os.Stdin, Args: cmd.args,
		Files: true, Env: true, Network: true, VirtualTime: cmd.virtualTime,
	})
	stop := onInterrupt(it.Interrupt)
	defer stop()
	finishTrace := startTrace(it, cmd.trace, stderr)
	err := runProgram(cmd, it)
	finishTrace()
	out.Flush()
	return report(err, stderr)
}

// runProgram runs the program cmd names in it.
func runProgram(cmd *command, it *interp.Interp) error {
	ctx := context.Background()
	switch {
	case cmd.code != nil:
		return it.Run(ctx, "<string>", []byte(*cmd.code))
	case len(cmd.args) == 0 || cmd.args[0] == "-":
		src, err := io.ReadAll(os.Stdin)
		if err != nil {
			return err
		}
		return it.Run(ctx, "<stdin>", src)
	}
	return it.RunFile(ctx, cmd.args[0])
}

// report prints an error that ended the program and returns the exit status, as CPython does:
// a traceback for an exception, the message of sys.exit("message"), nothing for sys.exit(n).
func report(err error, stderr io.Writer) int {
	var perr *interp.Error
	var exc *rt.Exception
	var pe *os.PathError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &perr) && perr.IsSystemExit():
		return exitStatus(perr.Exception(), stderr)
	case errors.As(err, &perr):
		fmt.Fprint(stderr, perr.Traceback())
		return perr.ExitCode()
	case errors.As(err, &exc) && exc.Matches(rt.SystemExitType):
		// sys.exit() in a task the REPL left running: it escapes the event loop as is.
		return exitStatus(exc, stderr)
	case errors.As(err, &pe):
		fmt.Fprintf(stderr, "aio: can't open file '%s': [Errno 2] No such file or directory\n", pe.Path)
		return 2
	}
	fmt.Fprintf(stderr, "aio: %v\n", err)
	return 1
}

// exitStatus is the status of a SystemExit: its code, 0 for none, or 1 after printing a
// code that is not an int, as sys.exit("message") does.
func exitStatus(exc *rt.Exception, stderr io.Writer) int {
	code := exc.Value()
	if code.IsNone() {
		return 0
	}
	if n, isInt := rt.AsInt64(code); isInt {
		return int(n)
	}
	fmt.Fprintln(stderr, rt.StrOrPlaceholder(nil, code))
	return 1
}

// onInterrupt calls interrupt on every SIGINT, which the program no longer gets: for a
// script, it.Interrupt turns each Ctrl-C into KeyboardInterrupt inside the program.
func onInterrupt(interrupt func()) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				interrupt()
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
