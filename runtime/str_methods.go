package runtime

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The methods of str, and the algorithms str and bytes share. A str indexes by code point
// and a bytes object by byte; both are held as Go strings, so the shared code works on a
// text: the Go string plus its length in characters. When the two lengths agree (bytes, and
// ASCII strs) indices need no decoding.

// text is the contents of a str or bytes value.
type text struct {
	s string
	n int // length in characters
}

// offset returns the byte offset of character i (0 <= i <= n).
func (t text) offset(i int) int {
	if t.n == len(t.s) || i <= 0 {
		return i
	}
	if i >= t.n {
		return len(t.s)
	}
	for off := range t.s {
		if i == 0 {
			return off
		}
		i--
	}
	return len(t.s)
}

// index returns the character index of byte offset off.
func (t text) index(off int) int {
	if t.n == len(t.s) {
		return off
	}
	return utf8.RuneCountInString(t.s[:off])
}

// textKind holds what differs between the methods of str and bytes.
type textKind struct {
	cls      *Class
	wrap     func(string) Value
	unwrap   func(Value) (text, bool) // the contents of an argument of the same type
	decode   func(string) (rune, int)
	last     func(string) (rune, int) // decodes the last character
	space    func(rune) bool
	lineSep  func(r rune) bool // line boundaries for splitlines besides \r and \n
	notFound string            // the message of index() and rindex() failing
	// subError is the TypeError for a str or bytes argument of the wrong type; for str it
	// reads "<what>, not <type>".
	subError func(what string, v Value) error
}

var strKind = &textKind{
	cls:  StrType,
	wrap: NewStr,
	unwrap: func(v Value) (text, bool) {
		if s, ok := v.o.(*Str); ok {
			return text{s.s, s.Len()}, true
		}
		return text{}, false
	},
	decode: utf8.DecodeRuneInString,
	last:   utf8.DecodeLastRuneInString,
	space:  isSpace,
	lineSep: func(r rune) bool {
		return r == '\v' || r == '\f' || r >= 0x1c && r <= 0x1e || r == 0x85 || r == 0x2028 || r == 0x2029
	},
	notFound: "substring not found",
	subError: func(what string, v Value) error { return TypeErrorf("%s, not %s", what, v.Type().Name) },
}

// needText returns the contents of a str or bytes argument of the kind's own type.
func (k *textKind) needText(v Value, what string) (text, error) {
	if t, ok := k.unwrap(v); ok {
		return t, nil
	}
	return text{}, k.subError(what, v)
}

// posOnly checks a positional-only method of cls: CPython names the class when refusing
// keywords but not when counting arguments.
func posOnly(cls *Class, name string, args []Value, kw []Kwarg, lo, hi int) error {
	if len(kw) > 0 {
		return TypeErrorf("%s.%s() takes no keyword arguments", cls.Name, name)
	}
	return checkPositional(name, len(args), lo, hi)
}

// sliceBound reads an optional start or end argument (None or an index, big ints clamped).
func sliceBound(th *Thread, v Value, def int) (int, error) {
	if !v.IsValid() || v.IsNone() {
		return def, nil
	}
	i, err := clampedIndex(th, v)
	if err != nil && AsException(err).Matches(TypeErrorType) {
		err = TypeErrorf("slice indices must be integers or None or have an __index__ method")
	}
	return clampInt(i), err
}

// bounds resolves the optional start and end of find, count, startswith and the like, as
// CPython's ADJUST_INDICES: negative values count from the end; start may exceed n.
func (t text) bounds(th *Thread, args []Value) (int, int, error) {
	var sv, ev Value
	if len(args) > 0 {
		sv = args[0]
	}
	if len(args) > 1 {
		ev = args[1]
	}
	start, err := sliceBound(th, sv, 0)
	if err != nil {
		return 0, 0, err
	}
	end, err := sliceBound(th, ev, t.n)
	if err != nil {
		return 0, 0, err
	}
	if end > t.n {
		end = t.n
	} else if end < 0 {
		end = max(end+t.n, 0)
	}
	if start < 0 {
		start = max(start+t.n, 0)
	}
	return start, end, nil
}

