package runtime

import (
	"strings"
)

// The bytes and bytearray constructors and the methods they share. Most methods are shared
// with str too (str_methods.go); bytes treat only ASCII letters as cased and only ASCII
// whitespace as space. Both accept either type as an argument.

var bytesKind = &textKind{
	cls:  BytesType,
	wrap: NewBytes,
	unwrap: func(v Value) (text, bool) {
		s, ok := BytesLike(v)
		return text{s, len(s)}, ok
	},
	decode:   func(s string) (rune, int) { return rune(s[0]), 1 },
	last:     func(s string) (rune, int) { return rune(s[len(s)-1]), 1 },
	space:    isASCIISpace,
	lineSep:  func(rune) bool { return false },
	notFound: "subsection not found",
	subError: func(_ string, v Value) error { return bytesLikeError(v) },
}

// byteArrayKind is bytesKind making bytearrays.
var byteArrayKind = func() *textKind {
	k := *bytesKind
	k.cls, k.wrap = ByteArrayType, NewByteArray
	return &k
}()

// kindOf returns the kind of a bytes or bytearray class.
func kindOf(cls *Class) *textKind {
	if cls == ByteArrayType {
		return byteArrayKind
	}
	return bytesKind
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
	if s, ok := BytesLike(v); ok {
		return s, nil
	}
	if i, ok := AsInt64(v); ok || IsInt(v) {
		if !ok || i < 0 || i > 255 {
			return "", ValueErrorf("byte must be in range(0, 256)")
		}
		return string([]byte{byte(i)}), nil
	}
	return "", TypeErrorf("argument should be integer or bytes-like object, not '%s'", v.Type().Name)
}

// bytesContains is x in b, for the contents b of a bytes or bytearray.
func bytesContains(b string, x Value) (bool, error) {
	if IsInt(x) {
		sub, err := bytesSub(x)
		return err == nil && strings.Contains(b, sub), err
	}
	sub, ok := BytesLike(x)
	if !ok {
		return false, bytesLikeError(x)
	}
	return strings.Contains(b, sub), nil
}

func init() {
	BytesType.New = bytesNew
	ByteArrayType.New = bytesNew
	for _, k := range []*textKind{bytesKind, byteArrayKind} {
		registerBytesMethods(k)
	}
	noArgMethods(BytesType, map[string]func(*Thread, Value) (Value, error){
		"__bytes__": func(_ *Thread, self Value) (Value, error) { return self, nil },
	})
	addDunders(BytesType, "__len__", "__iter__", "__getitem__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__",
		"__ge__", "__add__", "__mul__", "__rmul__", "__mod__")
	addDunders(ByteArrayType, "__len__", "__iter__", "__getitem__", "__setitem__", "__delitem__", "__eq__",
		"__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__mul__", "__rmul__", "__mod__")
	// register gave bytearray bytes' __hash__; being mutable, it has none.
	ByteArrayType.Dict.SetStr("__hash__", None)
}

// registerBytesMethods adds the methods bytes and bytearray share.
func registerBytesMethods(k *textKind) {
	k.register(map[string]func(string) string{
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
	c := k.cls
	c.AddMethod("decode", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		encoding, errors := "utf-8", "strict"
		if err := UnpackArgs("decode", args, kw, "encoding?", &encoding, "errors?", &errors); err != nil {
			return Value{}, err
		}
		b, _ := BytesLike(self)
		s, err := DecodeBytes(b, encoding, errors)
		return NewStr(s), err
	})
	c.AddMethod("hex", bytesHex)
	addClassMethod(c, "fromhex", bytesFromHex)
	c.Dict.SetStr("maketrans", Ref(&StaticMethod{Fn: NewBuiltin("maketrans", bytesMaketrans)}))
	c.AddMethod("translate", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		return bytesTranslate(k, self, args, kw)
	})
	c.AddMethod("__contains__", func(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
		x, err := oneArg(c.Name+".__contains__", args, kw)
		if err != nil {
			return Value{}, err
		}
		b, _ := BytesLike(self)
		ok, err := bytesContains(b, x)
		return Bool(ok), err
	})
}

// bytesNew is bytes(source=b”, encoding, errors) and bytearray(…) alike.
func bytesNew(th *Thread, cls *Class, args []Value, kw []Kwarg) (Value, error) {
	k := kindOf(cls.Base)
	s, err := bytesSource(th, k.cls, args, kw)
	if err != nil {
		return Value{}, err
	}
	return k.wrap(s), nil
}

