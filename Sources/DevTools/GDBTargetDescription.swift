import RISCV

/// The target description served by `qXfer:features:read:target.xml` (GDB manual, "Target Descriptions"
/// and "RISC-V Features": feature `org.gnu.gdb.riscv.cpu` with x0…x31 under their ABI names and pc).
public enum GDBTargetDescription {
    public static func xml(_ xlen: XLEN) -> String {
        let bits = xlen == .rv64 ? 64 : 32
        var s = """
        <?xml version="1.0"?>
        <!DOCTYPE target SYSTEM "gdb-target.dtd">
        <target version="1.0">
        <architecture>riscv:rv\(bits)</architecture>
        <feature name="org.gnu.gdb.riscv.cpu">

        """
        for r in 0..<32 {
            let type = r == 1 ? "code_ptr" : (r == 2 || r == 8 ? "data_ptr" : "int")
            s += "<reg name=\"\(Disassembler.register(r))\" bitsize=\"\(bits)\" type=\"\(type)\" regnum=\"\(r)\"/>\n"
        }
        s += "<reg name=\"pc\" bitsize=\"\(bits)\" type=\"code_ptr\" regnum=\"32\"/>\n</feature>\n</target>\n"
        return s
    }
}