// window returns the byte range of characters [start, end), or false if it is empty
// because start lies after end.
func (t text) window(start, end int) (string, int, bool) {
	if start > end {
		return "", 0, false
	}
	lo := t.offset(start)
	return t.s[lo:t.offset(end)], lo, true
}

// findArgs checks the arguments of find, index, count and their right-hand forms:
// sub[, start[, end]].
func (k *textKind) findArgs(name string, args []Value, kw []Kwarg) error {
	switch {
	case len(kw) > 0:
		return TypeErrorf("%s.%s() takes no keyword arguments", k.cls.Name, name)
	case len(args) < 1:
		return TypeErrorf("%s() takes at least 1 argument (0 given)", name)
	case len(args) > 3:
		return TypeErrorf("%s() takes at most 3 arguments (%d given)", name, len(args))
	}
	return nil
}

// find implements find, rfind, index and rindex.
func (k *textKind) find(th *Thread, t text, name string, args []Value, kw []Kwarg) (Value, error) {
	if err := k.findArgs(name, args, kw); err != nil {
		return Value{}, err
	}
	sub, err := k.needSub(args[0])
	if err != nil {
		return Value{}, err
	}
	start, end, err := t.bounds(th, args[1:])
	if err != nil {
		return Value{}, err
	}
	i := -1
	if w, lo, ok := t.window(start, end); ok {
		if name[0] == 'r' {
			i = strings.LastIndex(w, sub)
		} else {
			i = strings.Index(w, sub)
		}
		if i >= 0 {
			i = t.index(lo + i)
		}
	}
	if i < 0 && strings.HasSuffix(name, "index") {
		return Value{}, ValueErrorf("%s", k.notFound)
	}
	return Int(int64(i)), nil
}

// needSub reads the substring argument of find, count and in: for bytes an int is a byte.
func (k *textKind) needSub(v Value) (string, error) {
	if k == strKind {
		t, err := k.needText(v, "must be str")
		return t.s, err
	}
	return bytesSub(v)
}

func (k *textKind) count(th *Thread, t text, _ string, args []Value, kw []Kwarg) (Value, error) {
	if err := k.findArgs("count", args, kw); err != nil {
		return Value{}, err
	}
	sub, err := k.needSub(args[0])
	if err != nil {
		return Value{}, err
	}
	start, end, err := t.bounds(th, args[1:])
	if err != nil {
		return Value{}, err
	}
	w, _, ok := t.window(start, end)
	switch {
	case !ok:
		return Int(0), nil
	case sub == "":
		return Int(int64(end - start + 1)), nil
	}
	return Int(int64(strings.Count(w, sub))), nil
}

// affix implements startswith and endswith.
func (k *textKind) affix(th *Thread, t text, name string, args []Value, kw []Kwarg) (Value, error) {
	if err := k.findArgs(name, args, kw); err != nil {
		return Value{}, err
	}
	start, end, err := t.bounds(th, args[1:])
	if err != nil {
		return Value{}, err
	}
	w, _, ok := t.window(start, end)
	match := func(v Value, bad func(v Value) error) (bool, error) {
		a, found := k.unwrap(v)
		if !found {
			return false, bad(v)
		}
		if name == "startswith" {
			return ok && strings.HasPrefix(w, a.s), nil
		}
		return ok && strings.HasSuffix(w, a.s), nil
	}
	tname := k.cls.Name
	if k == byteArrayKind {
		tname = "bytes" // as CPython's message has it
	}
	tup, isTuple := args[0].o.(*Tuple)
	if !isTuple {
		r, err := match(args[0], func(v Value) error {
			return TypeErrorf("%s first arg must be %s or a tuple of %s, not %s", name, tname, tname, v.Type().Name)
		})
		return Bool(r), err
	}
	for _, it := range tup.Items {
		r, err := match(it, func(v Value) error {
			return k.subError("tuple for "+name+" must only contain str", v)
		})
		if err != nil || r {
			return Bool(r), err
		}
	}
	return False, nil
}

