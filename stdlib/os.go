package stdlib

import (
	"crypto/rand"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"syscall"

	"github.com/aio-lang/aio/runtime"
)

// newOS builds os and its os.path. File-system calls need the Files capability and
// environment access the Env one; the environment is a snapshot that the script's changes
// update without touching the process's, which other interpreters share.
func newOS(opts *Options) *runtime.Module {
	env := &environ{cls: environType, d: runtime.NewDict(), allowed: opts.Env}
	if opts.Env {
		vars := opts.Environ
		if vars == nil {
			vars = os.Environ()
		}
		for _, kv := range vars {
			if k, v, ok := strings.Cut(kv, "="); ok && k != "" {
				env.d.SetStr(k, str(v))
			}
		}
	}
	fsys := &osFS{allowed: opts.Files}
	m := newModule("os", map[string]fn{
		"getenv":   env.getenv,
		"putenv":   env.putenv,
		"unsetenv": env.unsetenv,
		"getcwd":   fsys.getcwd,
		"chdir":    fsys.pathCall("chdir", func(p string) error { return os.Chdir(p) }),
		"listdir":  fsys.listdir,
		"mkdir":    fsys.pathCall("mkdir", func(p string) error { return os.Mkdir(p, 0o777) }),
		"makedirs": fsys.makedirs,
		"remove":   fsys.pathCall("remove", removeFile),
		"unlink":   fsys.pathCall("unlink", removeFile),
		"rmdir":    fsys.pathCall("rmdir", removeDir),
		"rename":   fsys.rename("rename"),
		"replace":  fsys.rename("replace"),
		"stat":     fsys.stat,
		"walk":     fsys.walk,
		"getpid": func(*runtime.Thread, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
			return runtime.Int(int64(os.Getpid())), nil
		},
		"cpu_count": func(*runtime.Thread, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
			return runtime.Int(int64(goruntime.NumCPU())), nil
		},
		"urandom": osUrandom,
		"fspath":  osFspath,
	})
	d := m.Dict
	d.SetStr("environ", runtime.Ref(env))
	d.SetStr("path", runtime.Ref(newPath(fsys, env)))
	d.SetStr("stat_result", runtime.Ref(statResultType.cls))
	d.SetStr("error", runtime.Ref(runtime.OSErrorType))
	for name, v := range map[string]string{
		"sep": "/", "linesep": "\n", "name": "posix", "pathsep": ":", "curdir": ".",
		"pardir": "..", "extsep": ".", "devnull": "/dev/null",
	} {
		d.SetStr(name, str(v))
	}
	d.SetStr("altsep", runtime.None)
	return m
}

// osFS performs the file-system calls, if allowed.
type osFS struct{ allowed bool }

func (f *osFS) check(name string) error {
	if !f.allowed {
		return denied("os."+name, "file-system")
	}
	return nil
}

// pathArg reads a path argument: a str (bytes and path objects are not modelled).
func pathArg(fname string, v runtime.Value) (string, error) {
	if s, ok := runtime.AsStr(v); ok {
		return s, nil
	}
	return "", runtime.TypeErrorf("%s: path should be string, bytes or os.PathLike, not %s", fname, typeName(v))
}

// osError converts a Go file-system error into the OSError subclass CPython raises for
// a call on filename (and filename2, for two-path calls such as rename).
func osError(err error, filenames ...string) error {
	return runtime.OSErrorFrom(err, filenames...)
}

// removeFile is os.remove: unlink, which refuses directories (Go's os.Remove would not).
func removeFile(p string) error { return syscall.Unlink(p) }

func removeDir(p string) error { return syscall.Rmdir(p) }

