import EVMPrimitives
import EVMPrecompiles

/// Precompile lookup and dispatch (Yellow Paper Appendix E; EIP-2565, EIP-7823 and EIP-7883 MODEXP, EIP-1108
/// BN254 pricing, EIP-152 BLAKE2F, EIP-4844 point evaluation, EIP-2537 BLS12-381, EIP-7951 P256VERIFY). Which precompile lives where since which fork is the
/// `Precompile` table.
public enum Precompiles {
    /// The precompile at `address` in `fork`, or nil.
    @inlinable
    public static func lookup(_ address: Address, fork: Fork) -> Precompile? {
        guard address.hi == 0 && address.mid == 0 else { return nil }
        let p: Precompile?
        if address.lo == 0x100 {
            p = .p256Verify
        } else if address.lo >= 1 && address.lo < UInt64(Precompile.p256Verify.rawValue) {
            p = Precompile(rawValue: UInt8(address.lo))
        } else {
            p = nil
        }
        guard let found = p, found.since <= fork else { return nil }
        return found
    }

    /// The precompile addresses of every fork, indexed by `Fork.rawValue` (warm from the start of every
    /// transaction, EIP-2929).
    static let addressTable: [[Address]] = Fork.allCases.map { f in f.spec.precompiles.map { $0.address } }

    /// The precompile addresses active in `fork`.
    public static func addresses(_ fork: Fork) -> [Address] { addressTable[Int(fork.rawValue)] }

    /// Linear pricing base + perWord · ⌈size/32⌉.
    @inlinable
    static func linear(_ base: Int, _ perWord: Int, _ size: Int) -> Int64 {
        Int64(base) + Int64(perWord) * Int64(Gas.words(size))
    }
}

extension EVM {
    /// Runs precompile `p` (execution-specs `vm/precompiled_contracts`). Failures consume all gas.
    func runPrecompile(_ p: Precompile, _ msg: Message) -> CallOutcome {
        let input = msg.input
        var cost: Int64 = 0
        var output: [UInt8]? = nil
        switch p {
        case .ecrecover:
            cost = 3000
            if msg.gas >= cost { output = ecrecover(input) }
        case .sha256:
            cost = Precompiles.linear(60, 12, input.count)
            if msg.gas >= cost { output = crypto.sha256(input) }
        case .ripemd160:
            cost = Precompiles.linear(600, 120, input.count)
            if msg.gas >= cost { output = [UInt8](repeating: 0, count: 12) + RIPEMD160.hash(input) }
        case .identity:
            cost = Precompiles.linear(15, 3, input.count)
            output = input
        case .modexp:
            let header = ModExpPricing.parseHeader(input)
            if spec.has(.eip7823) && !ModExpPricing.withinEIP7823Bounds(header) {
                return CallOutcome(success: false, gasLeft: 0, output: [], halt: .precompileFailed)
            }
            let g = spec.has(.eip7883) ? ModExpPricing.gasEIP7883(header) : ModExpPricing.gasEIP2565(header)
            cost = g > UInt64(Int64.max / 2) ? Int64.max / 2 : Int64(g)
            if msg.gas >= cost {
                if let (b, e, m) = ModExpPricing.operands(input, header) {
                    output = m.isEmpty ? [] : crypto.modexp(base: b, exponent: e, modulus: m)
                }
            }
        case .bn254Add:
            cost = 150
            if msg.gas >= cost { output = BN254.add(input) }
        case .bn254Mul:
            cost = 6000
            if msg.gas >= cost { output = BN254.mul(input) }
        case .bn254Pairing:
            let k = input.count / 192
            cost = 45000 + 34000 * Int64(k)
            if msg.gas >= cost {
                output = input.count % 192 == 0 ? BN254.pairing(input) : nil
            }
        case .blake2f:
            if input.count != Blake2F.inputLength {
                return CallOutcome(success: false, gasLeft: 0, output: [], halt: .precompileFailed)
            }
            cost = Int64(Blake2F.rounds(input) ?? 0)
            if msg.gas >= cost { output = Blake2F.compress(input) }
        case .pointEvaluation:
            cost = Precompiles.pointEvaluationGas
            if msg.gas >= cost { output = pointEvaluation(input) }
        case .bls12G1Add, .bls12G1MSM, .bls12G2Add, .bls12G2MSM, .bls12PairingCheck, .bls12MapFpToG1,
            .bls12MapFp2ToG2:
            guard let (operation, gas) = Precompiles.bls12Pricing(p, inputLength: input.count) else {
                return CallOutcome(success: false, gasLeft: 0, output: [], halt: .precompileFailed)
            }
            cost = gas
            if msg.gas >= cost { output = crypto.bls12381(operation, input) }
        case .p256Verify:
            cost = Precompiles.p256VerifyGas
            if msg.gas >= cost { output = p256Verify(input) }
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
