package stdlib

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/aio-lang/aio/runtime"
)

// jsonDecodeErrorType is json.JSONDecodeError; CPython defines it in json.decoder, and the
// last line of a traceback names it so.
var jsonDecodeErrorType = newPyClass("json.decoder", "JSONDecodeError", runtime.ValueErrorType, map[string]method{
	"__init__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var msg, doc string
		var pos int
		if err := runtime.UnpackArgs("JSONDecodeError", args, kw, "msg", &msg, "doc", &doc, "pos", &pos); err != nil {
			return runtime.Value{}, err
		}
		fillDecodeError(self.Object().(*runtime.Exception), msg, []rune(doc), pos)
		return runtime.None, nil
	},
})

// jsonEncoderType is json.JSONEncoder, which scripts subclass to override default(). Its
// instances are ordinary objects whose attributes hold the options, as in CPython.
var jsonEncoderType = newPyClass("json.encoder", "JSONEncoder", runtime.ObjectType, map[string]method{
	"__init__": jsonEncoderInit,
	"encode": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var o runtime.Value
		if err := runtime.UnpackArgs("encode", args, kw, "o", &o); err != nil {
			return runtime.Value{}, err
		}
		return encodeWith(th, self, o)
	},
	"iterencode": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var o, oneShot runtime.Value
		if err := runtime.UnpackArgs("iterencode", args, kw, "o", &o, "_one_shot?", &oneShot); err != nil {
			return runtime.Value{}, err
		}
		s, err := encodeWith(th, self, o)
		if err != nil {
			return runtime.Value{}, err
		}
		it, err := runtime.Iter(th, runtime.NewList([]runtime.Value{s}))
		return runtime.Ref(it), err
	},
	"default": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var o runtime.Value
		if err := runtime.UnpackArgs("default", args, kw, "o", &o); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Value{}, runtime.TypeErrorf("Object of type %s is not JSON serializable", typeName(o))
	},
})

func newJSON(*Options) *runtime.Module {
	m := newModule("json", map[string]fn{
		"dumps": jsonDumps,
		"loads": jsonLoads,
		"dump":  jsonDump,
		"load":  jsonLoad,
	})
	m.Dict.SetStr("JSONDecodeError", runtime.Ref(jsonDecodeErrorType))
	m.Dict.SetStr("JSONEncoder", runtime.Ref(jsonEncoderType))
	return m
}

// The options of JSONEncoder.__init__, in order, with their defaults.
var encoderOptions = []struct {
	name string
	def  runtime.Value
}{
	{"skipkeys", runtime.False}, {"ensure_ascii", runtime.True}, {"check_circular", runtime.True},
	{"allow_nan", runtime.True}, {"sort_keys", runtime.False}, {"indent", runtime.None},
	{"separators", runtime.None}, {"default", runtime.None},
}

// jsonEncoderInit stores the options as attributes, as CPython's JSONEncoder does.
func jsonEncoderInit(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) > 0 {
		return runtime.Value{}, runtime.TypeErrorf("JSONEncoder.__init__() takes 1 positional argument but %d were given", len(args)+1)
	}
	vals := map[string]runtime.Value{}
	for _, o := range encoderOptions {
		vals[o.name] = o.def
	}
	for _, k := range kw {
		if _, ok := vals[k.Name]; !ok {
			return runtime.Value{}, runtime.TypeErrorf("JSONEncoder.__init__() got an unexpected keyword argument '%s'", k.Name)
		}
		vals[k.Name] = k.Value
	}
	for _, o := range encoderOptions[:6] {
		if err := runtime.SetAttr(th, self, o.name, vals[o.name]); err != nil {
			return runtime.Value{}, err
		}
	}
	itemSep, keySep := str(", "), str(": ")
	if sep := vals["separators"]; !sep.IsNone() {
		items, err := runtime.ToSlice(th, sep)
		if err != nil {
			return runtime.Value{}, err
		}
		if len(items) != 2 {
			return runtime.Value{}, runtime.ValueErrorf("%s values to unpack (expected 2, got %d)", map[bool]string{true: "too many", false: "not enough"}[len(items) > 2], len(items))
		}
		itemSep, keySep = items[0], items[1]
	} else if !vals["indent"].IsNone() {
		itemSep = str(",")
	}
	if err := runtime.SetAttr(th, self, "item_separator", itemSep); err != nil {
		return runtime.Value{}, err
	}
	if err := runtime.SetAttr(th, self, "key_separator", keySep); err != nil {
		return runtime.Value{}, err
	}
	if d := vals["default"]; !d.IsNone() {
		return runtime.None, runtime.SetAttr(th, self, "default", d)
	}
	return runtime.None, nil
}

