package stdlib

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/aio-lang/aio/runtime"
)

// The behaviour the case files cannot express: interpreter state, capabilities, clocks,
// callables written in Go, and object identity.

func newThread() (*runtime.Thread, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return runtime.NewThread(&out, &errb, strings.NewReader("line one\nline two\n")), &out, &errb
}

func load(t *testing.T, name string, opts *Options) *runtime.Module {
	t.Helper()
	m, err := Load(name, opts)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// attr returns m.name (or obj.name).
func attr(t *testing.T, th *runtime.Thread, v runtime.Value, name string) runtime.Value {
	t.Helper()
	r, err := runtime.GetAttr(th, v, name)
	if err != nil {
		t.Fatalf("getattr %s: %v", name, err)
	}
	return r
}

// call calls v.name(args...).
func call(th *runtime.Thread, v runtime.Value, name string, args ...runtime.Value) (runtime.Value, error) {
	f, err := runtime.GetAttr(th, v, name)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Call(th, f, args, nil)
}

func repr(th *runtime.Thread, v runtime.Value) string {
	return runtime.ReprOrPlaceholder(th, v)
}

// wantErr checks that err is the Python exception "Type: message".
func wantErr(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %s", want)
	}
	if got := runtime.AsException(err).Error(); got != want {
		t.Fatalf("error %q, want %q", got, want)
	}
}

func TestLoad(t *testing.T) {
	_, err := Load("no_such_module_aio_xyz", nil)
	wantErr(t, err, "ModuleNotFoundError: No module named 'no_such_module_aio_xyz'")
	a, b := load(t, "math", nil), load(t, "math", nil)
	if a == b {
		t.Error("Load returned the same module twice; each interpreter needs its own")
	}
	sqrt1, _ := a.Dict.GetStr("sqrt")
	sqrt2, _ := a.Dict.GetStr("sqrt")
	if !sqrt1.Is(sqrt2) {
		t.Error("math.sqrt is not one object")
	}
	names := strings.Join(Names(), " ")
	for _, n := range []string{"json", "math", "os", "random", "re", "sys", "time"} {
		if !strings.Contains(names, n) {
			t.Errorf("Names() lacks %s: %s", n, names)
		}
	}
}