// pathCall wraps an operation on one path.
func (f *osFS) pathCall(name string, op func(string) error) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var pv, mode runtime.Value
		if err := runtime.UnpackArgs(name, args, kw, "path", &pv, "mode?", &mode); err != nil {
			return runtime.Value{}, err
		}
		p, err := pathArg(name, pv)
		if err != nil {
			return runtime.Value{}, err
		}
		if err := f.check(name); err != nil {
			return runtime.Value{}, err
		}
		if err := op(p); err != nil {
			return runtime.Value{}, osError(err, p)
		}
		return runtime.None, nil
	}
}

func (f *osFS) getcwd(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("getcwd", args, kw); err != nil {
		return runtime.Value{}, err
	}
	if err := f.check("getcwd"); err != nil {
		return runtime.Value{}, err
	}
	wd, err := os.Getwd()
	if err != nil {
		return runtime.Value{}, osError(err, ".")
	}
	return str(wd), nil
}

// listdir lists a directory in the order the system gives, as CPython does.
func (f *osFS) listdir(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	pv := str(".")
	if err := runtime.UnpackArgs("listdir", args, kw, "path?", &pv); err != nil {
		return runtime.Value{}, err
	}
	p, err := pathArg("listdir", pv)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := f.check("listdir"); err != nil {
		return runtime.Value{}, err
	}
	names, err := readDirNames(p)
	if err != nil {
		return runtime.Value{}, osError(err, p)
	}
	return strList(names), nil
}

func readDirNames(p string) ([]string, error) {
	dir, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer dir.Close()
	return dir.Readdirnames(-1)
}

func (f *osFS) makedirs(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var pv, mode runtime.Value
	existOK := false
	if err := runtime.UnpackArgs("makedirs", args, kw, "name", &pv, "mode?", &mode, "exist_ok?", &existOK); err != nil {
		return runtime.Value{}, err
	}
	p, err := pathArg("makedirs", pv)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := f.check("makedirs"); err != nil {
		return runtime.Value{}, err
	}
	if fi, err := os.Stat(p); err == nil && fi.IsDir() && !existOK {
		return runtime.Value{}, osError(syscall.EEXIST, p)
	}
	if err := os.MkdirAll(p, 0o777); err != nil {
		return runtime.Value{}, osError(err, p)
	}
	return runtime.None, nil
}

func (f *osFS) rename(name string) fn {
	return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var src, dst string
		if err := runtime.UnpackArgs(name, args, kw, "src", &src, "dst", &dst); err != nil {
			return runtime.Value{}, err
		}
		if err := f.check(name); err != nil {
			return runtime.Value{}, err
		}
		if err := os.Rename(src, dst); err != nil {
			var le *os.LinkError
			if errors.As(err, &le) {
				err = le.Err
			}
			// CPython names both paths: "[Errno 2] No such file or directory: 'a' -> 'b'".
			return runtime.Value{}, osError(err, src, dst)
		}
		return runtime.None, nil
	}
}

var statResultType = newStructSeqType("os", "stat_result", []string{
	"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime",
	"st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
}, 10)

func (f *osFS) stat(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var pv runtime.Value
	if err := runtime.UnpackArgs("stat", args, kw, "path", &pv); err != nil {
		return runtime.Value{}, err
	}
	p, err := pathArg("stat", pv)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := f.check("stat"); err != nil {
		return runtime.Value{}, err
	}
	fi, err := os.Stat(p)
	if err != nil {
		return runtime.Value{}, osError(err, p)
	}
	st := fileStat(fi)
	i := runtime.Int
	secs := func(ns int64) runtime.Value { return runtime.Float(float64(ns) / 1e9) }
	return statResultType.make(i(st.mode), i(st.ino), i(st.dev), i(st.nlink), i(st.uid), i(st.gid), i(fi.Size()),
		i(st.atimeNs/1e9), i(st.mtimeNs/1e9), i(st.ctimeNs/1e9),
		secs(st.atimeNs), secs(st.mtimeNs), secs(st.ctimeNs), i(st.atimeNs), i(st.mtimeNs), i(st.ctimeNs)), nil
}