// encoder serialises one value. Its options come from a JSONEncoder's attributes.
type encoder struct {
	th                                   *runtime.Thread
	self                                 runtime.Value // the JSONEncoder, whose default() is called
	indent                               *string
	itemSep, keySep                      string
	skipKeys, ensureASCII, checkCircular bool
	allowNaN, sortKeys                   bool
	markers                              map[runtime.Object]bool
	depth                                int
	b                                    strings.Builder
}

// encodeWith runs the encoder described by the JSONEncoder self on o.
func encodeWith(th *runtime.Thread, self, o runtime.Value) (runtime.Value, error) {
	e := &encoder{th: th, self: self, markers: map[runtime.Object]bool{}}
	flags := []struct {
		name string
		dst  *bool
	}{{"skipkeys", &e.skipKeys}, {"ensure_ascii", &e.ensureASCII}, {"check_circular", &e.checkCircular}, {"allow_nan", &e.allowNaN}, {"sort_keys", &e.sortKeys}}
	for _, f := range flags {
		v, err := runtime.GetAttr(th, self, f.name)
		if err != nil {
			return runtime.Value{}, err
		}
		if *f.dst, err = runtime.Truth(th, v); err != nil {
			return runtime.Value{}, err
		}
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"item_separator", &e.itemSep}, {"key_separator", &e.keySep}} {
		v, err := runtime.GetAttr(th, self, f.name)
		if err != nil {
			return runtime.Value{}, err
		}
		s, ok := runtime.AsStr(v)
		if !ok {
			return runtime.Value{}, runtime.TypeErrorf("%s must be a str, not %s", f.name, typeName(v))
		}
		*f.dst = s
	}
	indent, err := runtime.GetAttr(th, self, "indent")
	if err != nil {
		return runtime.Value{}, err
	}
	if !indent.IsNone() {
		var s string
		if n, ok := runtime.AsInt64(indent); ok {
			s = strings.Repeat(" ", int(max(n, 0)))
		} else if s, ok = runtime.AsStr(indent); !ok {
			return runtime.Value{}, runtime.TypeErrorf("can't multiply sequence by non-int of type '%s'", typeName(indent))
		}
		e.indent = &s
	}
	if err := e.encode(o, 0); err != nil {
		return runtime.Value{}, err
	}
	return str(e.b.String()), nil
}

func (e *encoder) encode(v runtime.Value, level int) error {
	switch o := v.Object().(type) {
	case *runtime.Str:
		e.writeString(o.String())
		return nil
	case *runtime.List:
		return e.container(v, level, '[', ']', len(o.Items), func(i int) error { return e.encode(o.Items[i], level+1) })
	case *runtime.Tuple:
		return e.container(v, level, '[', ']', len(o.Items), func(i int) error { return e.encode(o.Items[i], level+1) })
	case *runtime.Dict:
		return e.dict(v, o, level)
	case *structSeq: // struct sequences (os.stat_result, time.struct_time) are tuples
		items := o.items[:o.typ.visible]
		return e.container(v, level, '[', ']', len(items), func(i int) error { return e.encode(items[i], level+1) })
	}
	if s, ok := e.scalar(v); ok {
		if s == "" {
			return runtime.ValueErrorf("Out of range float values are not JSON compliant")
		}
		e.b.WriteString(s)
		return nil
	}
	// Anything else goes through default(), whose result is encoded in its place.
	if err := e.enter(v); err != nil {
		return err
	}
	def, err := runtime.GetAttr(e.th, e.self, "default")
	if err != nil {
		return err
	}
	r, err := runtime.Call(e.th, def, []runtime.Value{v}, nil)
	if err != nil {
		return err
	}
	if err := e.encode(r, level); err != nil {
		return err
	}
	e.leave(v)
	return nil
}