func TestSys(t *testing.T) {
	th, out, errb := newThread()
	modules := runtime.NewDict()
	m := runtime.Ref(load(t, "sys", &Options{Args: []string{"prog.aio", "a"}, Path: []string{"/lib"}, Modules: modules}))
	if got := repr(th, attr(t, th, m, "argv")); got != "['prog.aio', 'a']" {
		t.Errorf("argv = %s", got)
	}
	if !attr(t, th, m, "modules").Is(runtime.Ref(modules)) {
		t.Error("sys.modules is not the interpreter's table")
	}
	if _, err := call(th, m, "setrecursionlimit", runtime.Int(5000)); err != nil || th.RecursionLimit != 5000 {
		t.Errorf("setrecursionlimit: %v, limit %d", err, th.RecursionLimit)
	}
	if v, _ := call(th, m, "getrecursionlimit"); repr(th, v) != "5000" {
		t.Errorf("getrecursionlimit() = %s", repr(th, v))
	}
	_, err := call(th, m, "setrecursionlimit", runtime.Int(0))
	wantErr(t, err, "ValueError: recursion limit must be greater or equal than 1")

	_, err = call(th, m, "exit", runtime.Int(3))
	if e := runtime.AsException(err); !e.Matches(runtime.SystemExitType) || repr(th, attr(t, th, runtime.Ref(e), "code")) != "3" {
		t.Errorf("exit(3) raised %v", err)
	}
	_, err = call(th, m, "exit")
	if e := runtime.AsException(err); !e.Matches(runtime.SystemExitType) || !attr(t, th, runtime.Ref(e), "code").IsNone() {
		t.Errorf("exit() raised %v", err)
	}

	stdout, stderr := attr(t, th, m, "stdout"), attr(t, th, m, "stderr")
	if n, err := call(th, stdout, "write", runtime.NewStr("héllo\n")); err != nil || repr(th, n) != "6" {
		t.Errorf("stdout.write: %v %v", n, err)
	}
	_, _ = call(th, stderr, "write", runtime.NewStr("oops\n"))
	if out.String() != "héllo\n" || errb.String() != "oops\n" {
		t.Errorf("stdout %q, stderr %q", out.String(), errb.String())
	}
	_, err = call(th, stdout, "write", runtime.Int(3))
	wantErr(t, err, "TypeError: write() argument must be str, not int")
	if got := repr(th, stdout); got != "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>" {
		t.Errorf("repr(sys.stdout) = %s", got)
	}
	if line, _ := call(th, attr(t, th, m, "stdin"), "readline"); repr(th, line) != "'line one\\n'" {
		t.Errorf("stdin.readline() = %s", repr(th, line))
	}

	vi := attr(t, th, m, "version_info")
	for _, c := range []struct {
		op   runtime.CompareOp
		with runtime.Value
		want bool
	}{
		{runtime.CmpGe, runtime.NewTuple([]runtime.Value{runtime.Int(3), runtime.Int(11)}), true},
		{runtime.CmpLt, runtime.NewTuple([]runtime.Value{runtime.Int(3), runtime.Int(8)}), false},
		{runtime.CmpGt, runtime.NewTuple([]runtime.Value{runtime.Int(3)}), true},
	} {
		r, err := runtime.Compare(th, c.op, vi, c.with)
		if b, _ := r.BoolVal(); err != nil || b != c.want {
			t.Errorf("version_info op %d %s = %v, %v", c.op, repr(th, c.with), r, err)
		}
	}
	if got := repr(th, attr(t, th, vi, "major")); got != "3" {
		t.Errorf("version_info.major = %s", got)
	}
	if got := repr(th, vi); got != "sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0)" {
		t.Errorf("repr(version_info) = %s", got)
	}
	v, _ := runtime.AsStr(attr(t, th, m, "version"))
	if !strings.HasPrefix(v, "3.11.7 ") {
		t.Errorf("version = %q", v)
	}
}

func TestCapabilitiesDenied(t *testing.T) {
	th, _, _ := newThread()
	osm := runtime.Ref(load(t, "os", nil))
	env := attr(t, th, osm, "environ")
	_, err := runtime.GetItem(th, env, runtime.NewStr("HOME"))
	wantErr(t, err, "PermissionError: os.environ: environment access is not permitted by this interpreter")
	_, err = runtime.Contains(th, env, runtime.NewStr("HOME"))
	wantErr(t, err, "PermissionError: os.environ: environment access is not permitted by this interpreter")
	_, err = call(th, osm, "getenv", runtime.NewStr("HOME"))
	wantErr(t, err, "PermissionError: os.getenv: environment access is not permitted by this interpreter")
	_, err = call(th, osm, "getcwd")
	wantErr(t, err, "PermissionError: os.getcwd: file-system access is not permitted by this interpreter")
	_, err = call(th, osm, "listdir")
	wantErr(t, err, "PermissionError: os.listdir: file-system access is not permitted by this interpreter")
	_, err = call(th, attr(t, th, osm, "path"), "exists", runtime.NewStr("x"))
	wantErr(t, err, "PermissionError: os.path.exists: file-system access is not permitted by this interpreter")
	// Pure path functions need nothing.
	if v, err := call(th, attr(t, th, osm, "path"), "join", runtime.NewStr("a"), runtime.NewStr("b")); err != nil || repr(th, v) != "'a/b'" {
		t.Errorf("path.join = %v, %v", v, err)
	}
}

