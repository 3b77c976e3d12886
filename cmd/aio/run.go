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

// run executes the program cmd names: a script, -c CODE, or a program piped on stdin.
func run(cmd *command, stderr io.Writer) int {
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
	stop := onInterrupt(it)
	defer stop()
	ctx := context.Background()
	var err error
	switch {
	case cmd.code != nil:
		err = it.Run(ctx, "<string>", []byte(*cmd.code))
	case len(cmd.args) == 0 || cmd.args[0] == "-":
		if len(cmd.args) == 0 && isTerminal(os.Stdin) {
			fmt.Fprintln(stderr, "aio: the REPL is not implemented yet; run a script or pipe a program in")
			return 2
		}
		src, rerr := io.ReadAll(os.Stdin)
		if rerr != nil {
			fmt.Fprintf(stderr, "aio: %v\n", rerr)
			return 1
		}
		err = it.Run(ctx, "<stdin>", src)
	default:
		err = it.RunFile(ctx, cmd.args[0])
	}
	out.Flush()
	return report(err, stderr)
}

// report prints an error that ended the program and returns the exit status, as CPython does:
// a traceback for an exception, the message of sys.exit("message"), nothing for sys.exit(n).
func report(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var perr *interp.Error
	if !errors.As(err, &perr) {
		var pe *os.PathError
		if errors.As(err, &pe) {
			fmt.Fprintf(stderr, "aio: can't open file '%s': [Errno 2] No such file or directory\n", pe.Path)
			return 2
		}
		fmt.Fprintf(stderr, "aio: %v\n", err)
		return 1
	}
	if perr.IsSystemExit() {
		if code := perr.Exception().Value(); !code.IsNone() {
			if _, isInt := rt.AsInt64(code); !isInt {
				fmt.Fprintln(stderr, rt.StrOrPlaceholder(nil, code))
			}
		}
		return perr.ExitCode()
	}
	fmt.Fprint(stderr, perr.Traceback())
	return perr.ExitCode()
}

// onInterrupt turns SIGINT into KeyboardInterrupt inside the program; a second Ctrl-C while
// the first is still pending is delivered the same way.
func onInterrupt(it *interp.Interp) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				it.Interrupt()
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
