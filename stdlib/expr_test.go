package stdlib

// A tiny evaluator for the expression lines of testdata/*.txt, so that module behaviour can
// be checked against CPython's output line by line (testdata/gen.py writes the expected
// side with python3). An expression is a literal or a name followed by any chain of
// attribute accesses, calls (with keyword arguments) and subscripts; names are the modules
// loaded for the file and the variables bound by `name = expr` lines.

import (
	"bufio"
	"fmt"
	"math/big"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/aio-lang/aio/runtime"
	"github.com/aio-lang/aio/stdlib/libm"
)

type evaluator struct {
	th   *runtime.Thread
	vars map[string]runtime.Value
	src  string
	pos  int
}

func (e *evaluator) fail(format string, a ...any) {
	panic(fmt.Sprintf("parse error at %d in %q: %s", e.pos, e.src, fmt.Sprintf(format, a...)))
}

func (e *evaluator) skipSpace() {
	for e.pos < len(e.src) && e.src[e.pos] == ' ' {
		e.pos++
	}
}

func (e *evaluator) peek() byte {
	e.skipSpace()
	if e.pos < len(e.src) {
		return e.src[e.pos]
	}
	return 0
}

func (e *evaluator) expect(c byte) {
	if e.peek() != c {
		e.fail("expected %q", c)
	}
	e.pos++
}

// eval evaluates one whole expression.
func (e *evaluator) eval(src string) (runtime.Value, error) {
	e.src, e.pos = src, 0
	v, err := e.expr()
	if err == nil && e.peek() != 0 {
		e.fail("trailing text")
	}
	return v, err
}

// expr parses binary arithmetic with Python's precedence over postfix expressions.
func (e *evaluator) expr() (runtime.Value, error) {
	v, err := e.binary(0)
	if err != nil {
		return v, err
	}
	e.skipSpace()
	for _, c := range []struct {
		tok string
		op  runtime.CompareOp
	}{{"==", runtime.CmpEq}, {"!=", runtime.CmpNe}, {"<=", runtime.CmpLe}, {">=", runtime.CmpGe}, {"<", runtime.CmpLt}, {">", runtime.CmpGt}} {
		if strings.HasPrefix(e.src[e.pos:], c.tok) {
			e.pos += len(c.tok)
			w, err := e.binary(0)
			if err != nil {
				return w, err
			}
			return runtime.Compare(e.th, c.op, v, w)
		}
	}
	return v, nil
}

var binaryLevels = [][]struct {
	tok string
	op  runtime.BinaryOp
}{
	{{"|", runtime.OpOr}},
	{{"&", runtime.OpAnd}},
	{{"+", runtime.OpAdd}, {"-", runtime.OpSub}},
	{{"//", runtime.OpFloorDiv}, {"*", runtime.OpMul}, {"/", runtime.OpTrueDiv}, {"%", runtime.OpMod}},
}

func (e *evaluator) binary(level int) (runtime.Value, error) {
	if level == len(binaryLevels) {
		return e.unary()
	}
	v, err := e.binary(level + 1)
	for err == nil {
		e.skipSpace()
		found := false
		for _, o := range binaryLevels[level] {
			if strings.HasPrefix(e.src[e.pos:], o.tok) && !strings.HasPrefix(e.src[e.pos:], "**") {
				e.pos += len(o.tok)
				w, werr := e.binary(level + 1)
				if werr != nil {
					return runtime.Value{}, werr
				}
				v, err = runtime.Binary(e.th, o.op, v, w)
				found = true
				break
			}
		}
		if !found {
			return v, nil
		}
	}
	return runtime.Value{}, err
}

func (e *evaluator) unary() (runtime.Value, error) {
	if e.peek() == '-' {
		e.pos++
		v, err := e.unary()
		if err != nil {
			return v, err
		}
		return runtime.Unary(e.th, runtime.OpNeg, v)
	}
	v, err := e.postfix()
	if err == nil && strings.HasPrefix(e.src[e.pos:], "**") {
		e.pos += 2
		w, werr := e.unary()
		if werr != nil {
			return runtime.Value{}, werr
		}
		return runtime.Binary(e.th, runtime.OpPow, v, w)
	}
	return v, err
}

func (e *evaluator) postfix() (runtime.Value, error) {
	v, err := e.atom()
	for err == nil {
		switch e.peek() {
		case '.':
			e.pos++
			v, err = runtime.GetAttr(e.th, v, e.ident())
		case '(':
			e.pos++
			args, kw, aerr := e.args(')')
			if aerr != nil {
				return runtime.Value{}, aerr
			}
			v, err = runtime.Call(e.th, v, args, kw)
		case '[':
			e.pos++
			k, kerr := e.expr()
			if kerr != nil {
				return runtime.Value{}, kerr
			}
			e.expect(']')
			v, err = runtime.GetItem(e.th, v, k)
		default:
			return v, nil
		}
	}
	return runtime.Value{}, err
}

