// Package ast declares the syntax tree of Aio programs.
//
// The tree mirrors Python's own ast module (Module, FunctionDef, BinOp, …) closely enough that
// a reader who knows one knows the other, with Go-shaped names. Every node records the span of
// source it came from: Pos is the first character and End the position just past the last, both
// 1-based (line, column in runes). The parser is the only producer of these nodes and the
// interpreter the main consumer; neither participle's grammar structs nor any interpreter state
// appear here.
//
// Invariants the parser guarantees and later passes rely on:
//   - every Node's Pos is valid (Line ≥ 1); End is never before Pos;
//   - an elif chain is an If whose Else holds exactly one If;
//   - assignment targets are Name, Attribute, Subscript, Starred, List or Tuple only;
//   - f-strings are JoinedStr nodes whose parts are Constant strings and FormattedValue nodes.
package ast

import "fmt"

// Pos is a source position: 1-based line and 1-based column counted in runes.
type Pos struct {
	Line, Col int32
}

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// IsValid reports whether the position is set.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Span is embedded in every node and records where it lies in the source.
type Span struct {
	Start, Stop Pos
}

// Pos returns the position of the node's first character.
func (s *Span) Pos() Pos { return s.Start }

// End returns the position just past the node's last character.
func (s *Span) End() Pos { return s.Stop }

// SetSpan sets both ends of the span.
func (s *Span) SetSpan(start, end Pos) { s.Start, s.Stop = start, end }