// bytesSource is the contents of bytes(…) or bytearray(…).
func bytesSource(th *Thread, cls *Class, args []Value, kw []Kwarg) (string, error) {
	if err := rejectKwargs(cls.Name, kw, "source", "encoding", "errors"); err != nil {
		return "", err
	}
	var src, encv, errv Value
	if err := UnpackArgs(cls.Name, args, kw, "source?", &src, "encoding?", &encv, "errors?", &errv); err != nil {
		return "", err
	}
	s, isStr := AsStr(src)
	switch {
	case !src.IsValid() && !encv.IsValid() && !errv.IsValid():
		return "", nil
	case isStr && !encv.IsValid():
		return "", TypeErrorf("string argument without an encoding")
	case !isStr && encv.IsValid():
		return "", TypeErrorf("encoding without a string argument")
	case !isStr && errv.IsValid():
		return "", TypeErrorf("errors without a string argument")
	case isStr:
		encoding, err := optString(cls.Name, "encoding", encv, "utf-8")
		if err != nil {
			return "", err
		}
		errors, err := optString(cls.Name, "errors", errv, "strict")
		if err != nil {
			return "", err
		}
		return encodeStr(s, encoding, errors)
	}
	return bytesOf(th, src, cls)
}

// bytesOf is the contents of bytes(v) or bytearray(v) (cls says which) for a non-str v: a
// bytes-like object, __bytes__ (for bytes only), a count of zero bytes, or an iterable of
// ints in range(256).
func bytesOf(th *Thread, v Value, cls *Class) (string, error) {
	if s, ok := BytesLike(v); ok {
		return s, nil
	}
	if cls == BytesType {
		if s, found, err := callBytes(th, v); found || err != nil {
			return s, err
		}
	}
	if n, ok, err := Index(th, v); ok || err != nil {
		switch {
		case err != nil:
		case n < 0:
			err = ValueErrorf("negative count")
		case n > 1<<28: // as for repetition: MemoryError rather than exhausting the host
			err = Errorf(MemoryErrorType, "")
		default:
			err = th.Charge(uint64(n) >> 10)
		}
		if err != nil {
			return "", err
		}
		return strings.Repeat("\x00", int(n)), nil
	}
	if _, isStr := AsStr(v); isStr {
		return "", TypeErrorf("cannot convert 'str' object to %s", cls.Name)
	}
	items, err := ToSlice(th, v)
	if err != nil {
		if AsException(err).Matches(TypeErrorType) {
			return "", TypeErrorf("cannot convert '%s' object to %s", v.Type().Name, cls.Name)
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
			if cls == ByteArrayType {
				return "", ValueErrorf("byte must be in range(0, 256)")
			}
			return "", ValueErrorf("bytes must be in range(0, 256)")
		}
		out[i] = byte(n)
	}
	return string(out), nil
}

// callBytes calls v.__bytes__, if it has one.
func callBytes(th *Thread, v Value) (string, bool, error) {
	r, found, err := CallMethod(th, v, "__bytes__")
	if !found || err != nil {
		return "", found, err
	}
	b, ok := r.o.(*Bytes)
	if !ok {
		return "", true, TypeErrorf("__bytes__ returned non-bytes (type %s)", r.Type().Name)
	}
	return b.s, true, nil
}

// bytesHex is bytes.hex(sep=<none>, bytes_per_sep=1): groups of bytes_per_sep bytes
// counted from the right (from the left when negative) separated by sep.
func bytesHex(th *Thread, self Value, args []Value, kw []Kwarg) (Value, error) {
	var sepv Value
	per := 1
	if err := UnpackArgs("hex", args, kw, "sep?", &sepv, "bytes_per_sep?", &per); err != nil {
		return Value{}, err
	}
	data, _ := BytesLike(self)
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

// bytesFromHex is bytes.fromhex(string) or bytearray.fromhex(string): pairs of hex
// digits, whitespace between pairs.
func bytesFromHex(th *Thread, cls Value, args []Value, kw []Kwarg) (Value, error) {
	k := kindOf(cls.o.(*Class).Base)
	v, err := oneArg(k.cls.Name+".fromhex", args, kw)
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
	return k.wrap(string(out)), nil
}

// bytesMaketrans is bytes.maketrans(frm, to): a 256-byte table mapping frm's bytes to to's.
func bytesMaketrans(th *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := posOnly(BytesType, "maketrans", args, kw, 2, 2); err != nil {
		return Value{}, err
	}
	var pair [2]string
	for i, a := range args {
		b, ok := BytesLike(a)
		if !ok {
			return Value{}, bytesLikeError(a)
		}
		pair[i] = b
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

// bytesTranslate is bytes.translate(table, /, delete=b”) or bytearray's, k saying which.
func bytesTranslate(k *textKind, self Value, args []Value, kw []Kwarg) (Value, error) {
	if err := rejectKwargs("translate", kw, "delete"); err != nil {
		return Value{}, err
	}
	var table, del Value
	if err := UnpackArgs("translate", args, kw, "table", &table, "delete?", &del); err != nil {
		return Value{}, err
	}
	var tab, drop string
	if !table.IsNone() {
		var ok bool
		if tab, ok = BytesLike(table); !ok {
			return Value{}, bytesLikeError(table)
		}
		if len(tab) != 256 {
			return Value{}, ValueErrorf("translation table must be 256 characters long")
		}
	}
	if del.IsValid() {
		var ok bool
		if drop, ok = BytesLike(del); !ok {
			return Value{}, bytesLikeError(del)
		}
	}
	var out []byte
	data, _ := BytesLike(self)
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
	return k.wrap(string(out)), nil
}