// split implements split and rsplit.
func (k *textKind) split(th *Thread, t text, name string, args []Value, kw []Kwarg) (Value, error) {
	if err := rejectKwargs(name, kw, "sep", "maxsplit"); err != nil {
		return Value{}, err
	}
	var sepv, maxv Value
	if err := UnpackArgs(name, args, kw, "sep?", &sepv, "maxsplit?", &maxv); err != nil {
		return Value{}, err
	}
	limit := int64(-1)
	if maxv.IsValid() {
		var err error
		if limit, err = toIndex(th, maxv); err != nil {
			return Value{}, err
		}
	}
	if limit < 0 {
		limit = 1 << 62
	}
	var parts []string
	reverse := name == "rsplit"
	if !sepv.IsValid() || sepv.IsNone() {
		parts = k.splitSpace(t.s, int(limit), reverse)
	} else {
		sep, err := k.needText(sepv, "must be str or None")
		if err != nil {
			return Value{}, err
		}
		if sep.s == "" {
			return Value{}, ValueErrorf("empty separator")
		}
		switch {
		case reverse:
			parts = rsplitN(t.s, sep.s, int(limit))
		case k == strKind && limit >= 1<<30:
			return NewList(SplitStr(t.s, sep.s, t.n == len(t.s))), nil
		default:
			parts = strings.SplitN(t.s, sep.s, int(min(limit, 1<<30))+1)
		}
	}
	return k.list(parts), nil
}

// list wraps Go strings as a list of str or bytes.
func (k *textKind) list(parts []string) Value { return NewList(k.values(parts)) }

func (k *textKind) values(parts []string) []Value {
	if k == strKind {
		return NewStrs(parts)
	}
	items := make([]Value, len(parts))
	for i, p := range parts {
		items[i] = k.wrap(p)
	}
	return items
}

// rsplitN splits at the last limit occurrences of sep.
func rsplitN(s, sep string, limit int) []string {
	var parts []string
	for limit > 0 {
		i := strings.LastIndex(s, sep)
		if i < 0 {
			break
		}
		parts = append(parts, s[i+len(sep):])
		s = s[:i]
		limit--
	}
	parts = append(parts, s)
	reverseStrings(parts)
	return parts
}

func reverseStrings(a []string) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

// splitSpace splits at runs of whitespace, at most limit times, from the left or the right.
// The unsplit remainder keeps its whitespace on the far side, as in CPython.
func (k *textKind) splitSpace(s string, limit int, reverse bool) []string {
	var parts []string
	trim := func(s string) string { return k.trim(s, !reverse, reverse, k.space) }
	for s = trim(s); s != ""; s = trim(s) {
		if len(parts) == limit {
			parts = append(parts, s)
			break
		}
		i := k.scan(s, reverse, k.space)
		if reverse {
			parts, s = append(parts, s[i:]), s[:i]
		} else {
			parts, s = append(parts, s[:i]), s[i:]
		}
	}
	if reverse {
		reverseStrings(parts)
	}
	return parts
}

// scan returns the byte offset where the first (or, in reverse, after the last) character
// satisfying stop lies, or the far end of s.
func (k *textKind) scan(s string, reverse bool, stop func(rune) bool) int {
	if reverse {
		i := len(s)
		for i > 0 {
			r, n := k.last(s[:i])
			if stop(r) {
				return i
			}
			i -= n
		}
		return 0
	}
	i := 0
	for i < len(s) {
		r, n := k.decode(s[i:])
		if stop(r) {
			return i
		}
		i += n
	}
	return len(s)
}

// trim removes characters satisfying drop from the left and/or right of s.
func (k *textKind) trim(s string, left, right bool, drop func(rune) bool) string {
	keep := func(r rune) bool { return !drop(r) }
	if left {
		s = s[k.scan(s, false, keep):]
	}
	if right {
		s = s[:k.scan(s, true, keep)]
	}
	return s
}

