// Package interp runs Aio programs: it is the engine behind the aio command and the API
// that Go programs embed.
//
// # Using it
//
//	it := interp.New(interp.Options{Stdout: os.Stdout, Stderr: os.Stderr})
//	err := it.RunFile(ctx, "script.aio")
//	var perr *interp.Error
//	if errors.As(err, &perr) {
//		fmt.Fprint(os.Stderr, perr.Traceback()) // exactly what CPython prints
//	}
//
// # How it works
//
// Source is parsed (package parser) into an ast.Module, then resolved: every name is
// assigned a home — a frame slot, a closure cell, the module namespace or the builtins —
// before anything runs (resolve.go). The compiler turns the tree into a tree of expr and stmt
// nodes whose eval/exec methods walk it (compile*.go, expr*.go, stmt*.go); plain function
// calls take their slots from a value stack and their frames from a pool, so a call does not
// allocate. Generator and coroutine bodies are compiled instead to step programs
// (program.go, gen*.go) whose state lives on the heap, so that they can stop at a yield or
// await and resume later without parking a goroutine.
//
// Python exceptions are Go errors of type *runtime.Exception all the way up; they become
// *Error at this package's boundary. A Go panic inside the interpreter is a bug: Run
// recovers it and reports a SystemError rather than crashing the host.
//
// An Interp is not safe for concurrent use; run one per goroutine.
package interp

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
	"github.com/aio-lang/aio/parser"
	rt "github.com/aio-lang/aio/runtime"
)

// Options configure an interpreter. The zero value is a sandbox: output is discarded and no
// capability is granted.
type Options struct {
	Stdout io.Writer
	Stderr io.Writer
	Stdin  io.Reader

	// Args is sys.argv.
	Args []string

	// Capabilities. A denied operation raises PermissionError.
	Files, Env, Network bool

	// VirtualTime runs the program on a virtual clock: whenever every task is waiting, the
	// clock jumps to the next timer, so sleeps and timeouts complete at once, in the order
	// the real clock would give. time.time() and time.monotonic() follow it.
	VirtualTime bool

	// MaxSteps bounds loop iterations and calls (0: unlimited).
	MaxSteps uint64
	// RecursionLimit is the initial sys.getrecursionlimit() (0: 1000).
	RecursionLimit int
}

// Interp is an Aio interpreter: a main module, imported modules and one thread of
// execution.
type Interp struct {
	opts     Options
	th       *rt.Thread
	builtins *rt.Dict
	main     *rt.Module
	modules  map[string]*rt.Module
	modTable *rt.Dict // sys.modules
	sources  map[string][]string
	stack    valueStack
	frames   []*frame
	cur      *frame // the running frame
	serial   uint64
	dirs     []string // where imports of .aio modules are looked for
	clock    rt.Clock // nil: the real clock
}

// hardDepthLimit caps Python call depth whatever sys.setrecursionlimit says, so that deep
// recursion raises RecursionError long before the Go stack could overflow.
const hardDepthLimit = 120000

// New creates an interpreter.
func New(opts Options) *Interp {
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	if opts.Stdin == nil {
		opts.Stdin = strings.NewReader("")
	}
	it := &Interp{opts: opts, modules: map[string]*rt.Module{}, sources: map[string][]string{},
		stack: newValueStack()}
	it.th = rt.NewThread(opts.Stdout, opts.Stderr, opts.Stdin)
	it.th.Host = it
	it.th.MaxSteps = opts.MaxSteps
	if opts.VirtualTime {
		it.clock = rt.NewVirtualClock()
		it.th.Async.SetClock(it.clock)
	}
	if opts.RecursionLimit > 0 {
		it.th.RecursionLimit = opts.RecursionLimit
	}
	it.builtins = newBuiltins(it)
	it.main = rt.NewModule("__main__")
	it.main.Dict.SetStr("__builtins__", rt.Ref(it.builtinsModule()))
	it.modules["__main__"] = it.main
	return it
}

func (it *Interp) depthLimit() int {
	if l := it.th.RecursionLimit; l < hardDepthLimit {
		return l
	}
	return hardDepthLimit
}

// Error is a Python exception (or syntax error) that escaped the program.
type Error struct {
	exc  *rt.Exception
	text string
}