func (e *evaluator) ident() string {
	e.skipSpace()
	start := e.pos
	for e.pos < len(e.src) {
		r, n := utf8.DecodeRuneInString(e.src[e.pos:])
		if !(unicode.IsLetter(r) || r == '_' || (e.pos > start && unicode.IsDigit(r))) {
			break
		}
		e.pos += n
	}
	if start == e.pos {
		e.fail("expected a name")
	}
	return e.src[start:e.pos]
}

// args parses call arguments or collection items up to close.
func (e *evaluator) args(close byte) ([]runtime.Value, []runtime.Kwarg, error) {
	var args []runtime.Value
	var kw []runtime.Kwarg
	for e.peek() != close {
		save := e.pos
		if c := e.peek(); c == '_' || unicode.IsLetter(rune(c)) {
			name := e.ident()
			if e.peek() == '=' && e.src[e.pos+1] != '=' {
				e.pos++
				v, err := e.expr()
				if err != nil {
					return nil, nil, err
				}
				kw = append(kw, runtime.Kwarg{Name: name, Value: v})
				goto next
			}
			e.pos = save
		}
		{
			v, err := e.expr()
			if err != nil {
				return nil, nil, err
			}
			args = append(args, v)
		}
	next:
		if e.peek() == ',' {
			e.pos++
		}
	}
	e.pos++
	return args, kw, nil
}

func (e *evaluator) atom() (runtime.Value, error) {
	c := e.peek()
	switch {
	case c == '[':
		e.pos++
		items, _, err := e.args(']')
		return runtime.NewList(items), err
	case c == '(':
		e.pos++
		start := e.pos
		items, _, err := e.args(')')
		if len(items) == 1 && !strings.Contains(e.src[start:e.pos], ",") {
			return items[0], err
		}
		return runtime.NewTuple(items), err
	case c == '{':
		return e.dictOrSet()
	case c == '.' || (c >= '0' && c <= '9'):
		return e.number(), nil
	case c == '"' || c == '\'':
		return e.str(false, false), nil
	}
	if (c == 'r' || c == 'b') && e.pos+1 < len(e.src) && (e.src[e.pos+1] == '"' || e.src[e.pos+1] == '\'') {
		e.pos++
		return e.str(c == 'r', c == 'b'), nil
	}
	name := e.ident()
	switch name {
	case "None":
		return runtime.None, nil
	case "True":
		return runtime.True, nil
	case "False":
		return runtime.False, nil
	}
	v, ok := e.vars[name]
	if !ok {
		e.fail("unknown name %s", name)
	}
	return v, nil
}

func (e *evaluator) dictOrSet() (runtime.Value, error) {
	e.pos++
	d := runtime.NewDict()
	var set *runtime.Set
	for e.peek() != '}' {
		k, err := e.expr()
		if err != nil {
			return runtime.Value{}, err
		}
		if e.peek() == ':' {
			e.pos++
			v, err := e.expr()
			if err != nil {
				return runtime.Value{}, err
			}
			if err := d.Set(e.th, k, v); err != nil {
				return runtime.Value{}, err
			}
		} else {
			if set == nil {
				set = runtime.NewSet()
			}
			if err := set.Add(e.th, k); err != nil {
				return runtime.Value{}, err
			}
		}
		if e.peek() == ',' {
			e.pos++
		}
	}
	e.pos++
	if set != nil {
		return runtime.Ref(set), nil
	}
	return runtime.Ref(d), nil
}

func (e *evaluator) number() runtime.Value {
	start := e.pos
	isFloat := false
	for e.pos < len(e.src) {
		c := e.src[e.pos]
		switch {
		case c >= '0' && c <= '9' || c == '_':
		case c == '.' || c == 'e' || c == 'E':
			isFloat = true
		case (c == '+' || c == '-') && (e.src[e.pos-1] == 'e' || e.src[e.pos-1] == 'E'):
		default:
			goto done
		}
		e.pos++
	}
done:
	text := strings.ReplaceAll(e.src[start:e.pos], "_", "")
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			e.fail("bad float %s", text)
		}
		return runtime.Float(f)
	}
	n, ok := new(big.Int).SetString(text, 10)
	if !ok {
		e.fail("bad int %s", text)
	}
	return runtime.MakeBig(n)
}