// walker is the iterator os.walk returns: top-down, reading each directory when reached,
// so that the script may prune the dirnames list it was given.
type walker struct {
	stack []string
	dirs  runtime.Value // the dirnames list last yielded
	top   string
}

var walkerType = newIterType("builtins", "generator")

func (w *walker) Type() *runtime.Class { return walkerType }

func (w *walker) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	if w.dirs.IsValid() {
		// Descend into what is left of the last directory's subdirectories, in order.
		dirs, err := runtime.ToSlice(th, w.dirs)
		if err != nil {
			return runtime.Value{}, false, err
		}
		for i := len(dirs) - 1; i >= 0; i-- {
			name, _ := runtime.AsStr(dirs[i])
			w.stack = append(w.stack, pathJoin(w.top, name))
		}
		w.dirs = runtime.Value{}
	}
	for len(w.stack) > 0 {
		top := w.stack[len(w.stack)-1]
		w.stack = w.stack[:len(w.stack)-1]
		names, err := readDirNames(top)
		if err != nil {
			continue // os.walk ignores errors unless given onerror
		}
		var dirs, files []string
		for _, n := range names {
			if fi, err := os.Stat(filepath.Join(top, n)); err == nil && fi.IsDir() {
				dirs = append(dirs, n)
			} else {
				files = append(files, n)
			}
		}
		w.top, w.dirs = top, strList(dirs)
		return runtime.NewTuple([]runtime.Value{str(top), w.dirs, strList(files)}), true, nil
	}
	return runtime.Value{}, false, nil
}

func (f *osFS) walk(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var top string
	var topdown, onerror, followlinks runtime.Value
	if err := runtime.UnpackArgs("walk", args, kw, "top", &top, "topdown?", &topdown, "onerror?", &onerror, "followlinks?", &followlinks); err != nil {
		return runtime.Value{}, err
	}
	if err := f.check("walk"); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Ref(&walker{stack: []string{top}}), nil
}

func osUrandom(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var n int
	if err := runtime.UnpackArgs("urandom", args, kw, "size", &n); err != nil {
		return runtime.Value{}, err
	}
	if n < 0 {
		return runtime.Value{}, runtime.ValueErrorf("negative argument not allowed")
	}
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return runtime.Value{}, runtime.Errorf(runtime.OSErrorType, "%v", err)
	}
	return runtime.NewBytes(string(b)), nil
}

func osFspath(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var p runtime.Value
	if err := runtime.UnpackArgs("fspath", args, kw, "path", &p); err != nil {
		return runtime.Value{}, err
	}
	switch p.Object().(type) {
	case *runtime.Str, *runtime.Bytes:
		return p, nil
	}
	if r, found, err := runtime.CallMethod(th, p, "__fspath__"); found || err != nil {
		return r, err
	}
	return runtime.Value{}, runtime.TypeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(p))
}

// environ is os.environ: a mapping of str to str over the interpreter's environment.
type environ struct {
	cls     *runtime.Class
	d       *runtime.Dict
	allowed bool
}

func (e *environ) Type() *runtime.Class { return e.cls }

func asEnviron(v runtime.Value) *environ { return v.Object().(*environ) }

// check raises PermissionError when the interpreter may not read the environment.
func (e *environ) check(what string) error {
	if !e.allowed {
		return denied(what, "environment")
	}
	return nil
}

// strArg requires a str key or value, with CPython's message.
func strArg(v runtime.Value) (string, error) {
	if s, ok := runtime.AsStr(v); ok {
		return s, nil
	}
	return "", runtime.TypeErrorf("str expected, not %s", typeName(v))
}

func (e *environ) getenv(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var key runtime.Value
	def := runtime.None
	if err := runtime.UnpackArgs("getenv", args, kw, "key", &key, "default?", &def); err != nil {
		return runtime.Value{}, err
	}
	k, err := strArg(key)
	if err != nil {
		return runtime.Value{}, err
	}
	if err := e.check("os.getenv"); err != nil {
		return runtime.Value{}, err
	}
	if v, ok := e.d.GetStr(k); ok {
		return v, nil
	}
	return def, nil
}