func TestEnviron(t *testing.T) {
	th, _, _ := newThread()
	osm := runtime.Ref(load(t, "os", &Options{Env: true, Environ: []string{"AIO_A=1", "HOME=/home/u"}}))
	env := attr(t, th, osm, "environ")
	if err := runtime.SetItem(th, env, runtime.NewStr("AIO_B"), runtime.NewStr("2")); err != nil {
		t.Fatal(err)
	}
	if v, _ := call(th, osm, "getenv", runtime.NewStr("AIO_B")); repr(th, v) != "'2'" {
		t.Errorf("getenv after environ[...] = %s", repr(th, v))
	}
	if got := repr(th, env); got != "environ({'AIO_A': '1', 'HOME': '/home/u', 'AIO_B': '2'})" {
		t.Errorf("repr(environ) = %s", got)
	}
	if err := runtime.DelItem(th, env, runtime.NewStr("AIO_A")); err != nil {
		t.Fatal(err)
	}
	if n, _ := runtime.Len(th, env); n != 2 {
		t.Errorf("len(environ) = %d", n)
	}
	if v, _ := call(th, attr(t, th, osm, "path"), "expanduser", runtime.NewStr("~/x")); repr(th, v) != "'/home/u/x'" {
		t.Errorf("expanduser = %s", repr(th, v))
	}
	// Another interpreter does not see the change.
	other := attr(t, th, runtime.Ref(load(t, "os", &Options{Env: true, Environ: []string{}})), "environ")
	if ok, _ := runtime.Contains(th, other, runtime.NewStr("AIO_B")); ok {
		t.Error("environment change leaked into another interpreter")
	}
}

// fakeClock is a virtual clock: sleeping advances it.
type fakeClock struct{ now time.Duration }

func (c *fakeClock) Now() time.Time           { return time.Unix(1_700_000_000, 0).Add(c.now) }
func (c *fakeClock) Monotonic() time.Duration { return c.now }
func (c *fakeClock) Sleep(d time.Duration)    { c.now += d }

func TestTimeClock(t *testing.T) {
	th, _, _ := newThread()
	clock := &fakeClock{}
	tm := runtime.Ref(load(t, "time", &Options{Clock: clock}))
	if _, err := call(th, tm, "sleep", runtime.Float(2.5)); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"monotonic": "2.5", "perf_counter": "2.5", "time": "1700000002.5", "monotonic_ns": "2500000000"} {
		if v, _ := call(th, tm, name); repr(th, v) != want {
			t.Errorf("%s() = %s, want %s", name, repr(th, v), want)
		}
	}
	// The real clock's sleep notices an interrupt.
	real := runtime.Ref(load(t, "time", nil))
	th.Interrupt(runtime.NewException(runtime.KeyboardInterruptType))
	start := time.Now()
	_, err := call(th, real, "sleep", runtime.Int(10))
	if e := runtime.AsException(err); err == nil || !e.Matches(runtime.KeyboardInterruptType) || time.Since(start) > 2*time.Second {
		t.Errorf("interrupted sleep: %v after %v", err, time.Since(start))
	}
}

// goFunc makes a Python-callable Go function.
func goFunc(f func(args []runtime.Value) (runtime.Value, error)) runtime.Value {
	return runtime.NewBuiltin("f", func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return f(args)
	})
}