// strip implements strip, lstrip and rstrip.
func (k *textKind) strip(_ *Thread, t text, name string, args []Value, kw []Kwarg) (Value, error) {
	if err := posOnly(k.cls, name, args, kw, 0, 1); err != nil {
		return Value{}, err
	}
	drop := k.space
	if len(args) == 1 && !args[0].IsNone() {
		chars, ok := k.unwrap(args[0])
		if !ok && k == strKind {
			return Value{}, TypeErrorf("strip arg must be None or str")
		} else if !ok {
			return Value{}, k.subError("", args[0])
		}
		drop = func(r rune) bool { return k.scan(chars.s, false, func(c rune) bool { return c == r }) < len(chars.s) }
	}
	return k.wrap(k.trim(t.s, name != "rstrip", name != "lstrip", drop)), nil
}

// partition implements partition and rpartition.
func (k *textKind) partition(_ *Thread, t text, name string, args []Value, kw []Kwarg) (Value, error) {
	v, err := oneArg(k.cls.Name+"."+name, args, kw)
	if err != nil {
		return Value{}, err
	}
	sep, err := k.needText(v, "must be str")
	if err != nil {
		return Value{}, err
	}
	if sep.s == "" {
		return Value{}, ValueErrorf("empty separator")
	}
	var i int
	if name == "partition" {
		i = strings.Index(t.s, sep.s)
	} else {
		i = strings.LastIndex(t.s, sep.s)
	}
	parts := []string{t.s, "", ""}
	if i >= 0 {
		parts = []string{t.s[:i], sep.s, t.s[i+len(sep.s):]}
	} else if name == "rpartition" {
		parts = []string{"", "", t.s}
	}
	items := k.values(parts)
	if i >= 0 && k != byteArrayKind {
		items[1] = v // an immutable type returns the separator object itself, as CPython
	}
	return NewTuple(items), nil
}

func (k *textKind) replace(th *Thread, t text, _ string, args []Value, kw []Kwarg) (Value, error) {
	if err := posOnly(k.cls, "replace", args, kw, 2, 3); err != nil {
		return Value{}, err
	}
	old, err := k.needText(args[0], "replace() argument 1 must be str")
	if err != nil {
		return Value{}, err
	}
	repl, err := k.needText(args[1], "replace() argument 2 must be str")
	if err != nil {
		return Value{}, err
	}
	count := int64(-1)
	if len(args) == 3 {
		if count, err = toIndex(th, args[2]); err != nil {
			return Value{}, err
		}
	}
	if count < 0 || count > 1<<30 {
		count = -1
	}
	if old.s != "" {
		return k.wrap(strings.Replace(t.s, old.s, repl.s, int(count))), nil
	}
	// An empty pattern matches before every character and at the end.
	var b strings.Builder
	s := t.s
	for ; count != 0 && s != ""; count-- {
		_, n := k.decode(s)
		b.WriteString(repl.s + s[:n])
		s = s[n:]
	}
	if count != 0 {
		b.WriteString(repl.s)
	}
	b.WriteString(s)
	return k.wrap(b.String()), nil
}

// justify implements center, ljust and rjust.
func (k *textKind) justify(th *Thread, t text, name string, args []Value, kw []Kwarg) (Value, error) {
	if err := posOnly(k.cls, name, args, kw, 1, 2); err != nil {
		return Value{}, err
	}
	width, err := toIndex(th, args[0])
	if err != nil {
		return Value{}, err
	}
	fill := " "
	if len(args) == 2 {
		if fill, err = k.fillChar(name, args[1]); err != nil {
			return Value{}, err
		}
	}
	marg := int(width) - t.n
	if marg <= 0 {
		return k.wrap(t.s), nil
	}
	if width > maxFieldSize {
		return Value{}, errTooBig()
	}
	left := 0
	switch name {
	case "center":
		left = marg/2 + (marg & int(width) & 1)
	case "rjust":
		left = marg
	}
	return k.wrap(strings.Repeat(fill, left) + t.s + strings.Repeat(fill, marg-left)), nil
}

