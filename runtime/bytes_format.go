package runtime

// The conversions of bytes % args that differ from str % args (format.go runs both): %s
// and its alias %b take bytes-like objects or __bytes__, %r and %a give ascii(), and %c
// makes one byte.

// bytesConversion converts v for conversion character conv; ok is false for the
// conversions bytes shares with str.
func bytesConversion(th *Thread, conv rune, v Value) (s string, ok bool, err error) {
	switch conv {
	case 's', 'b':
		s, err = bytesArg(th, v)
	case 'r', 'a':
		s, err = ASCII(th, v)
	case 'c':
		s, err = byteChar(th, v)
	default:
		return "", false, nil
	}
	return s, true, err
}

// bytesArg is the argument of %s and %b.
func bytesArg(th *Thread, v Value) (string, error) {
	if s, ok := BytesLike(v); ok {
		return s, nil
	}
	if s, found, err := callBytes(th, v); found || err != nil {
		return s, err
	}
	return "", TypeErrorf("%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
		v.Type().Name)
}

// byteChar is the argument of %c: a single byte, or an int in range(256).
func byteChar(th *Thread, v Value) (string, error) {
	if s, ok := BytesLike(v); ok && len(s) == 1 {
		return s, nil
	}
	r, ok, err := indexValue(th, v)
	switch {
	case err != nil && !AsException(err).Matches(TypeErrorType):
		return "", err
	case err != nil || !ok:
		return "", TypeErrorf("%%c requires an integer in range(256) or a single byte")
	}
	n, ok := AsInt64(r)
	if !ok || n < 0 || n > 255 {
		return "", Errorf(OverflowErrorType, "%%c arg not in range(256)")
	}
	return string([]byte{byte(n)}), nil
}
