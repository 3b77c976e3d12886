package stdlib

import (
	"bufio"
	"io"
	"math"
	"os"
	goruntime "runtime"
	"strings"
	"unicode/utf8"

	"github.com/aio-lang/aio/runtime"
)

// The version Aio reports: the CPython release whose behaviour it follows.
const (
	pyVersion    = "3.11.7"
	pyHexVersion = 0x030b07f0
)

var versionInfoType = newStructSeqType("sys", "version_info",
	[]string{"major", "minor", "micro", "releaselevel", "serial"}, 5)

var floatInfoType = newStructSeqType("sys", "float_info",
	[]string{"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"}, 11)

// newSys builds sys. Its streams write to the running thread's Stdout and Stderr at call
// time, so they follow whatever the interpreter has redirected them to.
func newSys(opts *Options) *runtime.Module {
	m := newModule("sys", map[string]fn{
		"exit":              sysExit,
		"getrecursionlimit": sysGetRecursionLimit,
		"setrecursionlimit": sysSetRecursionLimit,
		"exc_info":          sysExcInfo,
		"exception":         sysException,
		"getdefaultencoding": func(*runtime.Thread, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
			return str("utf-8"), nil
		},
		"intern": func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var s string
			err := runtime.UnpackArgs("intern", args, kw, "string", &s)
			return str(s), err
		},
	})
	d := m.Dict
	d.SetStr("argv", strList(opts.Args))
	d.SetStr("orig_argv", strList(opts.Args))
	d.SetStr("path", strList(opts.Path))
	modules := opts.Modules
	if modules == nil {
		modules = runtime.NewDict()
	}
	d.SetStr("modules", runtime.Ref(modules))
	d.SetStr("version", str(pyVersion+" (aio) [Go "+strings.TrimPrefix(goruntime.Version(), "go")+"]"))
	d.SetStr("version_info", versionInfoType.make(runtime.Int(3), runtime.Int(11), runtime.Int(7), str("final"), runtime.Int(0)))
	d.SetStr("hexversion", runtime.Int(pyHexVersion))
	d.SetStr("platform", str(platform()))
	d.SetStr("byteorder", str("little"))
	d.SetStr("maxsize", runtime.Int(math.MaxInt64))
	d.SetStr("maxunicode", runtime.Int(utf8.MaxRune))
	d.SetStr("float_info", floatInfoType.make(
		runtime.Float(math.MaxFloat64), runtime.Int(1024), runtime.Int(308),
		runtime.Float(2.2250738585072014e-308), runtime.Int(-1021), runtime.Int(-307),
		runtime.Int(15), runtime.Int(53), runtime.Float(2.220446049250313e-16), runtime.Int(2), runtime.Int(1)))
	d.SetStr("builtin_module_names", runtime.NewTuple(strList(Names()).Object().(*runtime.List).Items))
	exe := ""
	if opts.Files {
		exe, _ = os.Executable()
	}
	d.SetStr("executable", str(exe))
	d.SetStr("prefix", str(""))
	for _, s := range []struct {
		name, mode string
	}{{"stdin", "r"}, {"stdout", "w"}, {"stderr", "w"}} {
		v := runtime.Ref(&stream{name: "<" + s.name + ">", mode: s.mode})
		d.SetStr(s.name, v)
		d.SetStr("__"+s.name+"__", v)
	}
	return m
}

// platform is sys.platform for the host OS, in CPython's spelling.
func platform() string {
	if goruntime.GOOS == "windows" {
		return "win32"
	}
	return goruntime.GOOS
}

func sysExit(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var code runtime.Value
	if err := runtime.UnpackArgs("exit", args, kw, "status?", &code); err != nil {
		return runtime.Value{}, err
	}
	if !code.IsValid() {
		return runtime.Value{}, runtime.NewException(runtime.SystemExitType)
	}
	return runtime.Value{}, runtime.NewException(runtime.SystemExitType, code)
}

func sysGetRecursionLimit(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("getrecursionlimit", args, kw); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Int(int64(th.RecursionLimit)), nil
}

func sysSetRecursionLimit(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var v runtime.Value
	if err := runtime.UnpackArgs("setrecursionlimit", args, kw, "limit", &v); err != nil {
		return runtime.Value{}, err
	}
	n, err := toIndex(th, v)
	if err != nil {
		return runtime.Value{}, err
	}
	if n < 1 {
		return runtime.Value{}, runtime.ValueErrorf("recursion limit must be greater or equal than 1")
	}
	if n > math.MaxInt32 {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowErrorType, "Python int too large to convert to C int")
	}
	th.RecursionLimit = int(n)
	return runtime.None, nil
}

// sysExcInfo returns (type, value, traceback) of the exception being handled.
func sysExcInfo(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("exc_info", args, kw); err != nil {
		return runtime.Value{}, err
	}
	e := th.CurrentException()
	if e == nil {
		return runtime.NewTuple([]runtime.Value{runtime.None, runtime.None, runtime.None}), nil
	}
	tb, err := runtime.GetAttr(th, runtime.Ref(e), "__traceback__")
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.NewTuple([]runtime.Value{runtime.Ref(e.Class()), runtime.Ref(e), tb}), nil
}

// sysException returns the exception being handled, or None (sys.exception, 3.11).
func sysException(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := runtime.UnpackArgs("exception", args, kw); err != nil {
		return runtime.Value{}, err
	}
	if e := th.CurrentException(); e != nil {
		return runtime.Ref(e), nil
	}
	return runtime.None, nil
}

