// Package libm gives Go code the C library's math functions, which CPython calls: glibc's
// are correctly rounded (or nearly), where Go's math package is often one ulp off, so
// results printed with repr would differ from CPython's in the last digit. With cgo it
// calls libm; without cgo it falls back on package math (Cgo reports which).
//
// Both package stdlib (math, random) and package runtime (float ** and the like) need
// these to agree with CPython.
package libm
