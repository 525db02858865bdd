// Proves one batch of an STF with Execute.Prover from a state file, then verifies it with `execute` as an L1
// would: true for the proved root, false (rootMismatch) for another one.
// usage: embed-swift STF.elf BATCH [PRE-STATE.json]
import BinaryTree
import Execute
import Foundation
import InputContainer

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("embed-swift: " + message + "\n").utf8))
    exit(1)
}

let args = CommandLine.arguments
guard args.count == 3 || args.count == 4 else { fail("usage: embed-swift STF.elf BATCH [PRE-STATE.json]") }
func bytes(_ path: String) -> [UInt8] {
    guard let d = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return [UInt8](d)
}
let elf = bytes(args[1])
let pre: SHA256BinaryTree
do { pre = try StateFile.decode(args.count == 4 ? bytes(args[3]) : []) } catch { fail("\(args[3]): \(error)") }

let proof: ProverOutput
do {
    proof = try Prover.prove(ProverInput(program: .elf(elf), sections: [(.batch, bytes(args[2]))], preState: pre))
} catch { fail("\(error)") }

var request = ExecuteRequest(program: .elf(elf), container: proof.container, claimedPostRoot: proof.postRoot,
                             expectedPreStateRoot: pre.root().bytes)
let good = execute(request)
guard good.verdict, good.cycles == proof.cycles else { fail("verdict \(good.verdict): \(String(describing: good.reason))") }
request.claimedPostRoot[31] ^= 1
let bad = execute(request)
guard !bad.verdict, case .rootMismatch? = bad.reason else { fail("a wrong root gave \(bad.verdict)") }
guard (try? InputContainer(decoding: proof.container))?.preStateRoot == pre.root().bytes else { fail("pre root") }
print("embed-swift: true (\(good.cycles) cycles, gas \(good.gas), witness \(proof.witnessSize) bytes), "
      + "wrong root false (\(bad.reason!.name)), post root \(Bytes32(proof.postRoot)!)")
