package stdlib

import (
	"strconv"
	"strings"
	"sync"

	"github.com/dlclark/regexp2"

	"github.com/aio-lang/aio/runtime"
)

// newRe builds the re module: Python's regular expressions on github.com/dlclark/regexp2
// (see re_syntax.go for the translation). Positions are in code points, as regexp2 matches
// on runes. Iteration (findall, finditer, sub, split) follows CPython 3.7+: an empty match
// may follow a non-empty one, and after an empty match the next one must not be empty at
// the same place.
func newRe(*Options) *runtime.Module {
	cache := &rxCache{m: map[rxKey]*rxPattern{}}
	withPattern := func(name string, params []string, f func(th *runtime.Thread, p *rxPattern, args []runtime.Value) (runtime.Value, error)) fn {
		return func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			vals := make([]runtime.Value, len(params)+1)
			spec := []any{"pattern", &vals[0]}
			for i, p := range params {
				spec = append(spec, p, &vals[i+1])
			}
			spec = append(spec, "flags?", new(runtime.Value))
			flagsPtr := spec[len(spec)-1].(*runtime.Value)
			if err := runtime.UnpackArgs(name, args, kw, spec...); err != nil {
				return runtime.Value{}, err
			}
			p, err := cache.compile(th, vals[0], *flagsPtr)
			if err != nil {
				return runtime.Value{}, err
			}
			return f(th, p, vals[1:])
		}
	}
	m := newModule("re", map[string]fn{
		"compile": func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			var pat, flags runtime.Value
			if err := runtime.UnpackArgs("compile", args, kw, "pattern", &pat, "flags?", &flags); err != nil {
				return runtime.Value{}, err
			}
			p, err := cache.compile(th, pat, flags)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.Ref(p), nil
		},
		"search": withPattern("search", []string{"string"}, func(th *runtime.Thread, p *rxPattern, a []runtime.Value) (runtime.Value, error) {
			return p.find(th, "search", a[0], runtime.None, runtime.None)
		}),
		"match": withPattern("match", []string{"string"}, func(th *runtime.Thread, p *rxPattern, a []runtime.Value) (runtime.Value, error) {
			return p.find(th, "match", a[0], runtime.None, runtime.None)
		}),
		"fullmatch": withPattern("fullmatch", []string{"string"}, func(th *runtime.Thread, p *rxPattern, a []runtime.Value) (runtime.Value, error) {
			return p.find(th, "fullmatch", a[0], runtime.None, runtime.None)
		}),
		"findall": withPattern("findall", []string{"string"}, func(th *runtime.Thread, p *rxPattern, a []runtime.Value) (runtime.Value, error) {
			return p.findall(th, a[0], runtime.None, runtime.None)
		}),
		"finditer": withPattern("finditer", []string{"string"}, func(th *runtime.Thread, p *rxPattern, a []runtime.Value) (runtime.Value, error) {
			return p.finditer(th, a[0], runtime.None, runtime.None)
		}),
		"sub": withPattern("sub", []string{"repl", "string", "count?"}, func(th *runtime.Thread, p *rxPattern, a []runtime.Value) (runtime.Value, error) {
			return p.sub(th, a[0], a[1], a[2], false)
		}),
		"subn": withPattern("subn", []string{"repl", "string", "count?"}, func(th *runtime.Thread, p *rxPattern, a []runtime.Value) (runtime.Value, error) {
			return p.sub(th, a[0], a[1], a[2], true)
		}),
		"split": withPattern("split", []string{"string", "maxsplit?"}, func(th *runtime.Thread, p *rxPattern, a []runtime.Value) (runtime.Value, error) {
			return p.split(th, a[0], a[1])
		}),
		"escape": reEscape,
		"purge": func(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
			cache.purge()
			return runtime.None, nil
		},
	})
	d := m.Dict
	d.SetStr("error", runtime.Ref(reErrorType))
	d.SetStr("Pattern", runtime.Ref(patternType))
	d.SetStr("Match", runtime.Ref(matchType))
	for _, f := range []struct {
		names []string
		v     int64
	}{
		{[]string{"A", "ASCII"}, reASCII}, {[]string{"I", "IGNORECASE"}, reIgnore},
		{[]string{"L", "LOCALE"}, reLocale}, {[]string{"M", "MULTILINE"}, reMulti},
		{[]string{"S", "DOTALL"}, reDotAll}, {[]string{"U", "UNICODE"}, reUnicode},
		{[]string{"X", "VERBOSE"}, reVerbose}, {[]string{"T", "TEMPLATE"}, reTemplate},
		{[]string{"DEBUG"}, reDebug}, {[]string{"NOFLAG"}, 0},
	} {
		for _, n := range f.names {
			d.SetStr(n, runtime.Int(f.v))
		}
	}
	return m
}

