package ast

// Op is an operator of BinOp, UnaryOp, BoolOp, Compare or AugAssign.
type Op uint8

// The operators, named as in Python's ast module.
const (
	Invalid Op = iota
	Add
	Sub
	Mult
	MatMult
	Div
	Mod
	Pow
	LShift
	RShift
	BitOr
	BitXor
	BitAnd
	FloorDiv
	Not
	Invert
	UAdd
	USub
	And
	Or
	Eq
	NotEq
	Lt
	LtE
	Gt
	GtE
	Is
	IsNot
	In
	NotIn
)

var opNames = [...]string{
	Invalid: "Invalid", Add: "Add", Sub: "Sub", Mult: "Mult", MatMult: "MatMult", Div: "Div",
	Mod: "Mod", Pow: "Pow", LShift: "LShift", RShift: "RShift", BitOr: "BitOr",
	BitXor: "BitXor", BitAnd: "BitAnd", FloorDiv: "FloorDiv", Not: "Not", Invert: "Invert",
	UAdd: "UAdd", USub: "USub", And: "And", Or: "Or", Eq: "Eq", NotEq: "NotEq", Lt: "Lt",
	LtE: "LtE", Gt: "Gt", GtE: "GtE", Is: "Is", IsNot: "IsNot", In: "In", NotIn: "NotIn",
}

var opSymbols = [...]string{
	Add: "+", Sub: "-", Mult: "*", MatMult: "@", Div: "/", Mod: "%", Pow: "**",
	LShift: "<<", RShift: ">>", BitOr: "|", BitXor: "^", BitAnd: "&", FloorDiv: "//",
	Not: "not", Invert: "~", UAdd: "+", USub: "-", And: "and", Or: "or", Eq: "==",
	NotEq: "!=", Lt: "<", LtE: "<=", Gt: ">", GtE: ">=", Is: "is", IsNot: "is not",
	In: "in", NotIn: "not in",
}

// String returns the operator's name in Python's ast module ("Add", "NotIn").
func (op Op) String() string {
	if int(op) < len(opNames) {
		return opNames[op]
	}
	return "Op(?)"
}

// Symbol returns the operator as written in source ("+", "not in").
func (op Op) Symbol() string {
	if int(op) < len(opSymbols) {
		return opSymbols[op]
	}
	return "?"
}
