//go:build !cgo

package libm

import "math"

// Cgo reports whether the functions are the C library's.
const Cgo = false

// Funcs are the one-argument functions by their C names.
var Funcs = map[string]func(float64) float64{
	"acos":  math.Acos,
	"acosh": math.Acosh,
	"asin":  math.Asin,
	"asinh": math.Asinh,
	"atan":  math.Atan,
	"atanh": math.Atanh,
	"cbrt":  math.Cbrt,
	"cos":   math.Cos,
	"cosh":  math.Cosh,
	"erf":   math.Erf,
	"erfc":  math.Erfc,
	"exp":   math.Exp,
	"exp2":  math.Exp2,
	"expm1": math.Expm1,
	"log":   math.Log,
	"log10": math.Log10,
	"log1p": math.Log1p,
	"log2":  math.Log2,
	"sin":   math.Sin,
	"sinh":  math.Sinh,
	"sqrt":  math.Sqrt,
	"tan":   math.Tan,
	"tanh":  math.Tanh,
}

// Pow is C's pow.
func Pow(x, y float64) float64 { return math.Pow(x, y) }

// Atan2 is C's atan2.
func Atan2(y, x float64) float64 { return math.Atan2(y, x) }