// reErrorType is re.error.
var reErrorType = newPyClass("re", "error", runtime.ExceptionType, nil)

// rxKey identifies a compiled pattern in a module's cache.
type rxKey struct {
	src     string
	isBytes bool
	flags   int
}

// rxCache holds a module's compiled patterns, as CPython's re._cache does.
type rxCache struct {
	mu sync.Mutex
	m  map[rxKey]*rxPattern
}

func (c *rxCache) purge() {
	c.mu.Lock()
	c.m = map[rxKey]*rxPattern{}
	c.mu.Unlock()
}

// compile returns the pattern for a str or bytes pattern, or a Pattern itself.
func (c *rxCache) compile(th *runtime.Thread, pat, flagsV runtime.Value) (*rxPattern, error) {
	flags := int64(0)
	if flagsV.IsValid() && !flagsV.IsNone() {
		var err error
		if flags, err = toIndex(th, flagsV); err != nil {
			return nil, err
		}
	}
	if p, ok := pat.Object().(*rxPattern); ok {
		if flags != 0 {
			return nil, runtime.ValueErrorf("cannot process flags argument with a compiled pattern")
		}
		return p, nil
	}
	var key rxKey
	switch o := pat.Object().(type) {
	case *runtime.Str:
		if flags&reLocale != 0 {
			return nil, runtime.ValueErrorf("cannot use LOCALE flag with a str pattern")
		}
		key = rxKey{src: o.String(), flags: int(flags)}
	case *runtime.Bytes:
		key = rxKey{src: o.String(), isBytes: true, flags: int(flags)}
	default:
		return nil, runtime.TypeErrorf("first argument must be string or compiled pattern")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if p, ok := c.m[key]; ok {
		return p, nil
	}
	p, err := compilePattern(pat, key)
	if err != nil {
		return nil, err
	}
	if len(c.m) >= 512 {
		c.m = map[rxKey]*rxPattern{}
	}
	c.m[key] = p
	return p, nil
}

// rxPattern is a compiled regular expression, re.Pattern.
type rxPattern struct {
	src     runtime.Value // the pattern as given
	prog    *rxProgram
	isBytes bool
	search  *regexp2.Regexp

	// Variants compiled on first use: anchored at the start position (match), anchored at
	// both ends (fullmatch), and anchored and non-empty (after an empty match).
	once                     [3]sync.Once
	anchored, full, nonEmpty *regexp2.Regexp
	variantErr               [3]error
}

var patternType = newType("re", "Pattern", nil, map[string]method{
	"search":    patternFind("search"),
	"match":     patternFind("match"),
	"fullmatch": patternFind("fullmatch"),
	"findall": patternRange("findall", func(th *runtime.Thread, p *rxPattern, s, pos, endpos runtime.Value) (runtime.Value, error) {
		return p.findall(th, s, pos, endpos)
	}),
	"finditer": patternRange("finditer", func(th *runtime.Thread, p *rxPattern, s, pos, endpos runtime.Value) (runtime.Value, error) {
		return p.finditer(th, s, pos, endpos)
	}),
	"sub":  patternSub("sub", false),
	"subn": patternSub("subn", true),
	"split": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var s, maxsplit runtime.Value
		if err := runtime.UnpackArgs("split", args, kw, "string", &s, "maxsplit?", &maxsplit); err != nil {
			return runtime.Value{}, err
		}
		return asPattern(self).split(th, s, maxsplit)
	},
	"__repr__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		p := asPattern(self)
		r, err := runtime.Repr(th, p.src)
		if err != nil {
			return runtime.Value{}, err
		}
		flags := p.prog.flags
		if !p.isBytes {
			flags &^= reUnicode
		}
		if flags == 0 {
			return str("re.compile(" + r + ")"), nil
		}
		return str("re.compile(" + r + ", " + flagsRepr(flags) + ")"), nil
	},
})

func init() { patternType.Final = true }

func (p *rxPattern) Type() *runtime.Class { return patternType }

// Attr returns pattern, flags, groups and groupindex.
func (p *rxPattern) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "pattern":
		return p.src, true
	case "flags":
		return runtime.Int(int64(p.prog.flags)), true
	case "groups":
		return runtime.Int(int64(p.prog.groups)), true
	case "groupindex":
		d := runtime.NewDict()
		for g := 1; g <= p.prog.groups; g++ {
			if name := p.groupName(g); name != "" {
				d.SetStr(name, runtime.Int(int64(g)))
			}
		}
		return runtime.Ref(d), true
	}
	return runtime.Value{}, false
}