func (e *evaluator) str(raw, bytes bool) runtime.Value {
	q := e.src[e.pos]
	e.pos++
	var b strings.Builder
	for e.src[e.pos] != q {
		c := e.src[e.pos]
		if c != '\\' {
			b.WriteByte(c)
			e.pos++
			continue
		}
		if raw {
			b.WriteString(e.src[e.pos : e.pos+2])
			e.pos += 2
			continue
		}
		e.pos++
		switch c := e.src[e.pos]; c {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case '0':
			b.WriteByte(0)
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
			r, err := strconv.ParseUint(e.src[e.pos+1:e.pos+1+n], 16, 32)
			if err != nil {
				e.fail("bad escape")
			}
			if bytes {
				b.WriteByte(byte(r))
			} else {
				b.WriteRune(rune(r))
			}
			e.pos += n
		default:
			b.WriteByte(c)
		}
		e.pos++
	}
	e.pos++
	if bytes {
		return runtime.NewBytes(b.String())
	}
	return runtime.NewStr(b.String())
}

// runCases checks every line of a testdata file: `expr => expected` compares repr(expr), or
// the exception it raises written as `!Type: message`; `name = expr` binds a variable; `#`
// starts a comment. The modules named are loaded into the namespace first.
func runCases(t *testing.T, file string, opts *Options, modules ...string) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out strings.Builder
	th := runtime.NewThread(&out, &out, strings.NewReader(""))
	ev := &evaluator{th: th, vars: testBuiltins()}
	for _, name := range modules {
		m, err := Load(name, opts)
		if err != nil {
			t.Fatal(err)
		}
		ev.vars[name] = runtime.Ref(m)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		src, want, isCase := strings.Cut(text, " => ")
		if !isCase {
			name, rhs, ok := strings.Cut(text, " = ")
			if !ok {
				t.Fatalf("%s:%d: neither a case nor an assignment", file, line)
			}
			v, err := ev.eval(rhs)
			if err != nil {
				t.Fatalf("%s:%d: %s: %v", file, line, rhs, err)
			}
			ev.vars[strings.TrimSpace(name)] = v
			continue
		}
		got := func() (got string) {
			defer func() {
				if r := recover(); r != nil {
					got = fmt.Sprintf("panic: %v", r)
				}
			}()
			v, err := ev.eval(src)
			if err != nil {
				return "!" + runtime.ExceptionSummary(th, runtime.AsException(err))
			}
			s, err := runtime.Repr(th, v)
			if err != nil {
				return "!repr failed: " + err.Error()
			}
			return s
		}()
		if got != want {
			report := t.Errorf
			if !libm.Cgo && (strings.Contains(file, "math") || strings.Contains(file, "random")) {
				// Go's math package differs from the C library in the last digit.
				report = t.Logf
			}
			report("%s:%d: %s\n got  %s\n want %s", file, line, src, got, want)
		}
	}
}

// testBuiltins are the few builtins the case files use; the real ones are the interpreter's.
func testBuiltins() map[string]runtime.Value {
	ints := func(args []runtime.Value) []int64 {
		out := make([]int64, len(args))
		for i, a := range args {
			out[i], _ = runtime.AsInt64(a)
		}
		return out
	}
	return map[string]runtime.Value{
		"range": runtime.NewBuiltin("range", func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			n := ints(args)
			r := &runtime.Range{Step: 1}
			switch len(n) {
			case 1:
				r.Stop = n[0]
			case 3:
				r.Step = n[2]
				fallthrough
			case 2:
				r.Start, r.Stop = n[0], n[1]
			}
			return runtime.Ref(r), nil
		}),
		"list": runtime.NewBuiltin("list", func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			items, err := runtime.ToSlice(th, args[0])
			return runtime.NewList(append([]runtime.Value(nil), items...)), err
		}),
		"tuple": runtime.NewBuiltin("tuple", func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			items, err := runtime.ToSlice(th, args[0])
			return runtime.NewTuple(append([]runtime.Value(nil), items...)), err
		}),
		"str": runtime.NewBuiltin("str", func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			s, err := runtime.ToStr(th, args[0])
			return runtime.NewStr(s), err
		}),
		"float": runtime.NewBuiltin("float", func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			s, _ := runtime.AsStr(args[0])
			f, err := strconv.ParseFloat(s, 64)
			return runtime.Float(f), err
		}),
		"bool": runtime.NewBuiltin("bool", func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			t, err := runtime.Truth(th, args[0])
			return runtime.Bool(t), err
		}),
		"max": runtime.NewBuiltin("max", func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			less, err := runtime.Less(th, args[0], args[1])
			if less {
				return args[1], err
			}
			return args[0], err
		}),
		"next": runtime.NewBuiltin("next", func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			v, ok, err := runtime.Next(th, args[0])
			if !ok && err == nil {
				err = runtime.NewException(runtime.StopIterationType)
			}
			return v, err
		}),
		"len": runtime.NewBuiltin("len", func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			n, err := runtime.Len(th, args[0])
			return runtime.Int(int64(n)), err
		}),
	}
}