// stream is sys.stdin, sys.stdout or sys.stderr: a text file over the thread's streams.
type stream struct {
	name string // "<stdout>"
	mode string // "r" or "w"
}

var streamType = newType("_io", "TextIOWrapper", nil, map[string]method{
	"write":    streamWrite,
	"flush":    streamFlush,
	"readline": streamReadline,
	"read":     streamRead,
	"readlines": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var lines []runtime.Value
		for {
			line, err := readLine(th)
			if err != nil {
				return runtime.Value{}, err
			}
			if line == "" {
				return runtime.NewList(lines), nil
			}
			lines = append(lines, str(line))
		}
	},
	"writelines": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var lines runtime.Value
		if err := runtime.UnpackArgs("writelines", args, kw, "lines", &lines); err != nil {
			return runtime.Value{}, err
		}
		items, err := runtime.ToSlice(th, lines)
		if err != nil {
			return runtime.Value{}, err
		}
		for _, it := range items {
			if _, err := streamWrite(th, self, []runtime.Value{it}, nil); err != nil {
				return runtime.Value{}, err
			}
		}
		return runtime.None, nil
	},
	"isatty": constMethod(runtime.False),
	"fileno": streamFileno,
	"readable": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Bool(asStream(self).mode == "r"), nil
	},
	"writable": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return runtime.Bool(asStream(self).mode == "w"), nil
	},
	"__iter__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		return self, nil
	},
	"__next__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		line, err := readLine(th)
		if err == nil && line == "" {
			err = runtime.NewException(runtime.StopIterationType)
		}
		return str(line), err
	},
	"__repr__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		s := asStream(self)
		return str("<_io.TextIOWrapper name='" + s.name + "' mode='" + s.mode + "' encoding='utf-8'>"), nil
	},
})

func (s *stream) Type() *runtime.Class { return streamType }

// Attr returns the stream's data attributes.
func (s *stream) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "name":
		return str(s.name), true
	case "mode":
		return str(s.mode), true
	case "encoding":
		return str("utf-8"), true
	case "errors":
		return str("strict"), true
	case "closed", "line_buffering":
		return runtime.False, true
	}
	return runtime.Value{}, false
}

func asStream(v runtime.Value) *stream { return v.Object().(*stream) }

// writer returns the thread stream a writable sys stream stands for.
func (s *stream) writer(th *runtime.Thread) io.Writer {
	if s.name == "<stderr>" {
		return th.Stderr
	}
	return th.Stdout
}

func constMethod(v runtime.Value) method {
	return func(*runtime.Thread, runtime.Value, []runtime.Value, []runtime.Kwarg) (runtime.Value, error) {
		return v, nil
	}
}

func streamWrite(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	s := asStream(self)
	if len(args) != 1 || len(kw) > 0 {
		return runtime.Value{}, runtime.TypeErrorf("TextIOWrapper.write() takes exactly one argument (%d given)", len(args)+len(kw))
	}
	text, ok := runtime.AsStr(args[0])
	if !ok {
		return runtime.Value{}, runtime.TypeErrorf("write() argument must be str, not %s", typeName(args[0]))
	}
	if s.mode != "w" {
		return runtime.Value{}, runtime.Errorf(runtime.OSErrorType, "not writable")
	}
	if _, err := io.WriteString(s.writer(th), text); err != nil {
		return runtime.Value{}, runtime.Errorf(runtime.OSErrorType, "%v", err)
	}
	return runtime.Int(int64(utf8.RuneCountInString(text))), nil
}

func streamFlush(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	s := asStream(self)
	if s.mode == "w" {
		if f, ok := s.writer(th).(interface{ Flush() error }); ok {
			if err := f.Flush(); err != nil {
				return runtime.Value{}, runtime.Errorf(runtime.OSErrorType, "%v", err)
			}
		}
	}
	return runtime.None, nil
}

func streamFileno(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	return runtime.Int(map[string]int64{"<stdin>": 0, "<stdout>": 1, "<stderr>": 2}[asStream(self).name]), nil
}

func streamReadline(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := streamReadable(self); err != nil {
		return runtime.Value{}, err
	}
	line, err := readLine(th)
	return str(line), err
}

func streamRead(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if err := streamReadable(self); err != nil {
		return runtime.Value{}, err
	}
	if th.Stdin == nil {
		return str(""), nil
	}
	data, err := io.ReadAll(th.Stdin)
	if err != nil {
		return runtime.Value{}, runtime.Errorf(runtime.OSErrorType, "%v", err)
	}
	return str(string(data)), nil
}

func streamReadable(self runtime.Value) error {
	if asStream(self).mode != "r" {
		return runtime.Errorf(runtime.OSErrorType, "not readable")
	}
	return nil
}

// readLine reads one line from the thread's stdin, newline included ("" at end of input). It
// never reads past the newline unless stdin is buffered already (a *bufio.Reader, which
// input() may share), so no input is lost to a private buffer.
func readLine(th *runtime.Thread) (string, error) {
	if th.Stdin == nil {
		return "", nil
	}
	if br, ok := th.Stdin.(*bufio.Reader); ok {
		line, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return "", runtime.Errorf(runtime.OSErrorType, "%v", err)
		}
		return line, nil
	}
	var b strings.Builder
	buf := make([]byte, 1)
	for {
		n, err := th.Stdin.Read(buf)
		if n > 0 {
			b.WriteByte(buf[0])
			if buf[0] == '\n' {
				return b.String(), nil
			}
		}
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return "", runtime.Errorf(runtime.OSErrorType, "%v", err)
		}
	}
}