// scalar formats None, bools, ints and floats; ok is false for other types. A float that
// allow_nan forbids gives "".
func (e *encoder) scalar(v runtime.Value) (s string, ok bool) {
	if v.IsNone() {
		return "null", true
	}
	if b, isBool := v.BoolVal(); isBool {
		if b {
			return "true", true
		}
		return "false", true
	}
	if f, isFloat := v.FloatVal(); isFloat {
		switch {
		case !math.IsNaN(f) && !math.IsInf(f, 0):
			return runtime.FloatRepr(f), true
		case !e.allowNaN:
			return "", true
		case math.IsNaN(f):
			return "NaN", true
		case f > 0:
			return "Infinity", true
		}
		return "-Infinity", true
	}
	if n, isInt := runtime.AsBig(v); isInt {
		return n.String(), true
	}
	return "", false
}

// enter marks a container as being encoded, failing on a cycle.
func (e *encoder) enter(v runtime.Value) error {
	e.depth++
	if e.depth > e.th.RecursionLimit {
		return runtime.Errorf(runtime.RecursionErrorType, "maximum recursion depth exceeded while encoding a JSON object")
	}
	if !e.checkCircular {
		return nil
	}
	if e.markers[v.Object()] {
		return runtime.ValueErrorf("Circular reference detected")
	}
	e.markers[v.Object()] = true
	return nil
}

func (e *encoder) leave(v runtime.Value) {
	e.depth--
	delete(e.markers, v.Object())
}

// newline starts a line at the given nesting level when indenting.
func (e *encoder) newline(level int) {
	if e.indent != nil {
		e.b.WriteByte('\n')
		for i := 0; i < level; i++ {
			e.b.WriteString(*e.indent)
		}
	}
}

// container writes n items between open and close, item(i) writing each one.
func (e *encoder) container(v runtime.Value, level int, open, close byte, n int, item func(i int) error) error {
	if n == 0 {
		e.b.WriteByte(open)
		e.b.WriteByte(close)
		return nil
	}
	if err := e.enter(v); err != nil {
		return err
	}
	e.b.WriteByte(open)
	for i := 0; i < n; i++ {
		if i > 0 {
			e.b.WriteString(e.itemSep)
		}
		e.newline(level + 1)
		if err := item(i); err != nil {
			return err
		}
	}
	e.newline(level)
	e.b.WriteByte(close)
	e.leave(v)
	return nil
}

func (e *encoder) dict(v runtime.Value, d *runtime.Dict, level int) error {
	var keys, vals []runtime.Value
	d.Items(func(k, x runtime.Value) bool {
		keys = append(keys, k)
		vals = append(vals, x)
		return true
	})
	if e.sortKeys {
		if err := sortPairs(e.th, keys, vals); err != nil {
			return err
		}
	}
	// Coerce the keys first: skipped keys must not leave a separator behind.
	var names []string
	var kept []runtime.Value
	for i, k := range keys {
		name, ok, err := e.key(k)
		if err != nil {
			return err
		}
		if ok {
			names = append(names, name)
			kept = append(kept, vals[i])
		}
	}
	return e.container(v, level, '{', '}', len(names), func(i int) error {
		e.writeString(names[i])
		e.b.WriteString(e.keySep)
		return e.encode(kept[i], level+1)
	})
}

// key coerces a dict key to the string JSON needs; ok is false for a key skipkeys drops.
func (e *encoder) key(k runtime.Value) (string, bool, error) {
	if s, ok := runtime.AsStr(k); ok {
		return s, true, nil
	}
	if s, ok := e.scalar(k); ok {
		if s == "" {
			return "", false, runtime.ValueErrorf("Out of range float values are not JSON compliant")
		}
		return s, true, nil
	}
	if e.skipKeys {
		return "", false, nil
	}
	return "", false, runtime.TypeErrorf("keys must be str, int, float, bool or None, not %s", typeName(k))
}

// sortPairs sorts keys, and vals alongside, with Python's < (which may fail).
func sortPairs(th *runtime.Thread, keys, vals []runtime.Value) error {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	var err error
	sort.SliceStable(idx, func(a, b int) bool {
		if err != nil {
			return false
		}
		var less bool
		less, err = runtime.Less(th, keys[idx[a]], keys[idx[b]])
		return less
	})
	if err != nil {
		return err
	}
	k2, v2 := append([]runtime.Value(nil), keys...), append([]runtime.Value(nil), vals...)
	for i, j := range idx {
		keys[i], vals[i] = k2[j], v2[j]
	}
	return nil
}

