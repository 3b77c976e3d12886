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
		ce := err.(*compileError)
		return it.syntaxError(it.positioned(file, ce.node.Pos(), ce.node.End(), ce.msg))
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
func compileInteractive(m *ast.Module, res *resolution) (c *code, err error) {
	cp := &compiler{res: res, rsv: &resolver{res: res}, file: m.File, strs: map[string]rt.Value{}}
	defer func() {
		if r := recover(); r != nil {
			ce, ok := r.(*compileError)
			if !ok {
				panic(r)
			}
			err = ce
		}
	}()
	c = &code{name: "<module>", qualname: "<module>", file: m.File, line: 1}
	body := make([]ast.Stmt, len(m.Body))
	for i, s := range m.Body {
		if es, ok := s.(*ast.ExprStmt); ok {
			s = &displayNode{ExprStmt: es}
		}
		body[i] = s
	}
	c.kind = coroutineCode
	cp.withScope(res.module, c, func() { c.steps = cp.steps(body) })
	c.cellSlots = compCellsOf(res.module)
	return c, nil
}

// displayNode marks a top-level expression statement of REPL input.
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
