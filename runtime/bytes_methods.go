package runtime

import (
	"strings"
)

// The bytes constructor and methods. Most methods are shared with str (str_methods.go);
// bytes treat only ASCII letters as cased and only ASCII whitespace as space.

var bytesKind = &textKind{
	cls:  BytesType,
	wrap: NewBytes,
	unwrap: func(v Value) (text, bool) {
		if b, ok := v.o.(*Bytes); ok {
			return text{b.s, len(b.s)}, true
		}
		return text{}, false
	},
	decode:   func(s string) (rune, int) { return rune(s[0]), 1 },
	last:     func(s string) (rune, int) { return rune(s[len(s)-1]), 1 },
	space:    isASCIISpace,
	lineSep:  func(rune) bool { return false },
	notFound: "subsection not found",
	subError: func(_ string, v Value) error { return bytesLikeError(v) },
}

func bytesLikeError(v Value) error {
	return TypeErrorf("a bytes-like object is required, not '%s'", v.Type().Name)
}

func isASCIISpace(r rune) bool { return r == ' ' || r >= '\t' && r <= '\r' }

func isASCIILower(r rune) bool { return r >= 'a' && r <= 'z' }

func isASCIIUpper(r rune) bool { return r >= 'A' && r <= 'Z' }

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func isASCIIAlpha(r rune) bool { return isASCIILower(r) || isASCIIUpper(r) }

// asciiMap applies f to each byte.
func asciiMap(s string, f func(c byte) byte) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = f(c)
	}
	return string(b)
}

func asciiToUpper(c byte) byte {
	if isASCIILower(rune(c)) {
		return c - 'a' + 'A'
	}
	return c
}

func asciiToLower(c byte) byte {
	if isASCIIUpper(rune(c)) {
		return c - 'A' + 'a'
	}
	return c
}

func asciiSwapcase(c byte) byte {
	if isASCIILower(rune(c)) {
		return asciiToUpper(c)
	}
	return asciiToLower(c)
}

// asciiTitle is bytes.title, or bytes.capitalize when first is set.
func asciiTitle(s string, first bool) string {
	b := []byte(s)
	prevCased := false
	for i, c := range b {
		if prevCased || first && i > 0 {
			b[i] = asciiToLower(c)
		} else {
			b[i] = asciiToUpper(c)
		}
		prevCased = isASCIIAlpha(rune(c))
	}
	return string(b)
}

// bytesSub reads the argument of find, count and index: bytes, or an int naming one byte.
func bytesSub(v Value) (string, error) {
	if b, ok := v.o.(*Bytes); ok {
		return b.s, nil
	}
	if i, ok := AsInt64(v); ok || IsInt(v) {
		if !ok || i < 0 || i > 255 {
			return "", ValueErrorf("byte must be in range(0, 256)")
		}
		return string([]byte{byte(i)}), nil
	}
	return "", TypeErrorf("argument should be integer or bytes-like object, not '%s'", v.Type().Name)
}

// bytesContains is x in b.
func bytesContains(b *Bytes, x Value) (bool, error) {
	if IsInt(x) {
		sub, err := bytesSub(x)
		return err == nil && strings.Contains(b.s, sub), err
	}
	sub, ok := x.o.(*Bytes)
	if !ok {
		return false, bytesLikeError(x)
	}
	return strings.Contains(b.s, sub.s), nil
}

