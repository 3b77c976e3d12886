package interp_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/aio-lang/aio/interp"
)

func TestRunInteractive(t *testing.T) {
	var out bytes.Buffer
	it := interp.New(interp.Options{Stdout: &out, Stderr: &out, VirtualTime: true})
	ctx := context.Background()
	inputs := []string{
		"1 + 2\n",
		"_ * 10\n",
		"x = [1, 2]\n",
		"None\n",
		"import asyncio\n",
		"await asyncio.sleep(5, result='slept')\n",
		"async def bg():\n    await asyncio.sleep(1)\n    print('bg done')\n\n",
		"t = asyncio.create_task(bg())\n",
		"await asyncio.sleep(2); t.done()\n",
		"def f():\n    return 1/0\n\n",
		"f()\n",
		"[await asyncio.sleep(0, i) for i in range(3)]\n",
		"for i in range(2):\n    i * 10\n\n",
		"def g():\n    5\n\n",
		"g()\n",
	}
	for _, in := range inputs {
		if err := it.RunInteractive(ctx, in); err != nil {
			out.WriteString("ERR: " + err.Error() + "\n")
		}
	}
	want := "3\n30\n'slept'\nbg done\nTrue\nERR: ZeroDivisionError: division by zero\n[0, 1, 2]\n0\n10\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}