func asPattern(v runtime.Value) *rxPattern { return v.Object().(*rxPattern) }

// flagsRepr spells flags as CPython's RegexFlag repr does.
func flagsRepr(flags int) string {
	names := []struct {
		v    int
		name string
	}{{reTemplate, "TEMPLATE"}, {reIgnore, "IGNORECASE"}, {reLocale, "LOCALE"}, {reMulti, "MULTILINE"},
		{reDotAll, "DOTALL"}, {reUnicode, "UNICODE"}, {reVerbose, "VERBOSE"}, {reDebug, "DEBUG"}, {reASCII, "ASCII"}}
	var parts []string
	for _, n := range names {
		if flags&n.v != 0 {
			parts = append(parts, "re."+n.name)
			flags &^= n.v
		}
	}
	if flags != 0 {
		parts = append(parts, "0x"+strconv.FormatInt(int64(flags), 16))
	}
	return strings.Join(parts, "|")
}

// groupName returns the name of group g, or "".
func (p *rxPattern) groupName(g int) string {
	for n, i := range p.prog.names {
		if i == g {
			return n
		}
	}
	return ""
}

func compilePattern(pat runtime.Value, key rxKey) (*rxPattern, error) {
	src := []rune(key.src)
	if key.isBytes {
		src = bytesToRunes(key.src)
	}
	prog, perr := translate(src, key.flags, key.isBytes)
	if perr != nil {
		return nil, rxError(pat, src, perr.msg, perr.pos)
	}
	p := &rxPattern{src: pat, prog: prog, isBytes: key.isBytes}
	re, err := regexp2.Compile(prog.dotnet, p.options())
	if err != nil {
		return nil, rxError(pat, src, strings.TrimPrefix(err.Error(), "error parsing regexp: "), -1)
	}
	p.search = re
	return p, nil
}

// options are the regexp2 options for the pattern's flags (verbose and ASCII are handled
// by the translation).
func (p *rxPattern) options() regexp2.RegexOptions {
	var o regexp2.RegexOptions
	if p.prog.flags&reIgnore != 0 {
		o |= regexp2.IgnoreCase
	}
	if p.prog.flags&reMulti != 0 {
		o |= regexp2.Multiline
	}
	if p.prog.flags&reDotAll != 0 {
		o |= regexp2.Singleline
	}
	return o
}

// variant returns the anchored (0), full (1) or non-empty (2) form of the pattern.
func (p *rxPattern) variant(i int) (*regexp2.Regexp, error) {
	dst := [3]**regexp2.Regexp{&p.anchored, &p.full, &p.nonEmpty}[i]
	p.once[i].Do(func() {
		// (?!\G) fails where the match started: it forbids an empty match.
		suffix := [3]string{")", `)\z`, `)(?!\G)`}[i]
		*dst, p.variantErr[i] = regexp2.Compile(`\G(?:`+p.prog.dotnet+suffix, p.options())
	})
	return *dst, p.variantErr[i]
}

// rxText is a subject string as runes, remembering whether it was bytes.
type rxText struct {
	v       runtime.Value
	runes   []rune
	isBytes bool
}

// bytesToRunes maps each byte to the rune of the same value, so that regexp2 can match
// bytes.
func bytesToRunes(s string) []rune {
	r := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		r[i] = rune(s[i])
	}
	return r
}

// text checks that v is a string of the pattern's kind and converts it.
func (p *rxPattern) text(v runtime.Value) (*rxText, error) {
	switch o := v.Object().(type) {
	case *runtime.Str:
		if p.isBytes {
			return nil, runtime.TypeErrorf("cannot use a bytes pattern on a string-like object")
		}
		return &rxText{v: v, runes: []rune(o.String())}, nil
	case *runtime.Bytes, *runtime.ByteArray:
		if !p.isBytes {
			return nil, runtime.TypeErrorf("cannot use a string pattern on a bytes-like object")
		}
		b, _ := runtime.BytesLike(v)
		return &rxText{v: v, runes: bytesToRunes(b), isBytes: true}, nil
	}
	return nil, runtime.TypeErrorf("expected string or bytes-like object, got '%s'", typeName(v))
}

// slice returns text[i:j] as a str or bytes value.
func (t *rxText) slice(i, j int) runtime.Value {
	if t.isBytes {
		b := make([]byte, j-i)
		for k := range b {
			b[k] = byte(t.runes[i+k])
		}
		return runtime.NewBytes(string(b))
	}
	return str(string(t.runes[i:j]))
}