func init() {
	BytesType.New = bytesNew
	bytesKind.register(map[string]func(string) string{
		"upper":      func(s string) string { return asciiMap(s, asciiToUpper) },
		"lower":      func(s string) string { return asciiMap(s, asciiToLower) },
		"swapcase":   func(s string) string { return asciiMap(s, asciiSwapcase) },
		"title":      func(s string) string { return asciiTitle(s, false) },
		"capitalize": func(s string) string { return asciiTitle(s, true) },
	}, map[string]func(rune) bool{
		"isalnum": func(r rune) bool { return isASCIIAlpha(r) || isASCIIDigit(r) },
		"isalpha": isASCIIAlpha,
		"isascii": func(r rune) bool { return r < 0x80 },
		"isdigit": isASCIIDigit,
		"isspace": isASCIISpace,
	}, caseState{isASCIILower, isASCIIUpper, func(rune) bool { return false }}, "isascii")
	b := BytesType
	b.AddMethod("decode", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		encoding, errors := "utf-8", "strict"
		if err := UnpackArgs("decode", args, kw, "encoding?", &encoding, "errors?", &errors); err != nil {
			return Value{}, err
		}
		s, err := decodeBytes(self.o.(*Bytes).s, encoding, errors)
		return NewStr(s), err
	})
	noArgMethods(b, map[string]func(*Thread, Value) (Value, error){
		"__bytes__": func(_ *Thread, self Value) (Value, error) { return self, nil },
	})
	b.AddMethod("hex", bytesHex)
	addClassMethod(b, "fromhex", bytesFromHex)
	b.Dict.SetStr("maketrans", Ref(&StaticMethod{Fn: NewBuiltin("maketrans", bytesMaketrans)}))
	b.AddMethod("translate", bytesTranslate)
	b.AddMethod("__contains__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg("bytes.__contains__", args, kw)
		if err != nil {
			return Value{}, err
		}
		ok, err := bytesContains(self.o.(*Bytes), x)
		return Bool(ok), err
	})
	addDunders(b, "__len__", "__iter__", "__getitem__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__",
		"__ge__", "__add__", "__mul__", "__rmul__")
}

// bytesNew is bytes(source=b”, encoding, errors).
func bytesNew(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	var src, encv, errv Value
	if err := UnpackArgs("bytes", args, kw, "source?", &src, "encoding?", &encv, "errors?", &errv); err != nil {
		return Value{}, err
	}
	s, isStr := AsStr(src)
	switch {
	case !src.IsValid() && !encv.IsValid() && !errv.IsValid():
		return NewBytes(""), nil
	case isStr && !encv.IsValid():
		return Value{}, TypeErrorf("string argument without an encoding")
	case !isStr && encv.IsValid():
		return Value{}, TypeErrorf("encoding without a string argument")
	case !isStr && errv.IsValid():
		return Value{}, TypeErrorf("errors without a string argument")
	case isStr:
		encoding, err := optString("bytes", "encoding", encv, "utf-8")
		if err != nil {
			return Value{}, err
		}
		errors, err := optString("bytes", "errors", errv, "strict")
		if err != nil {
			return Value{}, err
		}
		r, err := encodeStr(s, encoding, errors)
		return NewBytes(r), err
	}
	r, err := bytesOf(th, src)
	return NewBytes(r), err
}

// bytesOf is the contents of bytes(v) for a non-str v: a bytes object, __bytes__, a count
// of zero bytes, or an iterable of ints in range(256).
func bytesOf(th *Thread, v Value) (string, error) {
	if b, ok := v.o.(*Bytes); ok {
		return b.s, nil
	}
	if r, found, err := CallMethod(th, v, "__bytes__"); found || err != nil {
		if err != nil {
			return "", err
		}
		b, ok := r.o.(*Bytes)
		if !ok {
			return "", TypeErrorf("__bytes__ returned non-bytes (type %s)", r.Type().Name)
		}
		return b.s, nil
	}
	if n, ok, err := Index(th, v); ok || err != nil {
		if err == nil && n < 0 {
			err = ValueErrorf("negative count")
		}
		if err != nil {
			return "", err
		}
		return strings.Repeat("\x00", int(n)), nil
	}
	if _, isStr := AsStr(v); isStr {
		return "", TypeErrorf("cannot convert 'str' object to bytes")
	}
	items, err := ToSlice(th, v)
	if err != nil {
		if AsException(err).Matches(TypeErrorType) {
			return "", TypeErrorf("cannot convert '%s' object to bytes", v.Type().Name)
		}
		return "", err
	}
	out := make([]byte, len(items))
	for i, it := range items {
		n, err := toIndex(th, it)
		if err != nil {
			return "", err
		}
		if n < 0 || n > 255 {
			return "", ValueErrorf("bytes must be in range(0, 256)")
		}
		out[i] = byte(n)
	}
	return string(out), nil
}

