// Command aiotry_async is a scratch runner for the asyncio work; it is deleted before handoff.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"

	"github.com/aio-lang/aio/interp"
	rt "github.com/aio-lang/aio/runtime"
)

func main() {
	args := os.Args[1:]
	virtual, trace := false, ""
	for len(args) > 0 {
		if args[0] == "--virtual-time" {
			virtual, args = true, args[1:]
		} else if args[0] == "--trace" {
			trace, args = args[1], args[2:]
		} else {
			break
		}
	}
	it := interp.New(interp.Options{Stdout: os.Stdout, Stderr: os.Stderr, Args: args, Files: true, Env: true})
	if virtual {
		it.Thread().Async.SetClock(rt.NewVirtualClock())
	}
	if trace != "" {
		it.Thread().Async.StartTrace()
	}
	if p := os.Getenv("AIO_CPUPROF"); p != "" {
		f, _ := os.Create(p)
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if p := os.Getenv("AIO_MEMPROF"); p != "" {
		runtime.MemProfileRate = 64
		defer func() {
			runtime.GC()
			f, _ := os.Create(p)
			pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := it.RunFile(ctx, args[0])
	if trace != "" {
		f, _ := os.Create(trace)
		it.Thread().Async.WriteTrace(f)
		f.Close()
	}
	var perr *interp.Error
	if errors.As(err, &perr) {
		fmt.Fprint(os.Stderr, perr.Traceback())
		os.Exit(perr.ExitCode()) //nolint

	} else if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
