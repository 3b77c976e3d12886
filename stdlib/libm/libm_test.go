package libm

import "testing"

// With cgo the results are glibc's, as CPython's: cbrt(27) is not exactly 3 there.
func TestMatchesC(t *testing.T) {
	if !Cgo {
		t.Skip("built without cgo")
	}
	if got := Funcs["cbrt"](27); got != 3.0000000000000004 {
		t.Errorf("cbrt(27) = %v, want glibc's 3.0000000000000004", got)
	}
	if got := Pow(1.37, 2.91); got != 2.4995213484781624 {
		t.Errorf("pow(1.37, 2.91) = %v", got)
	}
}