// fillChar checks the fill character argument of center, ljust and rjust.
func (k *textKind) fillChar(name string, v Value) (string, error) {
	f, ok := k.unwrap(v)
	switch {
	case k != strKind && (!ok || f.n != 1):
		return "", TypeErrorf("%s() argument 2 must be a byte string of length 1, not %s", name, v.Type().Name)
	case !ok:
		return "", TypeErrorf("The fill character must be a unicode character, not %s", v.Type().Name)
	case f.n != 1:
		return "", TypeErrorf("The fill character must be exactly one character long")
	}
	return f.s, nil
}

func (k *textKind) zfill(th *Thread, t text, _ string, args []Value, kw []Kwarg) (Value, error) {
	v, err := oneArg(k.cls.Name+".zfill", args, kw)
	if err != nil {
		return Value{}, err
	}
	width, err := toIndex(th, v)
	if err != nil || int(width) <= t.n {
		return k.wrap(t.s), err
	}
	if width > maxFieldSize {
		return Value{}, errTooBig()
	}
	zeros := strings.Repeat("0", int(width)-t.n)
	if t.s != "" && (t.s[0] == '+' || t.s[0] == '-') {
		return k.wrap(t.s[:1] + zeros + t.s[1:]), nil
	}
	return k.wrap(zeros + t.s), nil
}

func (k *textKind) expandtabs(th *Thread, t text, _ string, args []Value, kw []Kwarg) (Value, error) {
	var sizev Value
	if err := rejectKwargs("expandtabs", kw, "tabsize"); err != nil {
		return Value{}, err
	}
	if err := UnpackArgs("expandtabs", args, kw, "tabsize?", &sizev); err != nil {
		return Value{}, err
	}
	size := int64(8)
	if sizev.IsValid() {
		var err error
		if size, err = toIndex(th, sizev); err != nil {
			return Value{}, err
		}
	}
	var b strings.Builder
	col := 0
	for s := t.s; s != ""; {
		r, n := k.decode(s)
		switch {
		case r == '\t':
			if b.Len()+int(min(size, maxFieldSize)) > maxFieldSize {
				return Value{}, errTooBig()
			}
			if size > 0 {
				pad := int(size) - col%int(size)
				b.WriteString(strings.Repeat(" ", pad))
				col += pad
			}
		case r == '\n' || r == '\r':
			b.WriteString(s[:n])
			col = 0
		default:
			b.WriteString(s[:n])
			col++
		}
		s = s[n:]
	}
	return k.wrap(b.String()), nil
}

func (k *textKind) splitlines(th *Thread, t text, _ string, args []Value, kw []Kwarg) (Value, error) {
	var keepv Value
	if err := rejectKwargs("splitlines", kw, "keepends"); err != nil {
		return Value{}, err
	}
	if err := UnpackArgs("splitlines", args, kw, "keepends?", &keepv); err != nil {
		return Value{}, err
	}
	keep := false
	if keepv.IsValid() {
		i, err := toIndex(th, keepv)
		if err != nil {
			return Value{}, err
		}
		keep = i != 0
	}
	var parts []string
	s := t.s
	for s != "" {
		i := k.scan(s, false, func(r rune) bool { return r == '\n' || r == '\r' || k.lineSep(r) })
		if i == len(s) {
			parts = append(parts, s)
			break
		}
		_, n := k.decode(s[i:])
		if strings.HasPrefix(s[i:], "\r\n") {
			n = 2
		}
		if keep {
			parts = append(parts, s[:i+n])
		} else {
			parts = append(parts, s[:i])
		}
		s = s[i+n:]
	}
	return k.list(parts), nil
}

func (k *textKind) join(th *Thread, t text, _ string, args []Value, kw []Kwarg) (Value, error) {
	v, err := oneArg(k.cls.Name+".join", args, kw)
	if err != nil {
		return Value{}, err
	}
	items, err := ToSlice(th, v)
	if err != nil {
		if AsException(err).Matches(TypeErrorType) {
			return Value{}, TypeErrorf("can only join an iterable")
		}
		return Value{}, err
	}
	parts := make([]string, len(items))
	for i, it := range items {
		p, ok := k.unwrap(it)
		if !ok {
			want := "str instance"
			if k != strKind {
				want = "a bytes-like object"
			}
			return Value{}, TypeErrorf("sequence item %d: expected %s, %s found", i, want, it.Type().Name)
		}
		parts[i] = p.s
	}
	return k.wrap(strings.Join(parts, t.s)), nil
}

