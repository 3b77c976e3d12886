package interp

import (
	"github.com/aio-lang/aio/ast"
)

// stepCompiler lowers a generator or coroutine body to a program (see program.go).
// Statements that cannot suspend become single opStmt instructions; the others are spelled
// out. An expression that suspends is unnested: the operands evaluated before the
// suspension point are spilled to temporary slots, so that evaluation order is kept.
type stepCompiler struct {
	c       *compiler
	code    []instr
	depth   int // block stack depth at the current point
	loops   []*loopCtx
	suspend map[ast.Node]bool
}

type loopCtx struct {
	cont   int   // continue target
	depth  int   // block depth of the loop
	breaks []int // instructions whose break target is the loop's end
}

func (c *compiler) steps(body []ast.Stmt) *program {
	sc := &stepCompiler{c: c, suspend: map[ast.Node]bool{}}
	sc.block(body)
	sc.emit(instr{op: opReturn})
	return &program{code: sc.code}
}

func (sc *stepCompiler) emit(in instr) int {
	if in.op == opJumpIfFalse || in.op == opJumpIfTrue {
		in.cond = test(in.x)
	}
	sc.code = append(sc.code, in)
	return len(sc.code) - 1
}

func (sc *stepCompiler) here() int { return len(sc.code) }

func (sc *stepCompiler) block(body []ast.Stmt) {
	for _, s := range body {
		sc.stmt(s)
	}
}

// suspends reports whether n contains a yield or await of the current body (nested
// functions, lambdas, classes and generator expressions have bodies of their own).
func (sc *stepCompiler) suspends(n ast.Node) bool {
	if n == nil {
		return false
	}
	if v, ok := sc.suspend[n]; ok {
		return v
	}
	if d, ok := n.(*displayNode); ok {
		return sc.suspends(d.ExprStmt)
	}
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if found {
			return false
		}
		switch x := x.(type) {
		case *ast.Await, *ast.Yield, *ast.YieldFrom:
			found = true
		case *ast.For:
			found = found || x.Async
		case *ast.With:
			found = found || x.Async
		case *ast.Comprehension:
			found = found || x.Async
		case *ast.FuncDef, *ast.Lambda, *ast.ClassDef:
			return false
		case *ast.GeneratorExp:
			found = found || sc.suspends(x.Generators[0].Iter)
			return false
		}
		return !found
	})
	sc.suspend[n] = found
	return found
}

// plain emits a statement that cannot suspend as one instruction.
func (sc *stepCompiler) plain(s stmt, ln int32) {
	if s == nil {
		return
	}
	in := instr{op: opStmt, stmt: s, line: ln}
	if n := len(sc.loops); n > 0 {
		l := sc.loops[n-1]
		in.b, in.c = l.cont, l.depth
		l.breaks = append(l.breaks, sc.here())
	}
	sc.emit(in)
}

func (sc *stepCompiler) stmt(s ast.Stmt) {
	ln := s.Pos().Line
	c := sc.c
	if !sc.suspends(s) {
		sc.plain(c.stmt(s), ln)
		return
	}
	switch n := s.(type) {
	case *displayNode:
		sc.plain(&displayStmt{line(n), sc.lower(n.X)}, ln)
	case *ast.ExprStmt:
		sc.exprStmt(n)
	case *ast.Assign:
		if len(n.Targets) == 1 && !sc.suspends(n.Targets[0]) {
			if op, x, ok := sc.suspendOperand(n.Value); ok {
				sc.emit(instr{op: op, x: x, target: c.target(n.Targets[0]), line: ln})
				return
			}
		}
		v := sc.lower(n.Value)
		targets := make([]assigner, len(n.Targets))
		for i, t := range n.Targets {
			targets[i] = c.target(t)
		}
		sc.plain(&assignStmt{line(n), targets, v}, ln)
	case *ast.AnnAssign:
		sc.plain(&assignStmt{line(n), []assigner{c.target(n.Target)}, sc.lower(n.Value)}, ln)
	case *ast.AugAssign:
		v := sc.lower(n.Value)
		sc.plain(c.augAssignOf(n, v), ln)
	case *ast.Return:
		sc.emit(instr{op: opReturn, x: sc.lower(n.Value), line: ln})
	case *ast.If:
		sc.ifStmt(n)
	case *ast.While:
		sc.whileStmt(n)
	case *ast.For:
		sc.forStmt(n)
	case *ast.Try:
		sc.tryStmt(n)
	case *ast.With:
		sc.withItems(n, 0)
	case *ast.Raise:
		r := &raiseStmt{at: line(n)}
		xs := sc.lowerAll([]ast.Expr{n.Exc, n.Cause})
		r.exc, r.cause = xs[0], xs[1]
		sc.plain(r, ln)
	case *ast.Assert:
		xs := sc.lowerAll([]ast.Expr{n.Test, n.Msg})
		sc.plain(&assertStmt{line(n), xs[0], xs[1]}, ln)
	default:
		c.fail(s, "'await' or 'yield' is not supported in this statement")
	}
}