// empty is "" or b"".
func (t *rxText) empty() runtime.Value { return t.slice(0, 0) }

// bounds normalises pos and endpos as CPython does.
func (t *rxText) bounds(th *runtime.Thread, posV, endV runtime.Value) (int, int, error) {
	n := len(t.runes)
	pos, end := 0, n
	if posV.IsValid() && !posV.IsNone() {
		i, err := toIndex(th, posV)
		if err != nil {
			return 0, 0, err
		}
		pos = int(min(max(i, 0), int64(n)))
	}
	if endV.IsValid() && !endV.IsNone() {
		i, err := toIndex(th, endV)
		if err != nil {
			return 0, 0, err
		}
		end = int(min(max(i, 0), int64(n)))
	}
	return pos, end, nil
}

// exec runs re on text[:end] from pos, returning the match or nil.
func (p *rxPattern) exec(th *runtime.Thread, re *regexp2.Regexp, t *rxText, pos, end int) (*rxMatch, error) {
	if pos > end {
		return nil, nil
	}
	m, err := findBraked(th, re, t.runes[:end], pos)
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, nil
	}
	spans := make([]int, 2*(p.prog.groups+1))
	for g := 0; g <= p.prog.groups; g++ {
		spans[2*g], spans[2*g+1] = -1, -1
		if grp := m.GroupByNumber(g); grp != nil && len(grp.Captures) > 0 {
			spans[2*g], spans[2*g+1] = grp.Index, grp.Index+grp.Length
		}
	}
	return &rxMatch{pat: p, text: t, spans: spans}, nil
}

// each calls f for the successive matches in text[pos:end], at most limit of them
// (0: no limit), until f returns false.
func (p *rxPattern) each(th *runtime.Thread, t *rxText, pos, end, limit int, f func(m *rxMatch) bool) error {
	mustAdvance := false
	for n := 0; pos <= end && (limit == 0 || n < limit); n++ {
		var m *rxMatch
		var err error
		if mustAdvance {
			// After an empty match the next may start at the same place only if it is not
			// empty; otherwise search on from the next position.
			ne, verr := p.variant(2)
			if verr != nil {
				return runtime.Errorf(runtime.RuntimeErrorType, "%v", verr)
			}
			if m, err = p.exec(th, ne, t, pos, end); err == nil && m == nil {
				pos++
				m, err = p.exec(th, p.search, t, pos, end)
			}
		} else {
			m, err = p.exec(th, p.search, t, pos, end)
		}
		if err == nil && m != nil {
			err = th.Tick()
		}
		if err != nil || m == nil {
			return err
		}
		if !f(m) {
			return nil
		}
		mustAdvance = m.spans[0] == m.spans[1]
		pos = m.spans[1]
	}
	return nil
}

// find is search, match or fullmatch.
func (p *rxPattern) find(th *runtime.Thread, how string, s, posV, endV runtime.Value) (runtime.Value, error) {
	t, err := p.text(s)
	if err != nil {
		return runtime.Value{}, err
	}
	pos, end, err := t.bounds(th, posV, endV)
	if err != nil {
		return runtime.Value{}, err
	}
	re := p.search
	if how != "search" {
		variant := 0
		if how == "fullmatch" {
			variant = 1
		}
		if re, err = p.variant(variant); err != nil {
			return runtime.Value{}, runtime.Errorf(runtime.RuntimeErrorType, "%v", err)
		}
	}
	m, err := p.exec(th, re, t, pos, end)
	if err != nil || m == nil {
		return runtime.None, err
	}
	m.pos, m.endpos = pos, end
	return runtime.Ref(m), nil
}

// groupValue returns group g of m as a str or bytes, or def when it did not match.
func (m *rxMatch) groupValue(g int, def runtime.Value) runtime.Value {
	i, j := m.spans[2*g], m.spans[2*g+1]
	if i < 0 {
		return def
	}
	return m.text.slice(i, j)
}

func (p *rxPattern) findall(th *runtime.Thread, s, posV, endV runtime.Value) (runtime.Value, error) {
	t, err := p.text(s)
	if err != nil {
		return runtime.Value{}, err
	}
	pos, end, err := t.bounds(th, posV, endV)
	if err != nil {
		return runtime.Value{}, err
	}
	var out []runtime.Value
	err = p.each(th, t, pos, end, 0, func(m *rxMatch) bool {
		switch n := p.prog.groups; n {
		case 0:
			out = append(out, m.groupValue(0, t.empty()))
		case 1:
			out = append(out, m.groupValue(1, t.empty()))
		default:
			items := make([]runtime.Value, n)
			for g := range items {
				items[g] = m.groupValue(g+1, t.empty())
			}
			out = append(out, runtime.NewTuple(items))
		}
		return true
	})
	return runtime.NewList(out), err
}

