package ast

import (
	"strings"
	"testing"
)

// tree builds `print(x + 1)` by hand, with spans.
func tree() *Module {
	pos := func(l, c int32) Pos { return Pos{Line: l, Col: c} }
	x := &Name{ID: "x"}
	x.SetSpan(pos(1, 7), pos(1, 8))
	one := &Constant{Value: int64(1)}
	one.SetSpan(pos(1, 11), pos(1, 12))
	sum := &BinOp{X: x, Op: Add, Y: one}
	sum.SetSpan(pos(1, 7), pos(1, 12))
	fn := &Name{ID: "print"}
	fn.SetSpan(pos(1, 1), pos(1, 6))
	call := &Call{Func: fn, Args: []Expr{sum}}
	call.SetSpan(pos(1, 1), pos(1, 13))
	st := &ExprStmt{X: call}
	st.SetSpan(pos(1, 1), pos(1, 13))
	m := &Module{File: "t.aio", Body: []Stmt{st}}
	m.SetSpan(pos(1, 1), pos(1, 13))
	return m
}

func TestDump(t *testing.T) {
	want := `Module @1:1-1:13 {
  File: "t.aio"
  Body: [
    ExprStmt @1:1-1:13 {
      X: Call @1:1-1:13 {
        Func: Name @1:1-1:6 {
          ID: "print"}
        Args: [
          BinOp @1:7-1:12 {
            X: Name @1:7-1:8 {
              ID: "x"}
            Op: Add
            Y: Constant @1:11-1:12 {
              Value: 1}}]}}]}
`
	if got := Dump(tree()); got != want {
		t.Errorf("Dump:\n%s\nwant:\n%s", got, want)
	}
}

func TestInspectVisitsInSourceOrder(t *testing.T) {
	visit := func(prune bool) string {
		var names []string
		Inspect(tree(), func(n Node) bool {
			if id, ok := n.(*Name); ok {
				names = append(names, id.ID)
			}
			_, isBinOp := n.(*BinOp)
			return !(prune && isBinOp)
		})
		return strings.Join(names, " ")
	}
	if got := visit(false); got != "print x" {
		t.Errorf("visited %q, want %q", got, "print x")
	}
	if got := visit(true); got != "print" {
		t.Errorf("with the BinOp pruned, visited %q, want %q", got, "print")
	}
}

func TestChildrenSkipsNil(t *testing.T) {
	r := &Return{}
	if n := len(Children(r)); n != 0 {
		t.Errorf("a bare return has %d children", n)
	}
	s := &Slice{Upper: &Name{ID: "n"}}
	if c := Children(s); len(c) != 1 || c[0].(*Name).ID != "n" {
		t.Errorf("Children(slice) = %v", c)
	}
}

func TestOpNames(t *testing.T) {
	for op, want := range map[Op][2]string{Add: {"Add", "+"}, NotIn: {"NotIn", "not in"}, FloorDiv: {"FloorDiv", "//"}} {
		if op.String() != want[0] || op.Symbol() != want[1] {
			t.Errorf("%v: %s %s", op, op.String(), op.Symbol())
		}
	}
}
