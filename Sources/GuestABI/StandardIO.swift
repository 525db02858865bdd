/// The standard-IO state mode (docs/EXECUTE.md §2.1, docs/SDK.md §2): the byte layouts shared by the runtime,
/// the prover and a guest written only against the eth-act IO standard (`read_input` / `write_output`).
///
/// `read_input` returns the STATE VIEW followed by the batch; the guest's output stream ends with its STATE
/// REPORT. All integers are little-endian u64.
///
/// ```
/// view   = n ‖ n × (key[32] ‖ value[32])  ‖ BATCH         entries in ascending key order, present keys only
/// output = APP ‖ writes ‖ deletes ‖ reads ‖ trailer
///          writes  = nw × (key[32] ‖ value[32])            applied in order
///          deletes = nd × key[32]                          applied after the writes
///          reads   = nr × key[32]                          every key the guest looked up
///          trailer = nw ‖ nd ‖ nr ‖ "rvxstate"             32 bytes, the last of the output
/// ```
public enum StandardIO {
    /// The INPUT_MAP / INPUT_READ section kind of the view ‖ batch buffer; present only in standard-IO mode.
    public static let inputSection: UInt64 = 16
    /// Bytes of one view entry and of one write: key ‖ value.
    public static let entrySize: UInt64 = 64
    /// Bytes of one delete or read: a key.
    public static let keySize: UInt64 = 32
    /// Bytes of the view's count and of each trailer count.
    public static let countSize: UInt64 = 8
    /// Bytes of the trailer: three counts and the magic.
    public static let trailerSize: UInt64 = 32
    /// The trailer's last 8 bytes: "rvxstate".
    public static let reportMagic: [UInt8] = Array("rvxstate".utf8)
}
