import EVMPrimitives
import EVMPrecompiles

/// Precompiled contracts 0x01–0x0a: which exist per fork, their gas, and dispatch (Yellow Paper Appendix E;
/// EIP-2565 MODEXP pricing, EIP-1108 BN254 pricing, EIP-152 BLAKE2F, EIP-4844 point evaluation).
public enum Precompiles {
    /// The precompile number (1…10) at `address` in `fork`, or nil.
    @inlinable
    public static func index(of address: Address, fork: Fork) -> Int? {
        guard address.hi == 0 && address.mid == 0 && address.lo >= 1 else { return nil }
        let last: UInt64 = fork >= .cancun ? 10 : 9
        return address.lo <= last ? Int(address.lo) : nil
    }

    /// The precompile addresses active in `fork` (they are warm from the start of every transaction).
    public static func addresses(_ fork: Fork) -> [Address] {
        (1...(fork >= .cancun ? 10 : 9)).map { Address(low: UInt64($0)) }
    }

    /// Linear pricing base + perWord · ⌈size/32⌉.
    @inlinable
    static func linear(_ base: Int, _ perWord: Int, _ size: Int) -> Int64 {
        Int64(base) + Int64(perWord) * Int64(Gas.words(size))
    }
}

extension EVM {
    /// Runs precompile `index` (execution-specs `vm/precompiled_contracts`). Failures consume all gas.
    func runPrecompile(_ index: Int, _ msg: Message) -> CallOutcome {
        let input = msg.input
        var cost: Int64 = 0
        var output: [UInt8]? = nil
        switch index {
        case 1:
            cost = 3000
            if msg.gas >= cost { output = ecrecover(input) }
        case 2:
            cost = Precompiles.linear(60, 12, input.count)
            if msg.gas >= cost { output = crypto.sha256(input) }
        case 3:
            cost = Precompiles.linear(600, 120, input.count)
            if msg.gas >= cost { output = [UInt8](repeating: 0, count: 12) + RIPEMD160.hash(input) }
        case 4:
            cost = Precompiles.linear(15, 3, input.count)
            output = input
        case 5:
            let header = ModExpPricing.parseHeader(input)
            let g = ModExpPricing.gasEIP2565(header)
            cost = g > UInt64(Int64.max / 2) ? Int64.max / 2 : Int64(g)
            if msg.gas >= cost {
                if let (b, e, m) = ModExpPricing.operands(input, header) {
                    output = m.isEmpty ? [] : crypto.modexp(base: b, exponent: e, modulus: m)
                }
            }
        case 6:
            cost = 150
            if msg.gas >= cost { output = BN254.add(input) }
        case 7:
            cost = 6000
            if msg.gas >= cost { output = BN254.mul(input) }
        case 8:
            let k = input.count / 192
            cost = 45000 + 34000 * Int64(k)
            if msg.gas >= cost {
                output = input.count % 192 == 0 ? BN254.pairing(input) : nil
            }
        case 9:
            if input.count != Blake2F.inputLength {
                return CallOutcome(success: false, gasLeft: 0, output: [], halt: .precompileFailed)
            }
            cost = Int64(Blake2F.rounds(input) ?? 0)
            if msg.gas >= cost { output = Blake2F.compress(input) }
        default:
            unsupportedPrecompileUsed = true
            return CallOutcome(success: false, gasLeft: 0, output: [], halt: .unsupportedPrecompile)
        }
        if msg.gas < cost { return CallOutcome(success: false, gasLeft: 0, output: [], halt: .outOfGas) }
        guard let out = output else {
            return CallOutcome(success: false, gasLeft: 0, output: [], halt: .precompileFailed)
        }
        return CallOutcome(success: true, gasLeft: msg.gas - cost, output: out, halt: nil)
    }

    /// ECRECOVER: input hash ‖ v ‖ r ‖ s (right-padded to 128 bytes); output the left-padded address, or
    /// empty output (still success) for an invalid signature.
    func ecrecover(_ input: [UInt8]) -> [UInt8] {
        var buf = input
        if buf.count < 128 { buf.append(contentsOf: repeatElement(0, count: 128 - buf.count)) }
        let v = UInt256(bigEndian: buf[32..<64])
        guard v == UInt256(27) || v == UInt256(28) else { return [] }
        let hash = Array(buf[0..<32])
        let r = Array(buf[64..<96]), s = Array(buf[96..<128])
        guard let pub = crypto.ecrecover(hash: hash, recid: UInt8(v.w0 - 27), r: r, s: s) else { return [] }
        let h = crypto.keccak256(pub)
        return [UInt8](repeating: 0, count: 12) + Array(h[12..<32])
    }
}
