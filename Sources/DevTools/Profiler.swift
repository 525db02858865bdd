import GuestABI
import RISCV

/// `rvx profile`: attributes every cycle to a call stack kept by a shadow stack that follows the RISC-V
/// calling convention (RISC-V Unprivileged ISA, JAL/JALR "return-address stack" hints; psABI: ra is the
/// link register, t0 the alternate one):
/// - JAL/JALR with rd = ra or t0 is a call: push the function containing the target;
/// - JALR with rd = x0 and rs1 = ra or t0 is a return: pop to the frame whose return address is the new pc
///   (several frames at once); if none matches (a longjmp-like unwind), to the innermost frame of the
///   function containing the new pc; if that function is not on the stack, the top frame is replaced by it;
/// - JAL/JALR with rd = x0 to the start of another function is a tail call: the top frame is replaced.
/// Guest cycle scopes (CYCLE_SCOPE) push and pop frames named by the guest. An instruction's cycle goes to
/// the stack it executed in: a call to its caller, a return to the callee, a scope's enter call outside the
/// scope and its exit call inside it. A syscall's cost beyond its ECALL's one cycle goes to a child frame
/// `[syscall:NAME]` of that stack.
public final class Profiler: HartObserver {
    /// Most frames kept; deeper calls are counted but not pushed (their returns then pop nothing).
    public static let maxDepth = 1 << 14

    let code: CodeMap
    let symbols: Symbolizer
    /// The result.
    public private(set) var tree = CallTree()

    struct Frame {
        var node: Int
        /// The return address of a call frame; nil for the root and for scope frames.
        var returnAddress: UInt64?
        var isScope: Bool
    }
    var stack: [Frame] = []
    var hidden = 0
    var functionNames: [UInt64: Int] = [:]
    var word: UInt32 = 0
    var scope: (enter: Bool, name: String)?
    var syscall: UInt64 = 0
    var syscallNames: [UInt64: Int] = [:]

    public init(code: CodeMap, symbols: Symbolizer) {
        self.code = code
        self.symbols = symbols
    }

    /// The frame name for code at `address`: its symbol, or its hex address.
    func nameID(forFunctionAt address: UInt64) -> Int {
        let start = symbols.lookup(address)?.entry.address ?? address
        if let id = functionNames[start] { return id }
        let id = tree.intern(symbols.lookup(address)?.entry.name ?? ("0x" + String(address, radix: 16)))
        functionNames[start] = id
        return id
    }

    var top: Int { stack.last?.node ?? 0 }

    func push(nameID: Int, returnAddress: UInt64?, isScope: Bool) {
        guard stack.count < Profiler.maxDepth else { hidden += 1; return }
        stack.append(Frame(node: tree.child(of: top, nameID: nameID), returnAddress: returnAddress, isScope: isScope))
    }

    /// Replaces the top frame by the function at `address` (keeping its return address); above a scope
    /// frame (or on an empty stack) the function is pushed instead, so the scope stays open.
    func replaceTop(withFunctionAt address: UInt64) {
        guard let last = stack.last, !last.isScope else {
            push(nameID: nameID(forFunctionAt: address), returnAddress: nil, isScope: false)
            return
        }
        let id = nameID(forFunctionAt: address)
        guard tree.name[last.node] != id else { return }
        stack.removeLast()
        push(nameID: id, returnAddress: last.returnAddress, isScope: false)
    }

    public func willExecute(_ hart: Hart) {
        if stack.isEmpty { push(nameID: nameID(forFunctionAt: hart.pc), returnAddress: nil, isScope: false) }
        word = code.word(at: hart.pc) ?? 0
        scope = nil
        if word == 0x73 { syscall = hart[17] }
        if word == 0x73, hart[17] == NativeSyscall.cycleScope.rawValue {
            let op = hart.xlen.address(hart[10])
            if op == NativeABI.scopeEnter {
                scope = (true, scopeName(hart, hart.xlen.address(hart[11]), hart.xlen.address(hart[12])))
            } else if op == NativeABI.scopeExit {
                scope = (false, "")
            }
        }
    }

