package interp

import (
	"context"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/parser"
	rt "github.com/aio-lang/aio/runtime"
)

// RunInteractive runs one complete REPL input in __main__, as CPython's interactive mode
// does: the value of a top-level expression statement, unless None, is printed with repr and
// kept in builtins._. As in python -m asyncio, the input runs as a task on the interpreter's
// event loop until it completes, so await may appear at top level and tasks it creates go on
// running whenever the loop runs.
func (it *Interp) RunInteractive(ctx context.Context, src string) error {
	const file = "<stdin>"
	it.sources[file] = splitLines(src)
	m, err := parser.ParseInteractive(file, src)
	if err != nil {
		return it.syntaxError(err)
	}
	res, rerr := resolve(m)
	if rerr != nil {
		return it.syntaxError(it.positioned(file, rerr.pos, rerr.end, rerr.msg))
	}
	c, err := compileInteractive(m, res)
	if err != nil {
		return it.compileFailure(file, err.(*compileError))
	}
	return it.guard(ctx, func() error {
		f := &Function{code: c, globals: it.main.Dict, name: c.name, qualname: c.qualname, interp: it, module: rt.NewStr("__main__")}
		coro := it.newGenerator(f, make([]rt.Value, c.nslots))
		loop, err := it.th.Async.GetEventLoop(it.th, nil)
		if err != nil {
			return err
		}
		_, err = loop.RunUntilComplete(it.th, coro)
		return err
	})
}

// EventLoop returns the interpreter's current event loop, creating it if needed: the REPL
// runs it while it waits for input, so that tasks created by earlier inputs go on running.
func (it *Interp) EventLoop() (*rt.Loop, error) {
	return it.th.Async.GetEventLoop(it.th, nil)
}

// compileInteractive compiles REPL input into a coroutine that runs as a task on the event
// loop, as python -m asyncio does, so that await may appear at top level and create_task
// finds a running loop. Expression statements display their value.
func compileInteractive(m *ast.Module, res *resolution) (*code, error) {
	body := displayed(m.Body)
	return compileTop(m, res, func(cp *compiler, c *code) {
		c.kind = coroutineCode
		c.steps = cp.steps(body)
	})
}

// displayed marks the expression statements that show their value in interactive mode:
// those at top level and in the blocks of top-level compound statements (for, if, with,
// try…), but not in function or class bodies.
func displayed(body []ast.Stmt) []ast.Stmt {
	out := make([]ast.Stmt, len(body))
	for i, s := range body {
		switch n := s.(type) {
		case *ast.ExprStmt:
			s = &displayNode{ExprStmt: n}
		case *ast.If:
			c := *n
			c.Body, c.Else = displayed(n.Body), displayed(n.Else)
			s = &c
		case *ast.While:
			c := *n
			c.Body, c.Else = displayed(n.Body), displayed(n.Else)
			s = &c
		case *ast.For:
			c := *n
			c.Body, c.Else = displayed(n.Body), displayed(n.Else)
			s = &c
		case *ast.With:
			c := *n
			c.Body = displayed(n.Body)
			s = &c
		case *ast.Try:
			c := *n
			c.Body, c.Else, c.Finally = displayed(n.Body), displayed(n.Else), displayed(n.Finally)
			c.Handlers = make([]*ast.ExceptHandler, len(n.Handlers))
			for j, h := range n.Handlers {
				hc := *h
				hc.Body = displayed(h.Body)
				c.Handlers[j] = &hc
			}
			s = &c
		}
		out[i] = s
	}
	return out
}

// displayNode marks an expression statement of REPL input whose value is shown.
type displayNode struct{ *ast.ExprStmt }

// displayStmt evaluates an expression and shows it as sys.displayhook does.
type displayStmt struct {
	at
	x expr
}

func (s *displayStmt) exec(fr *frame) (ctl, error) {
	v, err := s.x.eval(fr)
	if err != nil || v.IsNone() {
		return ctlNone, err
	}
	fr.interp.builtins.SetStr("_", rt.None) // repr may fail; _ is set after, as CPython does
	r, err := rt.Repr(fr.th, v)
	if err != nil {
		return ctlNone, err
	}
	if _, err := fr.th.Stdout.Write([]byte(r + "\n")); err != nil {
		return ctlNone, err
	}
	fr.interp.builtins.SetStr("_", v)
	return ctlNone, nil
}

func splitLines(s string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			lines = append(lines, s[start:i])
			start = i + 1
		}
	}
	return append(lines, s[start:])
}
