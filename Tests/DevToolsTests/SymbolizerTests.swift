import DevTools
import ELFLoader
import XCTest

/// The symbolizer's symbol selection (ELF gABI symbol table; RISC-V psABI mapping symbols).
final class SymbolizerTests: XCTestCase {
    func testMappingSymbolsAreRecognised() {
        for name in ["$x", "$d", "$xrv64i2p1_m2p0", "$xrv32i2p1_m2p0", "$d.1", "$x.7"] {
            XCTAssertTrue(Symbolizer.isMappingSymbol(name), name)
        }
        for name in ["main", "$s4main3FooV3baryyF", "$e3EVM11InterpreterV3runyyF", "$dollar_function", "_start"] {
            XCTAssertFalse(Symbolizer.isMappingSymbol(name), name)
        }
    }

    /// Embedded Swift's mangled function names start with `$e`; they must name their code (they used to be
    /// dropped with the mapping symbols, so a profile of a Swift guest charged them to unrelated neighbours).
    func testSwiftFunctionsAreSymbolized() throws {
        let path = try DevToolsPaths.example("hello-execute-swift", xlen: 64)
        let program = try ELFLoader.load(path: path)
        let symbols = Symbolizer(program: program)
        let swiftFunctions = program.symbols.filter { $0.isFunction && $0.size > 0 && $0.name.hasPrefix("$e") }
        XCTAssertFalse(swiftFunctions.isEmpty, "no Embedded Swift function symbols in \(path)")
        for f in swiftFunctions {
            let hit = symbols.lookup(f.value + f.size / 2)
            XCTAssertNotNil(hit)
            // Another symbol may share the address (aliases); the chosen one must start there.
            XCTAssertEqual(hit?.entry.address, f.value, f.name)
        }
    }
}
