//go:build !linux

package stdlib

import "io/fs"

func fileStat(fi fs.FileInfo) statInfo { return genericStat(fi) }