// bytesHex is bytes.hex(sep=<none>, bytes_per_sep=1): groups of bytes_per_sep bytes
// counted from the right (from the left when negative) separated by sep.
func bytesHex(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	var sepv Value
	per := 1
	if err := UnpackArgs("hex", args, kw, "sep?", &sepv, "bytes_per_sep?", &per); err != nil {
		return Value{}, err
	}
	data := self.o.(*Bytes).s
	digits := make([]string, len(data))
	for i := 0; i < len(data); i++ {
		digits[i] = hex2(data[i])
	}
	if !sepv.IsValid() || per == 0 || len(data) == 0 {
		return NewStr(strings.Join(digits, "")), nil
	}
	var sep string
	switch o := sepv.o.(type) {
	case *Str:
		sep = o.s
	case *Bytes:
		sep = o.s
	default:
		return Value{}, TypeErrorf("sep must be str or bytes.")
	}
	if len([]rune(sep)) != 1 {
		return Value{}, ValueErrorf("sep must be length 1.")
	}
	var groups []string
	if per > 0 {
		for end := len(digits); end > 0; end -= per {
			groups = append(groups, strings.Join(digits[max(end-per, 0):end], ""))
		}
		reverseStrings(groups)
	} else {
		for start := 0; start < len(digits); start -= per {
			groups = append(groups, strings.Join(digits[start:min(start-per, len(digits))], ""))
		}
	}
	return NewStr(strings.Join(groups, sep)), nil
}

// bytesFromHex is bytes.fromhex(string): pairs of hex digits, whitespace between pairs.
func bytesFromHex(th *Thread, cls Value, args []Value, kw []Kwarg) (Value, error) {
	v, err := oneArg("bytes.fromhex", args, kw)
	if err != nil {
		return Value{}, err
	}
	s, ok := AsStr(v)
	if !ok {
		return Value{}, TypeErrorf("fromhex() argument must be str, not %s", v.Type().Name)
	}
	var out []byte
	for i := 0; i < len(s); {
		if isASCIISpace(rune(s[i])) {
			i++
			continue
		}
		for j := i; j < i+2; j++ {
			if j >= len(s) || digitValue(s[j]) > 15 {
				return Value{}, ValueErrorf("non-hexadecimal number found in fromhex() arg at position %d", j)
			}
		}
		out = append(out, byte(digitValue(s[i])<<4|digitValue(s[i+1])))
		i += 2
	}
	return NewBytes(string(out)), nil
}

// bytesMaketrans is bytes.maketrans(frm, to): a 256-byte table mapping frm's bytes to to's.
func bytesMaketrans(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := posOnly(BytesType, "maketrans", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	var pair [2]string
	for i, a := range args {
		b, ok := a.o.(*Bytes)
		if !ok {
			return Value{}, bytesLikeError(a)
		}
		pair[i] = b.s
	}
	if len(pair[0]) != len(pair[1]) {
		return Value{}, ValueErrorf("maketrans arguments must have same length")
	}
	table := make([]byte, 256)
	for i := range table {
		table[i] = byte(i)
	}
	for i := 0; i < len(pair[0]); i++ {
		table[pair[0][i]] = pair[1][i]
	}
	return NewBytes(string(table)), nil
}

// bytesTranslate is bytes.translate(table, /, delete=b”).
func bytesTranslate(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	if err := rejectKwargs("translate", kw, "delete"); err != nil {
		return Value{}, err
	}
	var table, del Value
	if err := UnpackArgs("translate", args, kw, "table", &table, "delete?", &del); err != nil {
		return Value{}, err
	}
	var tab, drop string
	if !table.IsNone() {
		t, ok := table.o.(*Bytes)
		if !ok {
			return Value{}, bytesLikeError(table)
		}
		if len(t.s) != 256 {
			return Value{}, ValueErrorf("translation table must be 256 characters long")
		}
		tab = t.s
	}
	if del.IsValid() {
		d, ok := del.o.(*Bytes)
		if !ok {
			return Value{}, bytesLikeError(del)
		}
		drop = d.s
	}
	var out []byte
	data := self.o.(*Bytes).s
	for i := 0; i < len(data); i++ {
		c := data[i]
		if strings.IndexByte(drop, c) >= 0 {
			continue
		}
		if tab != "" {
			c = tab[c]
		}
		out = append(out, c)
	}
	return NewBytes(string(out)), nil
}
