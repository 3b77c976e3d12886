package parser

import (
	"slices"

	"github.com/aio-lang/aio/ast"
)

// compile is pass 4: the errors CPython's compiler raises while generating code, in the
// order it generates it.
func (c *checker) compile(m *ast.Module) {
	cc := &compiler{checker: c, kind: moduleScope, fn: &scope{}, finallyDone: make(map[*ast.Try]bool)}
	cc.stmts(m.Body)
}

// compiler tracks the code unit being generated, as compile.c's struct compiler_unit does.
type compiler struct {
	*checker
	kind   scopeKind
	fn     *scope  // the symbol table's findings for the enclosing function
	blocks []block // the enclosing blocks within the unit that a jump must leave

	// finallyDone records the finally bodies compiled already. A jump out of a try compiles
	// the finally body on its way out, so CPython reports an error in the body at the first
	// jump; compiling it again could only find the same errors, and skipping it keeps the
	// work linear in nested try statements.
	finallyDone map[*ast.Try]bool
}

// A block is one of compile.c's frame blocks that matter to break, continue and return.
type block struct {
	kind blockKind
	try  *ast.Try // for finallyBlock
}

type blockKind uint8

const (
	loopBlock        blockKind = iota // a for or while body
	finallyBlock                      // the body, else and handlers of a try with a finally
	starHandlerBlock                  // an except* handler's body
	withBlock                         // a with or async with body
)

// enter runs body in a new code unit for node n.
func (c *compiler) enter(n ast.Node, kind scopeKind, body func()) {
	saved := *c
	c.kind, c.blocks = kind, nil
	if kind == functionScope || kind == asyncFunctionScope {
		c.fn = c.scopes[n]
	}
	body()
	*c = saved
}

// inBlock runs body inside a block.
func (c *compiler) inBlock(b block, body func()) {
	c.blocks = append(c.blocks, b)
	body()
	c.blocks = c.blocks[:len(c.blocks)-1]
}

// topLevelAwait reports whether await and the async statements are allowed here because this
// is REPL input at the top level.
func (c *compiler) topLevelAwait() bool { return c.checker.topLevelAwait && c.kind == moduleScope }

func (c *compiler) stmts(ss []ast.Stmt) {
	for _, s := range ss {
		c.stmt(s)
	}
}

func (c *compiler) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.FuncDef:
		c.exprs(s.Decorators...)
		c.signature(s.Args, s.Returns)
		kind := functionScope
		if s.Async {
			kind = asyncFunctionScope
		}
		c.enter(s, kind, func() { c.stmts(s.Body) })
	case *ast.ClassDef:
		c.exprs(s.Decorators...)
		c.enter(s, classScope, func() { c.stmts(s.Body) })
		c.call(s.Bases, s.Keywords)
	case *ast.Return:
		switch {
		case !c.kind.functionLike():
			c.fail(s, "'return' outside function")
		case s.Value != nil && c.fn.coroutine && c.fn.generator:
			c.fail(s, "'return' with value in async generator")
		}
		c.exprs(s.Value)
		// compile.c locates the jump at a returned constant rather than the statement.
		var at ast.Node = s
		if k, ok := s.Value.(*ast.Constant); ok {
			at = k
		}
		c.unwind(at, false)
	case *ast.Assign:
		c.exprs(s.Value)
		for _, t := range s.Targets {
			c.target(t)
		}
	case *ast.AugAssign:
		c.target(s.Target)
		c.exprs(s.Value)
	case *ast.AnnAssign:
		c.exprs(s.Value)
		c.target(s.Target)
		// Only module and class annotations are evaluated, and none under the future import.
		if (c.kind == moduleScope || c.kind == classScope) && !c.futureAnnotations {
			c.exprs(s.Annotation)
		}
	case *ast.For:
		if s.Async {
			c.async(s, "'async for' outside async function")
		}
		c.exprs(s.Iter)
		c.target(s.Target)
		c.loop(s.Body)
		c.stmts(s.Else)
	case *ast.While:
		c.exprs(s.Cond)
		c.loop(s.Body)
		c.stmts(s.Else)
	case *ast.If:
		c.exprs(s.Cond)
		c.stmts(s.Body)
		c.stmts(s.Else)
	case *ast.With:
		if s.Async {
			c.async(s, "'async with' outside async function")
		}
		for _, it := range s.Items {
			c.exprs(it.Context)
			if it.Target != nil {
				c.target(it.Target)
			}
		}
		c.inBlock(block{kind: withBlock}, func() { c.stmts(s.Body) })
	case *ast.Try:
		c.try(s)
	case *ast.Break:
		if !c.unwind(s, true) {
			c.fail(s, "'break' outside loop")
		}
	case *ast.Continue:
		if !c.unwind(s, true) {
			c.fail(s, "'continue' not properly in loop")
		}
	case *ast.ImportFrom:
		if s.Module == "__future__" && s.Pos().Line > c.futureLine {
			c.fail(s, lateFuture)
		}
	case *ast.Delete:
		// The parser has rejected starred del targets already.
		for _, t := range s.Targets {
			c.target(t)
		}
	default: // ExprStmt, Raise, Assert: expressions only; Pass, Import, Global, Nonlocal: none
		c.children(s)
	}
}

