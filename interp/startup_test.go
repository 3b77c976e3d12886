package interp_test

import (
	"context"
	"testing"

	"github.com/aio-lang/aio/interp"
)

// BenchmarkStartup measures what `aio -c pass` does after the process starts: a new
// interpreter (builtins, the asyncio module) running an empty program.
func BenchmarkStartup(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		it := interp.New(interp.Options{})
		if err := it.Run(context.Background(), "<string>", []byte("pass")); err != nil {
			b.Fatal(err)
		}
	}
}
