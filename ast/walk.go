package ast

// Visitor's Visit is called for each node met by Walk. If it returns a non-nil visitor w, Walk
// visits each child of the node with w, then calls w.Visit(nil).
type Visitor interface {
	Visit(n Node) (w Visitor)
}

// Walk traverses the tree rooted at n in depth-first source order, as go/ast.Walk does.
func Walk(v Visitor, n Node) {
	if v = v.Visit(n); v == nil {
		return
	}
	for _, c := range Children(n) {
		Walk(v, c)
	}
	v.Visit(nil)
}

type inspector func(Node) bool

func (f inspector) Visit(n Node) Visitor {
	if n != nil && f(n) {
		return f
	}
	return nil
}

// Inspect calls f for each node of the tree in depth-first order; f returning false skips the
// node's children.
func Inspect(n Node, f func(Node) bool) { Walk(inspector(f), n) }

// Children returns the direct children of n in source order, skipping nil ones.
func Children(n Node) []Node {
	var out []Node
	add := func(ns ...Node) {
		for _, c := range ns {
			if c != nil && !isNilNode(c) {
				out = append(out, c)
			}
		}
	}
	stmts := func(ss []Stmt) {
		for _, s := range ss {
			add(s)
		}
	}
	exprs := func(es []Expr) {
		for _, e := range es {
			add(e)
		}
	}
	switch n := n.(type) {
	case *Module:
		stmts(n.Body)
	case *ExprStmt:
		add(n.X)
	case *Assign:
		exprs(n.Targets)
		add(n.Value)
	case *AugAssign:
		add(n.Target, n.Value)
	case *AnnAssign:
		add(n.Target, n.Annotation, n.Value)
	case *If:
		add(n.Cond)
		stmts(n.Body)
		stmts(n.Else)
	case *While:
		add(n.Cond)
		stmts(n.Body)
		stmts(n.Else)
	case *For:
		add(n.Target, n.Iter)
		stmts(n.Body)
		stmts(n.Else)
	case *Return:
		add(n.Value)
	case *FuncDef:
		exprs(n.Decorators)
		add(n.Args, n.Returns)
		stmts(n.Body)
	case *ClassDef:
		exprs(n.Decorators)
		exprs(n.Bases)
		for _, k := range n.Keywords {
			add(k)
		}
		stmts(n.Body)
	case *Try:
		stmts(n.Body)
		for _, h := range n.Handlers {
			add(h)
		}
		stmts(n.Else)
		stmts(n.Finally)
	case *ExceptHandler:
		add(n.Type)
		stmts(n.Body)
	case *Raise:
		add(n.Exc, n.Cause)
	case *With:
		for _, it := range n.Items {
			add(it)
		}
		stmts(n.Body)
	case *WithItem:
		add(n.Context, n.Target)
	case *Import:
		for _, a := range n.Names {
			add(a)
		}
	case *ImportFrom:
		for _, a := range n.Names {
			add(a)
		}
	case *Assert:
		add(n.Test, n.Msg)
	case *Delete:
		exprs(n.Targets)
	case *Arguments:
		for _, a := range n.PosOnly {
			add(a)
		}
		for _, a := range n.Args {
			add(a)
		}
		add(n.Vararg)
		for _, a := range n.KwOnly {
			add(a)
		}
		add(n.Kwarg)
		exprs(n.Defaults)
		exprs(n.KwDefaults)
	case *Arg:
		add(n.Annotation)
	case *Keyword:
		add(n.Value)
	case *JoinedStr:
		exprs(n.Values)
	case *FormattedValue:
		add(n.Value, n.FormatSpec)
	case *BinOp:
		add(n.X, n.Y)
	case *UnaryOp:
		add(n.X)
	case *BoolOp:
		exprs(n.Values)
	case *Compare:
		add(n.Left)
		exprs(n.Comparators)
	case *IfExp:
		add(n.Body, n.Test, n.Else)
	case *Lambda:
		add(n.Args, n.Body)
	case *NamedExpr:
		add(n.Target, n.Value)
	case *Call:
		add(n.Func)
		exprs(n.Args)
		for _, k := range n.Keywords {
			add(k)
		}
	case *Attribute:
		add(n.X)
	case *Subscript:
		add(n.X, n.Index)
	case *Slice:
		add(n.Lower, n.Upper, n.Step)
	case *Starred:
		add(n.X)
	case *List:
		exprs(n.Elts)
	case *Tuple:
		exprs(n.Elts)
	case *Set:
		exprs(n.Elts)
	case *Dict:
		for i := range n.Values {
			if n.Keys[i] != nil {
				add(n.Keys[i])
			}
			add(n.Values[i])
		}
	case *ListComp:
		comp(add, n.Elt, nil, n.Generators)
	case *SetComp:
		comp(add, n.Elt, nil, n.Generators)
	case *GeneratorExp:
		comp(add, n.Elt, nil, n.Generators)
	case *DictComp:
		comp(add, n.Key, n.Value, n.Generators)
	case *Comprehension:
		add(n.Target, n.Iter)
		exprs(n.Ifs)
	case *Await:
		add(n.X)
	case *Yield:
		add(n.Value)
	case *YieldFrom:
		add(n.X)
	}
	return out
}

func comp(add func(...Node), elt, val Expr, gens []*Comprehension) {
	add(elt, val)
	for _, g := range gens {
		add(g)
	}
}
