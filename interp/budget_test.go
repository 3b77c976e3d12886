package interp_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/aio-lang/aio/interp"
)

// budgetBusters are programs that once ran for seconds, minutes or forever under a step
// budget, inside a builtin that neither counted steps nor looked for interrupts: a Go loop
// skipping through an endless iterator, a huge allocation or big-int operation, a regular
// expression backtracking catastrophically. Each must now end promptly with the error given.
// They are FuzzRun's seeds too.
var budgetBusters = []struct{ src, want string }{
	// Loops inside builtins over endless iterators.
	{"import itertools\nsum(itertools.count())", "step limit exceeded"},
	{"import itertools\nsum(itertools.repeat(0.5))", "step limit exceeded"},
	{"sum(range(10**12))", "step limit exceeded"},
	{"import itertools\nnext(filter(None, itertools.repeat(0)))", "step limit exceeded"},
	{"import itertools\n-1 in itertools.count()", "step limit exceeded"},
	{"import itertools\nnext(itertools.chain.from_iterable(itertools.repeat([])))", "step limit exceeded"},
	{"import itertools\nnext(itertools.islice(itertools.count(), 10**15, None))", "step limit exceeded"},
	{"import itertools\nnext(itertools.dropwhile(bool, itertools.repeat(1)))", "step limit exceeded"},
	{"import itertools\nnext(itertools.filterfalse(None, itertools.repeat(1)))", "step limit exceeded"},
	{"import itertools\nnext(itertools.compress(itertools.repeat(1), itertools.repeat(0)))", "step limit exceeded"},
	{"import itertools\ng = itertools.groupby(itertools.repeat(1))\nnext(g)\nnext(g)", "step limit exceeded"},
	{"import functools, itertools\nfunctools.reduce(max, itertools.count())", "step limit exceeded"},
	{"import collections, itertools\ncollections.Counter(itertools.count())", "step limit exceeded"},
	{"import math, itertools\nmath.fsum(itertools.repeat(1.0))", "step limit exceeded"},
	{"import math, itertools\nmath.prod(itertools.repeat(1))", "step limit exceeded"},
	// Work done in one go: charged up front.
	{"x = 10**10**7", "step limit exceeded"},
	{"x = 3**2**24", "step limit exceeded"},
	{"x = (10**1000)**(10**6)", "step limit exceeded"},
	{"x = 1 << 10**9", "step limit exceeded"},
	{"x = 10**200000 * 10**200000", "step limit exceeded"},
	{"x = 'a' * 2**28", "step limit exceeded"},
	{"x = [0] * 2**25", "step limit exceeded"},
	{"x = [[0] * 10**4 for _ in range(10**4)]", "step limit exceeded"},
	{"x = bytes(2**28)", "step limit exceeded"},
	{"x = bytearray(10**9)", "MemoryError"},
	// Catastrophic backtracking.
	{"import re\nre.match('(a*)*b', 'a' * 40)", "step limit exceeded"},
	{"import re\nre.findall('(x+x+)+y', 'x' * 40)", "step limit exceeded"},
}

func TestBudgetBusters(t *testing.T) {
	for _, tt := range budgetBusters {
		it := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard, MaxSteps: 20000, RecursionLimit: 100})
		done := make(chan error, 1)
		start := time.Now()
		go func() { done <- it.Run(context.Background(), "budget.aio", []byte(tt.src)) }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%q: error %v, want %s", tt.src, err, tt.want)
			}
			// Generous: the machines that run the tests are shared.
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("%q: took %v", tt.src, d)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("%q: still running after 10s", tt.src) // and left running
		}
	}
}

// TestInterruptStopsRegexp checks that a cancelled context stops a catastrophic match in an
// unbudgeted run, as Ctrl-C stops CPython's.
func TestInterruptStopsRegexp(t *testing.T) {
	it := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- it.Run(ctx, "re.aio", []byte("import re\nre.match('(a*)*b', 'a' * 40)")) }()
	select {
	case err := <-done:
		var perr *interp.Error
		if !errors.As(err, &perr) || !strings.Contains(err.Error(), "KeyboardInterrupt") {
			t.Errorf("error %v, want KeyboardInterrupt", err)
		}
	case <-time.After(10 * time.Second):
		t.Errorf("still running 10s after the context's deadline") // and left running
	}
}
