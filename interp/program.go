package interp

import (
	rt "github.com/aio-lang/aio/runtime"
)

// A program is the resumable form of a generator or coroutine body: a flat list of
// instructions over compiled statements and expressions. Statements and expressions that
// cannot suspend run whole (opStmt), tree-walked as in plain code; only the control flow
// around yield and await points is spelled out in instructions, so a suspended body is just
// a program counter, its slots and a block stack, all on the heap.
type program struct {
	code  []instr
	async bool // a generator expression whose first loop is async for
}

type opcode uint8

const (
	opStmt         opcode = iota // run stmt; ctl break/continue jump to a/b unwinding to depth c
	opYield                      // suspend yielding x (nil: None); on resume assign the sent value to target
	opYieldFrom                  // delegate to iter(x); result to target
	opAwait                      // delegate to the awaitable x; result to target
	opJump                       // goto a
	opJumpIfFalse                // if not x: goto a
	opJumpIfTrue                 // if x: goto a
	opGetIter                    // slot a = iter(x)
	opForIter                    // next(slot a) to target, or goto b when exhausted
	opGetAIter                   // slot a = aiter(x)
	opAnext                      // await anext(slot a) into target, or goto b on StopAsyncIteration
	opSetupExcept                // push an except block with handler a
	opSetupFinally               // push a finally block with handler a, reason slot b
	opPopBlock                   // pop the innermost block
	opExceptMatch                // if the handled exception does not match x: goto a; else bind target
	opEndHandler                 // an except clause finished: stop handling, unbind del
	opReraise                    // no clause matched: raise the handled exception again
	opEndFinally                 // a finally block finished: resume the pending action in slots b, b+1
	opReturn                     // return x (nil: None)
	opJumpOut                    // break/continue to a, unwinding blocks to depth c
	opWithEnter                  // mgr = x; slot a = mgr, slot a+1 = its exit; target = enter() (b: async → result awaited by the next op)
	opWithExit                   // call the exit in slot a with the action in slots b, b+1; result to slot a+2
	opWithEnd                    // if the exit's result (slot a+2) is true, swallow a pending exception (slots b, b+1)
	opSetTemp                    // slot a = x
)

type instr struct {
	op     opcode
	line   int32
	stmt   stmt
	x      expr
	cond   condExpr // x as a test, for the conditional jumps
	target assigner
	del    deleter
	a, b   int
	c      int
}

// blockKind is the kind of an entry of a suspended body's block stack.
type blockKind uint8

const (
	blockExcept  blockKind = iota // try … except: jump to the handler on exception
	blockFinally                  // try … finally (and with): run the handler for any way out
	blockCleanup                  // inside an except clause or an exceptional finally: stop handling on the way out
)

type block struct {
	kind    blockKind
	handler int
	slot    int // blockFinally: the reason slot
}

// The pending action of a finally block, stored as an int in its reason slot and a value in
// the slot after it.
const (
	actNormal int64 = iota
	actException
	actReturn
	actJump // value: the target pc; the slot after holds the depth as well (see jumpValue)
)

// jumpValue packs a jump target and the block depth it unwinds to.
func jumpValue(pc, depth int) rt.Value { return rt.Int(int64(pc)<<16 | int64(depth)) }

func unpackJump(v rt.Value) (pc, depth int) {
	n, _ := v.SmallInt()
	return int(n >> 16), int(n & 0xffff)
}