// writeString writes s as a JSON string, escaping as CPython's encoder does: with
// ensure_ascii every character outside printable ASCII becomes \uXXXX (a surrogate pair
// beyond the BMP), otherwise only quotes, backslashes and control characters are escaped.
func (e *encoder) writeString(s string) {
	const hex = "0123456789abcdef"
	u4 := func(r rune) {
		e.b.WriteString(`\u`)
		for sh := 12; sh >= 0; sh -= 4 {
			e.b.WriteByte(hex[(r>>sh)&15])
		}
	}
	e.b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			e.b.WriteString(`\"`)
		case '\\':
			e.b.WriteString(`\\`)
		case '\n':
			e.b.WriteString(`\n`)
		case '\r':
			e.b.WriteString(`\r`)
		case '\t':
			e.b.WriteString(`\t`)
		case '\b':
			e.b.WriteString(`\b`)
		case '\f':
			e.b.WriteString(`\f`)
		default:
			switch {
			case r < 0x20 || (e.ensureASCII && r > 0x7e && r < 0x10000):
				u4(r)
			case e.ensureASCII && r >= 0x10000:
				r1, r2 := utf16.EncodeRune(r)
				u4(r1)
				u4(r2)
			default:
				e.b.WriteRune(r)
			}
		}
	}
	e.b.WriteByte('"')
}

// jsonDumps is dumps(obj, *, skipkeys, ensure_ascii, check_circular, allow_nan, cls,
// indent, separators, default, sort_keys).
func jsonDumps(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) != 1 {
		return runtime.Value{}, runtime.TypeErrorf("dumps() takes 1 positional argument but %d were given", len(args))
	}
	return dumpsKw(th, args[0], kw)
}

// dumpsKw encodes obj with an encoder made from kw, where cls picks the encoder class.
func dumpsKw(th *runtime.Thread, obj runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	cls := runtime.Ref(jsonEncoderType)
	var rest []runtime.Kwarg
	for _, k := range kw {
		if k.Name == "cls" {
			if !k.Value.IsNone() {
				cls = k.Value
			}
			continue
		}
		rest = append(rest, k)
	}
	enc, err := runtime.Call(th, cls, nil, rest)
	if err != nil {
		return runtime.Value{}, err
	}
	if cls.Is(runtime.Ref(jsonEncoderType)) {
		return encodeWith(th, enc, obj)
	}
	encode, err := runtime.GetAttr(th, enc, "encode")
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Call(th, encode, []runtime.Value{obj}, nil)
}

// jsonDump is dump(obj, fp, **kw): fp.write(dumps(obj, **kw)).
func jsonDump(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) != 2 {
		return runtime.Value{}, runtime.TypeErrorf("dump() takes 2 positional arguments but %d were given", len(args))
	}
	s, err := dumpsKw(th, args[0], kw)
	if err != nil {
		return runtime.Value{}, err
	}
	write, err := runtime.GetAttr(th, args[1], "write")
	if err != nil {
		return runtime.Value{}, err
	}
	_, err = runtime.Call(th, write, []runtime.Value{s}, nil)
	return runtime.None, err
}

// jsonLoad is load(fp, **kw): loads(fp.read(), **kw).
func jsonLoad(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) != 1 {
		return runtime.Value{}, runtime.TypeErrorf("load() takes 1 positional argument but %d were given", len(args))
	}
	read, err := runtime.GetAttr(th, args[0], "read")
	if err != nil {
		return runtime.Value{}, err
	}
	s, err := runtime.Call(th, read, nil, nil)
	if err != nil {
		return runtime.Value{}, err
	}
	return jsonLoads(th, []runtime.Value{s}, kw)
}

// decoder parses JSON text held as runes, since CPython reports positions in code points.
type decoder struct {
	th                                  *runtime.Thread
	s                                   []rune
	objectHook, pairsHook               runtime.Value
	parseFloat, parseInt, parseConstant runtime.Value
	depth                               int
}

// jsonEncoding is json.detect_encoding: the UTF the bytes of a JSON document are in,
// from a byte order mark or the pattern of zero bytes ASCII text leaves.
func jsonEncoding(b string) string {
	switch {
	case strings.HasPrefix(b, "\xff\xfe\x00\x00") || strings.HasPrefix(b, "\x00\x00\xfe\xff"):
		return "utf-32"
	case strings.HasPrefix(b, "\xff\xfe") || strings.HasPrefix(b, "\xfe\xff"):
		return "utf-16"
	case strings.HasPrefix(b, "\xef\xbb\xbf"):
		return "utf-8-sig"
	case len(b) >= 4 && b[0] == 0 && b[1] != 0, len(b) == 2 && b[0] == 0:
		return "utf-16-be"
	case len(b) >= 4 && b[0] == 0:
		return "utf-32-be"
	case len(b) >= 4 && b[1] == 0 && (b[2] != 0 || b[3] != 0), len(b) == 2 && b[1] == 0:
		return "utf-16-le"
	case len(b) >= 4 && b[1] == 0:
		return "utf-32-le"
	}
	return "utf-8"
}

