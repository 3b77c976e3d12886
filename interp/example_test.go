package interp_test

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/aio-lang/aio/interp"
	"github.com/aio-lang/aio/runtime"
)

// A host runs a script, then reads one of its globals and calls one of its functions.
func Example() {
	it := interp.New(interp.Options{Stdout: os.Stdout})
	src := `
import asyncio

async def greet(name):
    await asyncio.sleep(0)
    return "hello, " + name

def add(a, b):
    return a + b

print(asyncio.run(greet("host")))
answer = add(40, 2)
`
	if err := it.Run(context.Background(), "embed.aio", []byte(src)); err != nil {
		fmt.Println(err)
		return
	}
	answer, _ := it.Globals().GetStr("answer")
	fmt.Println("answer:", runtime.ReprOrPlaceholder(it.Thread(), answer))
	add, _ := it.Globals().GetStr("add")
	sum, err := it.Call(context.Background(), add, runtime.Int(1), runtime.Int(2))
	fmt.Println("add(1, 2):", runtime.ReprOrPlaceholder(it.Thread(), sum), err)
	// Output:
	// hello, host
	// answer: 42
	// add(1, 2): 3 <nil>
}

// An uncaught exception comes back as an *interp.Error carrying CPython's traceback.
func Example_errors() {
	it := interp.New(interp.Options{})
	err := it.Run(context.Background(), "fail.aio", []byte("def f():\n    return 1 / 0\n\nf()\n"))
	var perr *interp.Error
	if errors.As(err, &perr) {
		fmt.Print(perr.Traceback())
		fmt.Println("exit status:", perr.ExitCode())
	}
	// Output:
	// Traceback (most recent call last):
	//   File "fail.aio", line 4, in <module>
	//     f()
	//   File "fail.aio", line 2, in f
	//     return 1 / 0
	//            ~~^~~
	// ZeroDivisionError: division by zero
	// exit status: 1
}