// loop compiles the body of a while or for loop; its else clause is not in the loop.
func (c *compiler) loop(body []ast.Stmt) {
	c.inBlock(block{kind: loopBlock}, func() { c.stmts(body) })
}

// unwind compiles what a jump at node at runs on its way out of the enclosing blocks: their
// finally bodies, innermost first, up to the innermost loop for break and continue (toLoop),
// out of the unit for return. It reports whether the jump is compiled, that is whether break
// and continue found their loop; a jump out of an except* body is an error. CPython reports
// that error at line -1 once it has left a with or compiled a finally body on the way, which
// forget the location: the quirk is kept.
func (c *compiler) unwind(at ast.Node, toLoop bool) bool {
	saved := c.blocks
	defer func() { c.blocks = saved }()
	for i := len(c.blocks) - 1; i >= 0; i-- {
		b := c.blocks[i]
		c.blocks = slices.Clip(c.blocks[:i]) // the finally body must not overwrite saved
		switch {
		case b.kind == starHandlerBlock && at == nil:
			c.failAt(-1, 0, 0, starJump)
			return true
		case b.kind == starHandlerBlock:
			c.fail(at, starJump)
			return true
		case b.kind == loopBlock && toLoop:
			return true
		case b.kind == finallyBlock:
			c.finally(b.try)
			at = nil
		case b.kind == withBlock:
			at = nil
		}
	}
	return false
}

const starJump = "'break', 'continue' and 'return' cannot appear in an except* block"

// try compiles a try statement in compile.c's order: body, else, handlers and then finally;
// for try/except*, body, handlers, else and then finally.
func (c *compiler) try(s *ast.Try) {
	if len(s.Finally) > 0 {
		c.inBlock(block{kind: finallyBlock, try: s}, func() { c.tryExcept(s) })
		c.finally(s)
		return
	}
	c.tryExcept(s)
}

func (c *compiler) tryExcept(s *ast.Try) {
	c.stmts(s.Body)
	if !s.Star {
		c.stmts(s.Else)
	}
	for i, h := range s.Handlers {
		if h.Type == nil && i < len(s.Handlers)-1 {
			c.fail(h, "default 'except:' must be last")
		}
		c.exprs(h.Type)
		if s.Star {
			c.inBlock(block{kind: starHandlerBlock}, func() { c.stmts(h.Body) })
		} else {
			c.stmts(h.Body)
		}
	}
	if s.Star {
		c.stmts(s.Else)
	}
}

func (c *compiler) finally(s *ast.Try) {
	if !c.finallyDone[s] {
		c.finallyDone[s] = true
		c.stmts(s.Finally)
	}
}

// async checks an async for or async with statement.
func (c *compiler) async(s ast.Stmt, msg string) {
	if c.kind != asyncFunctionScope && !c.topLevelAwait() {
		c.fail(s, msg)
	}
}

// signature compiles what a def evaluates when it runs: defaults, then annotations (in
// compile.c's order, which puts positional-only parameters after the others).
func (c *compiler) signature(a *ast.Arguments, returns ast.Expr) {
	c.defaults(a)
	if c.futureAnnotations {
		return
	}
	if a != nil {
		for _, ps := range [][]*ast.Arg{a.Args, a.PosOnly, {a.Vararg}, a.KwOnly, {a.Kwarg}} {
			for _, p := range ps {
				if p != nil {
					c.item(p.Annotation) // *args: *Ts
				}
			}
		}
	}
	c.exprs(returns)
}

func (c *compiler) defaults(a *ast.Arguments) {
	if a != nil {
		c.exprs(a.Defaults...)
		c.exprs(a.KwDefaults...)
	}
}

// target compiles an assignment, for, with or del target.
func (c *compiler) target(e ast.Expr) {
	switch e := e.(type) {
	case *ast.Starred:
		c.fail(e, "starred assignment target must be in a list or tuple")
	case *ast.List:
		c.unpack(e, e.Elts)
	case *ast.Tuple:
		c.unpack(e, e.Elts)
	default:
		c.exprs(e)
	}
}