func TestJSONObjects(t *testing.T) {
	th, _, _ := newThread()
	j := runtime.Ref(load(t, "json", nil))
	l := &runtime.List{}
	l.Items = append(l.Items, runtime.Ref(l))
	_, err := call(th, j, "dumps", runtime.Ref(l))
	wantErr(t, err, "ValueError: Circular reference detected")

	// A JSONEncoder subclass whose default() lists sets.
	dict := runtime.NewDict()
	dict.SetStr("default", runtime.Ref(&runtime.Method{Name: "default", Class: jsonEncoderType,
		Fn: func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			return runtime.NewList(args[0].Object().(*runtime.Set).Elems()), nil
		}}))
	enc, err := runtime.NewClass("Enc", "Enc", "__main__", []*runtime.Class{jsonEncoderType}, dict)
	if err != nil {
		t.Fatal(err)
	}
	set := runtime.NewSet()
	_ = set.Add(th, runtime.Int(1))
	dumps := attr(t, th, j, "dumps")
	v, err := runtime.Call(th, dumps, []runtime.Value{runtime.Ref(set)}, []runtime.Kwarg{{Name: "cls", Value: runtime.Ref(enc)}})
	if err != nil || repr(th, v) != "'[1]'" {
		t.Errorf("dumps(cls=Enc) = %v, %v", v, err)
	}
	v, err = runtime.Call(th, dumps, []runtime.Value{runtime.Ref(set)}, []runtime.Kwarg{{Name: "default", Value: goFunc(func(args []runtime.Value) (runtime.Value, error) {
		return runtime.NewStr("S"), nil
	})}})
	if err != nil || repr(th, v) != `'"S"'` {
		t.Errorf("dumps(default=...) = %v, %v", v, err)
	}

	// dump and load through file-like objects.
	var written []string
	fp := runtime.NewInstance(runtime.ObjectType)
	fp.Dict.SetStr("write", goFunc(func(args []runtime.Value) (runtime.Value, error) {
		s, _ := runtime.AsStr(args[0])
		written = append(written, s)
		return runtime.None, nil
	}))
	fp.Dict.SetStr("read", goFunc(func([]runtime.Value) (runtime.Value, error) { return runtime.NewStr(`{"a": [1]}`), nil }))
	if _, err := call(th, j, "dump", runtime.NewList([]runtime.Value{runtime.Int(1)}), runtime.Ref(fp)); err != nil || strings.Join(written, "") != "[1]" {
		t.Errorf("dump wrote %q, %v", written, err)
	}
	if v, err := call(th, j, "load", runtime.Ref(fp)); err != nil || repr(th, v) != "{'a': [1]}" {
		t.Errorf("load = %v, %v", v, err)
	}
	// The decode error is a ValueError, named as json.decoder's.
	_, err = call(th, j, "loads", runtime.NewStr("[1,"))
	if e := runtime.AsException(err); !e.Matches(runtime.ValueErrorType) || e.Error() != "json.decoder.JSONDecodeError: Expecting value: line 1 column 4 (char 3)" {
		t.Errorf("loads error %v", err)
	}
}