// jsonLoads is loads(s, *, cls, object_hook, parse_float, parse_int, parse_constant,
// object_pairs_hook).
func jsonLoads(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	if len(args) != 1 {
		return runtime.Value{}, runtime.TypeErrorf("loads() takes 1 positional argument but %d were given", len(args))
	}
	text, ok := runtime.AsStr(args[0])
	if b, isBytes := runtime.BytesLike(args[0]); isBytes {
		var err error
		if text, err = runtime.DecodeBytes(b, jsonEncoding(b), "surrogatepass"); err != nil {
			return runtime.Value{}, err
		}
	} else if !ok {
		return runtime.Value{}, runtime.TypeErrorf("the JSON object must be str, bytes or bytearray, not %s", typeName(args[0]))
	}
	d := &decoder{th: th, s: []rune(text)}
	hooks := map[string]*runtime.Value{
		"object_hook": &d.objectHook, "object_pairs_hook": &d.pairsHook, "parse_float": &d.parseFloat,
		"parse_int": &d.parseInt, "parse_constant": &d.parseConstant, "cls": new(runtime.Value), "strict": new(runtime.Value),
	}
	for _, k := range kw {
		p, ok := hooks[k.Name]
		if !ok {
			return runtime.Value{}, runtime.TypeErrorf("JSONDecoder.__init__() got an unexpected keyword argument '%s'", k.Name)
		}
		if !k.Value.IsNone() {
			*p = k.Value
		}
	}
	if len(d.s) > 0 && d.s[0] == '\ufeff' {
		return runtime.Value{}, d.errorAt("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)
	}
	v, end, err := d.value(d.skip(0))
	if err != nil {
		return runtime.Value{}, err
	}
	if end = d.skip(end); end != len(d.s) {
		return runtime.Value{}, d.errorAt("Extra data", end)
	}
	return v, nil
}

// errorAt makes a JSONDecodeError at rune offset pos.
func (d *decoder) errorAt(msg string, pos int) error {
	e := runtime.NewException(jsonDecodeErrorType)
	fillDecodeError(e, msg, d.s, pos)
	return e
}

// fillDecodeError sets the message and the msg, doc, pos, lineno and colno attributes.
func fillDecodeError(e *runtime.Exception, msg string, doc []rune, pos int) {
	line, col := 1, pos+1
	for i := 0; i < pos && i < len(doc); i++ {
		if doc[i] == '\n' {
			line, col = line+1, pos-i
		}
	}
	e.Args = []runtime.Value{str(fmt.Sprintf("%s: line %d column %d (char %d)", msg, line, col, pos))}
	if e.Dict == nil {
		e.Dict = runtime.NewDict()
	}
	e.Dict.SetStr("msg", str(msg))
	e.Dict.SetStr("doc", str(string(doc)))
	e.Dict.SetStr("pos", runtime.Int(int64(pos)))
	e.Dict.SetStr("lineno", runtime.Int(int64(line)))
	e.Dict.SetStr("colno", runtime.Int(int64(col)))
}

// skip returns the index of the first non-whitespace rune at or after i.
func (d *decoder) skip(i int) int {
	for i < len(d.s) && (d.s[i] == ' ' || d.s[i] == '\t' || d.s[i] == '\n' || d.s[i] == '\r') {
		i++
	}
	return i
}

func (d *decoder) hasPrefix(i int, word string) bool {
	return strings.HasPrefix(string(d.s[i:min(len(d.s), i+len(word))]), word)
}

// value parses the value starting at i, returning it and the index after it. A missing
// value is "Expecting value" at i, as CPython's scanner reports it.
func (d *decoder) value(i int) (runtime.Value, int, error) {
	if i >= len(d.s) {
		return runtime.Value{}, 0, d.errorAt("Expecting value", i)
	}
	switch c := d.s[i]; {
	case c == '"':
		s, end, err := d.str(i + 1)
		return str(s), end, err
	case c == '{':
		return d.nested(i, d.object)
	case c == '[':
		return d.nested(i, d.array)
	case c == 'n' && d.hasPrefix(i, "null"):
		return runtime.None, i + 4, nil
	case c == 't' && d.hasPrefix(i, "true"):
		return runtime.True, i + 4, nil
	case c == 'f' && d.hasPrefix(i, "false"):
		return runtime.False, i + 5, nil
	}
	for _, name := range []string{"NaN", "Infinity", "-Infinity"} {
		if d.hasPrefix(i, name) {
			v, err := d.constant(name)
			return v, i + len(name), err
		}
	}
	if v, end, ok, err := d.number(i); ok || err != nil {
		return v, end, err
	}
	return runtime.Value{}, 0, d.errorAt("Expecting value", i)
}

// nested parses an object or array, limiting the depth as CPython's recursion limit does.
func (d *decoder) nested(i int, parse func(int) (runtime.Value, int, error)) (runtime.Value, int, error) {
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > d.th.RecursionLimit {
		return runtime.Value{}, 0, runtime.Errorf(runtime.RecursionErrorType, "maximum recursion depth exceeded while decoding a JSON document")
	}
	return parse(i + 1)
}

func (d *decoder) constant(name string) (runtime.Value, error) {
	if d.parseConstant.IsValid() {
		return runtime.Call(d.th, d.parseConstant, []runtime.Value{str(name)}, nil)
	}
	return runtime.Float(map[string]float64{"NaN": math.NaN(), "Infinity": math.Inf(1), "-Infinity": math.Inf(-1)}[name]), nil
}

// number matches -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? at i; ok is false if
// nothing matches.
func (d *decoder) number(i int) (runtime.Value, int, bool, error) {
	digits := func(j int) int {
		for j < len(d.s) && d.s[j] >= '0' && d.s[j] <= '9' {
			j++
		}
		return j
	}
	j := i
	if j < len(d.s) && d.s[j] == '-' {
		j++
	}
	switch {
	case j < len(d.s) && d.s[j] == '0':
		j++
	case j < len(d.s) && d.s[j] >= '1' && d.s[j] <= '9':
		j = digits(j)
	default:
		return runtime.Value{}, 0, false, nil
	}
	isFloat := false
	if j+1 < len(d.s) && d.s[j] == '.' && d.s[j+1] >= '0' && d.s[j+1] <= '9' {
		j, isFloat = digits(j+1), true
	}
	if j < len(d.s) && (d.s[j] == 'e' || d.s[j] == 'E') {
		k := j + 1
		if k < len(d.s) && (d.s[k] == '+' || d.s[k] == '-') {
			k++
		}
		if end := digits(k); end > k {
			j, isFloat = end, true
		}
	}
	text := string(d.s[i:j])
	switch {
	case isFloat && d.parseFloat.IsValid():
		v, err := runtime.Call(d.th, d.parseFloat, []runtime.Value{str(text)}, nil)
		return v, j, true, err
	case isFloat:
		f, _ := strconv.ParseFloat(text, 64) // out of range gives ±Inf, as float() does
		return runtime.Float(f), j, true, nil
	case d.parseInt.IsValid():
		v, err := runtime.Call(d.th, d.parseInt, []runtime.Value{str(text)}, nil)
		return v, j, true, err
	}
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return runtime.Int(n), j, true, nil
	}
	n, _ := new(big.Int).SetString(text, 10)
	return runtime.MakeBig(n), j, true, nil
}

