package interp

import (
	"os"
	"path/filepath"
	"strings"

	rt "github.com/aio-lang/aio/runtime"
	"github.com/aio-lang/aio/stdlib"
)

// importModule returns the module of the given dotted name, loading it on first use: from
// the standard library, else from NAME.aio beside the main script.
func (it *Interp) importModule(th *rt.Thread, name string) (*rt.Module, error) {
	if m, ok := it.modules[name]; ok {
		return m, nil
	}
	if parent, child, ok := cutLast(name, "."); ok {
		pm, err := it.importModule(th, parent)
		if err != nil {
			return nil, err
		}
		if v, ok := pm.Dict.GetStr(child); ok {
			if m, ok := v.Object().(*rt.Module); ok {
				it.register(name, m)
				return m, nil
			}
		}
		return nil, moduleNotFound(name)
	}
	if m, err := stdlib.Load(name, it.stdlibOptions()); err == nil {
		it.register(name, m)
		return m, nil
	}
	return it.importSource(name)
}

func cutLast(s, sep string) (string, string, bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

func moduleNotFound(name string) error {
	e := rt.Errorf(rt.ModuleNotFoundErrorType, "No module named '%s'", name)
	e.Dict = rt.NewDict()
	e.Dict.SetStr("name", rt.NewStr(name))
	return e
}

func (it *Interp) register(name string, m *rt.Module) {
	it.modules[name] = m
	it.sysModules().SetStr(name, rt.Ref(m))
}

// importSource loads an .aio file module from the directories of the main script.
func (it *Interp) importSource(name string) (*rt.Module, error) {
	if !it.opts.Files {
		return nil, moduleNotFound(name)
	}
	for _, dir := range it.dirs {
		path := filepath.Join(dir, name+".aio")
		src, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		c, err := it.compile(path, src)
		if err != nil {
			return nil, err
		}
		m := rt.NewModule(name)
		m.Dict.SetStr("__file__", rt.NewStr(path))
		m.Dict.SetStr("__builtins__", rt.Ref(it.builtinsModule()))
		it.register(name, m)
		if err := it.exec(c, m.Dict); err != nil {
			delete(it.modules, name)
			_, _, _ = it.sysModules().Delete(it.th, rt.NewStr(name))
			return nil, err
		}
		return m, nil
	}
	return nil, moduleNotFound(name)
}

// sysModules is the table sys.modules shows.
func (it *Interp) sysModules() *rt.Dict {
	if it.modTable == nil {
		it.modTable = rt.NewDict()
	}
	return it.modTable
}

func (it *Interp) stdlibOptions() *stdlib.Options {
	return &stdlib.Options{
		Files:   it.opts.Files,
		Env:     it.opts.Env,
		Net:     it.opts.Network,
		Args:    it.opts.Args,
		Path:    it.dirs,
		Modules: it.sysModules(),
		Clock:   it.clock,
	}
}