func (e *environ) putenv(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var k, v runtime.Value
	if err := runtime.UnpackArgs("putenv", args, kw, "name", &k, "value", &v); err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, e.set(th, "os.putenv", k, v)
}

func (e *environ) unsetenv(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var k runtime.Value
	if err := runtime.UnpackArgs("unsetenv", args, kw, "name", &k); err != nil {
		return runtime.Value{}, err
	}
	if _, err := strArg(k); err != nil {
		return runtime.Value{}, err
	}
	if err := e.check("os.unsetenv"); err != nil {
		return runtime.Value{}, err
	}
	_, _, err := e.d.Delete(th, k)
	return runtime.None, err
}

func (e *environ) set(th *runtime.Thread, what string, k, v runtime.Value) error {
	if _, err := strArg(k); err != nil {
		return err
	}
	if _, err := strArg(v); err != nil {
		return err
	}
	if err := e.check(what); err != nil {
		return err
	}
	return e.d.Set(th, k, v)
}

// environMethod wraps a method of os.environ with the capability check; the rest is the
// dict's own behaviour, reached through the dict's methods where the runtime has them.
func environMethod(f func(th *runtime.Thread, e *environ, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error)) method {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		e := asEnviron(self)
		if err := e.check("os.environ"); err != nil {
			return runtime.Value{}, err
		}
		return f(th, e, args, kw)
	}
}