func TestReCallables(t *testing.T) {
	th, _, _ := newThread()
	re := runtime.Ref(load(t, "re", nil))
	double := goFunc(func(args []runtime.Value) (runtime.Value, error) {
		g, _ := call(th, args[0], "group")
		s, _ := runtime.AsStr(g)
		return runtime.NewStr(s + s), nil
	})
	if v, err := call(th, re, "sub", runtime.NewStr(`\d`), double, runtime.NewStr("a1b2")); err != nil || repr(th, v) != "'a11b22'" {
		t.Errorf("sub with a function = %v, %v", v, err)
	}
	bad := goFunc(func([]runtime.Value) (runtime.Value, error) { return runtime.Int(3), nil })
	_, err := call(th, re, "sub", runtime.NewStr("a"), bad, runtime.NewStr("a"))
	wantErr(t, err, "TypeError: sequence item 0: expected str instance, int found")

	// finditer is lazy and yields Match objects.
	it, err := call(th, re, "finditer", runtime.NewStr(`[A-Z][a-z]*`), runtime.NewStr("HelloBigWorld"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		m, ok, err := runtime.Next(th, it)
		if err != nil || !ok {
			break
		}
		g, _ := call(th, m, "group")
		s, _ := runtime.AsStr(g)
		got = append(got, s)
	}
	if strings.Join(got, ",") != "Hello,Big,World" {
		t.Errorf("finditer gave %v", got)
	}
	// Flags are plain ints here (CPython's are RegexFlag, an int subclass).
	if v := attr(t, th, re, "IGNORECASE"); repr(th, v) != "2" {
		t.Errorf("re.IGNORECASE = %s", repr(th, v))
	}
}

func TestFunctoolsClasses(t *testing.T) {
	th, _, _ := newThread()
	ft := runtime.Ref(load(t, "functools", nil))
	// A class with __lt__ and __eq__ on a number attribute, completed by total_ordering.
	num := func(v runtime.Value) int64 {
		n, _ := runtime.AsInt64(attr(t, th, v, "n"))
		return n
	}
	dict := runtime.NewDict()
	cls, _ := runtime.NewClass("N", "N", "__main__", nil, dict)
	cls.AddMethod("__lt__", func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Bool(num(self) < num(args[0])), nil
	})
	cls.AddMethod("__eq__", func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Bool(num(self) == num(args[0])), nil
	})
	if _, err := call(th, ft, "total_ordering", runtime.Ref(cls)); err != nil {
		t.Fatal(err)
	}
	mk := func(n int64) runtime.Value {
		in := runtime.NewInstance(cls)
		in.Dict.SetStr("n", runtime.Int(n))
		return runtime.Ref(in)
	}
	for _, c := range []struct {
		op   runtime.CompareOp
		a, b int64
		want bool
	}{{runtime.CmpGe, 2, 1, true}, {runtime.CmpLe, 1, 1, true}, {runtime.CmpGt, 1, 1, false}, {runtime.CmpGe, 0, 1, false}} {
		r, err := runtime.Compare(th, c.op, mk(c.a), mk(c.b))
		if b, _ := r.BoolVal(); err != nil || b != c.want {
			t.Errorf("%d op%d %d = %v, %v", c.a, c.op, c.b, r, err)
		}
	}

	// cmp_to_key orders by a comparison function.
	key, _ := call(th, ft, "cmp_to_key", goFunc(func(args []runtime.Value) (runtime.Value, error) {
		a, _ := runtime.AsInt64(args[0])
		b, _ := runtime.AsInt64(args[1])
		return runtime.Int(b - a), nil // descending
	}))
	k1, _ := runtime.Call(th, key, []runtime.Value{runtime.Int(1)}, nil)
	k2, _ := runtime.Call(th, key, []runtime.Value{runtime.Int(2)}, nil)
	if less, err := runtime.Less(th, k2, k1); err != nil || !less {
		t.Errorf("cmp_to_key: 2 < 1 reversed = %v, %v", less, err)
	}

	// lru_cache on a method binds to the instance.
	calls := 0
	cached, err := call(th, ft, "lru_cache", runtime.None)
	if err != nil {
		t.Fatal(err)
	}
	wrapper, err := runtime.Call(th, cached, []runtime.Value{goFunc(func(args []runtime.Value) (runtime.Value, error) {
		calls++
		return runtime.Int(int64(len(args))), nil
	})}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cls.Dict.SetStr("m", wrapper)
	obj := mk(1)
	for i := 0; i < 2; i++ {
		if v, err := call(th, obj, "m", runtime.Int(5)); err != nil || repr(th, v) != "2" {
			t.Errorf("cached method = %v, %v", v, err)
		}
	}
	if calls != 1 {
		t.Errorf("cached method ran %d times", calls)
	}
}

func TestNamedTupleSubclass(t *testing.T) {
	th, _, _ := newThread()
	col := runtime.Ref(load(t, "collections", nil))
	p, err := call(th, col, "namedtuple", runtime.NewStr("P"), runtime.NewStr("x y"))
	if err != nil {
		t.Fatal(err)
	}
	dict := runtime.NewDict()
	sub, err := runtime.NewClass("Q", "Q", "__main__", []*runtime.Class{p.Object().(*runtime.Class)}, dict)
	if err != nil {
		t.Fatal(err)
	}
	sub.AddMethod("total", func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		x, _ := runtime.GetAttr(th, self, "x")
		y, _ := runtime.GetAttr(th, self, "y")
		return runtime.Binary(th, runtime.OpAdd, x, y)
	})
	q, err := runtime.Call(th, runtime.Ref(sub), []runtime.Value{runtime.Int(1), runtime.Int(2)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := repr(th, q); got != "Q(x=1, y=2)" {
		t.Errorf("repr = %s", got)
	}
	if v, err := call(th, q, "total"); err != nil || repr(th, v) != "3" {
		t.Errorf("total() = %v, %v", v, err)
	}
	a, b, err := unpack2(th, q)
	if err != nil || repr(th, a) != "1" || repr(th, b) != "2" {
		t.Errorf("unpacking gave %v %v %v", a, b, err)
	}
}

func unpack2(th *runtime.Thread, v runtime.Value) (runtime.Value, runtime.Value, error) {
	items, err := runtime.ToSlice(th, v)
	if err != nil || len(items) != 2 {
		return runtime.Value{}, runtime.Value{}, err
	}
	return items[0], items[1], nil
}
