// Package stdlib implements Aio's standard library modules in Go (math, json, re, time, os,
// sys, random, string, itertools, functools, collections, asyncio), each written against
// package runtime and behaving as CPython 3.11's module of the same name.
//
// # Loading
//
// The interpreter imports a module by calling
//
//	m, err := stdlib.Load(name, opts)
//
// Every call builds a fresh module object, so that interpreters never share mutable module
// state (os.environ, the random generator, sys.argv, a compiled-pattern cache); the
// interpreter keeps the result in its own table of imported modules and hands that same
// object to every later import of the name. An unknown name yields a ModuleNotFoundError. A
// dotted import such as `import os.path` is the interpreter's to resolve: load the parent and
// take its attribute. Names lists what Load knows.
//
// # Capabilities
//
// Options says what the script may touch. The file system (Files) and the environment (Env)
// are capabilities: the aio command grants them all, an embedding host grants none unless it
// says so. A module always loads; it is the call that touches a denied resource that raises
// PermissionError, naming the function and the capability:
//
//	PermissionError: os.environ: environment access is not permitted by this interpreter
//
// Pure functions (os.path.join, os.path.basename, …) need no capability.
//
// Options also carries the interpreter state that sys shows (argv, path, the module table)
// and the clock that time reads, which a host replaces to run scripts in virtual time.
package stdlib

import (
	"sort"

	"github.com/aio-lang/aio/runtime"
)

// Options configures the modules that Load builds. The zero value (or a nil pointer) grants
// no capability and uses the real clock.
type Options struct {
	Files bool // the file system: os.listdir, os.getcwd, os.path.exists, …
	Env   bool // environment variables: os.environ, os.getenv
	Net   bool // the network: asyncio streams, aiohttp

	Args    []string      // sys.argv; the script path first
	Path    []string      // sys.path
	Modules *runtime.Dict // sys.modules: the interpreter's table of imported modules

	// Environ is the initial os.environ as "KEY=value" strings; nil means the process
	// environment (when Env is granted). Changes the script makes stay in its interpreter.
	Environ []string

	// Clock is what time.time, time.monotonic and time.sleep read; nil means the real clock.
	Clock Clock
}

// builder makes one module.
type builder func(opts *Options) *runtime.Module

// builders is filled in by init: sys lists the module names, which would otherwise make the
// table's initialisation depend on itself.
var builders map[string]builder

func init() {
	builders = map[string]builder{
		"asyncio":     newAsyncio,
		"collections": newCollections,
		"functools":   newFunctools,
		"itertools":   newItertools,
		"json":        newJSON,
		"math":        newMath,
		"os":          newOS,
		"random":      newRandom,
		"re":          newRe,
		"string":      newString,
		"sys":         newSys,
		"time":        newTime,
	}
}

// Load builds a fresh instance of the named module.
func Load(name string, opts *Options) (*runtime.Module, error) {
	b, ok := builders[name]
	if !ok {
		e := runtime.Errorf(runtime.ModuleNotFoundErrorType, "No module named '%s'", name)
		e.Dict = runtime.NewDict()
		e.Dict.SetStr("name", runtime.NewStr(name))
		return nil, e
	}
	if opts == nil {
		opts = &Options{}
	}
	return b(opts), nil
}

// Names returns the names of the modules Load knows, sorted.
func Names() []string {
	names := make([]string, 0, len(builders))
	for n := range builders {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// fn is the Go signature of a module-level function.
type fn = func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error)

// method is the Go signature of a method of a stdlib class.
type method = func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error)

// newModule makes a module holding the given functions, inserted in sorted order so that the
// module's namespace does not depend on map iteration.
func newModule(name string, funcs map[string]fn) *runtime.Module {
	m := runtime.NewModule(name)
	names := make([]string, 0, len(funcs))
	for n := range funcs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		m.Dict.SetStr(n, builtin(name, n, funcs[n]))
	}
	return m
}

// builtin makes a function value belonging to module mod.
func builtin(mod, name string, f fn) runtime.Value {
	return runtime.Ref(&runtime.Builtin{Name: name, Module: mod, Fn: f})
}

// newType makes the class of a Go-implemented object type. It is made as a class-statement
// class, not a built-in one, because the runtime's operators (len, [], in, iteration,
// comparison, +) consult the dunder methods of such classes only: the class's methods are Go
// *runtime.Method values, found by the same MRO machinery as Python functions. The class is
// its own Base, so that a Python subclass also builds its instances with newFn; a nil newFn
// makes the class uninstantiable, as re.Match is.
func newType(module, name string, newFn func(th *runtime.Thread, cls *runtime.Class, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error), methods map[string]method) *runtime.Class {
	c, err := runtime.NewClass(name, name, module, nil, runtime.NewDict())
	if err != nil {
		panic(err) // cannot happen: object is a valid base
	}
	c.Base = c
	c.New = newFn
	if newFn == nil {
		c.New = func(*runtime.Thread, *runtime.Class, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
			return runtime.Value{}, runtime.TypeErrorf("cannot create '%s.%s' instances", module, name)
		}
	}
	addMethods(c, methods)
	return c
}

// newPyClass makes a class whose instances are those of its base (ordinary objects,
// exceptions, dicts, tuples), with Go methods: the shape of a class written in Python
// inside a stdlib module.
func newPyClass(module, name string, base *runtime.Class, methods map[string]method) *runtime.Class {
	c, err := runtime.NewClass(name, name, module, []*runtime.Class{base}, runtime.NewDict())
	if err != nil {
		panic(err)
	}
	addMethods(c, methods)
	return c
}

// addMethods adds Go methods to a class, in sorted order for a deterministic namespace.
func addMethods(c *runtime.Class, methods map[string]method) {
	names := make([]string, 0, len(methods))
	for n := range methods {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c.AddMethod(n, methods[n])
	}
}

// newIterType makes the class of a Go iterator. Iterators need no dunders (the runtime calls
// their Next directly), so they get a plain built-in class.
func newIterType(module, name string) *runtime.Class {
	c := runtime.NewBuiltinClass(name, runtime.ObjectType, nil)
	c.Module = module
	c.Final = true
	return c
}

// denied makes the PermissionError of a call that needs a capability the interpreter lacks.
func denied(what, capability string) error {
	return runtime.Errorf(runtime.PermissionErrorType, "%s: %s access is not permitted by this interpreter", what, capability)
}

// noKwargs rejects keyword arguments to a function that takes none.
func noKwargs(name string, kw []runtime.Kwarg) error {
	if len(kw) > 0 {
		return runtime.TypeErrorf("%s() takes no keyword arguments", name)
	}
	return nil
}

// str makes a str value; a shorthand used throughout the modules.
func str(s string) runtime.Value { return runtime.NewStr(s) }

// strList makes a list of str values.
func strList(ss []string) runtime.Value {
	items := make([]runtime.Value, len(ss))
	for i, s := range ss {
		items[i] = str(s)
	}
	return runtime.NewList(items)
}

// typeName is the name CPython uses for v's type in error messages.
func typeName(v runtime.Value) string { return v.Type().Name }

// toIndex converts an int-like argument to int64, with CPython's TypeError for other types
// and OverflowError for ints too large.
func toIndex(th *runtime.Thread, v runtime.Value) (int64, error) {
	i, ok, err := runtime.Index(th, v)
	if err != nil {
		if e := runtime.AsException(err); e.Matches(runtime.IndexErrorType) {
			return 0, runtime.Errorf(runtime.OverflowErrorType, "Python int too large to convert to C ssize_t")
		}
		return 0, err
	}
	if !ok {
		return 0, runtime.TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(v))
	}
	return i, nil
}