// Node is implemented by every syntax tree node.
type Node interface {
	Pos() Pos
	End() Pos
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Module is a whole source file.
type Module struct {
	Span
	File string
	Body []Stmt
}

// ---- statements ----

type (
	// ExprStmt is an expression evaluated for its effect.
	ExprStmt struct {
		Span
		X Expr
	}

	// Assign is `t1 = t2 = … = value`.
	Assign struct {
		Span
		Targets []Expr
		Value   Expr
	}

	// AugAssign is `target op= value`.
	AugAssign struct {
		Span
		Target Expr
		Op     Op
		Value  Expr
	}

	// AnnAssign is `target: annotation [= value]`.
	AnnAssign struct {
		Span
		Target     Expr
		Annotation Expr
		Value      Expr // may be nil
		Simple     bool // target is a bare name, not parenthesised
	}

	// If is `if Cond: Body else: Else`; elif is a nested If in Else.
	If struct {
		Span
		Cond Expr
		Body []Stmt
		Else []Stmt
	}

	// While is `while Cond: Body else: Else`.
	While struct {
		Span
		Cond Expr
		Body []Stmt
		Else []Stmt
	}

	// For is `[async] for Target in Iter: Body else: Else`.
	For struct {
		Span
		Async  bool
		Target Expr
		Iter   Expr
		Body   []Stmt
		Else   []Stmt
	}

	// Break is `break`.
	Break struct{ Span }

	// Continue is `continue`.
	Continue struct{ Span }

	// Pass is `pass`.
	Pass struct{ Span }

	// Return is `return [Value]`.
	Return struct {
		Span
		Value Expr // may be nil
	}

	// FuncDef is `[async] def Name(Args) -> Returns: Body` with its decorators.
	FuncDef struct {
		Span
		Async      bool
		Name       string
		NamePos    Pos
		Args       *Arguments
		Returns    Expr // may be nil
		Body       []Stmt
		Decorators []Expr
	}

	// ClassDef is `class Name(Bases, Keywords): Body` with its decorators.
	ClassDef struct {
		Span
		Name       string
		NamePos    Pos
		Bases      []Expr
		Keywords   []*Keyword
		Body       []Stmt
		Decorators []Expr
	}

	// Try is try/except/else/finally; Star marks except* handlers.
	Try struct {
		Span
		Body     []Stmt
		Handlers []*ExceptHandler
		Else     []Stmt
		Finally  []Stmt
		Star     bool
	}

	// Raise is `raise [Exc [from Cause]]`.
	Raise struct {
		Span
		Exc   Expr // may be nil (bare raise)
		Cause Expr // may be nil
	}

	// With is `[async] with Items: Body`.
	With struct {
		Span
		Async bool
		Items []*WithItem
		Body  []Stmt
	}

	// Import is `import a.b as c, d`.
	Import struct {
		Span
		Names []*Alias
	}

	// ImportFrom is `from [.]*Module import Names`; Names holds one Alias "*" for a star import.
	ImportFrom struct {
		Span
		Module string
		Names  []*Alias
		Level  int
	}

	// Global is `global Names`.
	Global struct {
		Span
		Names []string
	}

	// Nonlocal is `nonlocal Names`.
	Nonlocal struct {
		Span
		Names []string
	}

	// Assert is `assert Test[, Msg]`.
	Assert struct {
		Span
		Test Expr
		Msg  Expr // may be nil
	}

	// Delete is `del Targets`.
	Delete struct {
		Span
		Targets []Expr
	}
)

// ExceptHandler is one `except [Type [as Name]]: Body` clause.
type ExceptHandler struct {
	Span
	Type Expr   // may be nil (bare except)
	Name string // "" when there is no `as`
	Body []Stmt
}

// WithItem is one `Context [as Target]` of a with statement.
type WithItem struct {
	Span
	Context Expr
	Target  Expr // may be nil
}

// Alias is `Name [as AsName]` in an import.
type Alias struct {
	Span
	Name   string
	AsName string // "" when there is no `as`
}

// Arguments is a function's or lambda's parameter list.
type Arguments struct {
	Span
	PosOnly    []*Arg
	Args       []*Arg
	Vararg     *Arg // *args, may be nil
	KwOnly     []*Arg
	KwDefaults []Expr // parallel to KwOnly; nil entries have no default
	Kwarg      *Arg   // **kwargs, may be nil
	Defaults   []Expr // defaults of the last len(Defaults) of PosOnly+Args
}

// Arg is one parameter.
type Arg struct {
	Span
	Name       string
	Annotation Expr // may be nil
}

// Keyword is `Arg=Value` in a call or class header; Arg is "" for `**Value`.
type Keyword struct {
	Span
	Arg   string
	Value Expr
}

// ---- expressions ----

type (
	// Name is an identifier.
	Name struct {
		Span
		ID string
	}

	// Constant is a literal: Value is nil (None), bool, int64, *big.Int, float64, complex128,
	// string, Bytes or Ellipsis.
	Constant struct {
		Span
		Value any
	}

	// JoinedStr is an f-string: Values are Constant strings and FormattedValues.
	JoinedStr struct {
		Span
		Values []Expr
	}

	// FormattedValue is one `{Value!Conversion:FormatSpec}` field of an f-string.
	FormattedValue struct {
		Span
		Value      Expr
		Conversion rune       // 0, 's', 'r' or 'a'
		FormatSpec *JoinedStr // may be nil
		// DebugText is the `expr=` text of a self-documenting field, "" otherwise.
		DebugText string
	}

	// BinOp is `X Op Y`.
	BinOp struct {
		Span
		X  Expr
		Op Op
		Y  Expr
	}

	// UnaryOp is `Op X` for Not, Invert, UAdd and USub.
	UnaryOp struct {
		Span
		Op Op
		X  Expr
	}

	// BoolOp is `V1 and V2 and …` or the same with or.
	BoolOp struct {
		Span
		Op     Op // And or Or
		Values []Expr
	}

	// Compare is a comparison chain `Left Ops[0] Comparators[0] Ops[1] …`.
	Compare struct {
		Span
		Left        Expr
		Ops         []Op
		Comparators []Expr
	}

	// IfExp is `Body if Test else Else`.
	IfExp struct {
		Span
		Test, Body, Else Expr
	}

	// Lambda is `lambda Args: Body`.
	Lambda struct {
		Span
		Args *Arguments
		Body Expr
	}

	// NamedExpr is `Target := Value`.
	NamedExpr struct {
		Span
		Target *Name
		Value  Expr
	}

	// Call is `Func(Args, Keywords)`; Args may hold Starred nodes.
	Call struct {
		Span
		Func     Expr
		Args     []Expr
		Keywords []*Keyword
	}

	// Attribute is `X.Name`.
	Attribute struct {
		Span
		X       Expr
		Name    string
		NamePos Pos
	}

	// Subscript is `X[Index]`; a tuple of indices is a Tuple, a slice is a Slice.
	Subscript struct {
		Span
		X     Expr
		Index Expr
	}

	// Slice is `Lower:Upper:Step` inside a subscript; each part may be nil.
	Slice struct {
		Span
		Lower, Upper, Step Expr
	}

	// Starred is `*X` in a target, call or display.
	Starred struct {
		Span
		X Expr
	}

	// List is `[Elts]`.
	List struct {
		Span
		Elts []Expr
	}

	// Tuple is `(Elts)` or a bare `a, b`; Paren reports whether it was parenthesised.
	Tuple struct {
		Span
		Elts  []Expr
		Paren bool
	}

	// Set is `{Elts}` with at least one element.
	Set struct {
		Span
		Elts []Expr
	}

	// Dict is `{k: v, **m}`; a nil key marks a `**Values[i]` entry.
	Dict struct {
		Span
		Keys   []Expr
		Values []Expr
	}

	// ListComp is `[Elt for …]`.
	ListComp struct {
		Span
		Elt        Expr
		Generators []*Comprehension
	}

	// SetComp is `{Elt for …}`.
	SetComp struct {
		Span
		Elt        Expr
		Generators []*Comprehension
	}

	// GeneratorExp is `(Elt for …)`.
	GeneratorExp struct {
		Span
		Elt        Expr
		Generators []*Comprehension
	}

	// DictComp is `{Key: Value for …}`.
	DictComp struct {
		Span
		Key, Value Expr
		Generators []*Comprehension
	}

	// Await is `await X`.
	Await struct {
		Span
		X Expr
	}

	// Yield is `yield [Value]`.
	Yield struct {
		Span
		Value Expr // may be nil
	}

	// YieldFrom is `yield from X`.
	YieldFrom struct {
		Span
		X Expr
	}
)

// Comprehension is one `[async] for Target in Iter if Ifs…` clause.
type Comprehension struct {
	Span
	Async  bool
	Target Expr
	Iter   Expr
	Ifs    []Expr
}

// Bytes is the value of a bytes literal.
type Bytes string

// Ellipsis is the value of the `...` literal.
type Ellipsis struct{}

func (*ExprStmt) stmtNode()   {}
func (*Assign) stmtNode()     {}
func (*AugAssign) stmtNode()  {}
func (*AnnAssign) stmtNode()  {}
func (*If) stmtNode()         {}
func (*While) stmtNode()      {}
func (*For) stmtNode()        {}
func (*Break) stmtNode()      {}
func (*Continue) stmtNode()   {}
func (*Pass) stmtNode()       {}
func (*Return) stmtNode()     {}
func (*FuncDef) stmtNode()    {}
func (*ClassDef) stmtNode()   {}
func (*Try) stmtNode()        {}
func (*Raise) stmtNode()      {}
func (*With) stmtNode()       {}
func (*Import) stmtNode()     {}
func (*ImportFrom) stmtNode() {}
func (*Global) stmtNode()     {}
func (*Nonlocal) stmtNode()   {}
func (*Assert) stmtNode()     {}
func (*Delete) stmtNode()     {}

func (*Name) exprNode()           {}
func (*Constant) exprNode()       {}
func (*JoinedStr) exprNode()      {}
func (*FormattedValue) exprNode() {}
func (*BinOp) exprNode()          {}
func (*UnaryOp) exprNode()        {}
func (*BoolOp) exprNode()         {}
func (*Compare) exprNode()        {}
func (*IfExp) exprNode()          {}
func (*Lambda) exprNode()         {}
func (*NamedExpr) exprNode()      {}
func (*Call) exprNode()           {}
func (*Attribute) exprNode()      {}
func (*Subscript) exprNode()      {}
func (*Slice) exprNode()          {}
func (*Starred) exprNode()        {}
func (*List) exprNode()           {}
func (*Tuple) exprNode()          {}
func (*Set) exprNode()            {}
func (*Dict) exprNode()           {}
func (*ListComp) exprNode()       {}
func (*SetComp) exprNode()        {}
func (*GeneratorExp) exprNode()   {}
func (*DictComp) exprNode()       {}
func (*Await) exprNode()          {}
func (*Yield) exprNode()          {}
func (*YieldFrom) exprNode()      {}