// matchIter is the iterator finditer returns; it finds each match when asked.
type matchIter struct {
	p           *rxPattern
	t           *rxText
	pos, end    int
	mustAdvance bool
	done        bool
	startPos    int
}

var matchIterType = newIterType("builtins", "callable_iterator")

func (it *matchIter) Type() *runtime.Class { return matchIterType }

// Next finds the next match, one step of each's loop.
func (it *matchIter) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	if it.done || it.pos > it.end {
		return runtime.Value{}, false, nil
	}
	var found *rxMatch
	err := it.p.eachFrom(th, it.t, it.pos, it.end, it.mustAdvance, func(m *rxMatch) bool {
		found = m
		return false
	})
	if err != nil || found == nil {
		it.done = true
		return runtime.Value{}, false, err
	}
	found.pos, found.endpos = it.startPos, it.end
	it.mustAdvance = found.spans[0] == found.spans[1]
	it.pos = found.spans[1]
	return runtime.Ref(found), true, nil
}

func (p *rxPattern) finditer(th *runtime.Thread, s, posV, endV runtime.Value) (runtime.Value, error) {
	t, err := p.text(s)
	if err != nil {
		return runtime.Value{}, err
	}
	pos, end, err := t.bounds(th, posV, endV)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Ref(&matchIter{p: p, t: t, pos: pos, end: end, startPos: pos}), nil
}

// optCount reads the optional count of sub and maxsplit of split: 0 (no limit) when absent
// or None.
func optCount(th *runtime.Thread, v runtime.Value) (int, error) {
	if !v.IsValid() || v.IsNone() {
		return 0, nil
	}
	n, err := toIndex(th, v)
	return int(n), err
}

// sub is sub or subn: repl is a template string or a function of the match.
func (p *rxPattern) sub(th *runtime.Thread, repl, s, countV runtime.Value, withCount bool) (runtime.Value, error) {
	t, err := p.text(s)
	if err != nil {
		return runtime.Value{}, err
	}
	count, err := optCount(th, countV)
	if err != nil {
		return runtime.Value{}, err
	}
	if count < 0 {
		count = -1 // a negative count makes no replacement at all
	}
	var tmpl *rxTemplate
	callable := false
	switch repl.Object().(type) {
	case *runtime.Str, *runtime.Bytes:
		if tmpl, err = p.parseTemplate(repl); err != nil {
			return runtime.Value{}, err
		}
	default:
		callable = true
	}
	var b []rune
	last, n := 0, 0
	var ferr error
	if count >= 0 {
		err = p.each(th, t, 0, len(t.runes), count, func(m *rxMatch) bool {
			b = append(b, t.runes[last:m.spans[0]]...)
			m.pos, m.endpos = 0, len(t.runes)
			var r []rune
			if callable {
				r, ferr = m.callRepl(th, repl)
			} else {
				r = tmpl.expand(m)
			}
			if ferr != nil {
				return false
			}
			b = append(b, r...)
			last = m.spans[1]
			n++
			return true
		})
	}
	if err == nil {
		err = ferr
	}
	if err != nil {
		return runtime.Value{}, err
	}
	b = append(b, t.runes[last:]...)
	out := (&rxText{runes: b, isBytes: t.isBytes}).slice(0, len(b))
	if withCount {
		return runtime.NewTuple([]runtime.Value{out, runtime.Int(int64(n))}), nil
	}
	return out, nil
}

// callRepl calls a replacement function with the match; it must return a string of the
// subject's kind.
func (m *rxMatch) callRepl(th *runtime.Thread, repl runtime.Value) ([]rune, error) {
	r, err := runtime.Call(th, repl, []runtime.Value{runtime.Ref(m)}, nil)
	if err != nil {
		return nil, err
	}
	switch o := r.Object().(type) {
	case *runtime.Str:
		if !m.text.isBytes {
			return []rune(o.String()), nil
		}
	case *runtime.Bytes:
		if m.text.isBytes {
			return bytesToRunes(o.String()), nil
		}
	}
	want := "str"
	if m.text.isBytes {
		want = "a bytes-like object"
		return nil, runtime.TypeErrorf("sequence item 0: expected %s, %s found", want, typeName(r))
	}
	return nil, runtime.TypeErrorf("sequence item 0: expected %s instance, %s found", want, typeName(r))
}

