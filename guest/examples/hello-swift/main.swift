// hello-swift: an Embedded Swift guest for rvx. Computes something with generics, arrays (heap via
// posix_memalign/brk), closures and integer overflow arithmetic, and prints it through putchar.

/// FNV-1a 64-bit over a byte sequence (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
func fnv1a<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
        h ^= UInt64(b)
        h = h &* 0x0000_0100_0000_01b3
    }
    return h
}

func hex(_ v: UInt64) -> String {
    let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
    var s = ""
    for i in stride(from: 60, through: 0, by: -4) {
        s.append(digits[Int((v >> UInt64(i)) & 0xf)])
    }
    return s
}

struct Collatz: Sequence, IteratorProtocol {
    var n: UInt64
    mutating func next() -> UInt64? {
        if n == 1 { return nil }
        n = n % 2 == 0 ? n / 2 : 3 * n + 1
        return n
    }
}

@main
struct HelloSwift {
    static func main() {
        print("Hello from Embedded Swift!")
        var fib: [UInt64] = [0, 1]
        while fib.count < 90 { fib.append(fib[fib.count - 1] + fib[fib.count - 2]) }
        print("fib(89) = \(fib[89])")
        let longest = (1..<10_000).map { (n: UInt64) -> (UInt64, Int) in
            var steps = 0
            for _ in Collatz(n: n) { steps += 1 }
            return (n, steps)
        }.max { $0.1 < $1.1 }!
        print("longest Collatz chain below 10000: \(longest.0) (\(longest.1) steps)")
        print("fnv1a(\"rvx\") = 0x" + hex(fnv1a(Array("rvx".utf8))))
    }
}