    /// The scope's name from guest memory (at most `scopeNameLimit` bytes; `;` and whitespace become `_`
    /// so the folded format stays parseable). Reads only mapped readable pages (no side effect).
    func scopeName(_ hart: Hart, _ address: UInt64, _ length: UInt64) -> String {
        let n = min(length, NativeABI.scopeNameLimit)
        var bytes: [UInt8] = []
        if n > 0, hart.memory.permissions(at: address).contains(.read),
           hart.memory.permissions(at: address &+ n &- 1).contains(.read), let b = hart.memory.read(address, count: n) {
            bytes = b.map { $0 == 0x3B || $0 <= 0x20 || $0 == 0x7F ? 0x5F : $0 }
        }
        let s = String(decoding: bytes, as: UTF8.self)
        return s.isEmpty ? "[scope]" : s
    }

    public func didRetire(_ hart: Hart, pc: UInt64, cycles: UInt64) {
        if word == 0x73 && cycles > 1 {
            // The ECALL itself is one instruction of the caller; the syscall's cost is a child frame.
            tree.add(1, to: top)
            tree.add(cycles - 1, to: tree.child(of: top, nameID: syscallNameID(syscall)))
        } else {
            tree.add(cycles, to: top)
        }
        if let s = scope {
            if s.enter { push(nameID: tree.intern(s.name), returnAddress: nil, isScope: true) } else { popScope() }
        }
        let opcode = word & 0x7F
        guard opcode == 0x6F || opcode == 0x67 else { return }
        let rd = (word >> 7) & 0x1F, rs1 = (word >> 15) & 0x1F
        let link = { (r: UInt32) in r == 1 || r == 5 }
        let target = hart.pc
        if link(rd) {
            push(nameID: nameID(forFunctionAt: target), returnAddress: pc &+ 4, isScope: false)
        } else if rd == 0 && opcode == 0x67 && link(rs1) {
            ret(to: target)
        } else if rd == 0, symbols.symbol(at: target) != nil {
            replaceTop(withFunctionAt: target)
        }
    }

    /// The frame name of syscall `number`: `[syscall:NAME]` (native names from GuestABI, Linux ones by name).
    func syscallNameID(_ number: UInt64) -> Int {
        if let id = syscallNames[number] { return id }
        let name: String
        switch number {
        case LinuxSyscall.read: name = "read"
        case LinuxSyscall.write: name = "write"
        case LinuxSyscall.exit: name = "exit"
        case LinuxSyscall.exitGroup: name = "exit_group"
        case LinuxSyscall.brk: name = "brk"
        default: name = NativeSyscall(rawValue: number)?.cName ?? "0x" + String(number, radix: 16)
        }
        let id = tree.intern("[syscall:" + name + "]")
        syscallNames[number] = id
        return id
    }

    /// A return to `target`: pop to the matching frame, else resynchronise the top frame.
    func ret(to target: UInt64) {
        if hidden > 0 { hidden -= 1; return }
        if let i = stack.lastIndex(where: { $0.returnAddress == target }) {
            stack.removeSubrange(i...)
            if stack.isEmpty { push(nameID: nameID(forFunctionAt: target), returnAddress: nil, isScope: false) }
        } else if let i = stack.lastIndex(where: { !$0.isScope && tree.name[$0.node] == nameID(forFunctionAt: target) }) {
            // A longjmp-like return into a function already on the stack: unwind to its innermost frame.
            stack.removeSubrange((i + 1)...)
        } else {
            replaceTop(withFunctionAt: target)
        }
    }

    /// Closes the innermost scope (and any call frames opened inside it and not returned from).
    func popScope() {
        if let i = stack.lastIndex(where: { $0.isScope }) { stack.removeSubrange(i...) }
    }

    /// Adds cycles spent outside the guest's instructions (e.g. EXECUTE's witness verification) as a
    /// top-level frame named `name`.
    public func addExternal(_ cycles: UInt64, name: String) {
        guard cycles > 0 else { return }
        tree.add(cycles, to: tree.child(of: 0, nameID: tree.intern(name)))
    }
}