func (p *rxPattern) split(th *runtime.Thread, s, maxsplitV runtime.Value) (runtime.Value, error) {
	t, err := p.text(s)
	if err != nil {
		return runtime.Value{}, err
	}
	maxsplit, err := optCount(th, maxsplitV)
	if err != nil {
		return runtime.Value{}, err
	}
	if maxsplit < 0 {
		return runtime.NewList([]runtime.Value{s}), nil
	}
	var out []runtime.Value
	last := 0
	err = p.each(th, t, 0, len(t.runes), maxsplit, func(m *rxMatch) bool {
		out = append(out, t.slice(last, m.spans[0]))
		for g := 1; g <= p.prog.groups; g++ {
			out = append(out, m.groupValue(g, runtime.None))
		}
		last = m.spans[1]
		return true
	})
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.NewList(append(out, t.slice(last, len(t.runes)))), nil
}

// eachFrom is each starting in the must-advance state given, for finditer's one step.
func (p *rxPattern) eachFrom(th *runtime.Thread, t *rxText, pos, end int, mustAdvance bool, f func(m *rxMatch) bool) error {
	if !mustAdvance {
		return p.each(th, t, pos, end, 1, f)
	}
	ne, err := p.variant(2)
	if err != nil {
		return runtime.Errorf(runtime.RuntimeErrorType, "%v", err)
	}
	m, err := p.exec(th, ne, t, pos, end)
	if err != nil {
		return err
	}
	if m != nil {
		f(m)
		return nil
	}
	if pos+1 > end {
		return nil
	}
	return p.each(th, t, pos+1, end, 1, f)
}

func patternFind(how string) method {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var s, pos, endpos runtime.Value
		if err := runtime.UnpackArgs(how, args, kw, "string", &s, "pos?", &pos, "endpos?", &endpos); err != nil {
			return runtime.Value{}, err
		}
		return asPattern(self).find(th, how, s, pos, endpos)
	}
}

func patternRange(name string, f func(th *runtime.Thread, p *rxPattern, s, pos, endpos runtime.Value) (runtime.Value, error)) method {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var s, pos, endpos runtime.Value
		if err := runtime.UnpackArgs(name, args, kw, "string", &s, "pos?", &pos, "endpos?", &endpos); err != nil {
			return runtime.Value{}, err
		}
		return f(th, asPattern(self), s, pos, endpos)
	}
}

func patternSub(name string, withCount bool) method {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var repl, s, count runtime.Value
		if err := runtime.UnpackArgs(name, args, kw, "repl", &repl, "string", &s, "count?", &count); err != nil {
			return runtime.Value{}, err
		}
		return asPattern(self).sub(th, repl, s, count, withCount)
	}
}

// rxTemplate is a parsed replacement template: literal pieces and group references.
type rxTemplate struct {
	lits   [][]rune
	groups []int // groups[i] follows lits[i]; -1 after the last literal
}

