package runtime

import (
	"bytes"
	"strings"
	"testing"
)

func TestInput(t *testing.T) {
	var out bytes.Buffer
	th := NewThread(&out, &out, strings.NewReader("first line\r\nsecond\nlast"))
	input := Builtins()["input"]
	var got []string
	for _, prompt := range []Value{NewStr("> "), Int(7), {}} {
		var args []Value
		if prompt.IsValid() {
			args = []Value{prompt}
		}
		v, err := Call(th, input, args, nil)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v.o.(*Str).s)
	}
	if want := []string{"first line", "second", "last"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines %q, want %q", got, want)
	}
	if out.String() != "> 7" {
		t.Errorf("prompts wrote %q", out.String())
	}
	_, err := Call(th, input, nil, nil)
	if err == nil || AsException(err).Error() != "EOFError: EOF when reading a line" {
		t.Errorf("at end of input: %v", err)
	}
	_, err = Call(NewThread(&out, &out, nil), input, nil, nil)
	if err == nil || !AsException(err).Matches(EOFErrorType) {
		t.Errorf("without stdin: %v", err)
	}
}

// fileClass makes a class whose instances collect what write() gets and count flush() calls,
// standing for a file object.
func fileClass(t *testing.T, writes *[]string, flushes *int) *Class {
	dict := NewDict()
	cls, err := NewClass("File", "File", "__main__", nil, dict)
	if err != nil {
		t.Fatal(err)
	}
	dict.SetStr("write", Ref(&Method{Name: "write", Class: cls, Fn: func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		*writes = append(*writes, args[0].o.(*Str).s)
		return None, nil
	}}))
	dict.SetStr("flush", Ref(&Method{Name: "flush", Class: cls, Fn: func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		*flushes++
		return None, nil
	}}))
	return cls
}

func TestPrintToFile(t *testing.T) {
	var out bytes.Buffer
	th := NewThread(&out, &out, nil)
	var writes []string
	flushes := 0
	f := Ref(NewInstance(fileClass(t, &writes, &flushes)))
	_, err := Call(th, Builtins()["print"], []Value{Int(1), NewStr("a")},
		[]Kwarg{{"file", f}, {"sep", NewStr("-")}, {"flush", True}})
	if err != nil {
		t.Fatal(err)
	}
	// CPython writes each piece separately.
	if got := strings.Join(writes, "|"); got != "1|-|a|\n" || flushes != 1 || out.Len() != 0 {
		t.Errorf("writes %q, flushes %d, stdout %q", got, flushes, out.String())
	}
}

// A print whose second argument's str() fails still writes what came before it.
func TestPrintPartialOutput(t *testing.T) {
	var out bytes.Buffer
	th := NewThread(&out, &out, nil)
	dict := NewDict()
	cls, _ := NewClass("Bad", "Bad", "__main__", nil, dict)
	dict.SetStr("__str__", Ref(&Method{Name: "__str__", Class: cls, Fn: func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return Value{}, ValueErrorf("no str")
	}}))
	_, err := Call(th, Builtins()["print"], []Value{NewStr("ok"), Ref(NewInstance(cls))}, nil)
	if err == nil || out.String() != "ok " {
		t.Errorf("err %v, stdout %q", err, out.String())
	}
}

// fakeGen is an iterator that, like a generator, finishes with a return value.
type fakeGen struct{ left int }

func (g *fakeGen) Type() *Class { return GeneratorType }

func (g *fakeGen) Next(*Thread) (Value, bool, error) {
	if g.left == 0 {
		return Value{}, false, nil
	}
	g.left--
	return Int(int64(g.left)), true, nil
}

func (g *fakeGen) StopValue() Value { return NewStr("done") }

func TestNextCarriesStopValue(t *testing.T) {
	th := NewThread(nil, nil, nil)
	next := Builtins()["next"]
	g := Ref(&fakeGen{left: 1})
	if v, err := Call(th, next, []Value{g}, nil); err != nil || v.n != 0 {
		t.Fatalf("first next: %v %v", v, err)
	}
	_, err := Call(th, next, []Value{g}, nil)
	e := AsException(err)
	if !e.Matches(StopIterationType) || e.Value().o.(*Str).s != "done" {
		t.Errorf("exhausted generator raised %v", err)
	}
	if v, err := Call(th, next, []Value{g, NewStr("dflt")}, nil); err != nil || v.o.(*Str).s != "dflt" {
		t.Errorf("with default: %v %v", v, err)
	}
}

func TestBuiltinsMap(t *testing.T) {
	a, b := Builtins(), Builtins()
	for _, name := range []string{"print", "len", "sorted", "int", "list", "range", "super",
		"property", "ValueError", "ExceptionGroup", "NotImplemented", "Ellipsis", "enumerate"} {
		if !a[name].IsValid() || !a[name].Is(b[name]) {
			t.Errorf("%s missing or not shared", name)
		}
	}
	if !a["IOError"].Is(Ref(OSErrorType)) || !a["EnvironmentError"].Is(Ref(OSErrorType)) {
		t.Error("IOError and EnvironmentError must be OSError")
	}
	delete(a, "len")
	if _, ok := Builtins()["len"]; !ok {
		t.Error("Builtins must return a fresh map")
	}
}