// suspendOperand recognises `await x`, `yield x` and `yield from x` whose operand does not
// itself suspend: they compile to one instruction.
func (sc *stepCompiler) suspendOperand(e ast.Expr) (opcode, expr, bool) {
	switch n := e.(type) {
	case *ast.Await:
		return opAwait, sc.lower(n.X), true
	case *ast.YieldFrom:
		return opYieldFrom, sc.lower(n.X), true
	case *ast.Yield:
		if n.Value == nil {
			return opYield, nil, true
		}
		return opYield, sc.lower(n.Value), true
	}
	return 0, nil, false
}

func (sc *stepCompiler) exprStmt(n *ast.ExprStmt) {
	if op, x, ok := sc.suspendOperand(n.X); ok {
		sc.emit(instr{op: op, x: x, line: n.Pos().Line})
		return
	}
	x := sc.lower(n.X)
	if _, ok := x.(*tempExpr); !ok {
		sc.plain(&exprStmt{line(n), x}, n.Pos().Line)
	}
}

func (sc *stepCompiler) ifStmt(n *ast.If) {
	cond := sc.lower(n.Cond)
	jf := sc.emit(instr{op: opJumpIfFalse, x: cond, line: n.Pos().Line})
	sc.block(n.Body)
	if len(n.Else) == 0 {
		sc.code[jf].a = sc.here()
		return
	}
	j := sc.emit(instr{op: opJump})
	sc.code[jf].a = sc.here()
	sc.block(n.Else)
	sc.code[j].a = sc.here()
}

func (sc *stepCompiler) pushLoop(cont int) *loopCtx {
	l := &loopCtx{cont: cont, depth: sc.depth}
	sc.loops = append(sc.loops, l)
	return l
}

// endLoop ends a loop after its else block: breaks jump past it.
func (sc *stepCompiler) endLoop(l *loopCtx) {
	for _, i := range l.breaks {
		sc.code[i].a = sc.here()
	}
}

func (sc *stepCompiler) whileStmt(n *ast.While) {
	top := sc.here()
	cond := sc.lower(n.Cond)
	jf := sc.emit(instr{op: opJumpIfFalse, x: cond, line: n.Pos().Line})
	l := sc.pushLoop(top)
	sc.block(n.Body)
	sc.emit(instr{op: opJump, a: top})
	sc.code[jf].a = sc.here()
	sc.loops = sc.loops[:len(sc.loops)-1]
	sc.block(n.Else)
	sc.endLoop(l)
}

func (sc *stepCompiler) forStmt(n *ast.For) {
	c := sc.c
	slot := c.temp()
	ln := n.Pos().Line
	var next int
	if n.Async {
		sc.emit(instr{op: opGetAIter, x: sc.lower(n.Iter), a: slot, line: ln})
		next = sc.emit(instr{op: opAnext, a: slot, target: c.target(n.Target), line: ln})
	} else {
		sc.emit(instr{op: opGetIter, x: sc.lower(n.Iter), a: slot, line: ln})
		next = sc.emit(instr{op: opForIter, a: slot, target: c.target(n.Target), line: ln})
	}
	l := sc.pushLoop(next)
	sc.block(n.Body)
	sc.emit(instr{op: opJump, a: next})
	sc.code[next].b = sc.here()
	sc.loops = sc.loops[:len(sc.loops)-1]
	sc.block(n.Else)
	sc.endLoop(l)
}

