package interp

import (
	"bufio"
	"io"
	"os"
	"strings"
	"syscall"

	rt "github.com/aio-lang/aio/runtime"
)

// fileObject is what open() returns: a text or binary file with the common methods.
type fileObject struct {
	f      *os.File
	r      *bufio.Reader
	name   string
	mode   string
	binary bool
	closed bool
}

var fileType = rt.NewBuiltinClass("TextIOWrapper", rt.ObjectType, nil)

func (f *fileObject) Type() *rt.Class { return fileType }

func newFileObject(name, mode string) (rt.Value, error) {
	flags := os.O_RDONLY
	switch strings.Trim(mode, "bt+") {
	case "w":
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	case "a":
		flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	case "x":
		flags = os.O_WRONLY | os.O_CREATE | os.O_EXCL
	}
	if strings.Contains(mode, "+") {
		flags = flags&^(os.O_WRONLY|os.O_RDONLY) | os.O_RDWR
	}
	fh, err := os.OpenFile(name, flags, 0o644)
	if err != nil {
		return rt.Value{}, err
	}
	// Go opens a directory for reading; CPython's open refuses it.
	if st, err := fh.Stat(); err == nil && st.IsDir() {
		fh.Close()
		return rt.Value{}, syscall.EISDIR
	}
	return rt.Ref(&fileObject{f: fh, r: bufio.NewReader(fh), name: name, mode: mode, binary: strings.Contains(mode, "b")}), nil
}

func (f *fileObject) wrap(s string) rt.Value {
	if f.binary {
		return rt.NewBytes(s)
	}
	return rt.NewStr(s)
}

func (f *fileObject) check() error {
	if f.closed {
		return rt.ValueErrorf("I/O operation on closed file.")
	}
	return nil
}

// Next iterates over lines.
func (f *fileObject) Next(*rt.Thread) (rt.Value, bool, error) {
	if err := f.check(); err != nil {
		return rt.Value{}, false, err
	}
	line, err := f.r.ReadString('\n')
	if line == "" && err != nil {
		return rt.Value{}, false, nil
	}
	return f.wrap(line), true, nil
}

// Attr serves name, mode and closed.
func (f *fileObject) Attr(name string) (rt.Value, bool) {
	switch name {
	case "name":
		return rt.NewStr(f.name), true
	case "mode":
		return rt.NewStr(f.mode), true
	case "closed":
		return rt.Bool(f.closed), true
	}
	return rt.Value{}, false
}

func init() {
	method := func(name string, fn func(th *rt.Thread, f *fileObject, args []rt.Value) (rt.Value, error)) {
		fileType.AddMethod(name, func(th *rt.Thread, self rt.Value, args []rt.Value, kw []rt.Kwarg) (rt.Value, error) {
			f := self.Object().(*fileObject)
			if name != "close" && name != "__exit__" {
				if err := f.check(); err != nil {
					return rt.Value{}, err
				}
			}
			return fn(th, f, args)
		})
	}
	method("read", func(th *rt.Thread, f *fileObject, args []rt.Value) (rt.Value, error) {
		b, err := io.ReadAll(f.r)
		if err != nil {
			return rt.Value{}, rt.Errorf(rt.OSErrorType, "%v", err)
		}
		return f.wrap(string(b)), nil
	})
	method("readline", func(th *rt.Thread, f *fileObject, args []rt.Value) (rt.Value, error) {
		line, _ := f.r.ReadString('\n')
		return f.wrap(line), nil
	})
	method("readlines", func(th *rt.Thread, f *fileObject, args []rt.Value) (rt.Value, error) {
		var out []rt.Value
		for {
			v, ok, err := f.Next(th)
			if err != nil || !ok {
				return rt.NewList(out), err
			}
			out = append(out, v)
		}
	})
	method("write", func(th *rt.Thread, f *fileObject, args []rt.Value) (rt.Value, error) {
		if len(args) != 1 {
			return rt.Value{}, rt.TypeErrorf("write() takes exactly one argument (%d given)", len(args))
		}
		s, ok := rt.AsStr(args[0])
		if b, isBytes := rt.BytesLike(args[0]); isBytes {
			s, ok = b, true
		}
		if !ok {
			return rt.Value{}, rt.TypeErrorf("write() argument must be str, not %s", args[0].Type().Name)
		}
		if _, err := f.f.WriteString(s); err != nil {
			return rt.Value{}, rt.Errorf(rt.OSErrorType, "%v", err)
		}
		return rt.Int(int64(len([]rune(s)))), nil
	})
	method("close", func(th *rt.Thread, f *fileObject, args []rt.Value) (rt.Value, error) {
		if !f.closed {
			f.closed = true
			f.f.Close()
		}
		return rt.None, nil
	})
	method("flush", func(*rt.Thread, *fileObject, []rt.Value) (rt.Value, error) { return rt.None, nil })
	method("__enter__", func(th *rt.Thread, f *fileObject, args []rt.Value) (rt.Value, error) { return rt.Ref(f), nil })
	method("__exit__", func(th *rt.Thread, f *fileObject, args []rt.Value) (rt.Value, error) {
		f.closed = true
		f.f.Close()
		return rt.False, nil
	})
	method("__iter__", func(th *rt.Thread, f *fileObject, args []rt.Value) (rt.Value, error) { return rt.Ref(f), nil })
}