// unpack compiles the elements of a list or tuple target, of which one may be starred.
func (c *compiler) unpack(e ast.Expr, elts []ast.Expr) {
	starred := false
	for _, elt := range elts {
		if _, ok := elt.(*ast.Starred); ok {
			if starred {
				c.fail(e, "multiple starred expressions in assignment")
			}
			starred = true
		}
	}
	for _, elt := range elts {
		if s, ok := elt.(*ast.Starred); ok {
			elt = s.X
		}
		c.target(elt)
	}
}

// exprs compiles expressions, skipping nil ones.
func (c *compiler) exprs(es ...ast.Expr) {
	for _, e := range es {
		if e != nil {
			c.expr(e)
		}
	}
}

func (c *compiler) expr(e ast.Expr) {
	switch e := e.(type) {
	case *ast.Starred:
		// Displays, calls, subscripts and *args annotations unpack their starred items.
		c.fail(e, "can't use starred expression here")
	case *ast.List:
		c.elts(e.Elts)
	case *ast.Tuple:
		c.elts(e.Elts)
	case *ast.Set:
		c.elts(e.Elts)
	case *ast.Subscript:
		c.exprs(e.X)
		c.item(e.Index)
	case *ast.Call:
		c.keywords(e.Keywords)
		c.exprs(e.Func)
		c.call(e.Args, e.Keywords)
	case *ast.IfExp:
		c.exprs(e.Test, e.Body, e.Else)
	case *ast.Lambda:
		c.defaults(e.Args)
		c.enter(e, lambdaScope, func() { c.exprs(e.Body) })
	case *ast.ListComp:
		c.comprehension(e, e.Generators, e.Elt)
	case *ast.SetComp:
		c.comprehension(e, e.Generators, e.Elt)
	case *ast.GeneratorExp:
		c.comprehension(e, e.Generators, e.Elt)
	case *ast.DictComp:
		c.comprehension(e, e.Generators, e.Key, e.Value)
	case *ast.Await:
		switch {
		case c.topLevelAwait():
		case c.kind == moduleScope || c.kind == classScope:
			c.fail(e, "'await' outside function")
		case c.kind == functionScope || c.kind == lambdaScope:
			c.fail(e, "'await' outside async function")
		}
		c.exprs(e.X)
	case *ast.Yield, *ast.YieldFrom:
		_, from := e.(*ast.YieldFrom)
		switch {
		case !c.kind.functionLike():
			c.fail(e, "'yield' outside function")
		case from && c.kind == asyncFunctionScope:
			c.fail(e, "'yield from' inside async function")
		}
		c.children(e)
	default:
		c.children(e)
	}
}

// children compiles the expressions among n's children, in source order.
func (c *compiler) children(n ast.Node) {
	for _, n := range ast.Children(n) {
		if e, ok := n.(ast.Expr); ok {
			c.expr(e)
		}
	}
}

// elts compiles the items of a display or call.
func (c *compiler) elts(es []ast.Expr) {
	for _, e := range es {
		c.item(e)
	}
}

// item compiles an expression that may be starred where it stands.
func (c *compiler) item(e ast.Expr) {
	if s, ok := e.(*ast.Starred); ok {
		e = s.X
	}
	c.exprs(e)
}

// call compiles the arguments of a call or class header; the keywords are checked first.
func (c *compiler) call(args []ast.Expr, kws []*ast.Keyword) {
	c.keywords(kws)
	c.elts(args)
	for _, k := range kws {
		c.exprs(k.Value)
	}
}

// keywords reports a repeated keyword argument where compile.c does: at the later of the
// first pair of equal names, found by scanning from the left.
func (c *compiler) keywords(kws []*ast.Keyword) {
	for i, k := range kws {
		for _, other := range kws[i+1:] {
			if k.Arg != "" && other.Arg == k.Arg {
				c.fail(other, "keyword argument repeated: "+k.Arg)
				return
			}
		}
	}
}

// comprehension compiles a comprehension: the check that an asynchronous one is allowed here,
// then its body in its own unit, then its first iterable, which the enclosing unit evaluates
// last.
func (c *compiler) comprehension(e ast.Expr, gens []*ast.Comprehension, elts ...ast.Expr) {
	_, genexp := e.(*ast.GeneratorExp)
	if c.scopes[e].coroutine && !genexp && c.kind != asyncFunctionScope &&
		c.kind != comprehensionScope && !c.topLevelAwait() {
		c.fail(e, "asynchronous comprehension outside of an asynchronous function")
	}
	c.enter(e, comprehensionScope, func() {
		for i, g := range gens {
			if i > 0 {
				c.exprs(g.Iter)
			}
			c.target(g.Target)
			c.exprs(g.Ifs...)
		}
		c.exprs(elts...)
	})
	c.exprs(gens[0].Iter)
}
