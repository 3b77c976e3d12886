package interp

import (
	"github.com/aio-lang/aio/ast"
)

// The resolver decides, before any code is compiled, where every name lives, so that the
// evaluator never looks a local variable up by name. It runs over the whole module in two
// passes, as Starlark's does:
//
//  1. declare: walk each scope collecting the names it binds (assignment targets, parameters,
//     def/class names, imports, for/with/except targets, walrus targets) and its global and
//     nonlocal declarations. A name bound anywhere in a function is local to all of it.
//  2. use: walk again resolving every reference. A name not local to its function is looked
//     for in enclosing function scopes (class scopes are skipped, as in Python); if found
//     there it becomes a cell in its home scope and a free variable in every scope between.
//     Otherwise it is global, and a global that is missing at run time falls back to builtins.
//
// Comprehensions are inlined (as PEP 709 does): their iteration variables get fresh slots in
// the enclosing function's frame and are invisible to the code around them. Generator
// expressions and lambdas are real functions with scopes of their own.

type scopeKind uint8

const (
	moduleScope scopeKind = iota
	functionScope
	classScope
	compScope // an inlined comprehension: slots belong to the enclosing frame
)

// refKind says where a resolved name lives.
type refKind uint8

const (
	refLocal     refKind = iota // frame slot: a plain value, or a *Cell if the binding is captured
	refFree                     // closure cell of the function
	refGlobal                   // module namespace, then builtins
	refClass                    // class namespace, then globals (class bodies)
	refClassFree                // class namespace, then a closure cell (class body reading an enclosing local)
)

type ref struct {
	kind refKind
	b    *binding // refLocal/refCell: the binding (cellness is final only after resolution)
	free int      // refFree/refClassFree: closure index
}

type binding struct {
	name  string
	slot  int  // frame slot, for function-like scopes
	cell  bool // captured by an inner scope
	scope *scope
}

type scope struct {
	kind      scopeKind
	parent    *scope
	node      ast.Node // *ast.Module, *ast.FuncDef, *ast.Lambda, *ast.ClassDef, *ast.GeneratorExp, comprehension
	bindings  map[string]*binding
	globals   map[string]bool
	nonlocals map[string]bool
	frame     *scope // the scope whose frame holds this scope's slots (itself unless compScope)
	nslots    int    // slots allocated in this frame (frame scopes only)
	free      []*freeVar
	freeIndex map[string]int
	children  []*scope
	isAsync   bool
	isGen     bool // contains yield (generator) — for functions
	genExpr   bool // the scope of a generator expression
	hasAwait  bool
	synthetic int // counter for compiler temporaries
}

// freeVar is a closure variable of a function: where to find it in the enclosing frame.
type freeVar struct {
	name      string
	outerCell int  // slot in the enclosing frame holding the cell, if fromFree is false
	fromFree  bool // the enclosing function itself has it as a free variable
	outerFree int
}

// resolution is the resolver's output, consumed by the compiler.
type resolution struct {
	refs   map[*ast.Name]ref
	scopes map[ast.Node]*scope
	module *scope
	err    *resolveError // the first error found
}

type resolveError struct {
	pos ast.Pos
	end ast.Pos
	msg string
}

func newScope(kind scopeKind, parent *scope, node ast.Node) *scope {
	s := &scope{kind: kind, parent: parent, node: node, bindings: map[string]*binding{},
		globals: map[string]bool{}, nonlocals: map[string]bool{}, freeIndex: map[string]int{}}
	s.frame = s
	if kind == compScope {
		s.frame = parent.frame
	}
	if parent != nil {
		parent.children = append(parent.children, s)
	}
	return s
}

// newSlot allocates a slot in the scope's frame.
func (s *scope) newSlot() int {
	f := s.frame
	f.nslots++
	return f.nslots - 1
}

// bind declares name as bound in s (unless global/nonlocal there).
func (s *scope) bind(name string) {
	if s.kind == compScope {
		return // comprehension targets are bound explicitly by declareComp
	}
	if s.globals[name] || s.nonlocals[name] {
		return
	}
	if _, ok := s.bindings[name]; ok {
		return
	}
	b := &binding{name: name, scope: s, slot: -1}
	if s.kind == functionScope {
		b.slot = s.newSlot()
	}
	s.bindings[name] = b
}

// lookupLocal finds name bound in s or, for comprehension scopes, in the scopes they are
// inlined into.
func (s *scope) lookupLocal(name string) *binding {
	for c := s; c != nil; c = c.parent {
		if b, ok := c.bindings[name]; ok {
			return b
		}
		if c.kind != compScope {
			return nil
		}
	}
	return nil
}
