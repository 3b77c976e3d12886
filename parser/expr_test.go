package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aio-lang/aio/ast"
)

func TestParseExpr(t *testing.T) {
	tests := []struct{ src, want string }{
		{"1 + 2 * 3", "BinOp @1:1-1:10"},
		{"-2 ** 2", "UnaryOp @1:1-1:8"},
		{"a, *b", "Tuple @1:1-1:6"},
		{"yield x", "Yield @1:1-1:8"},
		{"f(x)[1:2].y\n", "Attribute @1:1-1:12"},
		{"1 2", "SyntaxError: invalid syntax"},
		{"x = 1", "SyntaxError: invalid syntax"},
		{"(1 +", "SyntaxError: '(' was never closed"},
		{"", "SyntaxError: invalid syntax"},
	}
	for _, tt := range tests {
		x, err := ParseExpr("x.aio", tt.src)
		got := ""
		if err != nil {
			lines := strings.Split(err.Error(), "\n")
			got = lines[len(lines)-1]
		} else {
			got = strings.SplitN(ast.Dump(x), " {", 2)[0]
		}
		if got != tt.want {
			t.Errorf("ParseExpr(%q) = %s, want %s", tt.src, got, tt.want)
		}
	}
}

// TestPrecedence checks how operators group, against CPython's rules.
func TestPrecedence(t *testing.T) {
	tests := []struct{ src, want string }{
		{"-2 ** 2", "(- (2 ** 2))"},
		{"2 ** -1", "(2 ** (- 1))"},
		{"2 ** 3 ** 2", "(2 ** (3 ** 2))"},
		{"a - b - c", "((a - b) - c)"},
		{"a | b ^ c & d << e + f * g", "(a | (b ^ (c & (d << (e + (f * g))))))"},
		{"not a == b", "(not (a == b))"},
		{"a and b or c and d", "((a and b) or (c and d))"},
		{"a if b else c if d else e", "(a if b else (c if d else e))"},
		{"lambda: a if b else c", "(lambda (a if b else c))"},
		{"await a ** b", "((await a) ** b)"},
		{"-await a", "(- (await a))"},
		{"~a.b[c](d)", "(~ a.b[c](d))"},
		{"a < b < c", "(a < b < c)"},
		{"a not in b is not c", "(a not in b is not c)"},
		{"a @ b // c % d", "(((a @ b) // c) % d)"},
	}
	for _, tt := range tests {
		x, err := ParseExpr("x.aio", tt.src)
		if err != nil {
			t.Errorf("ParseExpr(%q): %v", tt.src, err)
			continue
		}
		if got := group(x); got != tt.want {
			t.Errorf("ParseExpr(%q) groups as %s, want %s", tt.src, got, tt.want)
		}
	}
}

// group shows how x groups, with parentheses around every operation.
func group(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Name:
		return x.ID
	case *ast.Constant:
		return fmt.Sprint(x.Value)
	case *ast.BinOp:
		return "(" + group(x.X) + " " + x.Op.Symbol() + " " + group(x.Y) + ")"
	case *ast.UnaryOp:
		return "(" + x.Op.Symbol() + " " + group(x.X) + ")"
	case *ast.BoolOp:
		parts := make([]string, len(x.Values))
		for i, v := range x.Values {
			parts[i] = group(v)
		}
		return "(" + strings.Join(parts, " "+x.Op.Symbol()+" ") + ")"
	case *ast.Compare:
		s := "(" + group(x.Left)
		for i, op := range x.Ops {
			s += " " + op.Symbol() + " " + group(x.Comparators[i])
		}
		return s + ")"
	case *ast.IfExp:
		return "(" + group(x.Body) + " if " + group(x.Test) + " else " + group(x.Else) + ")"
	case *ast.Lambda:
		return "(lambda " + group(x.Body) + ")"
	case *ast.Await:
		return "(await " + group(x.X) + ")"
	case *ast.Attribute:
		return group(x.X) + "." + x.Name
	case *ast.Subscript:
		return group(x.X) + "[" + group(x.Index) + "]"
	case *ast.Call:
		args := make([]string, len(x.Args))
		for i, a := range x.Args {
			args[i] = group(a)
		}
		return group(x.Func) + "(" + strings.Join(args, ", ") + ")"
	}
	return "?"
}