func (sc *stepCompiler) tryStmt(n *ast.Try) {
	c := sc.c
	if n.Star {
		c.fail(n, "'await' or 'yield' inside try/except* is not supported")
	}
	var setupFinally, fslot int
	if n.Finally != nil {
		fslot = c.temp()
		c.temp()
		setupFinally = sc.emit(instr{op: opSetupFinally, b: fslot, line: n.Pos().Line})
		sc.depth++
	}
	if len(n.Handlers) > 0 {
		sc.exceptBlock(n)
	} else {
		sc.block(n.Body)
	}
	if n.Finally != nil {
		sc.emit(instr{op: opPopBlock})
		sc.depth--
		sc.code[setupFinally].a = sc.here()
		sc.block(n.Finally)
		sc.emit(instr{op: opEndFinally, b: fslot})
	}
}

// exceptBlock compiles try/except/else, leaving the finally part to tryStmt.
func (sc *stepCompiler) exceptBlock(n *ast.Try) {
	c := sc.c
	setup := sc.emit(instr{op: opSetupExcept, line: n.Pos().Line})
	sc.depth++
	sc.block(n.Body)
	sc.emit(instr{op: opPopBlock})
	sc.depth--
	sc.block(n.Else)
	ends := []int{sc.emit(instr{op: opJump})}
	sc.code[setup].a = sc.here()
	sc.depth++ // the cleanup block of the handler
	for _, h := range n.Handlers {
		hd := c.handlerHead(h)
		next := -1
		if hd.typ != nil {
			next = sc.emit(instr{op: opExceptMatch, x: hd.typ, target: hd.target, line: h.Pos().Line})
		}
		sc.block(h.Body)
		sc.emit(instr{op: opEndHandler, del: hd.name})
		ends = append(ends, sc.emit(instr{op: opJump}))
		if next >= 0 {
			sc.code[next].a = sc.here()
		}
	}
	sc.emit(instr{op: opReraise})
	sc.depth--
	for _, j := range ends {
		sc.code[j].a = sc.here()
	}
}

// withItems compiles item i of a with statement around the rest of it.
func (sc *stepCompiler) withItems(n *ast.With, i int) {
	if i == len(n.Items) {
		sc.block(n.Body)
		return
	}
	c := sc.c
	item := n.Items[i]
	ln := item.Pos().Line
	slot := c.temp()
	c.temp()
	c.temp()
	fslot := c.temp()
	c.temp()
	var target assigner
	if item.Target != nil {
		target = c.target(item.Target)
	}
	async := 0
	if n.Async {
		async = 1
	}
	sc.emit(instr{op: opWithEnter, x: sc.lower(item.Context), a: slot, b: async, target: target, line: ln})
	if n.Async {
		sc.emit(instr{op: opAwait, x: &tempExpr{slot + 2}, target: target, line: ln})
	}
	setup := sc.emit(instr{op: opSetupFinally, b: fslot, line: ln})
	sc.depth++
	sc.withItems(n, i+1)
	sc.emit(instr{op: opPopBlock})
	sc.depth--
	sc.code[setup].a = sc.here()
	sc.emit(instr{op: opWithExit, a: slot, b: fslot, line: ln})
	if n.Async {
		sc.emit(instr{op: opAwait, x: &tempExpr{slot + 2}, target: &localTarget{slot: slot + 2}, line: ln})
	}
	sc.emit(instr{op: opWithEnd, a: slot, b: fslot})
	sc.emit(instr{op: opEndFinally, b: fslot})
}

// augAssignOf is an augmented assignment whose value has already been compiled.
func (c *compiler) augAssignOf(n *ast.AugAssign, value expr) stmt {
	s := c.augAssign(&ast.AugAssign{Span: n.Span, Target: n.Target, Op: n.Op, Value: &ast.Constant{Span: n.Span}})
	switch a := s.(type) {
	case *augLocalStmt:
		a.value = value
	case *augAssignStmt:
		a.value = value
	}
	return s
}
