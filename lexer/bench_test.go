package lexer

import (
	"fmt"
	plex "github.com/alecthomas/participle/v2/lexer"
	"strings"
	"testing"
)

// genProgram builds a realistic Aio program of at least n lines by cycling through templates:
// a class with methods, an async function with awaits and f-strings, and a function with
// loops, comprehensions and exception handling.
func genProgram(n int) string {
	templates := []string{
		`class Account%[1]d(Base):
    """A bank account, number %[1]d."""

    rate = 0.05

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance  # opening balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"bad amount: {amount!r}")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self.balance

    def __repr__(self):
        return f"Account%[1]d({self.owner!r}, {self.balance:.2f})"

`,
		`async def fetch%[1]d(session, urls, limit=10):
    sem = asyncio.Semaphore(limit)
    results = {}

    async def one(url):
        async with sem:
            await asyncio.sleep(0.01 * len(url))
            results[url] = {"status": 200, "size": len(url) ** 2}

    await asyncio.gather(*[one(u) for u in urls])
    total = sum(r["size"] for r in results.values())
    print(f"fetched {len(results)} pages, {total:,} bytes, max={max(results, key=len)}")
    return results

`,
		`def process%[1]d(items, *, threshold=0x10, verbose=False):
    out = [x * 2 for x in items if x %% 3 != 0]
    pairs = {k: v for k, v in zip(out, range(len(out)))}
    total = 0
    for i, value in enumerate(out):
        try:
            total += value // (i - 1) if i != 1 else 0
        except ZeroDivisionError as err:
            print("error", err, file=sys.stderr)
            continue
        finally:
            total &= 0xFFFF_FFFF
        while total > threshold and not verbose:
            total >>= 1
    return total, pairs, 'done', b"\x00\xff", 1e-3, 3j

`,
	}
	var b strings.Builder
	lines := 0
	for i := 0; lines < n; i++ {
		t := fmt.Sprintf(templates[i%len(templates)], i)
		b.WriteString(t)
		lines += strings.Count(t, "\n")
	}
	return b.String()
}

func TestGenProgramScans(t *testing.T) {
	src := genProgram(1000)
	toks, err := Tokenize("gen.aio", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(toks); n < 5000 {
		t.Fatalf("only %d tokens for 1000 lines", n)
	}
}

// BenchmarkTokenize scans a generated 10,000-line program, reusing the token buffer as a
// parser that lexes many files would.
func BenchmarkTokenize(b *testing.B) {
	src := genProgram(10000)
	lines := strings.Count(src, "\n")
	var buf []plex.Token
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		toks, err := Tokenize("gen.aio", src, buf)
		if err != nil {
			b.Fatal(err)
		}
		buf = toks
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}

// BenchmarkLexString measures the participle entry point, which allocates a fresh buffer.
func BenchmarkLexString(b *testing.B) {
	src := genProgram(10000)
	lines := strings.Count(src, "\n")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Default.(Definition).LexString("gen.aio", src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}