// removeAffix implements removeprefix and removesuffix.
func (k *textKind) removeAffix(_ *Thread, t text, name string, args []Value, kw []Kwarg) (Value, error) {
	v, err := oneArg(k.cls.Name+"."+name, args, kw)
	if err != nil {
		return Value{}, err
	}
	a, err := k.needText(v, name+"() argument must be str")
	if err != nil {
		return Value{}, err
	}
	if name == "removeprefix" {
		return k.wrap(strings.TrimPrefix(t.s, a.s)), nil
	}
	return k.wrap(strings.TrimSuffix(t.s, a.s)), nil
}

// sharedMethods are the methods str and bytes implement alike.
var sharedMethods = map[string]func(k *textKind, th *Thread, t text, name string, args []Value, kw []Kwarg) (Value, error){
	"find": (*textKind).find, "rfind": (*textKind).find, "index": (*textKind).find, "rindex": (*textKind).find,
	"count": (*textKind).count, "startswith": (*textKind).affix, "endswith": (*textKind).affix,
	"split": (*textKind).split, "rsplit": (*textKind).split,
	"strip": (*textKind).strip, "lstrip": (*textKind).strip, "rstrip": (*textKind).strip,
	"partition": (*textKind).partition, "rpartition": (*textKind).partition,
	"replace": (*textKind).replace, "zfill": (*textKind).zfill,
	"center": (*textKind).justify, "ljust": (*textKind).justify, "rjust": (*textKind).justify,
	"expandtabs": (*textKind).expandtabs, "splitlines": (*textKind).splitlines, "join": (*textKind).join,
	"removeprefix": (*textKind).removeAffix, "removesuffix": (*textKind).removeAffix,
}

// register adds the shared methods, the transformations and the predicates: ones that
// hold when every character passes (and for an empty text only if named in emptyTrue),
// and the case predicates islower, isupper and istitle.
func (k *textKind) register(transforms map[string]func(string) string, predicates map[string]func(rune) bool,
	cases caseState, emptyTrue ...string) {
	for name, m := range sharedMethods {
		strip := stripSides(name)
		k.cls.AddMethod(name, func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
			if strip != 0 && len(args) == 0 && len(kw) == 0 {
				if r, ok := stripASCII(self, strip); ok {
					return r, nil
				}
			}
			t, _ := k.unwrap(self)
			return m(k, th, t, name, args, kw)
		})
	}
	contents := func(self Value) string { t, _ := k.unwrap(self); return t.s }
	methods := map[string]func(*Thread, Value) (Value, error){}
	for name, f := range transforms {
		methods[name] = func(_ *Thread, self Value) (Value, error) {
			s := contents(self)
			if r := f(s); !sameString(r, s) {
				return k.wrap(r), nil
			}
			return self, nil // unchanged: strings are immutable, so the same one will do
		}
	}
	for name, p := range predicates {
		empty := slices.Contains(emptyTrue, name)
		methods[name] = func(_ *Thread, self Value) (Value, error) {
			s := contents(self)
			if s == "" {
				return Bool(empty), nil
			}
			return Bool(k.scan(s, false, func(r rune) bool { return !p(r) }) == len(s)), nil
		}
	}
	for name, f := range map[string]func(string) bool{"islower": cases.isLower, "isupper": cases.isUpper, "istitle": cases.isTitle} {
		methods[name] = func(_ *Thread, self Value) (Value, error) { return Bool(f(contents(self))), nil }
	}
	methods["__hash__"] = hashMethod
	noArgMethods(k.cls, methods)
}

// caseState decides islower, isupper and istitle from per-character case predicates. Bytes
// are walked as runes too: a non-ASCII byte decodes to an uncased character, as it is in
// bytes.
type caseState struct{ lower, upper, title func(rune) bool }