// parseTemplate parses a replacement string as CPython's re._compile_template does.
func (p *rxPattern) parseTemplate(repl runtime.Value) (*rxTemplate, error) {
	var src []rune
	if s, ok := runtime.AsStr(repl); ok {
		if p.isBytes {
			return nil, runtime.TypeErrorf("expected a bytes-like object, str found")
		}
		src = []rune(s)
	} else {
		if !p.isBytes {
			return nil, runtime.TypeErrorf("expected str instance, bytes found")
		}
		src = bytesToRunes(repl.Object().(*runtime.Bytes).String())
	}
	t := &rxTemplate{}
	var lit []rune
	fail := func(msg string, pos int) (*rxTemplate, error) { return nil, rxError(repl, src, msg, pos) }
	addGroup := func(g, pos int) error {
		if g > p.prog.groups {
			return rxError(repl, src, "invalid group reference "+strconv.Itoa(g), pos)
		}
		t.lits = append(t.lits, lit)
		t.groups = append(t.groups, g)
		lit = nil
		return nil
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c != '\\' {
			lit = append(lit, c)
			continue
		}
		start := i
		i++
		if i >= len(src) {
			return fail("bad escape (end of pattern)", start)
		}
		c = src[i]
		switch {
		case c == 'g':
			if i+1 >= len(src) || src[i+1] != '<' {
				return fail("missing <", i+1)
			}
			j := i + 2
			for j < len(src) && src[j] != '>' {
				j++
			}
			if j >= len(src) {
				return fail("missing >, unterminated name", i+2)
			}
			name := string(src[i+2 : j])
			if name == "" {
				return fail("missing group name", i+2)
			}
			g, err := strconv.Atoi(name)
			if err != nil || g < 0 {
				if !isIdentifier(name) {
					return fail("bad character in group name '"+name+"'", i+2)
				}
				var ok bool
				if g, ok = p.prog.names[name]; !ok {
					return nil, runtime.IndexErrorf("unknown group name '%s'", name)
				}
			}
			if err := addGroup(g, i+2); err != nil {
				return nil, err
			}
			i = j
		case c == '0':
			v := 0
			for n := 0; n < 2 && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '7'; n++ {
				i++
				v = v*8 + int(src[i]-'0')
			}
			lit = append(lit, rune(v))
		case c >= '1' && c <= '9':
			isOct := func(k int) bool { return k < len(src) && src[k] >= '0' && src[k] <= '7' }
			g := int(c - '0')
			if i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9' {
				if c <= '7' && isOct(i+1) && isOct(i+2) {
					v := int(c-'0')*64 + int(src[i+1]-'0')*8 + int(src[i+2]-'0')
					if v > 0o377 {
						return fail("octal escape value "+string(src[start:i+3])+" outside of range 0-0o377", start)
					}
					lit = append(lit, rune(v))
					i += 2
					continue
				}
				i++
				g = g*10 + int(src[i]-'0')
			}
			if err := addGroup(g, start+1); err != nil {
				return nil, err
			}
		default:
			if r, ok := map[rune]rune{'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}[c]; ok {
				lit = append(lit, r)
			} else if c < 128 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				return fail(`bad escape \`+string(c), start)
			} else {
				lit = append(lit, '\\', c)
			}
		}
	}
	t.lits = append(t.lits, lit)
	t.groups = append(t.groups, -1)
	return t, nil
}

// expand fills the template in with m's groups; a group that did not match gives "".
func (t *rxTemplate) expand(m *rxMatch) []rune {
	var out []rune
	for i, lit := range t.lits {
		out = append(out, lit...)
		if g := t.groups[i]; g >= 0 && m.spans[2*g] >= 0 {
			out = append(out, m.text.runes[m.spans[2*g]:m.spans[2*g+1]]...)
		}
	}
	return out
}

// reEscape backslashes the characters that are special in patterns, as CPython 3.7+ does.
func reEscape(th *runtime.Thread, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
	var pat runtime.Value
	if err := runtime.UnpackArgs("escape", args, kw, "pattern", &pat); err != nil {
		return runtime.Value{}, err
	}
	const special = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"
	escape := func(s string) string {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if strings.IndexByte(special, s[i]) >= 0 {
				b.WriteByte('\\')
			}
			b.WriteByte(s[i])
		}
		return b.String()
	}
	switch o := pat.Object().(type) {
	case *runtime.Str:
		return str(escape(o.String())), nil
	case *runtime.Bytes, *runtime.ByteArray:
		b, _ := runtime.BytesLike(pat)
		return runtime.NewBytes(escape(b)), nil
	}
	return runtime.Value{}, runtime.TypeErrorf("expected str or bytes, got %s", typeName(pat))
}

// rxMatch is a match, re.Match.
type rxMatch struct {
	pat         *rxPattern
	text        *rxText
	spans       []int // start and end of each group, -1 when it did not match
	pos, endpos int
}

var matchType = newType("re", "Match", nil, map[string]method{
	"group": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		if err := noKwargs("group", kw); err != nil {
			return runtime.Value{}, err
		}
		m := asMatch(self)
		if len(args) == 0 {
			return m.groupValue(0, runtime.None), nil
		}
		items := make([]runtime.Value, len(args))
		for i, a := range args {
			g, err := m.groupIndex(a)
			if err != nil {
				return runtime.Value{}, err
			}
			items[i] = m.groupValue(g, runtime.None)
		}
		if len(items) == 1 {
			return items[0], nil
		}
		return runtime.NewTuple(items), nil
	},
	"__getitem__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var k runtime.Value
		if err := runtime.UnpackArgs("__getitem__", args, kw, "key", &k); err != nil {
			return runtime.Value{}, err
		}
		m := asMatch(self)
		g, err := m.groupIndex(k)
		if err != nil {
			return runtime.Value{}, err
		}
		return m.groupValue(g, runtime.None), nil
	},
	"groups": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		def := runtime.None
		if err := runtime.UnpackArgs("groups", args, kw, "default?", &def); err != nil {
			return runtime.Value{}, err
		}
		m := asMatch(self)
		items := make([]runtime.Value, m.pat.prog.groups)
		for g := range items {
			items[g] = m.groupValue(g+1, def)
		}
		return runtime.NewTuple(items), nil
	},
	"groupdict": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		def := runtime.None
		if err := runtime.UnpackArgs("groupdict", args, kw, "default?", &def); err != nil {
			return runtime.Value{}, err
		}
		m := asMatch(self)
		d := runtime.NewDict()
		for g := 1; g <= m.pat.prog.groups; g++ {
			if name := m.pat.groupName(g); name != "" {
				d.SetStr(name, m.groupValue(g, def))
			}
		}
		return runtime.Ref(d), nil
	},
	"start": matchSpan("start", func(i, j int) runtime.Value { return runtime.Int(int64(i)) }),
	"end":   matchSpan("end", func(i, j int) runtime.Value { return runtime.Int(int64(j)) }),
	"span": matchSpan("span", func(i, j int) runtime.Value {
		return runtime.NewTuple([]runtime.Value{runtime.Int(int64(i)), runtime.Int(int64(j))})
	}),
	"expand": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		var tmpl runtime.Value
		if err := runtime.UnpackArgs("expand", args, kw, "template", &tmpl); err != nil {
			return runtime.Value{}, err
		}
		m := asMatch(self)
		t, err := m.pat.parseTemplate(tmpl)
		if err != nil {
			return runtime.Value{}, err
		}
		r := t.expand(m)
		return (&rxText{runes: r, isBytes: m.text.isBytes}).slice(0, len(r)), nil
	},
	"__repr__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		m := asMatch(self)
		r, err := runtime.Repr(th, m.groupValue(0, runtime.None))
		if err != nil {
			return runtime.Value{}, err
		}
		return str("<re.Match object; span=(" + strconv.Itoa(m.spans[0]) + ", " + strconv.Itoa(m.spans[1]) + "), match=" + r + ">"), nil
	},
})

func init() { matchType.Final = true }

func (m *rxMatch) Type() *runtime.Class { return matchType }

func asMatch(v runtime.Value) *rxMatch { return v.Object().(*rxMatch) }

// Attr returns the match's data attributes.
func (m *rxMatch) Attr(name string) (runtime.Value, bool) {
	switch name {
	case "string":
		return m.text.v, true
	case "re":
		return runtime.Ref(m.pat), true
	case "pos":
		return runtime.Int(int64(m.pos)), true
	case "endpos":
		return runtime.Int(int64(m.endpos)), true
	case "lastindex":
		if g := m.lastIndex(); g > 0 {
			return runtime.Int(int64(g)), true
		}
		return runtime.None, true
	case "lastgroup":
		if name := m.pat.groupName(m.lastIndex()); name != "" {
			return str(name), true
		}
		return runtime.None, true
	case "regs":
		items := make([]runtime.Value, len(m.spans)/2)
		for g := range items {
			items[g] = runtime.NewTuple([]runtime.Value{runtime.Int(int64(m.spans[2*g])), runtime.Int(int64(m.spans[2*g+1]))})
		}
		return runtime.NewTuple(items), true
	}
	return runtime.Value{}, false
}

// lastIndex is the group that closed last: the matched group ending furthest, and of those
// the one whose ')' comes later in the pattern (an outer group closes after its inner ones).
func (m *rxMatch) lastIndex() int {
	best := 0
	for g := 1; g <= m.pat.prog.groups; g++ {
		if m.spans[2*g] < 0 {
			continue
		}
		if best == 0 || m.spans[2*g+1] > m.spans[2*best+1] ||
			(m.spans[2*g+1] == m.spans[2*best+1] && m.pat.prog.closes[g] > m.pat.prog.closes[best]) {
			best = g
		}
	}
	return best
}

// groupIndex resolves a group number or name.
func (m *rxMatch) groupIndex(v runtime.Value) (int, error) {
	if name, ok := runtime.AsStr(v); ok {
		if g, ok := m.pat.prog.names[name]; ok {
			return g, nil
		}
	} else if i, ok := runtime.AsInt64(v); ok && i >= 0 && i <= int64(m.pat.prog.groups) {
		return int(i), nil
	}
	return 0, runtime.IndexErrorf("no such group")
}

func matchSpan(name string, f func(i, j int) runtime.Value) method {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []runtime.Kwarg) (runtime.Value, error) {
		group := runtime.Int(0)
		if err := runtime.UnpackArgs(name, args, kw, "group?", &group); err != nil {
			return runtime.Value{}, err
		}
		m := asMatch(self)
		g, err := m.groupIndex(group)
		if err != nil {
			return runtime.Value{}, err
		}
		return f(m.spans[2*g], m.spans[2*g+1]), nil
	}
}
