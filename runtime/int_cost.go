package runtime

import "math/big"

// maxIntBits bounds the ints that shifts and powers make: a larger result raises
// OverflowError (a shift) or MemoryError (a power) at once rather than exhausting the host.
const maxIntBits = 1 << 32

// powBits is the size in bits of a ** b for b ≥ 0, near enough.
func powBits(a, b *big.Int) uint64 {
	if !b.IsUint64() {
		return maxIntBits + 1
	}
	n, e := uint64(a.BitLen()), b.Uint64()
	if n <= 1 || e == 0 {
		return n
	}
	if e > maxIntBits/n {
		return maxIntBits + 1
	}
	return n * e
}

// chargeBig charges th (see Thread.Charge) for the big-int operation a op b in proportion
// to its cost, counting 1024 word products or 64 words moved as a step, so that under a
// step budget a huge multiplication, division, power or shift fails before it starts
// rather than running for seconds where nothing can stop it.
func chargeBig(th *Thread, op BinaryOp, a, b *big.Int) error {
	wa, wb := uint64(len(a.Bits())), uint64(len(b.Bits()))
	var cost uint64
	switch op {
	case OpMul, OpFloorDiv, OpMod:
		cost = wa * wb >> 10
	case OpPow:
		if b.Sign() > 0 {
			w := min(powBits(a, b), maxIntBits) / 64
			cost = w * w >> 10
		}
	case OpLShift:
		if b.IsUint64() {
			cost = (wa + min(b.Uint64(), maxIntBits)/64) >> 6
		}
	}
	if cost == 0 {
		return nil
	}
	return th.Charge(cost)
}

// chargeRepeat charges th for seq * count, a step for each 1024 bytes or 64 items made,
// before the work is done (see Thread.Charge).
func chargeRepeat(th *Thread, seq Value, count int64) error {
	var size uint64
	shift := 10
	switch s := seq.o.(type) {
	case *Str:
		size = uint64(len(s.s))
	case *Bytes:
		size = uint64(len(s.s))
	case *ByteArray:
		size = uint64(len(s.b))
	case *List:
		size, shift = uint64(len(s.Items)), 6
	case *Tuple:
		size, shift = uint64(len(s.Items)), 6
	}
	if count <= 1 || size == 0 {
		return nil
	}
	n := uint64(1) << 62 // size * count, without overflowing
	if uint64(count) < n/size {
		n = size * uint64(count)
	}
	if n >>= shift; n == 0 {
		return nil
	}
	return th.Charge(n)
}