var environType = newType("os", "_Environ", nil, map[string]method{
	"__getitem__": environMethod(func(th *runtime.Thread, e *environ, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(args) != 1 {
			return runtime.Value{}, runtime.TypeErrorf("expected 1 argument, got %d", len(args))
		}
		if v, ok, err := e.d.Get(th, args[0]); ok || err != nil {
			return v, err
		}
		return runtime.Value{}, runtime.KeyError(args[0])
	}),
	"__setitem__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(args) != 2 {
			return runtime.Value{}, runtime.TypeErrorf("expected 2 arguments, got %d", len(args))
		}
		return runtime.None, asEnviron(self).set(th, "os.environ", args[0], args[1])
	},
	"__delitem__": environMethod(func(th *runtime.Thread, e *environ, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(args) != 1 {
			return runtime.Value{}, runtime.TypeErrorf("expected 1 argument, got %d", len(args))
		}
		if _, ok, err := e.d.Delete(th, args[0]); ok || err != nil {
			return runtime.None, err
		}
		return runtime.Value{}, runtime.KeyError(args[0])
	}),
	"__contains__": environMethod(func(th *runtime.Thread, e *environ, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if len(args) != 1 {
			return runtime.Value{}, runtime.TypeErrorf("expected 1 argument, got %d", len(args))
		}
		_, ok, err := e.d.Get(th, args[0])
		return runtime.Bool(ok), err
	}),
	"__iter__": environMethod(func(th *runtime.Thread, e *environ, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		it, err := runtime.Iter(th, runtime.Ref(e.d))
		return runtime.Ref(it), err
	}),
	"__len__": environMethod(func(th *runtime.Thread, e *environ, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Int(int64(e.d.Len())), nil
	}),
	"__repr__": environMethod(func(th *runtime.Thread, e *environ, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		r, err := runtime.Repr(th, runtime.Ref(e.d))
		return str("environ(" + r + ")"), err
	}),
	"get": environMethod(func(th *runtime.Thread, e *environ, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var k runtime.Value
		def := runtime.None
		if err := runtime.UnpackArgs("get", args, kw, "key", &k, "default?", &def); err != nil {
			return runtime.Value{}, err
		}
		if v, ok, err := e.d.Get(th, k); ok || err != nil {
			return v, err
		}
		return def, nil
	}),
	"copy": environMethod(func(th *runtime.Thread, e *environ, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Ref(e.d.Copy()), nil
	}),
	"keys":   environView(0),
	"values": environView(1),
	"items":  environView(2),
	"pop": environMethod(func(th *runtime.Thread, e *environ, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var k, def runtime.Value
		if err := runtime.UnpackArgs("pop", args, kw, "key", &k, "default?", &def); err != nil {
			return runtime.Value{}, err
		}
		v, ok, err := e.d.Delete(th, k)
		switch {
		case err != nil:
			return runtime.Value{}, err
		case ok:
			return v, nil
		case def.IsValid():
			return def, nil
		}
		return runtime.Value{}, runtime.KeyError(k)
	}),
	"setdefault": environMethod(func(th *runtime.Thread, e *environ, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var k, def runtime.Value
		if err := runtime.UnpackArgs("setdefault", args, kw, "key", &k, "default", &def); err != nil {
			return runtime.Value{}, err
		}
		if v, ok, err := e.d.Get(th, k); ok || err != nil {
			return v, err
		}
		return def, e.set(th, "os.environ", k, def)
	}),
	"update": environMethod(func(th *runtime.Thread, e *environ, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var pairs [][2]runtime.Value
		if len(args) > 1 {
			return runtime.Value{}, runtime.TypeErrorf("update expected at most 1 argument, got %d", len(args))
		}
		if len(args) == 1 {
			if d, ok := args[0].Object().(*runtime.Dict); ok {
				d.Items(func(k, v runtime.Value) bool { pairs = append(pairs, [2]runtime.Value{k, v}); return true })
			} else {
				items, err := runtime.ToSlice(th, args[0])
				if err != nil {
					return runtime.Value{}, err
				}
				for _, it := range items {
					kv, err := runtime.ToSlice(th, it)
					if err != nil || len(kv) != 2 {
						return runtime.Value{}, runtime.TypeErrorf("cannot convert dictionary update sequence element to a sequence of length 2")
					}
					pairs = append(pairs, [2]runtime.Value{kv[0], kv[1]})
				}
			}
		}
		for _, k := range kw {
			pairs = append(pairs, [2]runtime.Value{str(k.Name), k.Value})
		}
		for _, p := range pairs {
			if err := e.set(th, "os.environ", p[0], p[1]); err != nil {
				return runtime.Value{}, err
			}
		}
		return runtime.None, nil
	}),
	"clear": environMethod(func(th *runtime.Thread, e *environ, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		e.d.Clear()
		return runtime.None, nil
	}),
})

// environView is keys(), values() or items() of os.environ.
func environView(kind int) method {
	return environMethod(func(th *runtime.Thread, e *environ, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.NewDictView(e.d, kind), runtime.UnpackArgs("view", args, kw)
	})
}