// str parses a string body starting after its opening quote at begin-1.
func (d *decoder) str(begin int) (string, int, error) {
	var b strings.Builder
	i := begin
	for {
		j := i
		for j < len(d.s) && d.s[j] != '"' && d.s[j] != '\\' {
			if d.s[j] < 0x20 {
				return "", 0, d.errorAt("Invalid control character at", j)
			}
			j++
		}
		if j >= len(d.s) {
			return "", 0, d.errorAt("Unterminated string starting at", begin-1)
		}
		b.WriteString(string(d.s[i:j]))
		if d.s[j] == '"' {
			return b.String(), j + 1, nil
		}
		j++ // past the backslash
		if j >= len(d.s) {
			return "", 0, d.errorAt("Unterminated string starting at", begin-1)
		}
		c := d.s[j]
		if c != 'u' {
			r, ok := map[rune]rune{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}[c]
			if !ok {
				return "", 0, d.errorAt("Invalid \\escape", j-1)
			}
			b.WriteRune(r)
			i = j + 1
			continue
		}
		r, end, err := d.unicodeEscape(j + 1)
		if err != nil {
			return "", 0, err
		}
		if r >= 0xd800 && r < 0xdc00 && end+6 < len(d.s) && d.s[end] == '\\' && d.s[end+1] == 'u' {
			r2, end2, err := d.unicodeEscape(end + 2)
			if err != nil {
				return "", 0, err
			}
			if r2 >= 0xdc00 && r2 <= 0xdfff {
				r, end = utf16.DecodeRune(r, r2), end2
			}
		}
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError // a lone surrogate has no UTF-8 form
		}
		b.WriteRune(r)
		i = end
	}
}