func (c caseState) isLower(s string) bool {
	cased := false
	for _, r := range s {
		if c.upper(r) || c.title(r) {
			return false
		}
		cased = cased || c.lower(r)
	}
	return cased
}

func (c caseState) isUpper(s string) bool {
	return caseState{c.upper, c.lower, c.title}.isLower(s)
}

// isTitle: upper and title case characters only after uncased ones, lower case only after
// cased ones, and at least one cased character.
func (c caseState) isTitle(s string) bool {
	cased, prevCased := false, false
	for _, r := range s {
		switch {
		case c.upper(r) || c.title(r):
			if prevCased {
				return false
			}
			prevCased, cased = true, true
		case c.lower(r):
			if !prevCased {
				return false
			}
			prevCased, cased = true, true
		default:
			prevCased = false
		}
	}
	return cased
}

func init() {
	StrType.New = strNew
	strKind.register(map[string]func(string) string{
		"upper":      strUpper,
		"lower":      strLower,
		"casefold":   strCasefold,
		"swapcase":   strSwapcase,
		"title":      func(s string) string { return strTitle(s, false) },
		"capitalize": func(s string) string { return strTitle(s, true) },
	}, map[string]func(rune) bool{
		"isalnum":     isAlnumChar,
		"isalpha":     unicode.IsLetter,
		"isascii":     func(r rune) bool { return r < utf8.RuneSelf },
		"isdecimal":   isDecimal,
		"isdigit":     isDigit,
		"isnumeric":   isNumeric,
		"isprintable": isPrintable,
		"isspace":     isSpace,
	}, caseState{isLower, isUpper, unicode.IsTitle}, "isascii", "isprintable")
	s := StrType
	noArgMethods(s, map[string]func(*Thread, Value) (Value, error){
		"isidentifier": func(_ *Thread, self Value) (Value, error) { return Bool(isIdentifier(self.o.(*Str).s)), nil },
		"__str__":      func(_ *Thread, self Value) (Value, error) { return self, nil },
	})
	s.AddMethod("encode", strEncode)
	s.AddMethod("format", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		r, err := FormatStr(th, self.o.(*Str).s, args, kw)
		return NewStr(r), err
	})
	s.AddMethod("format_map", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		m, err := oneArg("str.format_map", args, kw)
		if err != nil {
			return Value{}, err
		}
		r, err := formatMap(th, self.o.(*Str).s, m)
		return NewStr(r), err
	})
	s.AddMethod("translate", strTranslate)
	s.Dict.SetStr("maketrans", Ref(&StaticMethod{Fn: NewBuiltin("maketrans", strMaketrans)}))
	addDunders(s, "__len__", "__iter__", "__getitem__", "__contains__", "__eq__", "__ne__", "__lt__", "__le__",
		"__gt__", "__ge__", "__add__", "__mul__", "__rmul__", "__mod__")
}

func isIdentifier(s string) bool {
	for i, r := range s {
		if i == 0 && !isIDStart(r) || !isIDContinue(r) {
			return false
		}
	}
	return s != ""
}

// strNew is str(object=”) and str(bytes, encoding='utf-8', errors='strict').
func strNew(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	if len(args) == 1 && len(kw) == 0 {
		switch args[0].o.(type) {
		case intTag:
			return IntStr(int64(args[0].n)), nil
		case *Str:
			return args[0], nil // str(s) is s itself, as in CPython
		}
	}
	if err := rejectKwargs("str", kw, "object", "encoding", "errors"); err != nil {
		return Value{}, err
	}
	var obj, encv, errv Value
	if err := UnpackArgs("str", args, kw, "object?", &obj, "encoding?", &encv, "errors?", &errv); err != nil {
		return Value{}, err
	}
	if !obj.IsValid() {
		return NewStr(""), nil
	}
	if !encv.IsValid() && !errv.IsValid() {
		s, err := ToStr(th, obj)
		return NewStr(s), err
	}
	encoding, err := optString("str", "encoding", encv, "utf-8")
	if err != nil {
		return Value{}, err
	}
	errors, err := optString("str", "errors", errv, "strict")
	if err != nil {
		return Value{}, err
	}
	b, ok := BytesLike(obj)
	if !ok {
		return Value{}, TypeErrorf("decoding to str: need a bytes-like object, %s found", obj.Type().Name)
	}
	s, err := DecodeBytes(b, encoding, errors)
	return NewStr(s), err
}