// newPath builds os.path, CPython's posixpath.
func newPath(fsys *osFS, env *environ) *runtime.Module {
	pure1 := func(name string, f func(string) runtime.Value) fn {
		return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var pv runtime.Value
			if err := runtime.UnpackArgs(name, args, kw, "p", &pv); err != nil {
				return runtime.Value{}, err
			}
			p, ok := runtime.AsStr(pv)
			if !ok {
				return runtime.Value{}, runtime.TypeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(pv))
			}
			return f(p), nil
		}
	}
	// probe answers a question about a path's file, False when it cannot be stat'ed.
	probe := func(name string, stat func(string) (fs.FileInfo, error), f func(fs.FileInfo) bool) fn {
		return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var pv runtime.Value
			if err := runtime.UnpackArgs(name, args, kw, "path", &pv); err != nil {
				return runtime.Value{}, err
			}
			if err := fsys.check("path." + name); err != nil {
				return runtime.Value{}, err
			}
			p, ok := runtime.AsStr(pv)
			if !ok || p == "" {
				return runtime.False, nil
			}
			fi, err := stat(p)
			return runtime.Bool(err == nil && f(fi)), nil
		}
	}
	// attr reads a number from a path's file, raising as os.stat does.
	attr := func(name string, f func(fs.FileInfo) runtime.Value) fn {
		return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var pv runtime.Value
			if err := runtime.UnpackArgs(name, args, kw, "filename", &pv); err != nil {
				return runtime.Value{}, err
			}
			p, err := pathArg(name, pv)
			if err != nil {
				return runtime.Value{}, err
			}
			if err := fsys.check("path." + name); err != nil {
				return runtime.Value{}, err
			}
			fi, err := os.Stat(p)
			if err != nil {
				return runtime.Value{}, osError(err, p)
			}
			return f(fi), nil
		}
	}
	timeOf := func(pick func(fileTimes) int64) func(fs.FileInfo) runtime.Value {
		return func(fi fs.FileInfo) runtime.Value { return runtime.Float(float64(pick(fileStat(fi).fileTimes)) / 1e9) }
	}
	always := func(fs.FileInfo) bool { return true }
	m := newModule("posixpath", map[string]fn{
		"join":     osPathJoin,
		"basename": pure1("basename", func(p string) runtime.Value { return str(p[strings.LastIndexByte(p, '/')+1:]) }),
		"dirname":  pure1("dirname", func(p string) runtime.Value { h, _ := splitPath(p); return str(h) }),
		"split": pure1("split", func(p string) runtime.Value {
			h, t := splitPath(p)
			return runtime.NewTuple([]runtime.Value{str(h), str(t)})
		}),
		"splitext": pure1("splitext", func(p string) runtime.Value {
			root, ext := splitExt(p)
			return runtime.NewTuple([]runtime.Value{str(root), str(ext)})
		}),
		"isabs":    pure1("isabs", func(p string) runtime.Value { return runtime.Bool(strings.HasPrefix(p, "/")) }),
		"normpath": pure1("normpath", func(p string) runtime.Value { return str(normPath(p)) }),
		"normcase": pure1("normcase", func(p string) runtime.Value { return str(p) }),
		"abspath": func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var p string
			if err := runtime.UnpackArgs("abspath", args, kw, "path", &p); err != nil {
				return runtime.Value{}, err
			}
			abs, err := fsys.abs("path.abspath", p)
			return str(abs), err
		},
		"realpath": func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var p string
			var strict runtime.Value
			if err := runtime.UnpackArgs("realpath", args, kw, "filename", &p, "strict?", &strict); err != nil {
				return runtime.Value{}, err
			}
			abs, err := fsys.abs("path.realpath", p)
			if err != nil {
				return runtime.Value{}, err
			}
			if r, err := filepath.EvalSymlinks(abs); err == nil {
				abs = r
			}
			return str(abs), nil
		},
		"relpath": func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var p string
			start := "."
			if err := runtime.UnpackArgs("relpath", args, kw, "path", &p, "start?", &start); err != nil {
				return runtime.Value{}, err
			}
			if p == "" {
				return runtime.Value{}, runtime.ValueErrorf("no path specified")
			}
			ap, err := fsys.abs("path.relpath", p)
			if err != nil {
				return runtime.Value{}, err
			}
			as, err := fsys.abs("path.relpath", start)
			if err != nil {
				return runtime.Value{}, err
			}
			r, err := filepath.Rel(as, ap)
			if err != nil {
				return runtime.Value{}, runtime.ValueErrorf("%v", err)
			}
			return str(r), nil
		},
		"commonprefix": osPathCommonPrefix,
		"exists":       probe("exists", os.Stat, always),
		"lexists":      probe("lexists", os.Lstat, always),
		"isfile":       probe("isfile", os.Stat, func(fi fs.FileInfo) bool { return fi.Mode().IsRegular() }),
		"isdir":        probe("isdir", os.Stat, fs.FileInfo.IsDir),
		"islink":       probe("islink", os.Lstat, func(fi fs.FileInfo) bool { return fi.Mode()&fs.ModeSymlink != 0 }),
		"getsize":      attr("getsize", func(fi fs.FileInfo) runtime.Value { return runtime.Int(fi.Size()) }),
		"getmtime":     attr("getmtime", timeOf(func(t fileTimes) int64 { return t.mtimeNs })),
		"getatime":     attr("getatime", timeOf(func(t fileTimes) int64 { return t.atimeNs })),
		"getctime":     attr("getctime", timeOf(func(t fileTimes) int64 { return t.ctimeNs })),
		"expanduser":   env.expanduser,
		"expandvars":   env.expandvars,
	})
	for name, v := range map[string]string{"sep": "/", "pathsep": ":", "curdir": ".", "pardir": "..", "extsep": ".", "devnull": "/dev/null"} {
		m.Dict.SetStr(name, str(v))
	}
	m.Dict.SetStr("altsep", runtime.None)
	return m
}