// unicodeEscape reads the four hex digits of a \u escape starting at i.
func (d *decoder) unicodeEscape(i int) (rune, int, error) {
	if i+4 >= len(d.s) {
		return 0, 0, d.errorAt("Invalid \\uXXXX escape", i-1)
	}
	n, err := strconv.ParseUint(string(d.s[i:i+4]), 16, 32)
	if err != nil {
		return 0, 0, d.errorAt("Invalid \\uXXXX escape", i-1)
	}
	return rune(n), i + 4, nil
}

// object parses the members of an object whose '{' is at i-1.
func (d *decoder) object(i int) (runtime.Value, int, error) {
	var pairs [][2]runtime.Value
	i = d.skip(i)
	if i >= len(d.s) || d.s[i] != '}' {
		for i < len(d.s) {
			if d.s[i] != '"' {
				return runtime.Value{}, 0, d.errorAt("Expecting property name enclosed in double quotes", i)
			}
			key, end, err := d.str(i + 1)
			if err != nil {
				return runtime.Value{}, 0, err
			}
			i = d.skip(end)
			if i >= len(d.s) || d.s[i] != ':' {
				return runtime.Value{}, 0, d.errorAt("Expecting ':' delimiter", i)
			}
			val, end, err := d.value(d.skip(i + 1))
			if err != nil {
				return runtime.Value{}, 0, err
			}
			pairs = append(pairs, [2]runtime.Value{str(key), val})
			i = d.skip(end)
			if i < len(d.s) && d.s[i] == '}' {
				break
			}
			if i >= len(d.s) || d.s[i] != ',' {
				return runtime.Value{}, 0, d.errorAt("Expecting ',' delimiter", i)
			}
			i = d.skip(i + 1)
		}
		if i >= len(d.s) || d.s[i] != '}' {
			return runtime.Value{}, 0, d.errorAt("Expecting property name enclosed in double quotes", i)
		}
	}
	v, err := d.makeObject(pairs)
	return v, i + 1, err
}

// makeObject builds the dict (or the hooks' result) for parsed pairs.
func (d *decoder) makeObject(pairs [][2]runtime.Value) (runtime.Value, error) {
	if d.pairsHook.IsValid() {
		items := make([]runtime.Value, len(pairs))
		for i, p := range pairs {
			items[i] = runtime.NewTuple([]runtime.Value{p[0], p[1]})
		}
		return runtime.Call(d.th, d.pairsHook, []runtime.Value{runtime.NewList(items)}, nil)
	}
	dict := runtime.NewDict()
	for _, p := range pairs {
		if err := dict.Set(d.th, p[0], p[1]); err != nil {
			return runtime.Value{}, err
		}
	}
	if d.objectHook.IsValid() {
		return runtime.Call(d.th, d.objectHook, []runtime.Value{runtime.Ref(dict)}, nil)
	}
	return runtime.Ref(dict), nil
}

// array parses the items of an array whose '[' is at i-1.
func (d *decoder) array(i int) (runtime.Value, int, error) {
	var items []runtime.Value
	i = d.skip(i)
	if i < len(d.s) && d.s[i] != ']' {
		for i < len(d.s) {
			v, end, err := d.value(i)
			if err != nil {
				return runtime.Value{}, 0, err
			}
			items = append(items, v)
			i = d.skip(end)
			if i < len(d.s) && d.s[i] == ']' {
				break
			}
			if i >= len(d.s) || d.s[i] != ',' {
				return runtime.Value{}, 0, d.errorAt("Expecting ',' delimiter", i)
			}
			i = d.skip(i + 1)
		}
	}
	if i >= len(d.s) || d.s[i] != ']' {
		return runtime.Value{}, 0, d.errorAt("Expecting value", i)
	}
	return runtime.NewList(items), i + 1, nil
}