// Error returns the last line of the report: "ZeroDivisionError: division by zero".
func (e *Error) Error() string {
	lines := strings.Split(strings.TrimRight(e.text, "\n"), "\n")
	return lines[len(lines)-1]
}

// Traceback returns the whole report as CPython prints it on stderr.
func (e *Error) Traceback() string { return e.text }

// Exception returns the Python exception.
func (e *Error) Exception() *rt.Exception { return e.exc }

// ExitCode is the process exit status CPython would use for this error: the code of
// SystemExit, 130 for KeyboardInterrupt, 1 otherwise.
func (e *Error) ExitCode() int {
	if e.exc == nil || !e.exc.Matches(rt.SystemExitType) {
		if e.exc != nil && e.exc.Matches(rt.KeyboardInterruptType) {
			return 130
		}
		return 1
	}
	code := e.exc.Value()
	if code.IsNone() {
		return 0
	}
	if n, ok := rt.AsInt64(code); ok {
		return int(n)
	}
	return 1
}

// IsSystemExit reports whether the error is SystemExit.
func (e *Error) IsSystemExit() bool { return e.exc != nil && e.exc.Matches(rt.SystemExitType) }

// RunFile runs a script file as the __main__ module.
func (it *Interp) RunFile(ctx context.Context, path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs // CPython shows a script's absolute path in tracebacks and code locations
	}
	return it.Run(ctx, path, src)
}

// Run runs source as the __main__ module.
func (it *Interp) Run(ctx context.Context, filename string, src []byte) (err error) {
	if dir := filepath.Dir(filename); len(it.dirs) == 0 {
		it.dirs = append(it.dirs, dir)
	}
	c, err := it.compile(filename, src)
	if err != nil {
		return err
	}
	it.main.Dict.SetStr("__file__", rt.NewStr(filename))
	return it.guard(ctx, func() error {
		err := it.exec(c, it.main.Dict)
		it.closeGenerators(it.main.Dict)
		return err
	})
}

// closeGenerators closes the suspended generators a finished module leaves in its globals,
// as CPython's teardown of __main__ does, so that their finally blocks run.
func (it *Interp) closeGenerators(globals *rt.Dict) {
	for _, k := range globals.Keys() {
		v, _, _ := globals.Get(it.th, k)
		if g, ok := v.Object().(*generator); ok && g.state == genSuspended && g.fn.code.kind == generatorCode {
			_ = g.close(it.th)
		}
	}
}

// compile parses, checks, resolves and compiles a module.
func (it *Interp) compile(filename string, src []byte) (*code, error) {
	it.sources[filename] = strings.Split(string(src), "\n")
	m, err := parser.ParseFile(filename, src)
	if err != nil {
		return nil, it.syntaxError(err)
	}
	if err := parser.Check(m, src); err != nil {
		return nil, it.syntaxError(err)
	}
	res, rerr := resolve(m)
	if rerr != nil {
		return nil, it.syntaxError(it.positioned(filename, rerr.pos, rerr.end, rerr.msg))
	}
	c, err := compileModule(m, res)
	if err != nil {
		return nil, it.compileFailure(filename, err.(*compileError))
	}
	return c, nil
}

// compileFailure reports a compile error: a SyntaxError at its node, or a RecursionError.
func (it *Interp) compileFailure(file string, ce *compileError) error {
	if ce.recursion {
		exc := rt.Errorf(rt.RecursionErrorType, "%s", ce.msg)
		return &Error{exc: exc, text: exc.Error() + "\n"}
	}
	return it.syntaxError(it.positioned(file, ce.node.Pos(), ce.node.End(), ce.msg))
}

// positioned makes a syntax error at a node's span.
func (it *Interp) positioned(file string, pos, end ast.Pos, msg string) error {
	e := &lexer.Error{Kind: lexer.Syntax, Msg: msg, Filename: file, Line: int(pos.Line), Col: int(pos.Col)}
	if end.Line == pos.Line {
		e.EndCol = int(end.Col)
	}
	if lines := it.sources[file]; int(pos.Line) <= len(lines) {
		e.Text = lines[pos.Line-1]
	}
	return e
}