// abs makes a path absolute against the working directory, which needs file-system access.
func (f *osFS) abs(what, p string) (string, error) {
	if strings.HasPrefix(p, "/") {
		return normPath(p), nil
	}
	if err := f.check(what); err != nil {
		return "", err
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", osError(err, ".")
	}
	return normPath(pathJoin(wd, p)), nil
}

// pathJoin is posixpath.join of two paths.
func pathJoin(a, b string) string {
	switch {
	case strings.HasPrefix(b, "/"):
		return b
	case a == "" || strings.HasSuffix(a, "/"):
		return a + b
	}
	return a + "/" + b
}

func osPathJoin(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := noKwargs("join", kw); err != nil {
		return runtime.Value{}, err
	}
	if len(args) == 0 {
		return runtime.Value{}, runtime.TypeErrorf("join() missing 1 required positional argument: 'a'")
	}
	path, ok := runtime.AsStr(args[0])
	if !ok {
		return runtime.Value{}, runtime.TypeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(args[0]))
	}
	for _, a := range args[1:] {
		s, ok := runtime.AsStr(a)
		if !ok {
			return runtime.Value{}, runtime.TypeErrorf("join() argument must be str, bytes, or os.PathLike object, not '%s'", typeName(a))
		}
		path = pathJoin(path, s)
	}
	return str(path), nil
}

// splitPath is posixpath.split: the head keeps a root of slashes but loses trailing ones.
func splitPath(p string) (head, tail string) {
	i := strings.LastIndexByte(p, '/') + 1
	head, tail = p[:i], p[i:]
	if head != "" && strings.Trim(head, "/") != "" {
		head = strings.TrimRight(head, "/")
	}
	return head, tail
}

// splitExt is posixpath.splitext: leading dots of the file name do not start an extension.
func splitExt(p string) (string, string) {
	sep := strings.LastIndexByte(p, '/')
	dot := strings.LastIndexByte(p, '.')
	if dot > sep {
		for i := sep + 1; i < dot; i++ {
			if p[i] != '.' {
				return p[:dot], p[dot:]
			}
		}
	}
	return p, ""
}

// normPath is posixpath.normpath; POSIX lets exactly two leading slashes mean something
// else, so they are kept.
func normPath(p string) string {
	if p == "" {
		return "."
	}
	lead := 0
	if strings.HasPrefix(p, "/") {
		lead = 1
		if strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "///") {
			lead = 2
		}
	}
	var parts []string
	for _, c := range strings.Split(p, "/") {
		switch {
		case c == "" || c == ".":
		case c != "..", lead == 0 && len(parts) == 0, len(parts) > 0 && parts[len(parts)-1] == "..":
			parts = append(parts, c)
		case len(parts) > 0:
			parts = parts[:len(parts)-1]
		}
	}
	out := strings.Repeat("/", lead) + strings.Join(parts, "/")
	if out == "" {
		return "."
	}
	return out
}