// optString reads an optional str argument, def when it is absent.
func optString(fname, pname string, v Value, def string) (string, error) {
	if !v.IsValid() {
		return def, nil
	}
	s, ok := AsStr(v)
	if !ok {
		return "", argTypeError(fname, pname, "str", v)
	}
	return s, nil
}

// strEncode is str.encode(encoding='utf-8', errors='strict').
func strEncode(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	encoding, errors := "utf-8", "strict"
	if err := UnpackArgs("encode", args, kw, "encoding?", &encoding, "errors?", &errors); err != nil {
		return Value{}, err
	}
	b, err := encodeStr(self.o.(*Str).s, encoding, errors)
	return NewBytes(b), err
}

// strTranslate is str.translate(table): each character is looked up in table by code point;
// a missing one stays, None deletes it, an int or str replaces it.
func strTranslate(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	table, err := oneArg("str.translate", args, kw)
	if err != nil {
		return Value{}, err
	}
	var b strings.Builder
	for _, r := range self.o.(*Str).s {
		v, err := GetItem(th, table, Int(int64(r)))
		if err != nil {
			if AsException(err).Matches(LookupErrorType) {
				b.WriteRune(r)
				continue
			}
			return Value{}, err
		}
		switch o := v.o.(type) {
		case noneTag:
		case *Str:
			b.WriteString(o.s)
		case intTag:
			c := int64(v.n)
			if c < 0 || c > utf8.MaxRune {
				return Value{}, ValueErrorf("character mapping must be in range(0x110000)")
			}
			b.WriteRune(rune(c))
		default:
			return Value{}, TypeErrorf("character mapping must return integer, None or str")
		}
	}
	return NewStr(b.String()), nil
}

// strMaketrans is str.maketrans(x[, y[, z]]).
func strMaketrans(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := posOnly(StrType, "maketrans", args, kw, 1, 3); err != nil {
		return Value{}, err
	}
	d := NewDict()
	if len(args) == 1 {
		src, ok := args[0].o.(*Dict)
		if !ok {
			return Value{}, TypeErrorf("if you give only one argument to maketrans it must be a dict")
		}
		var err error
		src.Items(func(k, v Value) bool {
			switch o := k.o.(type) {
			case *Str:
				if o.Len() != 1 {
					err = ValueErrorf("string keys in translate table must be of length 1")
					return false
				}
				r, _ := utf8.DecodeRuneInString(o.s)
				k = Int(int64(r))
			case intTag, boolTag, *BigInt:
			default:
				err = TypeErrorf("keys in translate table must be strings or integers")
				return false
			}
			err = d.Set(th, k, v)
			return err == nil
		})
		return Ref(d), err
	}
	strs := make([]string, len(args))
	for i := 1; i < len(args); i++ {
		s, ok := AsStr(args[i])
		if !ok {
			return Value{}, TypeErrorf("maketrans() argument %d must be str, not %s", i+1, args[i].Type().Name)
		}
		strs[i] = s
	}
	x, ok := AsStr(args[0])
	if !ok {
		return Value{}, TypeErrorf("first maketrans argument must be a string if there is a second argument")
	}
	from, to := []rune(x), []rune(strs[1])
	if len(from) != len(to) {
		return Value{}, ValueErrorf("the first two maketrans arguments must have equal length")
	}
	for i, r := range from {
		if err := d.Set(th, Int(int64(r)), Int(int64(to[i]))); err != nil {
			return Value{}, err
		}
	}
	if len(args) == 3 {
		for _, r := range strs[2] {
			if err := d.Set(th, Int(int64(r)), None); err != nil {
				return Value{}, err
			}
		}
	}
	return Ref(d), nil
}