// syntaxError wraps a parse error as an *Error carrying a SyntaxError exception, or the
// MemoryError or RecursionError of a program nested too deeply to parse or compile.
func (it *Interp) syntaxError(err error) error {
	if le, ok := err.(*parser.LimitError); ok {
		cls := rt.RecursionErrorType
		if le.Type == "MemoryError" {
			cls = rt.MemoryErrorType
		}
		exc := rt.NewException(cls)
		if le.Msg != "" {
			exc = rt.NewException(cls, rt.NewStr(le.Msg))
		}
		return &Error{exc: exc, text: le.Error() + "\n"}
	}
	le, ok := err.(*lexer.Error)
	if !ok {
		return err
	}
	cls := rt.SyntaxErrorType
	switch le.TypeName() {
	case "IndentationError":
		cls = rt.IndentationErrorType
	case "TabError":
		cls = rt.TabErrorType
	}
	exc := rt.NewException(cls, rt.NewStr(le.Msg))
	return &Error{exc: exc, text: le.Error() + "\n"}
}

// exec runs module code in the namespace globals.
func (it *Interp) exec(c *code, globals *rt.Dict) error {
	m := it.stack.mark()
	slots := it.stack.alloc(c.nslots)
	fr := it.pushFrame(c, nil, slots, globals, nil)
	it.th.Depth++
	_, err := execBlock(fr, c.body)
	it.th.Depth--
	it.popFrame(fr)
	it.stack.release(m)
	return err
}

// guard runs f with the context's cancellation wired to the thread's interrupt flag, and
// turns whatever escapes — a Python exception or a Go panic — into an *Error.
func (it *Interp) guard(ctx context.Context, f func() error) (err error) {
	if ctx != nil && ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() {
			it.th.Interrupt(rt.Errorf(rt.KeyboardInterruptType, "%v", context.Cause(ctx)))
		})
		defer stop()
	}
	depth := it.th.Depth
	defer func() {
		if r := recover(); r != nil {
			it.th.Depth = depth
			exc := rt.Errorf(rt.SystemErrorType, "internal error: %v", r)
			err = &Error{exc: exc, text: fmt.Sprintf("%s\n%s", exc.Error(), debug.Stack())}
		}
	}()
	if err = f(); err != nil {
		return it.wrapError(err)
	}
	return nil
}

// wrapError turns an escaped exception into an *Error with its formatted traceback.
func (it *Interp) wrapError(err error) error {
	if _, ok := err.(*Error); ok {
		return err
	}
	exc := rt.AsException(err)
	return &Error{exc: exc, text: it.FormatException(exc)}
}

// FormatException renders an exception as CPython prints an uncaught one.
func (it *Interp) FormatException(exc *rt.Exception) string {
	addSuggestion(it, exc)
	return rt.FormatTraceback(it.th, exc, it.sourceLine)
}

// sourceLine is the text of a line for tracebacks. Like CPython, it shows none for code that
// has no file (-c, piped stdin, the REPL).
func (it *Interp) sourceLine(file string, line int) string {
	if strings.HasPrefix(file, "<") {
		return ""
	}
	lines := it.sources[file]
	if line < 1 || line > len(lines) {
		return ""
	}
	return lines[line-1]
}

// Thread returns the interpreter's thread, for embedders that call runtime functions.
func (it *Interp) Thread() *rt.Thread { return it.th }

// Globals returns the namespace of the __main__ module.
func (it *Interp) Globals() *rt.Dict { return it.main.Dict }

// Call calls a Python callable from Go.
func (it *Interp) Call(ctx context.Context, fn rt.Value, args ...rt.Value) (v rt.Value, err error) {
	err = it.guard(ctx, func() error {
		var cerr error
		v, cerr = rt.Call(it.th, fn, args, nil)
		return cerr
	})
	return v, err
}

// Interrupt raises KeyboardInterrupt in the running program at its next check point, as
// Ctrl-C does in CPython. It is safe to call from any goroutine.
func (it *Interp) Interrupt() {
	it.th.Interrupt(rt.NewException(rt.KeyboardInterruptType))
}

// Builtins returns the builtins namespace.
func (it *Interp) Builtins() *rt.Dict { return it.builtins }
