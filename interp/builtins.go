package interp

import rt "github.com/aio-lang/aio/runtime"

// newBuiltins makes the builtins namespace: the runtime's functions and classes plus the
// ones that need the interpreter (globals, locals, vars and dir without arguments, open).
func newBuiltins(it *Interp) *rt.Dict {
	d := rt.NewDict()
	for name, v := range rt.Builtins() {
		d.SetStr(name, v)
	}
	withFrame := func(name string, f func(fr *frame, args []rt.Value, kw []rt.Kwarg) (rt.Value, error)) {
		d.SetStr(name, rt.NewBuiltin(name, func(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
			return f(it.cur, args, kw)
		}))
	}
	withFrame("globals", func(fr *frame, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Ref(fr.globals), nil
	})
	withFrame("locals", func(fr *frame, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		return rt.Ref(fr.locals()), nil
	})
	vars, _ := d.GetStr("vars")
	withFrame("vars", func(fr *frame, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		if len(args) == 0 && len(kw) == 0 {
			return rt.Ref(fr.locals()), nil
		}
		return rt.Call(fr.th, vars, args, kw)
	})
	dir, _ := d.GetStr("dir")
	withFrame("dir", func(fr *frame, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		if len(args) == 0 && len(kw) == 0 {
			names := dictNames(fr.locals())
			out := make([]rt.Value, len(names))
			for i, n := range names {
				out[i] = rt.NewStr(n)
			}
			l := rt.NewList(out)
			_, _, err := rt.CallMethod(fr.th, l, "sort")
			return l, err
		}
		return rt.Call(fr.th, dir, args, kw)
	})
	for _, name := range []string{"exit", "quit"} {
		d.SetStr(name, rt.NewBuiltin(name, func(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
			return rt.Value{}, rt.NewException(rt.SystemExitType, args...)
		}))
	}
	if err := addAsyncBuiltins(it, d); err != nil {
		panic(err) // the asyncio module is part of the binary: failing to build it is a bug
	}
	d.SetStr("open", rt.NewBuiltin("open", func(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
		if !it.opts.Files {
			return rt.Value{}, rt.Errorf(rt.PermissionErrorType, "open: file access is not permitted by this interpreter")
		}
		return openFile(th, args, kw)
	}))
	return d
}

// asyncBuiltins are the asyncio names that Aio also offers as builtins: the very same
// objects, so that `sleep is asyncio.sleep`.
var asyncBuiltins = []string{"sleep", "gather", "Semaphore", "create_task", "run"}

func addAsyncBuiltins(it *Interp, d *rt.Dict) error {
	m, err := it.importModule(it.th, "asyncio")
	if err != nil {
		return err
	}
	for _, name := range asyncBuiltins {
		if v, ok := m.Dict.GetStr(name); ok {
			d.SetStr(name, v)
		}
	}
	return nil
}

// locals returns the frame's local namespace: the class namespace in a class body, the
// globals at module level, a fresh dict of the bound slots in a function.
func (fr *frame) locals() *rt.Dict {
	if fr.classDict != nil {
		return fr.classDict
	}
	if fr.fn == nil && fr.gen == nil {
		return fr.globals
	}
	d := rt.NewDict()
	for i, name := range fr.code.varnames {
		if name == "" || name[0] == '.' || i >= len(fr.slots) {
			continue
		}
		v := fr.slots[i]
		if c, ok := v.Object().(*rt.Cell); ok {
			v = c.V
		}
		if v.IsValid() {
			d.SetStr(name, v)
		}
	}
	for i, fv := range fr.code.free {
		if v := fr.free[i].V; v.IsValid() {
			d.SetStr(fv.name, v)
		}
	}
	return d
}

// builtinsModule wraps the builtins namespace as the module `builtins`.
func (it *Interp) builtinsModule() *rt.Module {
	if m, ok := it.modules["builtins"]; ok {
		return m
	}
	m := &rt.Module{Name: "builtins", Dict: it.builtins}
	it.register("builtins", m)
	return m
}

// openFile is open(): text files are read and written whole through Go's os package.
func openFile(th *rt.Thread, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
	var name, mode string
	var encoding rt.Value
	mode = "r"
	if err := rt.UnpackArgs("open", args, kw, "file", &name, "mode?", &mode, "buffering?", new(rt.Value), "encoding?", &encoding); err != nil {
		return rt.Value{}, err
	}
	f, err := newFileObject(name, mode)
	if err != nil {
		return rt.Value{}, rt.OSErrorFrom(err, name)
	}
	return f, nil
}