func osPathCommonPrefix(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var list runtime.Value
	if err := runtime.UnpackArgs("commonprefix", args, kw, "m", &list); err != nil {
		return runtime.Value{}, err
	}
	items, err := runtime.ToSlice(th, list)
	if err != nil || len(items) == 0 {
		return str(""), err
	}
	prefix, ok := runtime.AsStr(items[0])
	if !ok {
		return runtime.Value{}, runtime.TypeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(items[0]))
	}
	for _, it := range items[1:] {
		s, ok := runtime.AsStr(it)
		if !ok {
			return runtime.Value{}, runtime.TypeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(it))
		}
		n := 0
		for n < len(prefix) && n < len(s) && prefix[n] == s[n] {
			n++
		}
		prefix = prefix[:n]
	}
	return str(prefix), nil
}

// expanduser replaces a leading ~ with $HOME; ~user forms are left as they are.
func (e *environ) expanduser(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var p string
	if err := runtime.UnpackArgs("expanduser", args, kw, "path", &p); err != nil {
		return runtime.Value{}, err
	}
	if !strings.HasPrefix(p, "~") {
		return str(p), nil
	}
	i := strings.IndexByte(p, '/')
	if i < 0 {
		i = len(p)
	}
	if i != 1 {
		return str(p), nil
	}
	if err := e.check("os.path.expanduser"); err != nil {
		return runtime.Value{}, err
	}
	home, ok := e.d.GetStr("HOME")
	if !ok {
		return str(p), nil
	}
	h, _ := runtime.AsStr(home)
	if h = strings.TrimRight(h, "/"); h == "" {
		h = "/"
	}
	return str(h + p[i:]), nil
}

// expandvars replaces $name and ${name} with environment variables; unknown ones stay.
func (e *environ) expandvars(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var p string
	if err := runtime.UnpackArgs("expandvars", args, kw, "path", &p); err != nil {
		return runtime.Value{}, err
	}
	if !strings.Contains(p, "$") {
		return str(p), nil
	}
	if err := e.check("os.path.expandvars"); err != nil {
		return runtime.Value{}, err
	}
	isName := func(c byte) bool {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	var b strings.Builder
	for i := 0; i < len(p); {
		if p[i] != '$' {
			b.WriteByte(p[i])
			i++
			continue
		}
		j, name := i+1, ""
		if j < len(p) && p[j] == '{' {
			end := strings.IndexByte(p[j:], '}')
			if end < 0 {
				b.WriteString(p[i:])
				break
			}
			name, j = p[j+1:j+end], j+end+1
		} else {
			for j < len(p) && isName(p[j]) {
				j++
			}
			name = p[i+1 : j]
		}
		if v, ok := e.d.GetStr(name); ok && name != "" {
			s, _ := runtime.AsStr(v)
			b.WriteString(s)
		} else {
			b.WriteString(p[i:j])
		}
		i = j
	}
	return str(b.String()), nil
}

// fileTimes are a file's access, modification and change times in nanoseconds.
type fileTimes struct{ atimeNs, mtimeNs, ctimeNs int64 }

// statInfo is what os.stat reports beyond fs.FileInfo.
type statInfo struct {
	mode, ino, dev, nlink, uid, gid int64
	fileTimes
}

// genericStat builds os.stat's fields from what every system reports: the modification time
// stands for the others, and the permission bits for the mode.
func genericStat(fi fs.FileInfo) statInfo {
	mode := int64(fi.Mode().Perm())
	switch {
	case fi.IsDir():
		mode |= syscall.S_IFDIR
	case fi.Mode().IsRegular():
		mode |= syscall.S_IFREG
	}
	ns := fi.ModTime().UnixNano()
	return statInfo{mode: mode, nlink: 1, fileTimes: fileTimes{ns, ns, ns}}
}
