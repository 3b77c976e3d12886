package interp

import (
	"github.com/aio-lang/aio/ast"
	rt "github.com/aio-lang/aio/runtime"
)

// codeKind distinguishes plain functions from the resumable kinds.
type codeKind uint8

const (
	plainCode codeKind = iota
	generatorCode
	coroutineCode
	asyncGenCode
)

// code is a compiled function, lambda, class body or module: everything about it that does
// not change from one call to the next.
type code struct {
	name     string
	qualname string
	file     string
	line     int
	kind     codeKind
	nslots   int

	// Parameters occupy the first slots: positional-only, positional, *args, keyword-only,
	// **kwargs.
	params     []string
	nposonly   int
	nargs      int // positional parameters, including positional-only
	nkwonly    int
	hasVararg  bool
	hasKwarg   bool
	cellParams []int // parameter slots captured by inner functions: wrapped in cells on entry
	cellSlots  []int // other slots captured by inner functions: start as empty cells
	free       []*freeVar
	varnames   []string // name of each slot, for UnboundLocalError and locals()

	body  []stmt   // tree-walked body (plain code)
	steps *program // resumable body (generators and coroutines)

	site *rt.TraceSite // file and name, shared by this code's traceback entries

	// simple means only positional parameters, no defaults needed, no cells: the fast call
	// path copies arguments and runs.
	simple bool
}

// Function is a function object made by def or lambda.
type Function struct {
	code       *code
	globals    *rt.Dict
	defaults   []rt.Value
	kwdefaults []rt.Value // parallel to the keyword-only parameters; invalid = required
	closure    []*rt.Cell
	name       string
	qualname   string
	module     rt.Value
	doc        rt.Value
	dict       *rt.Dict
	interp     *Interp
}

// Type returns `function`.
func (f *Function) Type() *rt.Class { return rt.FunctionType }

// QualName returns the function's __qualname__.
func (f *Function) QualName() string { return f.qualname }

// Call calls the function.
func (f *Function) Call(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	return f.interp.call(th, f, rt.Value{}, args, kw)
}

// CallSelf calls the function with self as its first argument, without building a new
// argument slice when the arguments already sit on the value stack.
func (f *Function) CallSelf(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	return f.interp.call(th, f, self, args, kw)
}

// Attr serves the function's attributes.
func (f *Function) Attr(name string) (rt.Value, bool) {
	switch name {
	case "__name__":
		return rt.NewStr(f.name), true
	case "__qualname__":
		return rt.NewStr(f.qualname), true
	case "__module__":
		return f.module, true
	case "__doc__":
		return f.doc, true
	case "__dict__":
		return rt.Ref(f.funcDict()), true
	case "__defaults__":
		if len(f.defaults) == 0 {
			return rt.None, true
		}
		return rt.NewTuple(append([]rt.Value(nil), f.defaults...)), true
	case "__globals__":
		return rt.Ref(f.globals), true
	case "__closure__":
		if len(f.closure) == 0 {
			return rt.None, true
		}
		items := make([]rt.Value, len(f.closure))
		for i, c := range f.closure {
			items[i] = rt.Ref(c)
		}
		return rt.NewTuple(items), true
	case "__code__":
		return rt.Ref(&codeObject{c: f.code}), true
	case "__wrapped__", "__annotations__":
	}
	if f.dict != nil {
		if v, ok := f.dict.GetStr(name); ok {
			return v, true
		}
	}
	if name == "__annotations__" {
		return rt.Ref(rt.NewDict()), true
	}
	return rt.Value{}, false
}

func (f *Function) funcDict() *rt.Dict {
	if f.dict == nil {
		f.dict = rt.NewDict()
	}
	return f.dict
}

// SetAttr sets function attributes (decorators often do).
func (f *Function) SetAttr(name string, v rt.Value) bool {
	switch name {
	case "__name__":
		if s, ok := rt.AsStr(v); ok {
			f.name = s
			return true
		}
		return false
	case "__qualname__":
		if s, ok := rt.AsStr(v); ok {
			f.qualname = s
			return true
		}
		return false
	case "__doc__":
		f.doc = v
		return true
	case "__module__":
		f.module = v
		return true
	}
	f.funcDict().SetStr(name, v)
	return true
}

// codeObject exposes a little of a code object (co_name and friends).
type codeObject struct{ c *code }

var codeType = rt.NewBuiltinClass("code", rt.ObjectType, nil)

func (c *codeObject) Type() *rt.Class { return codeType }

func (c *codeObject) Attr(name string) (rt.Value, bool) {
	switch name {
	case "co_name":
		return rt.NewStr(c.c.name), true
	case "co_filename":
		return rt.NewStr(c.c.file), true
	case "co_firstlineno":
		return rt.Int(int64(c.c.line)), true
	case "co_argcount":
		return rt.Int(int64(c.c.nargs)), true
	case "co_varnames":
		items := make([]rt.Value, len(c.c.varnames))
		for i, n := range c.c.varnames {
			items[i] = rt.NewStr(n)
		}
		return rt.NewTuple(items), true
	}
	return rt.Value{}, false
}

func init() {
	rt.RegisterRepr(rt.FunctionType, func(_ *rt.Thread, v rt.Value) (string, error) {
		f := v.Object().(*Function)
		return "<function " + f.qualname + " at " + rt.HexID(v) + ">", nil
	})
}

// argsOf returns the parameter node list of a def or lambda.
func argsOf(n ast.Node) *ast.Arguments {
	switch f := n.(type) {
	case *ast.FuncDef:
		return f.Args
	case *ast.Lambda:
		return f.Args
	}
	return nil
}

// IsCoroutineFunction reports whether the function was defined with async def.
func (f *Function) IsCoroutineFunction() bool { return f.code.kind == coroutineCode }
