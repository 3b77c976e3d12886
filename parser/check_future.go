package parser

import (
	"github.com/aio-lang/aio/ast"
)

// futureFeatures are the names `from __future__ import` accepts in Python 3.11. Only
// annotations changes anything in Aio (annotations are then never evaluated); the others
// are long since the default or, like barry_as_FLUFL, are accepted and ignored.
var futureFeatures = map[string]bool{
	"nested_scopes": true, "generators": true, "division": true, "absolute_import": true,
	"with_statement": true, "print_function": true, "unicode_literals": true,
	"barry_as_FLUFL": true, "generator_stop": true, "annotations": true,
}

const lateFuture = "from __future__ imports must occur at the beginning of the file"

// future is pass 1: it checks the features of the future imports that open the module (after
// an optional docstring) and records where they end. Future imports anywhere else are
// reported by the compile pass, except one that shares a line with the statement that ended
// the run of future imports: future.c reports that one itself, one column to the left.
func (c *checker) future(m *ast.Module) {
	body := m.Body
	if len(body) > 0 && isDocstring(body[0]) {
		body = body[1:]
	}
	done := false
	prevLine := int32(0)
	for _, s := range body {
		line := s.Pos().Line
		if done && line > prevLine {
			return
		}
		prevLine = line
		imp, ok := s.(*ast.ImportFrom)
		if !ok || imp.Module != "__future__" {
			done = true
			continue
		}
		col := byteCol(sourceLine(c.src, int(line)), s.Pos().Col)
		if done {
			c.failAt(line, col-1, 0, lateFuture)
			return
		}
		for _, a := range imp.Names {
			switch {
			case a.Name == "braces":
				c.failAt(line, col, 0, "not a chance")
			case !futureFeatures[a.Name]:
				c.failAt(line, col, 0, "future feature "+a.Name+" is not defined")
			case a.Name == "annotations":
				c.futureAnnotations = true
			}
		}
		c.futureLine = line
	}
}

// isDocstring reports whether s is a docstring: an expression statement that is a plain
// string literal (not an f-string).
func isDocstring(s ast.Stmt) bool {
	e, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	k, ok := e.X.(*ast.Constant)
	if !ok {
		return false
	}
	_, ok = k.Value.(string)
	return ok
}
