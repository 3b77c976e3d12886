package parser

// Check makes the compile-time checks that CPython 3.11 makes after parsing and that need no
// symbol table: `'return' outside function`, `'break' outside loop`, `'await' outside async
// function`, duplicate parameters, repeated keyword arguments, misplaced starred targets,
// misplaced `from __future__` imports and the like. Scope errors that do need one (a
// nonlocal with no binding, a name used before its global declaration) are the resolver's.
//
// CPython finds these errors in four passes over the tree, and when a program has several
// errors the pass decides which one is reported, not the source order. Check keeps the
// passes apart for that reason, each reporting the first error in the order CPython meets it:
//
//  1. future (Python/future.c): the leading `from __future__ import` statements; then the
//     AST optimizer's depth check (check_depth.go), whose RecursionError is a *LimitError;
//  2. symbol table (Python/symtable.c), visiting: duplicate parameters, yield inside
//     comprehensions, yield and await in postponed annotations; it also records which
//     functions are generators and which scopes are coroutines, for pass 4;
//  3. symbol table, analysing: nonlocal at module level;
//  4. compiler (Python/compile.c): everything else, in code-generation order. That is source
//     order except where the compiler generates code out of order: defaults before the body,
//     a call's keywords before its callee, a try's else before its handlers, and the finally
//     bodies a break, continue or return leaves, which are compiled at the jump.
//
// Compile-time errors carry the node's span as CPython reports it: UTF-8 byte columns (not
// characters, unlike parser errors, so carets drift right on lines with non-ASCII text before
// the node, as they do in CPython 3.11), drawn to the end of the first line when the node
// spans several lines.

import (
	"unicode/utf8"

	"github.com/aio-lang/aio/ast"
	"github.com/aio-lang/aio/lexer"
)

// Check reports the first compile-time error in the module m parsed from src, as a
// *lexer.Error with CPython 3.11's message and position, or nil; a module nested too deeply
// to compile gets a *LimitError, CPython's RecursionError.
func Check(m *ast.Module, src []byte) error { return check(m, src, false) }

// CheckTopLevelAwait is Check for REPL input, where await, async for, async with and
// asynchronous comprehensions are allowed at the top level, as in `python -m asyncio`
// (CPython's PyCF_ALLOW_TOP_LEVEL_AWAIT).
func CheckTopLevelAwait(m *ast.Module, src []byte) error { return check(m, src, true) }

func check(m *ast.Module, src []byte, topLevelAwait bool) error {
	c := &checker{src: string(src), file: m.File, topLevelAwait: topLevelAwait}
	c.future(m)
	if c.err == nil && tooDeep(m, c.futureAnnotations) {
		return errCompileRecursion
	}
	if c.err == nil {
		c.symtable(m)
	}
	if c.err == nil {
		c.compile(m)
	}
	if c.recursion {
		return errCompileRecursion
	}
	if c.err == nil {
		return nil // not a nil *lexer.Error in a non-nil error
	}
	return c.err
}

// checker holds what the passes share.
type checker struct {
	src, file     string
	topLevelAwait bool

	futureLine        int32 // line of the last valid `from __future__` import; 0 if none
	futureAnnotations bool  // `from __future__ import annotations`: annotations are not evaluated

	scopes map[ast.Node]*scope // the symbol table's findings, by function and comprehension node

	err       *lexer.Error // the first error found
	recursion bool         // the error is CPython's RecursionError, errCompileRecursion
}

// fail reports msg with carets under node n, unless an error is already reported.
func (c *checker) fail(n ast.Node, msg string) {
	start, end := n.Pos(), n.End()
	text := sourceLine(c.src, int(start.Line))
	endCol := len(text) + 1
	if end.Line == start.Line {
		endCol = byteCol(text, end.Col)
	}
	c.failAt(start.Line, byteCol(text, start.Col), endCol, msg)
}

// failAt reports msg at line with carets from col to endCol (byte columns; one caret when
// endCol ≤ col, none when col is 0), unless an error is already reported. A line below 1
// has no text.
func (c *checker) failAt(line int32, col, endCol int, msg string) {
	if c.err != nil {
		return
	}
	c.err = &lexer.Error{
		Kind:     lexer.Syntax,
		Msg:      msg,
		Filename: c.file,
		Line:     int(line),
		Col:      col,
		EndCol:   endCol,
	}
	if line > 0 {
		c.err.Text = sourceLine(c.src, int(line))
	}
}

// byteCol converts the 1-based character column col of text to a 1-based UTF-8 byte column.
func byteCol(text string, col int32) int {
	i := 0
	for ; col > 1 && i < len(text); col-- {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return i + int(col)
}
